// Offsets ↔ LSP positions over a text whose lines end in \n, \r\n or \r (VS Code's rule), and the
// range helpers every layer shares (the server's features too, through core/index.ts).
import type { Position, Range } from './model';

/** Offsets at which each line starts. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

export function positionAt(starts: number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo, character: offset - starts[lo] };
}

export function offsetAt(starts: number[], pos: Position, textLength: number): number {
  if (pos.line >= starts.length) return textLength;
  if (pos.line < 0) return 0;
  return Math.min(starts[pos.line] + Math.max(0, pos.character), pos.line + 1 < starts.length ? starts[pos.line + 1] : textLength);
}

// ---------------------------------------------------------------- ranges

/** The whole of line `line`, `length` characters long. */
export function lineRange(line: number, length: number): Range {
  return { start: { line, character: 0 }, end: { line, character: length } };
}

/** The empty range at a position (where text would be inserted). */
export function pointRange(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}

/** `a` is before `b` */
function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

export function contains(r: Range, p: Position): boolean {
  return !before(p, r.start) && !before(r.end, p);
}

export function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** the ranges share at least a position (touching ends count) */
export function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** the smallest range that covers both */
export function cover(a: Range, b: Range): Range {
  return { start: before(b.start, a.start) ? b.start : a.start, end: before(a.end, b.end) ? b.end : a.end };
}

/** every line of `inner` is a line of `outer` */
export function withinLines(inner: Range, outer: Range): boolean {
  return inner.start.line >= outer.start.line && inner.end.line <= outer.end.line;
}
