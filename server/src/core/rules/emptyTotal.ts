// A derived cell (总计, （七）) left blank or filled with a placeholder: fill in the computed value.
import type { Rule } from './types';
import { blockField, columnLabel, setCellFix } from './util';

export const emptyTotal: Rule = {
  code: 'empty-total',
  severity: 'warning',
  description: { zh: '总计 / （七）单元格为空或为占位符', en: 'A 总计 / （七） cell is blank or a placeholder' },
  check(ctx) {
    const out: ReturnType<Rule['check']> = [];
    const seen = new Set();
    for (const inst of ctx.math.instances) {
      if (inst.kind !== 'sum') continue;
      const cell = inst.target.cell;
      if (seen.has(cell) || (cell.kind !== 'blank' && cell.kind !== 'placeholder')) continue;
      seen.add(cell);
      const value = ctx.math.computed.get(cell);
      const row = inst.target.row.spec.label;
      const column = columnLabel(inst.block, inst.target.col);
      out.push({
        code: 'empty-total',
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
    return out;
  },
};
