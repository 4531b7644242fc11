// Property (issue 9, bad bytes): a generated report (one cell perhaps changed) with a few bytes that
// are not UTF-8 spliced in anywhere — prose, a label, a value cell, between cells, in the middle of a
// character — read as the CLI and the editor read it (each bad sequence as U+FFFD). Then:
// `invalid-encoding` points at the first bad character; away from the tables, every other finding is
// the clean text's; inside a table, every arithmetic finding the clean text does not give is about
// the damaged line (its cell is unreadable, not invented to be wrong), and no fix writes into a line
// holding U+FFFD or writes a value the clean text's fix does not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { decodeReport } from '../../server/src/cli/files';
import { analyze, codesTagged, fixAllEdits } from '../../server/src/core/index';
import { consistentTable3, consistentTable4, renderReport, rng } from '../support/report';
import { findingKey } from './helpers';

const ARITHMETIC = new Set(codesTagged('arithmetic'));
const BAD: number[][] = [[0xff], [0xfe], [0x80], [0xc3], [0xe4, 0xb8], [0x80, 0x80, 0x80], [0xf0, 0x9f]];

/** the line each UTF-16 position of `text` is on */
function lineOf(text: string, at: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

test('property: a few bad bytes anywhere → invalid-encoding at the first, no invented arithmetic error, no fix on a damaged line', () => {
  let inTables = 0;
  let refused = 0;
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.constantFrom('2021' as const, '2019' as const),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom(...BAD), fc.boolean()), { minLength: 1, maxLength: 3 }),
      fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 })), { nil: undefined }),
      (seed, format, damage, change) => {
        try {
          check(seed, format, damage, change);
        } catch (e) {
          if (process.env.DBG) console.error(String(e));
          throw e;
        }
      },
    ),
    { seed: Number(process.env.SEED ?? 20261202), numRuns: Number(process.env.RUNS ?? 300), verbose: process.env.DBG ? 1 : 0 },
  );
  function check(
    seed: number,
    format: '2021' | '2019',
    damage: [number, number[], boolean][],
    change: [number, number, number] | undefined,
  ) {
    const random = rng(seed);
    const table3 = consistentTable3(format, random);
    const table4 = consistentTable4(random, format);
    if (change) table3.grid[change[0] % table3.grid.length][change[1]] += change[2];
    const clean = renderReport({ table3, table4 });
    const bytes = Buffer.from(clean, 'utf8');
    // byte offsets, anywhere (also inside a character: a copy cut short), last first so earlier offsets hold
    const cuts = damage
      .map(([where, bad, replace]) => ({ at: 1 + (where % (bytes.length - 2)), bad, replace }))
      .sort((a, b) => b.at - a.at)
      .filter((c, i, all) => i === 0 || c.at !== all[i - 1].at);
    let damaged = bytes;
    for (const { at, bad, replace } of cuts) {
      // inserted (a bad copy), or written over one byte (a flipped byte: also a tab, never a line break)
      const over = replace && damaged[at] !== 0x0a && damaged[at] !== 0x0d ? 1 : 0;
      damaged = Buffer.concat([damaged.subarray(0, at), Buffer.from(bad), damaged.subarray(at + over)]);
    }

    const read = decodeReport(damaged);
    if ('error' in read) {
      // more bad sequences than a few (each bad byte inside a character makes up to four): refused, saying so
      assert.match(read.error, /not UTF-8/);
      refused++;
      return;
    }
    const text = read.text;
    const first = text.indexOf('\ufffd');
    // a continuation byte written over another can make a valid (wrong) character: a typo, not bad bytes
    if (first < 0) return;
    const a = analyze(text);
    const enc = a.findings.filter((f) => f.code === 'invalid-encoding');
    assert.equal(enc.length, 1, 'one invalid-encoding finding');
    const firstLine = lineOf(text, first);
    assert.equal(enc[0].range.start.line, firstLine);
    assert.equal(enc[0].range.start.character, first - (text.lastIndexOf('\n', first - 1) + 1));

    const lines = text.split('\n');
    // the lines the damage changed (a bad byte inside a character can also leave a wrong but valid one beside U+FFFD)
    const cleanLines = clean.split('\n');
    assert.equal(lines.length, cleanLines.length);
    const damagedLines = new Set(lines.flatMap((l, i) => (l !== cleanLines[i] ? [i] : [])));
    const cleanFindings = analyze(clean).findings;
    const cleanKeys = new Set(cleanFindings.map(findingKey));
    const tableLines = new Set(
      a.report.tables.flatMap((t) => Array.from({ length: t.range.end.line - t.range.start.line + 1 }, (_, k) => t.range.start.line + k)),
    );
    const touchesTable = [...damagedLines].some((l) => tableLines.has(l) || /\t/.test(lines[l]));
    if (touchesTable) inTables++;
    if (process.env.DBG)
      console.log(
        touchesTable,
        [...damagedLines],
        cuts.map((c) => c.at),
        bytes.length,
      );
    const others = a.findings.filter((f) => f.code !== 'invalid-encoding');
    if (!touchesTable) {
      // a line count may differ (a bad byte inside a line break pair cannot happen: \n is one byte)
      assert.deepEqual(others.map(findingKey).sort(), cleanFindings.map(findingKey).sort(), 'prose damage changes nothing else');
    } else {
      for (const f of others)
        if (ARITHMETIC.has(f.code) && !cleanKeys.has(findingKey(f)))
          assert.ok(
            damagedLines.has(f.range.start.line) || (f.related ?? []).some((r) => damagedLines.has(r.range.start.line)),
            `an arithmetic finding the clean text does not give must rest on a damaged line: ${findingKey(f)} at ${f.range.start.line}`,
          );
    }
    // a fix writes only what the clean text's fix writes, in the same cell, and never over a lost character
    const cleanFixes = new Set(fixAllEdits(analyze(clean)).map((e) => `${e.range.start.line}|${e.newText.trim()}`));
    for (const e of fixAllEdits(a)) {
      assert.ok(
        cleanFixes.has(`${e.range.start.line}|${e.newText.trim()}`),
        `a fix writes ${e.newText} on line ${e.range.start.line}, which the clean text's fix does not`,
      );
      const line = lines[e.range.start.line];
      let from = e.range.start.character;
      let to = e.range.end.character;
      while (from > 0 && line[from - 1] !== '\t') from--;
      while (to < line.length && line[to] !== '\t') to++;
      assert.ok(
        !line.slice(from, to).includes('\ufffd'),
        `a fix into a cell with a lost character: ${JSON.stringify(line.slice(from, to))}`,
      );
    }
  }
  assert.ok(refused < 30, `${refused} of 300 damaged reports were refused, not read`);
  assert.ok(inTables > 30, `the damage reached a table in only ${inTables} of 300 runs`);
});

