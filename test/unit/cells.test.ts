import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classifyText, formatValue, makeCell } from '../../server/src/core/cells';

test('a number is read in ASCII or full-width digits, with thousands separators, decimals and signs', () => {
  assert.equal(classifyText('12').num?.value, 12);
  assert.equal(classifyText('１２').num?.value, 12);
  assert.equal(classifyText('1,234').num?.value, 1234);
  assert.equal(classifyText('１，２３４').num?.value, 1234);
  assert.deepEqual([classifyText('658.0625').num?.value, classifyText('658.0625').num?.decimals], [658.0625, 4]);
  assert.equal(classifyText('-3').num?.value, -3);
  assert.equal(classifyText('－3').num?.value, -3);
});

test('-, —, / and 无 are placeholders that count as zero', () => {
  for (const p of ['-', '—', '——', '/', '／', '无', '－']) assert.equal(classifyText(p).kind, 'placeholder', p);
});

test('a number with a unit or remark is annotated; a sub-row label is text', () => {
  assert.equal(classifyText('251000元').kind, 'annotated');
  assert.equal(classifyText('251000元').num?.value, 251000);
  assert.equal(classifyText('22（其中修订16件）').kind, 'annotated');
  assert.equal(classifyText('2.其他法律行政法规禁止公开').kind, 'text');
  assert.equal(classifyText('予以公开').kind, 'text');
  assert.equal(classifyText('1e309').kind, 'annotated');
});

test('numbers beyond safe integers are marked unsafe, never silently rounded', () => {
  const c = classifyText('99999999999999999999');
  assert.equal(c.kind, 'number');
  assert.equal(c.num?.unsafe, true);
  assert.equal(classifyText('9007199254740991').num?.unsafe, true); // 16 digits: not trusted either
  assert.equal(classifyText('123456789012345').num?.unsafe, false);
});

test('cells: trimmed range, empty cell range is the insertion point', () => {
  const c = makeCell('  12 ', 3, 10);
  assert.deepEqual(c.range, { start: { line: 3, character: 12 }, end: { line: 3, character: 14 } });
  const e = makeCell('', 3, 20);
  assert.deepEqual([e.kind, e.range.start.character, e.range.end.character], ['blank', 20, 20]);
  assert.equal(makeCell('　', 0, 0).kind, 'blank');
});

test('formatValue keeps full-width digits full-width', () => {
  assert.equal(formatValue(12, makeCell('１', 0, 0)), '１２');
  assert.equal(formatValue(12, makeCell('1', 0, 0)), '12');
});
