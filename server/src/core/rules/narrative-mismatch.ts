// The prose states a figure the table contradicts: 全年受理申请10件 where 一、本年新收 总计 is 12.
// Which statements are read, and when they are about the whole report: core/narrative/.
// The table's value is the cell as written, or its computed value where a derived cell is blank
// or missing; a row read uncertainly (a guessed alignment) is not compared.
import { BETWEEN_ROWS } from '../align/rows';
import type { Cell, TableBlock, TableRow } from '../model';
import { type CellRef, readStatements } from '../narrative/index';
import { rowIsUncertain, valueForChecks } from '../relations';
import type { Rule, RuleContext } from './types';

interface Found {
  row: TableRow;
  block: TableBlock;
  cell: Cell;
  value: number;
}

function tableCell(ctx: RuleContext, ref: CellRef): Found | undefined {
  const table = ctx.report.tables.find((t) => t.id === ref.table);
  if (!table || table.unreadable) return undefined;
  const block = table.blocks.find((b) => b.id === ref.block);
  const col = block?.columns.findIndex((c) => c.id === ref.column) ?? -1;
  const row = block?.rows.find((r) => r.spec.id === ref.row);
  // (a row read by its place among rows whose order nothing else rests on: which is which is not certain)
  if (!block || !row || col < 0 || rowIsUncertain(row, block.columns.length) || row.note === BETWEEN_ROWS) return undefined;
  const cell = row.cells[col];
  const value = valueForChecks(ctx.arithmetic, cell);
  return value === undefined ? undefined : { row, block, cell, value };
}

export const narrativeMismatch: Rule = {
  code: 'narrative-mismatch',
  severity: 'warning',
  description: {
    zh: '正文所述数字与表格不一致',
    en: 'The prose states a figure that contradicts the table',
  },
  tags: ['prose'],
  scope: 'report',
  check(ctx, report) {
    for (const s of readStatements(ctx.report)) {
      const found = s.quantity.cells.map((ref) => tableCell(ctx, ref));
      if (found.some((f) => f === undefined)) continue;
      const cells = found as Found[];
      const expected = cells.reduce((sum, f) => sum + f.value, 0);
      if (expected === s.value) continue;
      const first = cells[0];
      const labels = cells.map((f) => `${f.row.spec.label} / ${f.block.columns[f.row.cells.indexOf(f.cell)].label}`);
      const table = s.quantity.cells[0].table;
      const where = cells.length > 1 ? labels.join(' + ') : labels[0];
      report({
        message: {
          zh: `正文称${s.quantity.name.zh} ${s.value}，但表${table}“${where}”为 ${expected}`,
          en: `the prose says ${s.value} ${s.quantity.name.en}, but table ${table} has ${expected} (${where})`,
        },
        range: s.range,
        table,
        ...(first.block.id ? { block: first.block.id } : {}),
        ...(cells.length === 1 ? { row: first.row.spec.label } : {}),
        column: first.block.columns[first.row.cells.indexOf(first.cell)].label,
        expected,
        actual: s.value,
        related: cells.map((f, i) => ({ range: f.cell.range, label: labels[i], value: f.value })),
      });
    }
  },
};
