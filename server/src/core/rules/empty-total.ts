// A derived cell (总计, （七）) left blank or filled with a placeholder: fill in the computed value.
import { blockField, columnLabel, setCellFix } from './finding';
import type { Rule } from './types';

export const emptyTotal: Rule = {
  code: 'empty-total',
  severity: 'warning',
  description: { zh: '总计 / （七）单元格为空或为占位符', en: 'A 总计 / （七） cell is blank or a placeholder' },
  tags: ['arithmetic', 'fix-all', 'cell'],
  scope: 'report',
  check(ctx, report) {
    const seen = new Set();
    for (const inst of ctx.arithmetic.instances) {
      // on a table whose columns cannot be told, which blank cell is the derived one is a guess
      if (inst.kind !== 'sum' || inst.table.unsure) continue;
      const cell = inst.target.cell;
      if (seen.has(cell) || (cell.kind !== 'blank' && cell.kind !== 'placeholder')) continue;
      seen.add(cell);
      const value = ctx.arithmetic.computed.get(cell);
      const row = inst.target.row.spec.label;
      const column = columnLabel(inst.block, inst.target.col);
      report({
        message: {
          zh: `${row}的${column}${cell.kind === 'blank' ? '为空' : `为“${cell.raw}”`}${value !== undefined ? `，应为 ${value}` : ''}`,
          en: `${row} ${column} is ${cell.kind === 'blank' ? 'blank' : `"${cell.raw}"`}${value !== undefined ? `; it should be ${value}` : ''}`,
        },
        range: cell.range,
        table: inst.table.id,
        row,
        column,
        ...blockField(inst.block),
        ...(value !== undefined ? { expected: value, fix: setCellFix(cell, value, true, true) } : {}),
      });
    }
  },
};
