// A value cell that is not a usable number for its column: text, a unit or remark inside the
// cell, a negative count, a fraction in a count column, or a number too large to be exact.
import type { Cell, ColumnSpec } from '../model';
import { blockField, forEachRow } from './finding';
import type { Rule } from './types';

function problem(cell: Cell, col: ColumnSpec): { zh: string; en: string } | undefined {
  if (cell.kind === 'text') return { zh: `“${cell.raw}”不是数字`, en: `"${cell.raw}" is not a number` };
  if (cell.kind !== 'number' && cell.kind !== 'annotated') return undefined;
  if (cell.unsafe) return { zh: `${cell.raw} 超出可精确计算的范围`, en: `${cell.raw} is too large to be checked exactly` };
  if (cell.kind === 'annotated')
    return { zh: `“${cell.raw}”：单元格内含单位或说明文字`, en: `"${cell.raw}": a unit or remark inside the cell` };
  if (cell.value! < 0 && col.kind !== 'signed')
    return {
      zh: `${cell.raw}：${col.kind === 'money' ? '金额' : '件数'}不能为负`,
      en: `${cell.raw}: a ${col.kind === 'money' ? 'amount' : 'count'} cannot be negative`,
    };
  if ((cell.decimals ?? 0) > 0 && col.kind !== 'money')
    return { zh: `${cell.raw}：件数应为整数`, en: `${cell.raw}: a count must be a whole number` };
  return undefined;
}

export const invalidNumber: Rule = {
  code: 'invalid-number',
  severity: 'error',
  description: {
    zh: '单元格不是有效数字（文字、单位、负数、小数件数、超大数）',
    en: 'A cell is not a valid number (text, a unit, a negative or fractional count, a number too large)',
  },
  tags: ['cell'],
  scope: 'report',
  check(ctx, report) {
    forEachRow(ctx.report, (table, block, row) => {
      row.cells.forEach((cell, i) => {
        const p = problem(cell, block.columns[i]);
        if (!p) return;
        report({
          message: {
            zh: `${row.spec.label} / ${block.columns[i].label}：${p.zh}`,
            en: `${row.spec.label} / ${block.columns[i].label}: ${p.en}`,
          },
          range: cell.range,
          table: table.id,
          row: row.spec.label,
          column: block.columns[i].label,
          ...blockField(block),
          ...(cell.value !== undefined && !cell.unsafe ? { actual: cell.value } : {}),
        });
      });
    });
  },
};
