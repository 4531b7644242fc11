// The `flat` layout (table 四): the template's rows laid out on one line, row after row (行政复议
// · 行政诉讼未经复议 · 行政诉讼复议后, five values each), or each group on a line of its own.
import type { Cell, Table, TableBlock } from '../model';
import type { TableTemplate } from '../templates/index';
import { type ClassifiedLine, hasValue, isFooter } from './lines';
import { alignValueCells, cellsLost, columnSpec, LOST_CHARACTER, rowSpec, shapeOf, wholeLine } from './values';

export function alignFlat(lines: ClassifiedLine[], table: TableTemplate, out: Table): void {
  const block = table.blocks[0];
  const per = block.columns.length;
  const k = per * block.rows.length;
  // data lines: values only, or a short label ("数量", "件数") followed by at least one group of values
  const data = lines
    .filter((lc) => !isFooter(lc) && hasValue(lc.values) && (lc.labelEnd < 0 || lc.values.filter((c) => c.kind !== 'blank').length >= per))
    .map((lc) => (lc.labelEnd < 0 ? lc : { ...lc, cells: lc.values }));
  const block0: TableBlock = { id: block.id, label: block.label, columns: block.columns.map(columnSpec), rows: [] };
  out.blocks.push(block0);
  if (!data.length) {
    for (const row of block.rows) out.missingRows.push({ block: block.id, row: rowSpec(row) });
    return;
  }
  // one line of 15 values, or the three groups on lines of their own
  const used: ClassifiedLine[] = [];
  let cells: Cell[] = [];
  for (const lc of data) {
    used.push(lc);
    const t = [...lc.cells];
    while (t.length && t[t.length - 1].kind === 'blank' && cells.length + t.length > k) t.pop();
    cells = cells.concat(t);
    if (cells.length >= k) break;
  }
  // one value per line (pdftotext without -layout): its reading order follows the PDF's drawing
  // order, not the table's columns, so which value is which cannot be trusted
  if (used.length > 2 && used.every((u) => u.cells.filter((c) => c.kind !== 'blank').length === 1)) {
    out.unsure = { reason: `one value per line: the order of the table's ${k} values cannot be trusted` };
  }
  const shape = shapeOf(used, k);
  const spaced = used.length === 1 ? spacers(used[0].cells, lines, k) : undefined;
  if (spaced === 'unsure')
    out.unsure ??= { reason: `${cells.length} cells for ${k} values, and which blank ones are spacer columns cannot be told` };
  else if (!spaced && !shape.sparse) cells = cells.filter((c, i) => !(c.kind === 'blank' && i === 0));
  const lastLine = used[used.length - 1];
  const w = Array.isArray(spaced)
    ? { cells: spaced, extra: [], valueCount: k }
    : alignValueCells(lastLine, cells, k, { sparse: true, width: 0 });
  if (cellsLost(used, w.valueCount, w.extra.length, k)) out.unsure ??= { reason: LOST_CHARACTER };
  for (let r = 0; r < block.rows.length; r++) {
    const rowCells = w.cells.slice(r * per, (r + 1) * per);
    const lineOf = rowCells.find((c) => c.kind !== 'missing')?.range.start.line ?? lastLine.line.line;
    const line = used.find((u) => u.line.line === lineOf) ?? lastLine;
    block0.rows.push({
      spec: rowSpec(block.rows[r]),
      lineRange: wholeLine(line.line),
      labelRange: { start: rowCells[0].range.start, end: rowCells[rowCells.length - 1].range.end },
      cells: rowCells,
      extra: r === block.rows.length - 1 ? w.extra : [],
      valueCount: Math.max(0, Math.min(per, w.valueCount - r * per)),
      ...(out.unsure ? { uncertain: true, note: out.unsure.reason } : {}),
    });
  }
}

/**
 * Table 四's one line of values read by its header lines: a blank cell with a header cell of its
 * own above it (a header line with text at that index) is a blank value; one without is a spacer
 * (an HTML colspan's covered cell, or the empty label cell). When that leaves exactly the values,
 * they are the line; when the line has more cells than values and it does not (or no header line
 * tells), which cells are spacers cannot be told: 'unsure'. Otherwise the line is read as before.
 */
function spacers(cells: Cell[], lines: ClassifiedLine[], k: number): Cell[] | 'unsure' | undefined {
  if (!cells.some((c) => c.kind === 'blank')) return undefined;
  const headers = lines.filter((lc) => !hasValue(lc.cells) && lc.cells.some((c) => c.kind === 'text'));
  const kept = headers.length ? cells.filter((c, j) => c.kind !== 'blank' || headers.some((h) => h.cells[j]?.kind === 'text')) : [];
  if (kept.length === k) return kept;
  return cells.length > k && cells.slice(1).some((c) => c.kind === 'blank') ? 'unsure' : undefined;
}
