// Affine matrices [a, b, c, d, e, f] (PDF convention: x' = a·x + c·y + e, y' = b·x + d·y + f) and the
// page's display space: the reader works in one space per page, rotated as the page is shown, with
// the origin at the top-left of the visible box and y growing downwards (like reading). Text and
// rulings both go through it, so /Rotate and a MediaBox not at the origin apply to both alike.
import type { Box } from '../model';

export type Matrix = [number, number, number, number, number, number];

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

/** m1 · m2: apply m2 first, then m1 */
export function multiply(m1: Matrix, m2: Matrix): Matrix {
  return [
    m1[0] * m2[0] + m1[2] * m2[1],
    m1[1] * m2[0] + m1[3] * m2[1],
    m1[0] * m2[2] + m1[2] * m2[3],
    m1[1] * m2[2] + m1[3] * m2[3],
    m1[0] * m2[4] + m1[2] * m2[5] + m1[4],
    m1[1] * m2[4] + m1[3] * m2[5] + m1[5],
  ];
}

export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function invert(m: Matrix): Matrix | undefined {
  const det = m[0] * m[3] - m[1] * m[2];
  if (!det || !Number.isFinite(det)) return undefined;
  return [m[3] / det, -m[1] / det, -m[2] / det, m[0] / det, (m[2] * m[5] - m[3] * m[4]) / det, (m[1] * m[4] - m[0] * m[5]) / det];
}

export function isMatrix(v: unknown): v is Matrix {
  if (!v || typeof (v as ArrayLike<number>).length !== 'number' || (v as ArrayLike<number>).length !== 6) return false;
  for (let i = 0; i < 6; i++) if (!Number.isFinite((v as ArrayLike<number>)[i])) return false;
  return true;
}

/** A box in display space: x0 < x1, top < bottom (y grows downwards). */
export interface DBox {
  x0: number;
  top: number;
  x1: number;
  bottom: number;
}

export interface PageSpace {
  /** user space → display space */
  toDisplay: Matrix;
  /** display space → user space */
  toUser: Matrix;
  width: number;
  height: number;
}

/** The display space of a page with visible box `view` ([x0, y0, x1, y1], user space) and /Rotate. */
export function pageSpace(view: number[], rotate: number): PageSpace {
  const [vx0, vy0, vx1, vy1] = [
    Math.min(view[0], view[2]),
    Math.min(view[1], view[3]),
    Math.max(view[0], view[2]),
    Math.max(view[1], view[3]),
  ];
  let toDisplay: Matrix;
  switch (rotate) {
    case 90:
      toDisplay = [0, 1, 1, 0, -vy0, -vx0];
      break;
    case 180:
      toDisplay = [-1, 0, 0, 1, vx1, -vy0];
      break;
    case 270:
      toDisplay = [0, -1, -1, 0, vy1, vx1];
      break;
    default:
      toDisplay = [1, 0, 0, -1, -vx0, vy1];
  }
  const sideways = rotate === 90 || rotate === 270;
  return {
    toDisplay,
    toUser: invert(toDisplay)!,
    width: sideways ? vy1 - vy0 : vx1 - vx0,
    height: sideways ? vx1 - vx0 : vy1 - vy0,
  };
}

/** The axis-aligned box, in the space m maps to, of a display box's corners. */
export function mapBox(m: Matrix, b: DBox): Box {
  const pts = [apply(m, b.x0, b.top), apply(m, b.x1, b.top), apply(m, b.x0, b.bottom), apply(m, b.x1, b.bottom)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const r = (n: number) => Math.round(n * 100) / 100;
  return { x0: r(Math.min(...xs)), y0: r(Math.min(...ys)), x1: r(Math.max(...xs)), y1: r(Math.max(...ys)) };
}
