// Plain `pdftotext` (no -layout) prints some labels far from their values: a run of rows' values
// with no label between two rows that were read, the labels listed later. The run is read only
// where nothing rests on a guess (test/support/messy.ts labelsApart); otherwise its lines stay
// unknown-row / missing-row, and never an error the clean text does not have.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, codesTagged, fixAllEdits } from '../../server/src/core/index';
import { labelsApart, oneValuePerLine } from '../support/messy';
import { consistentTable3, consistentTable4, renderReport, rng } from '../support/report';
import { findingKeys } from './helpers';

test('property: labels printed apart from their values (pdftotext without -layout): read where certain, else unknown, never an invented error', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.constantFrom('2021' as const, '2019' as const),
      fc.nat(),
      fc.integer({ min: 1, max: 4 }),
      fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 })), { nil: undefined }),
      (seed, format, start, count, change) => {
        const random = rng(seed);
        const table3 = consistentTable3(format, random);
        const table4 = consistentTable4(random, format);
        if (change) table3.grid[change[0] % table3.grid.length][change[1]] += change[2];
        const clean = renderReport({ table3, table4 });
        const n = table3.rowIds.length;
        const from = 1 + (start % (n - 1 - count));
        const text = labelsApart(clean, from, count);
        const ids = table3.rowIds.slice(from, from + count);
        const got = findingKeys(text);
        const want = findingKeys(clean);
        // the same rows as one value per line with every label in place, then the run
        const certain = count === 1 || ids.every((id) => table3.detailRowIds.includes(id));
        const vertical = findingKeys(oneValuePerLine(clean));
        if (certain && vertical.every((k) => !k.startsWith('unknown-row') && !k.startsWith('missing-row'))) {
          assert.deepEqual(got, want, `${ids}`);
        } else {
          const errors = new Set(want.filter((k) => /^(row-total|column-total|balance|missing-cell|empty-total)\|/.test(k)));
          for (const k of got) if (/^(row-total|column-total|balance)\|/.test(k)) assert.ok(errors.has(k), `${ids}: ${k}`);
        }
        const edits = fixAllEdits(analyze(text));
        const fixed = applyEdits(text, edits);
        assert.deepEqual(
          analyze(fixed)
            .findings.map((f) => f.code)
            .filter((c) => codesTagged('fix-all').includes(c) && c !== 'missing-cell'),
          [],
        );
        assert.equal(applyEdits(fixed, fixAllEdits(analyze(fixed))), fixed, 'fix twice = fix once');
        // a fix writes only a value line's number: every changed line was a lone figure
        const before = text.split('\n');
        fixed.split('\n').forEach((l, i) => {
          if (l !== before[i]) assert.match(`${before[i]}→${l}`, /^\d*→\d+$/);
        });
      },
    ),
    { seed: 20261205, numRuns: 200 },
  );
});
