// Rulings from operator lists (both constructPath encodings, CTM, forms, thin fills, clip paths,
// large fills) and the lattice on hand-drawn rulings: snap, join, open ends, smallest cells, spans,
// overlaps. Pure data in, so every case states its own truth.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageSpace } from '../../server/src/readers/pdf/geometry';
import { closeOpenEnds, findTables, join, snap } from '../../server/src/readers/pdf/lattice';
import { OPS } from '../../server/src/readers/pdf/pdfjs';
import { type Line, rulingsFromOperators } from '../../server/src/readers/pdf/rulings';

const portrait = pageSpace([0, 0, 600, 800], 0).toDisplay;

/** constructPath in pdf.js 5.x form: [paintOp, [Float32Array of DrawOPS], minMax] */
function path5(paint: number, ...segments: [number, number, number, number][]) {
  const buf: number[] = [];
  for (const [x0, y0, x1, y1] of segments) buf.push(0, x0, y0, 1, x1, y1);
  return { fn: OPS.constructPath, args: [paint, [new Float32Array(buf)], null] as unknown[] };
}
function rect5(paint: number, x: number, y: number, w: number, h: number) {
  const buf = [0, x, y, 1, x + w, y, 1, x + w, y + h, 1, x, y + h, 4];
  return { fn: OPS.constructPath, args: [paint, [new Float32Array(buf)], null] as unknown[] };
}
const ops = (...list: { fn: number; args: unknown }[]) => ({ fnArray: list.map((o) => o.fn), argsArray: list.map((o) => o.args) });
const op = (fn: number, args: unknown = null) => ({ fn, args });

test('stroked segments in 5.x encoding become rulings in display space (y downwards)', () => {
  const r = rulingsFromOperators(ops(path5(OPS.stroke, [100, 700, 300, 700], [100, 700, 100, 600])), portrait);
  assert.deepEqual(r.h, [{ pos: 100, from: 100, to: 300 }]);
  assert.deepEqual(r.v, [{ pos: 100, from: 100, to: 200 }]);
});

test('the CTM is tracked through save/transform/restore and form XObjects', () => {
  const r = rulingsFromOperators(
    ops(
      op(OPS.save),
      op(OPS.transform, [2, 0, 0, 2, 10, 20]),
      path5(OPS.stroke, [0, 0, 50, 0]),
      op(OPS.restore),
      op(OPS.paintFormXObjectBegin, [
        [1, 0, 0, 1, 100, 100],
        [0, 0, 10, 10],
      ]),
      path5(OPS.stroke, [0, 0, 0, 40]),
      op(OPS.paintFormXObjectEnd),
      path5(OPS.stroke, [0, 10, 30, 10]),
    ),
    portrait,
  );
  // 2× scale + translate (10, 20): x 10..110 at y 20 (display 780); the form's vertical at x 100, y 100..140 (display 660..700)
  assert.deepEqual(r.h, [
    { pos: 780, from: 10, to: 110 },
    { pos: 790, from: 0, to: 30 },
  ]);
  assert.deepEqual(r.v, [{ pos: 100, from: 660, to: 700 }]);
});

test('the 4.x encoding (op codes and numbers, paint op after) is read too', () => {
  const r = rulingsFromOperators(
    ops(
      op(OPS.constructPath, [[OPS.moveTo, OPS.lineTo], [10, 100, 210, 100], null]),
      op(OPS.stroke),
      op(OPS.constructPath, [[OPS.rectangle], [50, 50, 100, 40], null]),
      op(OPS.closeStroke),
    ),
    portrait,
  );
  assert.equal(r.h.length, 3);
  assert.equal(r.v.length, 2);
  assert.ok(r.h.some((l) => l.pos === 700 && l.from === 10 && l.to === 210));
});

test('thin filled rectangles are rulings; large fills, curves, diagonals and clip paths are not', () => {
  const r = rulingsFromOperators(
    ops(
      rect5(OPS.fill, 100, 500, 200, 0.5), // a border drawn as a thin rectangle
      rect5(OPS.fill, 100, 400, 1.5, 80), // a vertical one
      rect5(OPS.eoFill, 100, 300, 200, 30), // a cell's white fill
      rect5(OPS.endPath, 0, 0, 600, 800), // a clip path
      path5(OPS.stroke, [0, 0, 100, 100]), // a diagonal
      { fn: OPS.constructPath, args: [OPS.stroke, [new Float32Array([0, 10, 10, 2, 20, 20, 30, 30, 40, 10])], null] }, // a curve
    ),
    portrait,
  );
  assert.deepEqual(
    r.h.map((l) => [l.pos, l.from, l.to]),
    [[299.75, 100, 300]],
  );
  assert.deepEqual(
    r.v.map((l) => [l.pos, l.from, l.to]),
    [[100.75, 320, 400]],
  );
});

