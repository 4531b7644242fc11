// Folding ranges: each section, each sub-part (（一）…), each table and each block of table 二.
import { type FoldingRange, FoldingRangeKind, type FoldingRangeParams } from 'vscode-languageserver';
import type { Feature, ServerContext } from '../context';
import type { Range, Report } from '../core/index';
import { analyzedRequest } from '../guard';

/** the last line of a range that holds text (a range ending at character 0 ends on the line before) */
function lastLine(r: Range): number {
  return r.end.character === 0 && r.end.line > r.start.line ? r.end.line - 1 : r.end.line;
}

/** trims trailing blank lines so a folded section keeps the blank line before the next one */
function lastTextLine(report: Report, start: number, end: number): number {
  let line = end;
  while (line > start && (report.lines[line]?.text.trim() ?? '') === '') line--;
  return line;
}

export function foldingRanges(report: Report): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const add = (r: Range) => {
    const start = r.start.line;
    const end = lastTextLine(report, start, lastLine(r));
    if (end > start) ranges.push({ startLine: start, endLine: end, kind: FoldingRangeKind.Region });
  };
  for (const section of report.sections) {
    add({ start: section.headingRange.start, end: section.range.end });
    for (const sub of section.subparts) add(sub.range);
  }
  for (const table of report.tables) {
    add(table.range);
    for (const block of table.blocks) {
      if (!block.headingRange || !block.rows.length) continue;
      add({ start: block.headingRange.start, end: block.rows[block.rows.length - 1].lineRange.end });
    }
  }
  // one range per start line: the editor keeps only the first anyway
  const byStart = new Map<number, FoldingRange>();
  for (const r of ranges) {
    const prev = byStart.get(r.startLine);
    if (!prev || r.endLine > prev.endLine) byStart.set(r.startLine, r);
  }
  return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
}

export const foldingFeature: Feature = {
  name: 'folding',
  capabilities: () => ({ foldingRangeProvider: true }),
  register(ctx: ServerContext) {
    ctx.connection.onFoldingRanges(
      analyzedRequest(
        ctx,
        'foldingRange',
        null,
        (p: FoldingRangeParams) => p.textDocument.uri,
        ({ analysis }) => foldingRanges(analysis.report),
      ),
    );
  },
};
