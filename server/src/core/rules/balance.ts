// left = right in every column (table 三: 一 + 二 = （七） + 四): the balance the table itself prints.
import { type CellRef, rowIsUncertain, valueForChecks } from '../relations';
import { columnLabel, related, setCellFix } from './finding';
import type { Rule } from './types';

/** "一 + 二", "（七）+ 四": no space between a full-width bracket and the plus sign (zh) */
function joinZh(parts: string[]): string {
  return parts.reduce((s, p, i) => (i === 0 ? p : `${s}${s.endsWith('）') ? '+ ' : ' + '}${p}`), '');
}

export const balance: Rule = {
  code: 'balance',
  severity: 'error',
  description: {
    zh: '一、本年新收 + 二、上年结转 ≠ （七）总计 + 四、结转下年度（勾稽关系不平衡）',
    en: 'New plus carried-in applications differ from handled plus carried-over (一 + 二 ≠ （七） + 四)',
  },
  tags: ['arithmetic', 'cell'],
  scope: 'report',
  check(ctx, report) {
    const value = (r: CellRef) => valueForChecks(ctx.arithmetic, r.cell);
    for (const inst of ctx.arithmetic.instances) {
      if (inst.kind !== 'balance') continue;
      const k = inst.block.columns.length;
      const refs = [...inst.left, ...inst.right];
      if (refs.some((r) => rowIsUncertain(r.row, k))) continue;
      if (refs.some((r) => r.row.glued?.used.includes('balance'))) continue;
      if (refs.some((r) => value(r) === undefined)) continue;
      const leftValues = inst.left.map((r) => value(r)!);
      const rightValues = inst.right.map((r) => value(r)!);
      const left = leftValues.reduce((s, v) => s + v, 0);
      const right = rightValues.reduce((s, v) => s + v, 0);
      if (left === right) continue;
      const target = inst.fixTarget;
      const actual = value(target)!;
      const expected = left - (right - actual);
      const column = columnLabel(inst.block, inst.column);
      const ids = (refs: CellRef[]) => refs.map((r) => r.row.spec.id);
      const sums = (values: number[]) => values.join(' + ');
      report({
        message: {
          zh: `${column}列不平衡：${joinZh(ids(inst.left))} = ${sums(leftValues)} = ${left}，但${joinZh(ids(inst.right))} = ${sums(rightValues)} = ${right}`,
          en: `${column} does not balance: ${ids(inst.left).join(' + ')} = ${sums(leftValues)} = ${left}, but ${ids(inst.right).join(' + ')} = ${sums(rightValues)} = ${right}`,
        },
        range: target.cell.range,
        table: inst.table.id,
        row: target.row.spec.label,
        column,
        expected,
        actual,
        related: related(
          ctx.arithmetic,
          inst.block,
          refs.filter((r) => r !== target),
        ),
        ...(expected >= 0 && target.cell.kind !== 'missing' && !target.cell.inferred
          ? { fix: setCellFix(target.cell, expected, false, false) }
          : {}),
      });
    }
  },
};
