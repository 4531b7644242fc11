// Fixes are pure: text and analysis in, text edits out. "Recalculate all totals" writes every
// derived cell (row 总计, the （七） row, inserted missing totals) from the values solved in
// dependency order, so one pass leaves no row-total, column-total or empty-total finding.
// Only derived cells are touched; every other byte stays as it was.
import { type Analysis, arithmeticOf } from './analyze';
import type { Cell, TextEdit } from './model';
import { rowIsUncertain } from './relations';
import { setCellEdit } from './rules/finding';
import { lineStarts, offsetAt } from './text';

export function fixAllEdits(analysis: Analysis): TextEdit[] {
  const { arithmetic } = arithmeticOf(analysis);
  const edits: TextEdit[] = [];
  const done = new Set<Cell>();
  for (const inst of arithmetic.instances) {
    if (inst.kind !== 'sum') continue;
    const { cell, row } = inst.target;
    if (done.has(cell)) continue;
    done.add(cell);
    // a cell cut out of glued digits: a fix never rests on a guessed extent
    if (cell.inferred) continue;
    const value = arithmetic.computed.get(cell);
    if (value === undefined) continue;
    const k = inst.block.columns.length;
    if (cell.kind === 'missing') {
      // only the trailing derived cell of a row one cell short, whose reading is certain
      const onlyThis = row.cells.filter((c) => c.kind === 'missing').length === 1 && row.cells[k - 1] === cell;
      if (!onlyThis || row.uncertain || row.extra.length || row.valueCount !== k - 1) continue;
      edits.push(setCellEdit(cell, value));
    } else if (cell.kind === 'blank' || cell.kind === 'placeholder') {
      if (rowIsUncertain(row, k) && row.valueCount < k) continue;
      edits.push(setCellEdit(cell, value));
    } else if (cell.kind === 'number' && !cell.unsafe && cell.value !== value) {
      if (rowIsUncertain(row, k)) continue;
      edits.push(setCellEdit(cell, value));
    }
  }
  return sortEdits(edits);
}

export function sortEdits(edits: TextEdit[]): TextEdit[] {
  return [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Applies non-overlapping edits (LSP positions) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = lineStarts(text);
  const withOffsets = edits
    .map((e) => ({ s: offsetAt(starts, e.range.start, text.length), e: offsetAt(starts, e.range.end, text.length), t: e.newText }))
    .sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const e of withOffsets) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}
