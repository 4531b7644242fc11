// The shared check behind row-total and column-total: a sum relation whose stated total
// differs from its parts. Each broken instance is reported once, at its own total cell.
import { isEmptyDerived, rowIsUncertain, type SumInstance, statedValue, tableIsUncertain, valueForChecks } from '../relations';
import { blockField, columnLabel, related, rowLabel, setCellFix } from './finding';
import type { FindingInput, ReportFinding, RuleContext } from './types';

export function checkSums(ctx: RuleContext, code: 'row-total' | 'column-total', report: ReportFinding): void {
  for (const inst of ctx.arithmetic.instances) {
    if (inst.kind !== 'sum' || inst.code !== code) continue;
    const f = checkOne(ctx, inst);
    if (f) report(f);
  }
}

function checkOne(ctx: RuleContext, inst: SumInstance): FindingInput | undefined {
  const k = inst.block.columns.length;
  const target = inst.target.cell;
  if (isEmptyDerived(target)) return undefined; // empty-total and missing-cell speak for it
  if (rowIsUncertain(inst.target.row, k) || inst.parts.some((p) => rowIsUncertain(p.row, k))) return undefined;
  if (inst.code === 'column-total' && tableIsUncertain(inst.table)) return undefined;
  // a relation a glued row's split rested on holds by construction: it was not checked
  if ([inst.target, ...inst.parts].some((p) => p.row.glued?.used.includes(inst.code))) return undefined;
  const actual = statedValue(target);
  if (actual === undefined) return undefined;
  let expected = 0;
  for (const p of inst.parts) {
    const v = valueForChecks(ctx.arithmetic, p.cell);
    if (v === undefined) return undefined;
    expected += v;
  }
  if (!Number.isSafeInteger(expected) || expected === actual) return undefined;
  const row = rowLabel(inst.target.row);
  const column = columnLabel(inst.block, inst.target.col);
  const isRow = inst.code === 'row-total';
  const groupZh = isRow ? '本行各项' : '各明细行';
  const groupEn = isRow ? "the row's parts" : 'the detail rows';
  return {
    message: {
      zh: `${row}的${column}为 ${actual}，但${groupZh}之和为 ${expected}`,
      en: `${row} ${column} is ${actual}, but ${groupEn} add up to ${expected}`,
    },
    range: target.range,
    table: inst.table.id,
    row,
    column,
    ...blockField(inst.block),
    expected,
    actual,
    related: related(ctx.arithmetic, inst.block, inst.parts),
    // (a cell cut out of glued digits is never rewritten: its extent was inferred)
    ...(target.inferred ? {} : { fix: setCellFix(target, expected, true, true) }),
  };
}
