// Property: a generated report (one cell perhaps changed) turned into each messy shape of text copied
// from a PDF (test/support/messy.ts) gives exactly the clean text's findings, and fix-all writes the
// same values into the same derived cells, once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, codesTagged, fixAllEdits } from '../../server/src/core/index';
import * as messy from '../support/messy';
import { consistentTable3, consistentTable4, renderReport, rng } from '../support/report';
import { findingKeys } from './helpers';

const STYLES: Record<string, (text: string) => string> = {
  'pdftotext -layout': (t) => messy.asPdfText(t),
  'a PDF viewer copy (one space)': (t) => messy.asPdfText(t, 'viewer'),
  'one value per line': messy.oneValuePerLine,
  'wrapped labels, values alone between': (t) => messy.asPdfText(messy.wrappedLabels(t)),
  'merged labels scattered between rows': (t) => messy.asPdfText(messy.scatteredGroupLabels(t)),
  'page numbers between rows': (t) => messy.asPdfText(messy.pageNumbers(t)),
  '1、 numbering': messy.ideographicNumbering,
  'stray spaces inside labels': (t) => messy.asPdfText(messy.spacedLabels(t)),
  'label typos': (t) =>
    messy.withTypos(t, ['4.保护第三方合法权益', '一、本年新收政府信息公开申请数量', '2.没有现成信息需要另行制作', '3.要求提供公开出版物']),
  'everything at once': (t) =>
    messy.asPdfText(messy.pageNumbers(messy.scatteredGroupLabels(messy.wrappedLabels(messy.spacedLabels(messy.ideographicNumbering(t)))))),
};

test('property: each PDF-text shape of a report gives the clean text’s findings, and the same fixes', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.constantFrom('2021' as const, '2019' as const),
      fc.constantFrom(...Object.keys(STYLES)),
      fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 })), { nil: undefined }),
      (seed, format, style, change) => {
        const random = rng(seed);
        const table3 = consistentTable3(format, random);
        const table4 = consistentTable4(random, format);
        if (change) table3.grid[change[0] % table3.grid.length][change[1]] += change[2];
        const clean = renderReport({ table3, table4 });
        const text = STYLES[style](clean);
        assert.notEqual(text, clean);
        assert.deepEqual(findingKeys(text), findingKeys(clean), style);
        if (!change) assert.deepEqual(findingKeys(text), []);
        // fix-all: the clean text's values, in the same derived cells (in order), and once is enough
        const edits = fixAllEdits(analyze(text));
        assert.deepEqual(
          edits.map((e) => e.newText.trim()),
          fixAllEdits(analyze(clean)).map((e) => e.newText.trim()),
        );
        const fixed = applyEdits(text, edits);
        assert.deepEqual(
          analyze(fixed)
            .findings.map((f) => f.code)
            .filter((c) => codesTagged('fix-all').includes(c)),
          [],
        );
        assert.equal(applyEdits(fixed, fixAllEdits(analyze(fixed))), fixed, 'fix twice = fix once');
      },
    ),
    { seed: 20261203, numRuns: 250 },
  );
});

test('a typo in a label is read only when exactly one row is one edit away', () => {
  const random = rng(41);
  const table3 = consistentTable3('2021', random);
  const table4 = consistentTable4(random);
  const clean = renderReport({ table3, table4 });
  const t = messy.withTypos(clean, ['4.保护第三方合法权益']);
  const rows = analyze(t).report.tables.find((x) => x.id === '三')!.blocks[0].rows;
  assert.match(rows.find((r) => r.spec.id === '（三）4')!.note ?? '', /typo/);
  // two edits away: not read by its words (its number still names it under its group)
  const far = clean.replace('\t4.保护第三方合法权益\t', '\t保护第四方合理权益\t');
  const a = analyze(far);
  assert.ok(a.findings.some((f) => f.code === 'unknown-row'));
  assert.ok(!a.findings.some((f) => f.code === 'row-total' || f.code === 'column-total'));
});
