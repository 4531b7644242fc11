// From the report text back to the document: the source (PDF page and box, DOCX or HTML table/row/
// cell, paragraph) of an LSP position, and its PDF page.
import type { DocTable, GridCell, ReportText, SourceRef } from './model';

/** LSP position: 0-based line, UTF-16 character */
export interface TextPosition {
  line: number;
  character: number;
}
function spansOnLine(rt: ReportText, line: number): { lo: number; hi: number } {
  const s = rt.spans;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (s[m].line < line) lo = m + 1;
    else hi = m;
  }
  let end = lo;
  while (end < s.length && s[end].line === line) end++;
  return { lo, hi: end };
}

/**
 * The source of the cell or paragraph at an LSP position of the report text: the span containing
 * it, else the nearest span on that line (a missing cell's insertion point after the last cell);
 * undefined on a line that came from no cell (a supplied heading, a blank line).
 */
export function sourceAt(rt: ReportText, pos: TextPosition): SourceRef | undefined {
  const { lo, hi } = spansOnLine(rt, pos.line);
  if (lo === hi) return undefined;
  let before = -1;
  for (let k = lo; k < hi; k++) {
    const sp = rt.spans[k];
    if (sp.start <= pos.character && pos.character <= sp.end) return sp.source;
    if (sp.start <= pos.character) before = k;
  }
  return rt.spans[before >= 0 ? before : lo].source;
}

function pageOf(s: SourceRef): number | undefined {
  if (s.kind === 'pdf') return s.page;
  if (s.kind === 'paragraph') return s.page;
  return undefined;
}

/**
 * The 1-based PDF page of the cell at a position: the page of the source there, or, on a line with
 * no source (a supplied heading), of the next line that has one (the table it introduces).
 * undefined for DOCX and HTML, which have no pages.
 */
export function pageAt(rt: ReportText, pos: TextPosition): number | undefined {
  const here = sourceAt(rt, pos);
  if (here) return pageOf(here);
  const { hi } = spansOnLine(rt, pos.line);
  for (let k = hi; k < rt.spans.length; k++) {
    const p = pageOf(rt.spans[k].source);
    if (p !== undefined) return p;
  }
  return undefined;
}

/** a grid cell's anchor, for callers that hold a SourceRef and want its text back */
export function cellAt(t: DocTable, row: number, col: number): GridCell | undefined {
  return t.cells.find((c) => row >= c.row && row < c.row + c.rowspan && col >= c.col && col < c.col + c.colspan);
}