// the shapes the property found, one each (a report whose numbers are all right)
const clean = renderReport({ table3: consistentTable3('2021', rng(7)), table4: consistentTable4(rng(8), '2021') });
const row = (text: string, label: string) => text.split('\n').findIndex((l) => l.includes(label));

test('a figure with a lost character (1�9) is no number: no row or column total rests on its leading digits, none is fixed', () => {
  const lines = clean.split('\n');
  const n = row(clean, '（一）予以公开');
  const cells = lines[n].split('\t');
  const at = cells.findIndex((c) => /^\d{2,}$/.test(c));
  assert.ok(at > 0, 'a two-digit figure in the row');
  cells[at] = `${cells[at][0]}\ufffd${cells[at].slice(1)}`;
  lines[n] = cells.join('\t');
  const a = analyze(lines.join('\n'));
  assert.deepEqual(a.findings.map((f) => f.code).sort(), ['invalid-encoding', 'invalid-number']);
  assert.deepEqual(fixAllEdits(a), []);
});

test('a tab lost to a bad byte (标签�14): the row is not counted as missing a cell; its cells are not used', () => {
  const lines = clean.split('\n');
  const n = row(clean, '1.信访举报投诉类申请');
  lines[n] = lines[n].replace(/申请\t/, '申请\ufffd');
  const a = analyze(lines.join('\n'));
  const codes = a.findings.map((f) => f.code);
  assert.ok(codes.includes('invalid-encoding'));
  for (const c of codes) assert.ok(!ARITHMETIC.has(c) && c !== 'missing-cell', `${c} on a row whose cells cannot be counted`);
  assert.ok(a.report.tables.find((t) => t.id === '三')?.unsure, 'the table says which row it could not read');
  assert.deepEqual(fixAllEdits(a), []);
});

test('a heading with its numeral, its 、 or a character lost to bad bytes is still its section', () => {
  for (const damaged of [
    '\ufffd\ufffd\ufffd\ufffd、主动公开政府信息情况',
    '二\ufffd\ufffd\ufffd主动公开政府信息情况',
    '二、主动\ufffd丅\ufffd开政府信息情况',
    '一、\ufffd\ufffd\ufffd体情况',
  ]) {
    const title = damaged.includes('体情况') ? '一、总体情况' : '二、主动公开政府信息情况';
    const text = clean.replace(title, damaged);
    assert.notEqual(text, clean);
    assert.deepEqual(
      analyze(text).findings.map((f) => f.code),
      ['invalid-encoding'],
      damaged,
    );
  }
  // a sentence that holds a section's phrase is no heading, damaged or not
  const prose = clean.replace(
    '（一）主动公开。全年主动公开政府信息若干条。',
    '二、我区全年主动公开政府信息情况\ufffd良好，各部门均按要求及时公开了各类政府信息。',
  );
  assert.deepEqual(
    analyze(prose).findings.map((f) => f.code),
    ['invalid-encoding'],
  );
});
