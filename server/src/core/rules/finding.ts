// What the rules' findings share: labels, related cells and the edit that sets a cell.
import { formatValue } from '../cells';
import type { Cell, Fix, RelatedCell, Report, Table, TableBlock, TableRow, TextEdit } from '../model';
import type { Arithmetic, CellRef } from '../relations';
import { valueForChecks } from '../relations';

export function columnLabel(block: TableBlock, col: number): string {
  return block.columns[col]?.label ?? String(col + 1);
}

export function rowLabel(row: TableRow): string {
  return row.spec.label;
}

export function related(arithmetic: Arithmetic, block: TableBlock, refs: CellRef[]): RelatedCell[] {
  return refs.map((r) => ({
    range: r.cell.range,
    label: `${rowLabel(r.row)} / ${columnLabel(block, r.col)}`,
    value: valueForChecks(arithmetic, r.cell),
  }));
}

/** The edit that writes `value` into a cell: replaces its text, fills a blank, or appends a missing trailing cell. */
export function setCellEdit(cell: Cell, value: number): TextEdit {
  const text = formatValue(value, cell);
  if (cell.kind === 'missing') return { range: cell.range, newText: `\t${text}` };
  if (cell.gap) return { range: cell.range, newText: `${cell.gap}${text}` };
  return { range: cell.range, newText: text };
}

export function setCellFix(cell: Cell, value: number, preferred: boolean, recalculates: boolean): Fix {
  return {
    title: { zh: `改为 ${value}`, en: `Set to ${value}` },
    preferred,
    recalculates,
    edits: [setCellEdit(cell, value)],
  };
}

/** Calls `f` for every aligned row of every table, with its table and block. */
export function forEachRow(report: Report, f: (table: Table, block: TableBlock, row: TableRow) => void): void {
  for (const table of report.tables) for (const block of table.blocks) for (const row of block.rows) f(table, block, row);
}

/** The `block` field of a finding: present for table 二's 第二十条 blocks only. */
export function blockField(block: TableBlock): { block?: string } {
  return block.id ? { block: block.id } : {};
}
