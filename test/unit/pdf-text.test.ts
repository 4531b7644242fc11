// Text items → runs → cell text: NFKC, white space, fake bold, vertical fonts, splitting where a
// ruling crosses an item, the spacing rules of Chinese text, vertical writing set glyph by glyph.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageSpace } from '../../server/src/readers/pdf/geometry';
import type { RawTextItem } from '../../server/src/readers/pdf/pdfjs';
import { cellText, glyphStacks, joinLines, type Run, runsOf, splitAtSpaces, splitRun, tidy } from '../../server/src/readers/pdf/text';

const toDisplay = pageSpace([0, 0, 600, 800], 0).toDisplay;
const item = (
  str: string,
  x: number,
  y: number,
  size = 10,
  width = size * [...str].length,
  extra: Partial<RawTextItem> = {},
): RawTextItem => ({
  str,
  dir: 'ltr',
  transform: [size, 0, 0, size, x, y],
  width,
  height: size,
  vertical: false,
  ...extra,
});

test('runs: NFKC (full-width digits and brackets), white-space items dropped, text drawn twice counted once', () => {
  const runs = runsOf(
    [item('（一）予以公开', 100, 700), item('   ', 170, 700, 10, 2971), item('１２', 300, 700), item('１２', 300.4, 700.3)],
    toDisplay,
  );
  assert.deepEqual(
    runs.map((r) => r.text),
    ['(一)予以公开', '12'],
  );
  const [label] = runs;
  // display space: y downwards, the box from 0.8 em above the baseline to 0.2 em below
  assert.deepEqual(label.box, { x0: 100, top: 92, x1: 170, bottom: 102 });
  assert.equal(label.baseline, 100);
});

test('a vertical (ttb) item is boxed down its column, centred on its origin', () => {
  const [r] = runsOf([item('三、本年度办理结果', 68, 244, 8, 8, { dir: 'ttb', height: 72, vertical: true })], toDisplay);
  assert.equal(r.vertical, true);
  assert.deepEqual(r.box, { x0: 64, top: 556, x1: 72, bottom: 628 });
});

test('a run crossing rulings splits at the character boundaries nearest them, preferring spaces', () => {
  const [row] = runsOf([item('行政许可 120 3', 100, 700, 10, 100)], toDisplay);
  const pieces = splitRun(row, [155, 180]);
  assert.deepEqual(
    pieces.map((p) => p.text),
    ['行政许可', '120', '3'],
  );
  assert.ok(
    pieces[0].box.x1 < pieces[1].box.x0 && pieces[1].box.x1 < pieces[2].box.x0,
    'the pieces keep their order and estimated extents',
  );
  // no cut inside the run: unchanged
  assert.deepEqual(splitRun(row, [50, 300]), [row]);
  assert.deepEqual(
    splitAtSpaces(row).map((p) => p.text),
    ['行政许可', '120', '3'],
  );
});

test('cell text: CJK wraps join without a space, Latin words with one, spaces between CJK characters go', () => {
  assert.equal(
    joinLines(['（二）部分公开（区分处理的，只计这一情', '形，不计其他情形）']),
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  );
  assert.equal(joinLines(['Open', 'data']), 'Open data');
  assert.equal(tidy('总 计'), '总计');
  assert.equal(tidy('商 业 企'), '商业企');
  assert.equal(tidy('( 四 )无法提供'), '(四)无法提供');
  const runs = runsOf([item('商 业 企', 290, 412, 7.45, 26.77), item('业', 290, 397, 7.45, 7.45)], toDisplay);
  assert.equal(cellText(runs), '商业企业');
});

test('cell text: glyphs drawn out of order, merged by pdf.js into overlapping items, come back in order', () => {
  // "12.5" drawn as 1, then "2 5" (one item, a fake space where the point goes), then "."
  const runs = runsOf([item('1', 381.6, 395, 8, 4.41), item('2 5', 386, 395, 8, 10.96), item('.', 390.41, 395, 8, 2.14)], toDisplay);
  assert.equal(cellText(runs), '12.5');
});

test('vertical writing set glyph by glyph with turned brackets reads in columns, right to left', () => {
  const turned = (str: string, x: number, y: number): RawTextItem => ({ ...item(str, x, y, 9, 9), transform: [0, -9, 9, 0, x, y] });
  const runs = runsOf(
    [
      turned('（', 123.4, 660.4),
      item('四', 123.4, 637.4, 9),
      turned('）', 123.4, 632.3),
      item('无', 111.5, 646.7, 9),
      item('法', 111.5, 636.8, 9),
      item('提', 111.5, 627.8, 9),
      item('供', 101, 645.8, 9),
    ],
    toDisplay,
  );
  assert.equal(cellText(runs), '(四)无法提供');
});

test('glyph stacks: single CJK glyphs one under the other, never digits, never a column of one-character cells', () => {
  const stack = runsOf(
    ['其', '他', '处', '理'].map((ch, i) => item(ch, 112.8, 508.9 - 9.1 * i, 9)),
    toDisplay,
  );
  assert.deepEqual(
    glyphStacks(stack).map((s) => s.map((r) => r.text).join('')),
    ['其他处理'],
  );
  const digits = runsOf(
    ['0', '1', '2', '3'].map((ch, i) => item(ch, 300, 500 - 9 * i, 9)),
    toDisplay,
  );
  assert.deepEqual(glyphStacks(digits), []);
  // one-character cells a table row apart (1.3 em): not a stack at the default pitch
  const cells = runsOf(
    ['是', '否', '是', '否'].map((ch, i) => item(ch, 300, 500 - 11.7 * i, 9)),
    toDisplay,
  );
  assert.deepEqual(glyphStacks(cells), []);
  assert.equal(glyphStacks(cells, 2.2).length, 1, 'a vertical label set at line pitch is one at a looser pitch');
});

test('runs keep within bounds: no run for a non-finite or absurd transform', () => {
  const bad: RawTextItem[] = [item('x', Number.NaN, 1), item('y', 1, 1, 1e9), { ...item('z', 1, 1), transform: [0, 0, 0, 0, 1, 1] }];
  assert.deepEqual(runsOf(bad, toDisplay), [] as Run[]);
});