test('page /Rotate and a MediaBox away from the origin map rulings into the page as shown', () => {
  // a page 800 wide (user x 100..900), 600 high (user y 50..650), turned 90°: shown 600 wide, 800 high
  const space = pageSpace([100, 50, 900, 650], 90);
  assert.equal(space.width, 600);
  assert.equal(space.height, 800);
  const r = rulingsFromOperators(ops(path5(OPS.stroke, [100, 50, 900, 50])), space.toDisplay);
  // the user-space bottom edge runs down the left side of the turned page
  assert.deepEqual(r.v, [{ pos: 0, from: 0, to: 800 }]);
});

/** a regular grid of rulings: rows × cols cells of 20 × 10 from (x, y) */
function grid(rows: number, cols: number, x = 100, y = 100, w = 20, h = 10) {
  const hs: Line[] = [];
  const vs: Line[] = [];
  for (let r = 0; r <= rows; r++) hs.push({ pos: y + r * h, from: x, to: x + cols * w });
  for (let c = 0; c <= cols; c++) vs.push({ pos: x + c * w, from: y, to: y + rows * h });
  return { hs, vs };
}

test('snap moves positions within 3 pt to their mean; join merges collinear pieces with gaps ≤ 3 pt', () => {
  const s = snap([
    { pos: 10, from: 0, to: 5 },
    { pos: 12, from: 6, to: 9 },
    { pos: 20, from: 0, to: 9 },
  ]);
  assert.deepEqual(
    s.map((l) => l.pos),
    [11, 11, 20],
  );
  const j = join(s);
  assert.deepEqual(j, [
    { pos: 11, from: 0, to: 9 },
    { pos: 20, from: 0, to: 9 },
  ]);
  assert.equal(
    join([
      { pos: 1, from: 0, to: 5 },
      { pos: 1, from: 9, to: 12 },
    ]).length,
    2,
    'a 4 pt gap stays a gap',
  );
});

test('a full grid becomes one table of rows × cols cells', () => {
  const { hs, vs } = grid(3, 4);
  const { tables } = findTables(hs, vs);
  assert.equal(tables.length, 1);
  const t = tables[0];
  assert.equal(t.ys.length - 1, 3);
  assert.equal(t.xs.length - 1, 4);
  assert.equal(t.cells.length, 12);
  assert.ok(t.cells.every((c) => c.rowspan === 1 && c.colspan === 1 && !c.hole));
  assert.equal(t.openBottom, false);
});

test('merged cells: a missing inner ruling gives a rowspan or colspan (the smallest-cell rule)', () => {
  const { hs, vs } = grid(3, 3);
  // no vertical between columns 0 and 1 in row 0 (a colspan 2), no horizontal between rows 1 and 2 in column 2 (a rowspan 2)
  const v = vs.flatMap((l) => (l.pos === 120 ? [{ ...l, from: 110 }] : [l]));
  const h = hs.flatMap((l) => (l.pos === 120 ? [{ ...l, to: 140 }] : [l]));
  const t = findTables(h, v).tables[0];
  const at = (r: number, c: number) => t.cells.find((x) => x.row === r && x.col === c);
  assert.deepEqual([at(0, 0)?.colspan, at(0, 0)?.rowspan], [2, 1]);
  assert.equal(at(0, 1), undefined, 'covered slot');
  assert.deepEqual([at(1, 2)?.rowspan, at(1, 2)?.colspan], [2, 1]);
  assert.equal(t.cells.length, 9 - 2);
});

test('an open bottom (verticals ending with no border, as WPS draws a page break) is closed and flagged', () => {
  const { hs, vs } = grid(3, 4);
  const noBottom = hs.filter((l) => l.pos !== 130);
  const added = closeOpenEnds(vs, noBottom);
  assert.deepEqual(added, [{ pos: 130, from: 100, to: 180, synthetic: true }]);
  const t = findTables(noBottom, vs).tables[0];
  assert.equal(t.ys.length - 1, 3, 'the last row is kept');
  assert.equal(t.openBottom, true);
  assert.equal(t.openTop, false);
  // with the border there, nothing is added
  assert.deepEqual(closeOpenEnds(vs, hs), []);
});

test('two tables apart stay two; a lone box is not a table; short pieces are dropped', () => {
  const a = grid(2, 2, 100, 100);
  const b = grid(2, 3, 100, 300);
  const box = grid(1, 1, 400, 500);
  const specks: Line[] = [{ pos: 600, from: 10, to: 12 }];
  const { tables } = findTables([...a.hs, ...b.hs, ...box.hs, ...specks], [...a.vs, ...b.vs, ...box.vs]);
  assert.deepEqual(
    tables.map((t) => [t.ys.length - 1, t.xs.length - 1, t.box.top]),
    [
      [2, 2, 100],
      [2, 3, 300],
    ],
  );
});

test('an extra ruling in one row splits a cell there; the grid keeps every slot as a cell', () => {
  const { hs, vs } = grid(2, 2);
  // a vertical in row 0 only, at x = 110: row 0 has three cells, row 1 two (one spanning)
  const t = findTables(hs, [...vs, { pos: 110, from: 100, to: 110 }]).tables[0];
  assert.equal(t.xs.length - 1, 3);
  const row1 = t.cells.filter((c) => c.row === 1);
  assert.deepEqual(
    row1.map((c) => [c.col, c.colspan]),
    [
      [0, 2],
      [2, 1],
    ],
  );
});
