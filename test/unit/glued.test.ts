// Glued digits (align/glued.ts): a run split into a row's columns only where exactly one split fits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countSplits, MAX_CELL_DIGITS, splitRuns } from '../../server/src/core/align/glued';
import { analyze } from '../../server/src/core/index';
import * as messy from '../support/messy';
import { consistentTable3, consistentTable4, renderReport, rng } from '../support/report';

const total7 = [{ target: 6, parts: [0, 1, 2, 3, 4, 5] }];

test('one split: seven digits into seven cells need no relation', () => {
  const r = splitRuns(['1000001'], 7, total7);
  assert.deepEqual(r, { kind: 'one', cells: [['1', '0', '0', '0', '0', '0', '1']], used: false });
});

test('one split only with the row total: the relation is reported as used', () => {
  const r = splitRuns(['640020470'], 7, total7);
  assert.equal(r.kind, 'one');
  assert.deepEqual(r.kind === 'one' && r.cells, [['64', '0', '0', '2', '0', '4', '70']]);
  assert.equal(r.kind === 'one' && r.used, true);
});

test('several splits: 270020130 fits its row total two ways, so it is never guessed', () => {
  assert.deepEqual(splitRuns(['270020130'], 7, total7), { kind: 'several' });
  const both = countSplits(['270020130'], 7, total7, 10).found.map((s) => s[0].join(' '));
  assert.deepEqual(both.sort(), ['2 7 0 0 20 1 30', '27 0 0 2 0 1 30']);
});

test('no split: a row total that cannot hold, or fewer digits than cells', () => {
  assert.deepEqual(splitRuns(['12000009'], 7, total7), { kind: 'none' });
  assert.deepEqual(splitRuns(['12345'], 7, total7), { kind: 'none' });
});

test('too long: 200 digits are refused at once, not searched', () => {
  assert.deepEqual(splitRuns(['9'.repeat(200)], 7, total7), { kind: 'too-long' });
  assert.ok(200 > 7 * MAX_CELL_DIGITS);
});

test('leading zeros: a cell is "0" or starts with 1-9, which makes 1000 into three cells unique', () => {
  assert.deepEqual(splitRuns(['1000'], 3, []), { kind: 'one', cells: [['10', '0', '0']], used: false });
  assert.deepEqual(splitRuns(['000'], 3, []), { kind: 'one', cells: [['0', '0', '0']], used: false });
  // "012" is never a count: 0 12 needs two cells, and 01 2 is no split
  assert.deepEqual(countSplits(['012'], 2, []).found, [[['0', '12']]]);
});

test('a space between runs is a cell boundary', () => {
  assert.deepEqual(splitRuns(['500000', '5'], 7, total7), { kind: 'one', cells: [['5', '0', '0', '0', '0', '0'], ['5']], used: false });
});

// lines of cells (a table copied with its tabs) whose figures ran together, one row a line
const report = (edit: (lines: string[]) => void) => {
  const random = rng(5);
  const lines = renderReport({ table3: consistentTable3('2021', random, 3), table4: consistentTable4(random) }).split('\n');
  edit(lines);
  return analyze(lines.join('\n'));
};
const codes = (a: ReturnType<typeof analyze>) => a.findings.map((f) => f.code);
const at = (lines: string[], label: string) => lines.findIndex((l) => l.split('\t').includes(label));

/** the row's label cells and its seven values, and the line with the values as one run after `sep` */
const glue = (lines: string[], i: number, sep: string) => {
  const cells = lines[i].split('\t');
  lines[i] = cells.slice(0, 3).join('\t') + sep + cells.slice(3).join('');
  return cells.slice(3).map(Number);
};

test('a row written label<TAB>digits is read by its one split, said on the row, and nothing else fires', () => {
  let line = -1;
  let values: number[] = [];
  const a = report((lines) => {
    line = at(lines, '（二）部分公开');
    assert.ok(line > 0);
    values = glue(lines, line, '\t');
  });
  assert.deepEqual(codes(a), ['glued-digits']);
  const f = a.findings[0];
  assert.equal(f.row, '（二）部分公开');
  assert.deepEqual([f.range.start.line, f.range.start.character], [line, '\t（二）部分公开\t\t'.length]);
  const row = a.report.tables.find((t) => t.id === '三')!.blocks[0].rows.find((r) => r.spec.id === '（二）')!;
  assert.deepEqual(
    row.cells.map((c) => c.value),
    values,
  );
  assert.ok(row.cells.every((c) => c.inferred));
});

test('a label glued directly to its digits is read; a wrong 总计 that leaves no split makes the table unreadable', () => {
  const ok = report((lines) => glue(lines, at(lines, '（二）部分公开'), ''));
  assert.deepEqual(codes(ok), ['glued-digits']);
  assert.equal(ok.findings[0].row, '（二）部分公开');
  // 8 digits, 7 cells: 1 0 0 0 0 0 12 breaks the row total, 12 0 0 0 0 0 12 or 1 20 …: never a guess
  const bad = report((lines) => {
    const i = at(lines, '（二）部分公开');
    lines[i] = '\t（二）部分公开\t\t10000012';
  });
  assert.deepEqual(codes(bad), ['unreadable-table']);
  assert.equal(bad.findings[0].table, '三');
});

test('not glued: a row with a blank cell between its values, or values all plausible counts, is read as before', () => {
  const a = report((lines) => {
    const i = at(lines, '（二）部分公开');
    lines[i] = '\t（二）部分公开\t\t10\t\t0000';
    const j = at(lines, '（一）予以公开');
    assert.ok(i > 0 && j > 0);
    lines[j] = '\t（一）予以公开\t\t1\t2\t3\t4\t5\t16';
  });
  assert.ok(!codes(a).includes('glued-digits'));
  assert.ok(codes(a).includes('missing-cell'));
});

test("table 四's fifteen values as one run of digits, without a label: read where each group's 总计 decides", () => {
  const a = report((lines) => {
    const i = lines.findIndex((l) => /^\d+(\t\d+){14}$/.test(l));
    lines[i] = '10203120001200000';
  });
  assert.deepEqual(codes(a), ['glued-digits', 'glued-digits', 'glued-digits']);
  const rows = a.report.tables.find((t) => t.id === '四')!.blocks[0].rows;
  assert.deepEqual(
    rows.map((r) => r.cells.map((c) => c.value).join(' ')),
    ['1 0 2 0 3', '12 0 0 0 12', '0 0 0 0 0'],
  );
  assert.ok(rows.every((r) => r.glued?.used.includes('row-total')));
});

test('a wrong figure that makes a wrong split the only one fitting the row total: unreadable, no invented balance', () => {
  const random = rng(2147483635);
  const table3 = consistentTable3('2019', random, 9);
  const table4 = consistentTable4(random, '2019');
  table3.grid[0][2] += 7; // row 一's 科研机构: its 总计 no longer holds
  const clean = renderReport({ table3, table4 });
  assert.deepEqual(
    analyze(clean)
      .findings.map((f) => f.code)
      .sort(),
    ['balance', 'row-total'],
  );
  // glued, row 一 `462867645138287` fits its 总计 only as 4 628 6 7645 1 3 8287, which breaks the balance
  const glued = analyze(messy.gluedRows(clean));
  assert.deepEqual(codes(glued), ['unreadable-table']);
  assert.equal(glued.report.tables.find((t) => t.id === '三')!.blocks.length, 0);
});
