// Ruled tables from rulings (documents.md §1.1, §1.5, after pdfplumber and tabula): snap, join,
// drop short pieces, close open ends (WPS draws no bottom border where a table breaks across
// pages), intersections, the smallest cell from each corner, cells grouped into tables by shared
// corners, and a grid with row and column spans. All in display space (y downwards).
import type { DBox } from './geometry';
import type { Line } from './rulings';

export const SNAP = 3;
export const JOIN = 3;
export const MIN_LENGTH = 3;
export const INTERSECT = 3;
/** more rulings than this on one page are not a report's tables (a drawing, a chart) */
const MAX_LINES = 4_000;

export interface LatticeCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  box: DBox;
  /** a slot no ruled cell covers, filled so that every position of the grid is a cell */
  hole?: boolean;
}

export interface LatticeTable {
  /** column and row boundaries: cols = xs.length − 1, rows = ys.length − 1 */
  xs: number[];
  ys: number[];
  cells: LatticeCell[];
  box: DBox;
  /** its top or bottom border was not drawn (closed by the reader) */
  openTop: boolean;
  openBottom: boolean;
  /** cells dropped because they overlapped others (a ruling is missing) */
  overlaps: number;
}

export interface LatticeResult {
  tables: LatticeTable[];
  /** why no tables were looked for, if so */
  skipped?: string;
}

export function findTables(h0: Line[], v0: Line[]): LatticeResult {
  if (h0.length + v0.length > MAX_LINES) return { tables: [], skipped: `more than ${MAX_LINES} rulings` };
  let h = join(snap(h0));
  let v = join(snap(v0));
  h = h.filter((l) => l.to - l.from >= MIN_LENGTH);
  v = v.filter((l) => l.to - l.from >= MIN_LENGTH);
  h = join(snap([...h, ...closeOpenEnds(v, h)]));
  const cells = smallestCells(h, v);
  return { tables: groupIntoTables(cells, h) };
}

/** Same-orientation rulings whose positions chain within SNAP move to their cluster's mean. */
export function snap(lines: Line[]): Line[] {
  const sorted = [...lines].sort((a, b) => a.pos - b.pos);
  const out: Line[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    let sum = sorted[i].pos;
    while (j < sorted.length && sorted[j].pos - sorted[j - 1].pos <= SNAP) sum += sorted[j++].pos;
    const mean = sum / (j - i);
    for (let k = i; k < j; k++) out.push({ ...sorted[k], pos: mean });
    i = j;
  }
  return out;
}

/** Collinear rulings with a gap of at most JOIN become one; synthetic only if every piece was. */
export function join(lines: Line[]): Line[] {
  const sorted = [...lines].sort((a, b) => a.pos - b.pos || a.from - b.from);
  const out: Line[] = [];
  for (const l of sorted) {
    const last = out[out.length - 1];
    if (last && last.pos === l.pos && l.from <= last.to + JOIN) {
      last.to = Math.max(last.to, l.to);
      if (!l.synthetic) delete last.synthetic;
    } else out.push({ ...l });
  }
  return out;
}

/**
 * Where three or more vertical rulings end (or start) at one height and no horizontal ruling
 * covers them there, the border was not drawn: add it. A table cut by a page break in WPS has no
 * bottom border on the first page, and without it its last row there is lost.
 */
export function closeOpenEnds(v: Line[], h: Line[]): Line[] {
  const added: Line[] = [];
  for (const end of ['to', 'from'] as const) {
    const sorted = [...v].sort((a, b) => a[end] - b[end]);
    let i = 0;
    while (i < sorted.length) {
      let j = i + 1;
      while (j < sorted.length && sorted[j][end] - sorted[j - 1][end] <= SNAP) j++;
      if (j - i >= 3) {
        const group = sorted.slice(i, j);
        const y = group.reduce((s, l) => s + l[end], 0) / group.length;
        const x0 = Math.min(...group.map((l) => l.pos));
        const x1 = Math.max(...group.map((l) => l.pos));
        if (!covered(h, y, x0, x1)) added.push({ pos: y, from: x0, to: x1, synthetic: true });
      }
      i = j;
    }
  }
  return added;
}

/** some horizontal rulings at about y cover most of x0..x1 */
function covered(h: Line[], y: number, x0: number, x1: number): boolean {
  let cover = 0;
  for (const l of h) {
    if (Math.abs(l.pos - y) > SNAP) continue;
    cover += Math.max(0, Math.min(l.to, x1) - Math.max(l.from, x0));
  }
  return cover >= 0.9 * (x1 - x0);
}

interface Corner {
  x: number;
  y: number;
  /** indexes of the rulings through this point */
  hs: number[];
  vs: number[];
}

