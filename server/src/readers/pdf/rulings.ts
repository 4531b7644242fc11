// The drawn rulings of a page, from pdf.js's operator list (documents.md §1.2): stroked straight
// segments and thin filled rectangles (Word and WPS draw borders both ways), in display space.
// The CTM is tracked here (save/restore, cm, form XObjects): pdf.js leaves path points in the user
// space current when they were drawn. Curves, clip paths and large fills (WPS fills every cell
// white) are not rulings. Both constructPath encodings are read: pdf.js ≥ 5.1 puts the paint op
// first and the path in one Float32Array of DrawOPS; 4.x gives op codes and numbers, then the
// paint op as its own entry.
import { apply, IDENTITY, isMatrix, type Matrix, multiply } from './geometry';
import { OPS, type RawOperatorList } from './pdfjs';

/** An axis-aligned ruling: horizontal (pos = y, from..to = x) or vertical (pos = x, from..to = y). */
export interface Line {
  pos: number;
  from: number;
  to: number;
  /** added by the reader to close a table drawn without this border (a page break) */
  synthetic?: boolean;
}

export interface PageRulings {
  h: Line[];
  v: Line[];
  /** the page drew more paths than the reader looks at */
  truncated: boolean;
}

/** thicker filled rectangles are shading, not borders */
export const MAX_RULE_THICKNESS = 2;
/** a segment whose ends differ by less than this across its direction is horizontal or vertical */
const AXIS_TOLERANCE = 1;
const MAX_SEGMENTS = 20_000;
const MAX_STACK = 1_000;

// DrawOPS of pdf.js ≥ 5.1 (the codes inside a constructPath's Float32Array)
const D_MOVE = 0;
const D_LINE = 1;
const D_CURVE = 2;
const D_QUAD = 3;
const D_CLOSE = 4;

type Point = [number, number];
interface SubPath {
  points: Point[];
  closed: boolean;
  /** a curve was part of it: no rectangle */
  curved: boolean;
}

