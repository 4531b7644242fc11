// Ruled tables with their text: runs assigned to cells by position (split where a ruling crosses
// them), tables named by their header words (not by where they are), and tables stitched across
// page breaks (documents.md §1.5 steps 8–11).
import type { DBox } from './geometry';
import type { LatticeTable } from './lattice';
import { cellText, glyphStacks, isCjk, joinLines, type Run, splitRun } from './text';

export type TableKind = '二' | '三' | '四';

export interface PCell {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  text: string;
  /** 1-based page and display box of the cell (of its first part, for a cell continued across pages) */
  page: number;
  box: DBox;
}

export interface PTable {
  rows: number;
  cols: number;
  /** column boundaries in display x of the first page (cols + 1 values) */
  xs: number[];
  cells: PCell[];
  rowPages: number[];
  kind?: TableKind;
  /** where it starts: for reading order */
  page: number;
  top: number;
  /** of its last page: for stitching */
  bottom: number;
  lastPage: number;
  openTop: boolean;
  openBottom: boolean;
  /** read from text alignment, with no rulings */
  aligned?: boolean;
  warnings: string[];
}

const NUMERIC = /^[-+]?\d[\d,]*(\.\d+)?%?$/;
export const isNumeric = (s: string) => NUMERIC.test(s.replace(/\s/g, ''));

/** Assigns runs to the cells of the page's ruled tables; returns the tables and the runs outside them. */
export function fillTables(lattice: LatticeTable[], runs: Run[], page: number): { tables: PTable[]; rest: Run[] } {
  const tables: PTable[] = [];
  let rest = runs;
  for (const t of lattice) {
    const inside: Run[] = [];
    const outside: Run[] = [];
    for (const r of rest) {
      const cx = (r.box.x0 + r.box.x1) / 2;
      const cy = (r.box.top + r.box.bottom) / 2;
      if (cx >= t.box.x0 && cx < t.box.x1 && cy >= t.box.top && cy < t.box.bottom) inside.push(r);
      else if (!r.vertical && r.box.x0 < t.box.x1 && r.box.x1 > t.box.x0 && cy >= t.box.top && cy < t.box.bottom) {
        // a run that starts outside the table and runs into it (one item for a whole row)
        const pieces = splitRun(r, [t.box.x0, t.box.x1]);
        for (const p of pieces) ((p.box.x0 + p.box.x1) / 2 >= t.box.x0 && (p.box.x0 + p.box.x1) / 2 < t.box.x1 ? inside : outside).push(p);
      } else outside.push(r);
    }
    rest = outside;
    const texts = new Map<(typeof t.cells)[number], Run[]>();
    // the cells over each grid row, and each row's column boundaries: lookups by row, not over every cell
    const rows = t.ys.length - 1;
    const byRow: (typeof t.cells)[] = Array.from({ length: rows }, () => []);
    for (const c of t.cells) for (let r = c.row; r < c.row + c.rowspan; r++) byRow[r].push(c);
    const cutsOf = byRow.map((cs) => [...new Set(cs.flatMap((c) => [c.box.x0, c.box.x1]))]);
    const rowAt = (py: number) => {
      let lo = 0;
      let hi = rows - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (py < t.ys[mid]) hi = mid - 1;
        else if (py >= t.ys[mid + 1]) lo = mid + 1;
        else return mid;
      }
      return -1;
    };
    const cellAt = (px: number, py: number) => {
      const r = rowAt(py);
      return r < 0 ? undefined : byRow[r].find((c) => px >= c.box.x0 && px < c.box.x1);
    };
    // a stack of glyphs that runs out of its cell (vertical writing overflowing) stays with the cell it starts in
    const stacked = new Set<Run>();
    for (const stack of glyphStacks(inside)) {
      const first = stack[0];
      const cell = cellAt((first.box.x0 + first.box.x1) / 2, (first.box.top + first.box.bottom) / 2);
      if (!cell) continue;
      if (!texts.has(cell)) texts.set(cell, []);
      for (const r of stack) {
        texts.get(cell)!.push(r);
        stacked.add(r);
      }
    }
    for (const r of inside) {
      if (stacked.has(r)) continue;
      // the column boundaries of the cells this run's line crosses
      const row = rowAt((r.box.top + r.box.bottom) / 2);
      for (const p of splitRun(r, row < 0 ? [] : cutsOf[row])) {
        const px = (p.box.x0 + p.box.x1) / 2;
        const py = (p.box.top + p.box.bottom) / 2;
        const cell = cellAt(px, py);
        if (!cell) continue;
        if (!texts.has(cell)) texts.set(cell, []);
        texts.get(cell)!.push(p);
      }
    }
    const cells: PCell[] = t.cells.map((c) => ({
      row: c.row,
      col: c.col,
      rowspan: c.rowspan,
      colspan: c.colspan,
      text: cellText(texts.get(c) ?? []),
      page,
      box: c.box,
    }));
    const warnings: string[] = [];
    if (t.overlaps) warnings.push(`page ${page}: a table's rulings do not form a clean grid (${t.overlaps} overlapping cells left out)`);
    tables.push({
      rows: t.ys.length - 1,
      cols: t.xs.length - 1,
      xs: t.xs,
      cells,
      rowPages: new Array(t.ys.length - 1).fill(page),
      page,
      top: t.box.top,
      bottom: t.box.bottom,
      lastPage: page,
      openTop: t.openTop,
      openBottom: t.openBottom,
      warnings,
    });
  }
  for (const t of tables) t.kind = kindOf(t);
  return { tables, rest };
}