interface RawCell {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The smallest cell from every corner (pdfplumber's rule): below and right must share a ruling with it, and the far corner must exist. */
export function smallestCells(h: Line[], v: Line[]): RawCell[] {
  const corners = new Map<string, Corner>();
  for (let vi = 0; vi < v.length; vi++) {
    const vl = v[vi];
    for (let hi = 0; hi < h.length; hi++) {
      const hl = h[hi];
      if (vl.pos < hl.from - INTERSECT || vl.pos > hl.to + INTERSECT) continue;
      if (hl.pos < vl.from - INTERSECT || hl.pos > vl.to + INTERSECT) continue;
      const key = `${vl.pos},${hl.pos}`;
      let c = corners.get(key);
      if (!c) corners.set(key, (c = { x: vl.pos, y: hl.pos, hs: [], vs: [] }));
      if (!c.hs.includes(hi)) c.hs.push(hi);
      if (!c.vs.includes(vi)) c.vs.push(vi);
    }
  }
  const byX = new Map<number, Corner[]>();
  const byY = new Map<number, Corner[]>();
  for (const c of corners.values()) {
    if (!byX.has(c.x)) byX.set(c.x, []);
    if (!byY.has(c.y)) byY.set(c.y, []);
    byX.get(c.x)!.push(c);
    byY.get(c.y)!.push(c);
  }
  for (const list of byX.values()) list.sort((a, b) => a.y - b.y);
  for (const list of byY.values()) list.sort((a, b) => a.x - b.x);
  const shares = (a: number[], b: number[]) => a.some((x) => b.includes(x));
  const cells: RawCell[] = [];
  for (const c of corners.values()) {
    const below = byX.get(c.x)!.filter((p) => p.y > c.y);
    const right = byY.get(c.y)!.filter((p) => p.x > c.x);
    search: for (const b of below) {
      if (!shares(c.vs, b.vs)) continue;
      for (const r of right) {
        if (!shares(c.hs, r.hs)) continue;
        const br = corners.get(`${r.x},${b.y}`);
        if (br && shares(br.vs, r.vs) && shares(br.hs, b.hs)) {
          cells.push({ x0: c.x, y0: c.y, x1: r.x, y1: b.y });
          break search;
        }
      }
    }
  }
  return cells;
}

function groupIntoTables(cells: RawCell[], h: Line[]): LatticeTable[] {
  // union-find over corners
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let r = k;
    while (parent.get(r) !== r) r = parent.get(r)!;
    let x = k;
    while (parent.get(x) !== r) {
      const next = parent.get(x)!;
      parent.set(x, r);
      x = next;
    }
    return r;
  };
  const unite = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  const cornersOf = (c: RawCell) => [`${c.x0},${c.y0}`, `${c.x1},${c.y0}`, `${c.x0},${c.y1}`, `${c.x1},${c.y1}`];
  for (const c of cells) for (const k of cornersOf(c)) if (!parent.has(k)) parent.set(k, k);
  for (const c of cells) {
    const [a, ...rest] = cornersOf(c);
    for (const k of rest) unite(a, k);
  }
  const groups = new Map<string, RawCell[]>();
  for (const c of cells) {
    const root = find(`${c.x0},${c.y0}`);
    if (!groups.has(root)) groups.set(root, []);
    groups.get(root)!.push(c);
  }
  const tables: LatticeTable[] = [];
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    tables.push(toGrid(group, h));
  }
  tables.sort((a, b) => a.box.top - b.box.top || a.box.x0 - b.box.x0);
  return tables;
}

function toGrid(group: RawCell[], h: Line[]): LatticeTable {
  const xs = [...new Set(group.flatMap((c) => [c.x0, c.x1]))].sort((a, b) => a - b);
  const ys = [...new Set(group.flatMap((c) => [c.y0, c.y1]))].sort((a, b) => a - b);
  const xi = new Map(xs.map((x, i) => [x, i]));
  const yi = new Map(ys.map((y, i) => [y, i]));
  const rows = ys.length - 1;
  const cols = xs.length - 1;
  const taken: boolean[] = new Array(rows * cols).fill(false);
  const cells: LatticeCell[] = [];
  let overlaps = 0;
  // smaller cells first: where two overlap, a ruling is missing and the smaller one is the drawn cell
  const sorted = [...group].sort((a, b) => (a.x1 - a.x0) * (a.y1 - a.y0) - (b.x1 - b.x0) * (b.y1 - b.y0));
  for (const c of sorted) {
    const row = yi.get(c.y0)!;
    const col = xi.get(c.x0)!;
    const rowspan = yi.get(c.y1)! - row;
    const colspan = xi.get(c.x1)! - col;
    let free = true;
    for (let r = row; r < row + rowspan && free; r++) for (let k = col; k < col + colspan; k++) if (taken[r * cols + k]) free = false;
    if (!free) {
      overlaps++;
      continue;
    }
    for (let r = row; r < row + rowspan; r++) for (let k = col; k < col + colspan; k++) taken[r * cols + k] = true;
    cells.push({ row, col, rowspan, colspan, box: { x0: c.x0, top: c.y0, x1: c.x1, bottom: c.y1 } });
  }
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < cols; k++) {
      if (taken[r * cols + k]) continue;
      cells.push({ row: r, col: k, rowspan: 1, colspan: 1, box: { x0: xs[k], top: ys[r], x1: xs[k + 1], bottom: ys[r + 1] }, hole: true });
    }
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  const box = { x0: xs[0], top: ys[0], x1: xs[xs.length - 1], bottom: ys[ys.length - 1] };
  const edgeSynthetic = (y: number) => {
    const at = h.filter((l) => l.pos === y && l.to > box.x0 + SNAP && l.from < box.x1 - SNAP);
    return at.length > 0 && at.every((l) => l.synthetic);
  };
  return { xs, ys, cells, box, openTop: edgeSynthetic(box.top), openBottom: edgeSynthetic(box.bottom), overlaps };
}
