// Glued digits (align/glued.ts): a run split into a row's columns only where exactly one split fits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countSplits, MAX_CELL_DIGITS, splitRuns } from '../../server/src/core/align/glued';

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