const STROKES: Set<number> = new Set([
  OPS.stroke,
  OPS.closeStroke,
  OPS.fillStroke,
  OPS.eoFillStroke,
  OPS.closeFillStroke,
  OPS.closeEOFillStroke,
]);
const FILLS: Set<number> = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const CLOSING: Set<number> = new Set([OPS.closeStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

export function rulingsFromOperators(ol: RawOperatorList, toDisplay: Matrix): PageRulings {
  const h: Line[] = [];
  const v: Line[] = [];
  let truncated = false;
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  // 4.x: the path being built, painted by the next paint op
  let pending: SubPath[] = [];

  const toD = (x: number, y: number): Point => {
    const [ux, uy] = apply(ctm, x, y);
    return apply(toDisplay, ux, uy);
  };
  const addSegment = (a: Point, b: Point) => {
    if (h.length + v.length >= MAX_SEGMENTS) {
      truncated = true;
      return;
    }
    const dx = Math.abs(a[0] - b[0]);
    const dy = Math.abs(a[1] - b[1]);
    if (!Number.isFinite(dx) || !Number.isFinite(dy)) return;
    if (dy < AXIS_TOLERANCE && dx >= dy) h.push({ pos: (a[1] + b[1]) / 2, from: Math.min(a[0], b[0]), to: Math.max(a[0], b[0]) });
    else if (dx < AXIS_TOLERANCE) v.push({ pos: (a[0] + b[0]) / 2, from: Math.min(a[1], b[1]), to: Math.max(a[1], b[1]) });
  };
  const paint = (paths: SubPath[], op: number) => {
    if (STROKES.has(op)) {
      for (const p of paths) {
        const pts = p.points;
        for (let i = 1; i < pts.length; i++) if (pts[i - 1] !== CURVE_GAP && pts[i] !== CURVE_GAP) addSegment(pts[i - 1], pts[i]);
        if ((p.closed || CLOSING.has(op)) && pts.length > 2 && !p.curved) addSegment(pts[pts.length - 1], pts[0]);
      }
    }
    if (FILLS.has(op)) {
      for (const p of paths) {
        const r = rectangleOf(p);
        if (!r) continue;
        const w = r[2] - r[0];
        const hgt = r[3] - r[1];
        const thin = Math.min(w, hgt);
        const long = Math.max(w, hgt);
        if (thin > MAX_RULE_THICKNESS || long < 2 * thin || long < 1) continue;
        if (h.length + v.length >= MAX_SEGMENTS) {
          truncated = true;
          continue;
        }
        if (w >= hgt) h.push({ pos: (r[1] + r[3]) / 2, from: r[0], to: r[2] });
        else v.push({ pos: (r[0] + r[2]) / 2, from: r[1], to: r[3] });
      }
    }
  };

  const { fnArray, argsArray } = ol;
  const n = Math.min(fnArray.length, argsArray.length);
  for (let i = 0; i < n && !truncated; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        if (stack.length < MAX_STACK) stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        if (isMatrix(args)) ctm = multiply(ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin:
        if (stack.length < MAX_STACK) stack.push(ctm);
        if (args && isMatrix(args[0])) ctm = multiply(ctm, Array.from(args[0] as ArrayLike<number>) as Matrix);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.constructPath: {
        if (!args) break;
        if (typeof args[0] === 'number') {
          // 5.x: [paintOp, [Float32Array | null], minMax]
          const buf = (args[1] as unknown[] | undefined)?.[0] as ArrayLike<number> | null | undefined;
          const paths = buf ? decodeDrawOps(buf, toD) : [];
          paint(paths, args[0]);
        } else if (Array.isArray(args[0])) {
          // 4.x: [[opCodes…], [numbers…], minMax]; the paint op follows
          pending.push(...decodeLegacyOps(args[0] as number[], (args[1] ?? []) as ArrayLike<number>, toD, pending));
        }
        break;
      }
      default:
        if (STROKES.has(fn) || FILLS.has(fn) || fn === OPS.endPath) {
          paint(pending, fn);
          pending = [];
        }
    }
  }
  return { h, v, truncated };
}

/** a marker between points where a curve was: no straight segment joins across it */
const CURVE_GAP: Point = [Number.NaN, Number.NaN];

function decodeDrawOps(buf: ArrayLike<number>, toD: (x: number, y: number) => Point): SubPath[] {
  const paths: SubPath[] = [];
  let cur: SubPath | undefined;
  let k = 0;
  const len = buf.length;
  while (k < len) {
    const op = buf[k++];
    if (op === D_MOVE) {
      if (k + 2 > len) break;
      cur = { points: [toD(buf[k], buf[k + 1])], closed: false, curved: false };
      paths.push(cur);
      k += 2;
    } else if (op === D_LINE) {
      if (k + 2 > len) break;
      if (!cur) {
        cur = { points: [], closed: false, curved: false };
        paths.push(cur);
      }
      cur.points.push(toD(buf[k], buf[k + 1]));
      k += 2;
    } else if (op === D_CURVE || op === D_QUAD) {
      const m = op === D_CURVE ? 6 : 4;
      if (k + m > len) break;
      if (cur) {
        cur.curved = true;
        cur.points.push(CURVE_GAP, toD(buf[k + m - 2], buf[k + m - 1]));
      }
      k += m;
    } else if (op === D_CLOSE) {
      if (cur) {
        cur.closed = true;
        // drawing may go on from the subpath's start
        const start = cur.points.find((p) => p !== CURVE_GAP);
        cur = start ? { points: [start], closed: false, curved: false } : undefined;
        if (cur) paths.push(cur);
      }
    } else break; // an unknown code: the rest cannot be decoded
  }
  return paths.filter((p) => p.points.length > 1);
}

function decodeLegacyOps(ops: number[], coords: ArrayLike<number>, toD: (x: number, y: number) => Point, pending: SubPath[]): SubPath[] {
  const paths: SubPath[] = [];
  let cur: SubPath | undefined = pending.length ? pending[pending.length - 1] : undefined;
  let j = 0;
  const take = (m: number): number[] | undefined => {
    if (j + m > coords.length) return undefined;
    const out: number[] = [];
    for (let i = 0; i < m; i++) out.push(coords[j + i]);
    j += m;
    return out;
  };
  for (const op of ops) {
    if (op === OPS.rectangle) {
      const r = take(4);
      if (!r) break;
      const [x, y, w, hh] = r;
      cur = { points: [toD(x, y), toD(x + w, y), toD(x + w, y + hh), toD(x, y + hh)], closed: true, curved: false };
      paths.push(cur);
    } else if (op === OPS.moveTo) {
      const p = take(2);
      if (!p) break;
      cur = { points: [toD(p[0], p[1])], closed: false, curved: false };
      paths.push(cur);
    } else if (op === OPS.lineTo) {
      const p = take(2);
      if (!p) break;
      if (!cur) {
        cur = { points: [], closed: false, curved: false };
        paths.push(cur);
      }
      cur.points.push(toD(p[0], p[1]));
    } else if (op === OPS.curveTo || op === OPS.curveTo2 || op === OPS.curveTo3) {
      const p = take(op === OPS.curveTo ? 6 : 4);
      if (!p) break;
      if (cur) {
        cur.curved = true;
        cur.points.push(CURVE_GAP, toD(p[p.length - 2], p[p.length - 1]));
      }
    } else if (op === OPS.closePath) {
      if (cur) cur.closed = true;
    } else break;
  }
  return paths;
}

/** [x0, y0, x1, y1] when the subpath is an axis-aligned rectangle (4 corners, optionally repeated start) */
function rectangleOf(p: SubPath): [number, number, number, number] | undefined {
  if (p.curved) return undefined;
  let pts = p.points;
  if (pts.length === 5 && near(pts[0], pts[4])) pts = pts.slice(0, 4);
  if (pts.length === 2) {
    // a zero-area rectangle pdf.js wrote as move + line + close
    return undefined;
  }
  if (pts.length !== 4) return undefined;
  const xs = pts.map((q) => q[0]);
  const ys = pts.map((q) => q[1]);
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const y0 = Math.min(...ys);
  const y1 = Math.max(...ys);
  // every corner on the box's corners
  for (const [x, y] of pts) {
    if (!(nearly(x, x0) || nearly(x, x1)) || !(nearly(y, y0) || nearly(y, y1))) return undefined;
  }
  return [x0, y0, x1, y1];
}

const nearly = (a: number, b: number) => Math.abs(a - b) < 0.5;
const near = (a: Point, b: Point) => nearly(a[0], b[0]) && nearly(a[1], b[1]);
