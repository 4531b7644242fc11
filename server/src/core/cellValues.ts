// The derived cells of an analysis (the targets of a sum relation: 总计, （七）) and the value each
// should have, recomputed from its parts. For views that draw every cell (the table view, the
// batch HTML report); hovers use describeCell, the fixes use the same arithmetic.
import { type Analysis, arithmeticOf } from './analyze';
import type { Cell } from './model';

/** derived cell → the value recomputed from its parts (undefined where the parts cannot be summed) */
export function derivedCells(analysis: Analysis): ReadonlyMap<Cell, number | undefined> {
  const { arithmetic: math } = arithmeticOf(analysis);
  const out = new Map<Cell, number | undefined>();
  for (const cell of math.derived) out.set(cell, math.computed.get(cell));
  return out;
}
