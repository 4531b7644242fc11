// What every layout shares once a line's row is known: its value cells aligned to the template's
// columns (padded with 'missing' cells where the text had fewer), the table's grid shape, the
// unknown-line record, and the template's row and column as the model's specs.
import { missingCell } from '../cells';
import type { Cell, ColumnSpec, Range, RawLine, RowSpec, UnknownLine } from '../model';
import type { ColumnTemplate, RowTemplate } from '../templates/index';
import { lineRange } from '../text';
import { type ClassifiedLine, hasValue } from './lines';

export interface TableShape {
  /** blanks stand for zero somewhere between numbers: the grid is positional */
  sparse: boolean;
  /** most common cell count of the table's row lines */
  width: number;
  /** on a grid with spacer columns: the cell index of each template column in a line `width` wide */
  columns?: number[];
  /** the grid has more columns than the template and which ones are spacers cannot be told */
  unsure?: string;
}

const isValue = (c: Cell) => c.kind === 'number' || c.kind === 'annotated' || c.kind === 'placeholder';

export function shapeOf(lines: ClassifiedLine[], k: number): TableShape {
  let sparse = false;
  const widths = new Map<number, number>();
  for (const lc of lines) {
    if (!hasValue(lc.values)) continue;
    widths.set(lc.cells.length, (widths.get(lc.cells.length) ?? 0) + 1);
    const t = lc.values;
    let first = -1;
    let last = -1;
    for (let i = 0; i < t.length; i++) {
      if (t[i].kind !== 'blank') {
        if (first < 0) first = i;
        last = i;
      }
    }
    for (let i = first + 1; i < last; i++) if (t[i].kind === 'blank') sparse = true;
  }
  let width = 0;
  let best = 0;
  for (const [w, n] of widths) if (n > best || (n === best && w > width)) [width, best] = [w, n];
  if (width < k) return { sparse, width: 0 };
  return { sparse, width, ...gridColumns(lines, k, width) };
}

/**
 * Spacer columns. A header cell spanning two grid columns (an HTML colspan) leaves an empty covered
 * cell in every row of tab-separated text. On the table's grid (lines `width` cells wide), the value
 * area runs from the leftmost value to the line's end; when it is wider than the template, the
 * surplus must be columns that are blank in every row and have no header cell of their own (a header
 * line on the grid with text in that column makes it a real column of blanks). Exactly that many
 * such columns: they are spacers (or trailing tabs) and the others are the template's columns, in
 * order. Any other count: the columns cannot be told (`unsure`), and nothing may rest on them.
 */
function gridColumns(lines: ClassifiedLine[], k: number, width: number): Pick<TableShape, 'columns' | 'unsure'> {
  const grid = lines.filter((lc) => lc.cells.length === width && hasValue(lc.values));
  if (!grid.length) return {};
  let first = width;
  for (const lc of grid) {
    const i = lc.cells.findIndex(isValue);
    if (i >= 0 && i < first) first = i;
  }
  const surplus = width - first - k;
  if (surplus <= 0) return {};
  const headers = lines.filter((lc) => lc.cells.length === width && !hasValue(lc.cells) && lc.cells.some((c) => c.kind === 'text'));
  const spacers: number[] = [];
  let blankColumns = 0;
  for (let j = first + 1; j < width; j++) {
    if (!grid.every((lc) => lc.cells[j].kind === 'blank')) continue;
    blankColumns++;
    if (!headers.some((h) => h.cells[j].kind !== 'blank')) spacers.push(j);
  }
  if (!blankColumns) return {}; // values beyond the template's columns: extra cells, as they are
  if (spacers.length !== surplus) {
    return {
      unsure: `the table has ${width - first} value columns for ${k}, and which of its ${blankColumns} empty columns are spacers cannot be told`,
    };
  }
  const columns: number[] = [];
  for (let j = first; j < width; j++) if (!spacers.includes(j)) columns.push(j);
  return { columns };
}

/** why a damaged row is not read (ClassifiedLine.damaged): a lost character may have been a tab */
export const LOST_CHARACTER = 'a character of this row was lost to a bad byte (invalid-encoding): which cell is which cannot be told';

/** a row from damaged lines whose cells do not come out at the template's count: they cannot be counted */
export function cellsLost(lines: ClassifiedLine[], valueCount: number, extra: number, k: number): boolean {
  return lines.some((lc) => lc.damaged) && (valueCount !== k || extra > 0);
}

/** The whole line, as a range. */
export function wholeLine(line: RawLine): Range {
  return lineRange(line.line, line.text.length);
}

/** Pads `cells` to `k` with 'missing' cells, placed where the last cell ends (or at the line's end). */
export function padMissing(cells: Cell[], k: number, line: RawLine): Cell[] {
  if (cells.length < k) {
    const last = cells[cells.length - 1];
    const at = last ? last.range.end.character : line.text.length;
    while (cells.length < k) cells.push(missingCell(line.line, at));
  }
  return cells;
}

/** The row's value cells, aligned to k columns: present cells, then 'missing' cells at the end. */
export function alignValueCells(
  lc: ClassifiedLine,
  values: Cell[],
  k: number,
  shape: TableShape,
): { cells: Cell[]; extra: Cell[]; valueCount: number; unsure?: boolean } {
  let t = values;
  const cols = shape.columns;
  if (cols) {
    // a grid with spacer columns; a line short of the grid lost cells at its start (merged label
    // cells), so its columns are the grid's, shifted; a label or a value in a spacer: not this grid
    const d = shape.width - lc.cells.length;
    const fits =
      d >= 0 && lc.labelEnd < cols[0] - d && lc.cells.every((c, i) => i + d < cols[0] || cols.includes(i + d) || c.kind === 'blank');
    if (fits) return { cells: cols.map((j) => lc.cells[j - d]), extra: [], valueCount: k };
    return { cells: padMissing(values.slice(0, k), k, lc.line), extra: values.slice(k), valueCount: values.length, unsure: true };
  }
  if (shape.width && lc.cells.length === shape.width && lc.labelEnd < shape.width - k) {
    t = lc.cells.slice(shape.width - k);
  } else {
    // not on the table's grid (merged cells lost, or a dense table): blanks before the first value
    // are spacers; blanks after the last count only while the row would otherwise be short (a
    // blank 总计 at the end of the line)
    t = [...values];
    while (t.length && t[0].kind === 'blank') t.shift();
    while (t.length > k && t[t.length - 1].kind === 'blank') t.pop();
  }
  return { cells: padMissing(t.slice(0, k), k, lc.line), extra: t.slice(k), valueCount: t.length };
}

/** A line whose row cannot be told, as the table records it (the unknown-row rule reports it). */
export function unknownLine(lc: ClassifiedLine, reason: UnknownLine['reason'], labelRange = lc.labelRange): UnknownLine {
  const whole = wholeLine(lc.line);
  return { range: whole, labelRange: labelRange ?? whole, label: lc.label, reason };
}

export function rowSpec(row: RowTemplate): RowSpec {
  const r: RowSpec = { id: row.id, label: row.label };
  if (row.derived) r.derived = true;
  if (row.group) r.group = row.group;
  if (row.sub !== undefined) r.sub = row.sub;
  return r;
}

export function columnSpec(c: ColumnTemplate): ColumnSpec {
  return { id: c.id, label: c.label, kind: c.kind, derived: c.derived };
}
