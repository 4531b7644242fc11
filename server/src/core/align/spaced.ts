// Space-separated table text (`pdftotext -layout`, a PDF viewer's copy): the columns are where
// the values stand. Lines with a full row of values say where each column starts; a line with
// fewer values (a blank cell is only spaces there) is read by those positions: each value under
// the column it starts at, the others blank. A value that is not clearly under one column, or that
// runs into the next one (figures glued together), leaves the row's columns unknown.
import { makeCell } from '../cells';
import type { Cell } from '../model';
import type { ClassifiedLine } from './lines';

const isValue = (c: Cell) => c.kind === 'number' || c.kind === 'annotated' || c.kind === 'placeholder';

const isFull = (lc: ClassifiedLine, k: number) => lc.spaced === true && lc.values.length === k && lc.values.every(isValue);

/**
 * Where each of the k columns starts (character offsets) around line `at`: pdftotext places values
 * by their position on the page, but its character offsets drift from one stretch of a table to
 * another, so the nearest full row above and the nearest below must both exist and agree.
 */
export function anchorsNear(lines: ClassifiedLine[], at: number, k: number): number[] | undefined {
  let above: ClassifiedLine | undefined;
  let below: ClassifiedLine | undefined;
  for (let i = at - 1; i >= 0 && !above; i--) if (isFull(lines[i], k)) above = lines[i];
  for (let i = at + 1; i < lines.length && !below; i++) if (isFull(lines[i], k)) below = lines[i];
  if (!above || !below) return undefined;
  const a = above.values.map((c) => c.range.start.character);
  const b = below.values.map((c) => c.range.start.character);
  for (let i = 1; i < k; i++) if (a[i] - a[i - 1] < 2) return undefined;
  for (let i = 0; i < k; i++) if (Math.abs(a[i] - b[i]) > tolerance(a, i)) return undefined;
  return a;
}

function tolerance(anchors: number[], i: number): number {
  const gaps = [i > 0 ? anchors[i] - anchors[i - 1] : Infinity, i + 1 < anchors.length ? anchors[i + 1] - anchors[i] : Infinity];
  return Math.max(1, Math.floor(Math.min(...gaps) / 3));
}

/**
 * A spaced line with fewer values than columns, read by position: its k cells (blanks where no value
 * stands), or 'unsure' when a value is not clearly under one column or reaches into the next.
 */
export function readByPosition(lc: ClassifiedLine, anchors: number[]): Cell[] | 'unsure' {
  const k = anchors.length;
  const out: (Cell | undefined)[] = new Array(k).fill(undefined);
  let last = -1;
  for (const c of lc.values) {
    if (!isValue(c)) return 'unsure';
    const x = c.range.start.character;
    let best = 0;
    for (let i = 1; i < k; i++) if (Math.abs(anchors[i] - x) < Math.abs(anchors[best] - x)) best = i;
    if (best <= last || Math.abs(anchors[best] - x) > tolerance(anchors, best)) return 'unsure';
    if (best + 1 < k && c.range.end.character > anchors[best + 1]) return 'unsure'; // glued into the next column
    out[best] = c;
    last = best;
  }
  const text = lc.line.text;
  return out.map((c, i) => {
    if (c) return c;
    // a blank: an empty cell where its column starts, inside the run of spaces there; past the
    // line's end, at the end, and a value written into it keeps a space before it
    const at = anchors[i];
    if (at < text.length && text[at] === ' ' && text[at - 1] === ' ') return makeCell('', lc.line.line, at);
    const cell = makeCell('', lc.line.line, text.length);
    cell.gap = ' '.repeat(Math.max(1, at - text.length));
    return cell;
  });
}
