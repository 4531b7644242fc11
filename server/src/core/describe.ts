// What a value cell is, for hovers: its table, row and column, and for a derived cell the sum
// written out ("7 + 0 + 0 + 0 + 0 + 0 = 7").
import { type Analysis, arithmeticOf } from './analyze';
import type { Cell, Finding, Position, TableId } from './model';
import { valueForChecks } from './relations';
import { contains } from './text';

export interface CellDescription {
  table: TableId;
  tableTitle: string;
  block?: string;
  row: string;
  column: string;
  cell: Cell;
  /** why the row was read as it was (a lost or split label) */
  note?: string;
  derived?: { parts: { label: string; value: number | undefined }[]; expected: number | undefined; expression: string };
  findings: Finding[];
}

export function describeCell(analysis: Analysis, pos: Position): CellDescription | undefined {
  const { arithmetic } = arithmeticOf(analysis);
  for (const table of analysis.report.tables) {
    for (const block of table.blocks) {
      for (const row of block.rows) {
        if (pos.line !== row.lineRange.start.line && !row.cells.some((c) => c.range.start.line === pos.line)) continue;
        for (let i = 0; i < row.cells.length; i++) {
          const cell = row.cells[i];
          if (!contains(cell.range, pos)) continue;
          const desc: CellDescription = {
            table: table.id,
            tableTitle: table.title,
            ...(block.id ? { block: block.label } : {}),
            row: row.spec.label,
            column: block.columns[i].label,
            cell,
            ...(row.note ? { note: row.note } : {}),
            findings: analysis.findings.filter((f) => contains(f.range, pos)),
          };
          const inst = arithmetic.definedBy.get(cell);
          if (inst) {
            const parts = inst.parts.map((p) => ({
              label: inst.code === 'row-total' ? block.columns[p.col].label : p.row.spec.label,
              value: valueForChecks(arithmetic, p.cell),
            }));
            const expected = arithmetic.computed.get(cell);
            const sum = parts.every((p) => p.value !== undefined) ? parts.reduce((s, p) => s + p.value!, 0) : undefined;
            desc.derived = {
              parts,
              expected,
              expression: `${parts.map((p) => (p.value === undefined ? '?' : String(p.value))).join(' + ')} = ${sum ?? '?'}`,
            };
          }
          return desc;
        }
      }
    }
  }
  return undefined;
}
