// 一 + 二 = （七） + 四 in every column of table 三: the balance the table itself prints.

import { checkValue, rowIsUncertain } from '../relations';
import type { Rule } from './types';
import { columnLabel, related, setCellFix } from './util';

export const balance: Rule = {
  code: 'balance',
  severity: 'error',
  description: {
    zh: '一、本年新收 + 二、上年结转 ≠ （七）总计 + 四、结转下年度（勾稽关系不平衡）',
    en: 'New plus carried-in applications differ from handled plus carried-over (一 + 二 ≠ （七） + 四)',
  },
  check(ctx) {
    const out: ReturnType<Rule['check']> = [];
    for (const inst of ctx.math.instances) {
      if (inst.kind !== 'balance') continue;
      const k = inst.block.columns.length;
      const refs = [...inst.left, ...inst.right];
      if (refs.some((r) => rowIsUncertain(r.row, k))) continue;
      const vals = refs.map((r) => checkValue(ctx.math, r.cell));
      if (vals.some((v) => v === undefined)) continue;
      const left = inst.left.reduce((s, r) => s + checkValue(ctx.math, r.cell)!, 0);
      const right = inst.right.reduce((s, r) => s + checkValue(ctx.math, r.cell)!, 0);
      if (left === right) continue;
      const target = inst.fixTarget;
      const actual = checkValue(ctx.math, target.cell)!;
      const expected = left - (right - actual);
      const column = columnLabel(inst.block, inst.column);
      const [l1, l2] = inst.left.map((r) => checkValue(ctx.math, r.cell));
      const [r1] = inst.right.map((r) => checkValue(ctx.math, r.cell));
      out.push({
        code: 'balance',
        message: {
          zh: `${column}列不平衡：一 + 二 = ${l1} + ${l2} = ${left}，但（七）+ 四 = ${r1} + ${actual} = ${right}`,
          en: `${column} does not balance: 一 + 二 = ${l1} + ${l2} = ${left}, but （七） + 四 = ${r1} + ${actual} = ${right}`,
        },
        range: target.cell.range,
        table: inst.table.id,
        row: target.row.spec.label,
        column,
        expected,
        actual,
        related: related(
          ctx.math,
          inst.block,
          refs.filter((r) => r !== target),
        ),
        ...(expected >= 0 && target.cell.kind !== 'missing' ? { fix: setCellFix(target.cell, expected, false, false) } : {}),
      });
    }
    return out;
  },
};