/** The table a report's header words name: 申请人情况 → 三, 行政复议/行政诉讼 → 四, 第二十条第 / 信息内容 → 二. */
export function kindOf(t: { cells: { text: string }[] }): TableKind | undefined {
  const all = t.cells.map((c) => c.text.replace(/\s/g, '')).join('|');
  return kindOfText(all);
}

export function kindOfText(all: string): TableKind | undefined {
  if (/申请人情况|自然人.*法人或其他组织|法人或其他组织.*自然人/.test(all)) return '三';
  if (/行政复议|行政诉讼/.test(all) && /结果维持|维持|纠正/.test(all)) return '四';
  if (/第二十条第|信息内容/.test(all)) return '二';
  return undefined;
}

const TOL = 3;

/**
 * Stitches each page's first table onto the previous page's last table when it continues it: the
 * first ends at an open bottom or at the foot of its page, the second starts at the top of the
 * next page, and the second's column boundaries are among the first's. Repeated header rows go;
 * a label cell cut by the break is one cell again; a row cut by the break is one row.
 * `room` says, per page, whether only page furniture lies below (after) y or above (before) y.
 */
export function stitch(
  tables: PTable[],
  room: { below: (page: number, y: number) => boolean; above: (page: number, y: number) => boolean },
): PTable[] {
  const out: PTable[] = [];
  for (const t of tables) {
    const prev = out[out.length - 1];
    if (prev && continues(prev, t, room)) merge(prev, t);
    else out.push(t);
  }
  return out;
}

function continues(a: PTable, b: PTable, room: { below: (p: number, y: number) => boolean; above: (p: number, y: number) => boolean }) {
  if (b.page !== a.lastPage + 1) return false;
  if (b.kind && a.kind && b.kind !== a.kind) return false;
  if (!(a.openBottom || room.below(a.lastPage, a.bottom))) return false;
  if (!(b.openTop || room.above(b.page, b.top))) return false;
  return columnMap(a.xs, b.xs) !== undefined;
}

/** for each of b's boundaries, the index of a's boundary it matches; undefined when the outer edges differ or one has no match */
function columnMap(ax: number[], bx: number[]): number[] | undefined {
  if (Math.abs(ax[0] - bx[0]) > TOL || Math.abs(ax[ax.length - 1] - bx[bx.length - 1]) > TOL) return undefined;
  const map: number[] = [];
  for (const x of bx) {
    let best = -1;
    for (let i = 0; i < ax.length; i++)
      if (Math.abs(ax[i] - x) <= TOL && (best < 0 || Math.abs(ax[i] - x) < Math.abs(ax[best] - x))) best = i;
    if (best < 0 || (map.length && best <= map[map.length - 1])) return undefined;
    map.push(best);
  }
  return map;
}

const rowTexts = (t: PTable, r: number) =>
  t.cells
    .filter((c) => c.row === r)
    .map((c) => c.text)
    .join('\t');

/** a row label that starts a new row: 一、 （一） 1. 1、 */
const STARTS_ROW = /^[(（]?[一二三四五六七八九十\d]+[)）、.．]/;

function merge(a: PTable, b: PTable) {
  const map = columnMap(a.xs, b.xs)!;
  // repeated header rows at the top of the next page
  let skip = 0;
  for (let k = Math.min(6, b.rows - 1); k >= 1; k--) {
    let same = true;
    for (let r = 0; r < k && same; r++) same = rowTexts(a, r) !== '' && rowTexts(a, r) === rowTexts(b, r) && sameShape(a, b, r, map);
    if (same) {
      skip = k;
      break;
    }
  }
  const moved = b.cells
    .filter((c) => c.row >= skip)
    .map((c) => ({ ...c, row: c.row - skip, col: map[c.col], colspan: map[c.col + c.colspan] - map[c.col] }));
  const rowsB = b.rows - skip;
  const numericCols = new Set(a.cells.filter((c) => isNumeric(c.text)).map((c) => c.col));
  const lastRow = a.rows - 1;
  // the cells of a that reach its bottom, and those of b that start at b's (new) top
  const bottomCells = a.cells.filter((c) => c.row + c.rowspan === a.rows);
  const topCells = moved.filter((c) => c.row === 0);
  const rowCut =
    a.cells.filter((c) => c.row <= lastRow && c.row + c.rowspan > lastRow && numericCols.has(c.col) && c.text !== '').length === 0 &&
    topCells.some((c) => numericCols.has(c.col) && isNumeric(c.text)) &&
    !topCells.some((c) => !numericCols.has(c.col) && STARTS_ROW.test(c.text));
  const absorbed = new Set<PCell>();
  for (const top of topCells) {
    const above = bottomCells.find((c) => c.col === top.col && c.colspan === top.colspan);
    if (!above) continue;
    if (!rowCut) {
      // a label cell cut by the break (a group label, a vertical label): not a value, and a span on
      // either side or nothing written below the break
      if (isNumeric(above.text) || isNumeric(top.text)) continue;
      if (!(above.rowspan > 1 || top.rowspan > 1 || top.text === '')) continue;
    }
    above.text = joinCut(above.text, top.text);
    above.rowspan += top.rowspan - (rowCut ? 1 : 0);
    absorbed.add(top);
  }
  // a cut row: b's first row is a's last row
  const offset = rowCut ? a.rows - 1 : a.rows;
  for (const c of moved) if (!absorbed.has(c)) a.cells.push({ ...c, row: c.row + offset });
  const pages = b.rowPages.slice(skip);
  a.rowPages.push(...(rowCut ? pages.slice(1) : pages));
  a.rows = offset + rowsB;
  a.cells = dedupeSlots(a.cells, a.rows, a.cols);
  a.cells.sort((x, y) => x.row - y.row || x.col - y.col);
  a.bottom = b.bottom;
  a.lastPage = b.lastPage;
  a.openBottom = b.openBottom;
  a.kind ??= b.kind;
  a.warnings.push(...b.warnings);
}

function sameShape(a: PTable, b: PTable, r: number, map: number[]): boolean {
  const ca = a.cells.filter((c) => c.row === r).map((c) => `${c.col}:${c.colspan}`);
  const cb = b.cells.filter((c) => c.row === r).map((c) => `${map[c.col]}:${map[c.col + c.colspan] - map[c.col]}`);
  return ca.join() === cb.join();
}

/** text of a cell cut by a page break: the halves of a wrapped label join without a space between CJK */
function joinCut(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return isCjk(a[a.length - 1]) || isCjk(b[0]) ? a + b : joinLines([a, b]);
}

/** After a cut row was merged, cells of the same slot: the first keeps it, a later one's text joins it. */
function dedupeSlots(cells: PCell[], rows: number, cols: number): PCell[] {
  const owner: (PCell | undefined)[] = new Array(rows * cols);
  const out: PCell[] = [];
  for (const c of [...cells].sort((x, y) => x.row - y.row || x.col - y.col)) {
    let clash: PCell | undefined;
    for (let r = c.row; r < c.row + c.rowspan && !clash; r++)
      for (let k = c.col; k < c.col + c.colspan && !clash; k++) clash = owner[r * cols + k];
    if (clash) {
      clash.text = joinCut(clash.text, c.text);
      continue;
    }
    for (let r = c.row; r < Math.min(rows, c.row + c.rowspan); r++)
      for (let k = c.col; k < Math.min(cols, c.col + c.colspan); k++) owner[r * cols + k] = c;
    out.push(c);
  }
  return out;
}
