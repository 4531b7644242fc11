// Transforms of a generated report into the messy shapes real text arrives in
// (../shared/domain/report-format.md, "What real text looks like"). Each keeps the report's truth:
// the property tests assert the transformed text gives the clean text's findings.
//   withSpacerColumn   an HTML colspan's covered cell: an empty cell at one grid index of every table-三 line

/** The 0-based line range [from, to) of section `heading`'s body: up to the next line starting with `next`. */
export function sectionLines(lines: string[], heading: string, next: string): [number, number] {
  const from = lines.findIndex((l) => l.startsWith(heading));
  const to = lines.findIndex((l, i) => i > from && l.startsWith(next));
  return [from + 1, to < 0 ? lines.length : to];
}

function splitEol(text: string): { lines: string[]; eol: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  return { lines: text.split(eol), eol };
}

/**
 * An empty covered cell inserted at grid index `at` (counted from the line start, label cells
 * included) in every tab-separated line of table 三, header lines too: what a header cell spanning
 * two grid columns leaves in every row once the table is copied as text.
 */
export function withSpacerColumn(text: string, at: number): string {
  const { lines, eol } = splitEol(text);
  const [from, to] = sectionLines(lines, '三、收到和处理', '四、政府信息公开行政复议');
  for (let i = from; i < to; i++) {
    const cells = lines[i].split('\t');
    if (cells.length < 2 || cells.length < at) continue;
    cells.splice(at, 0, '');
    lines[i] = cells.join('\t');
  }
  return lines.join(eol);
}

/** The zeros at grid index `at` of table 三's detail lines made blank (a column a body left empty; （七） is derived and keeps its 0). */
export function withBlankColumn(text: string, at: number): string {
  const { lines, eol } = splitEol(text);
  const [from, to] = sectionLines(lines, '三、收到和处理', '四、政府信息公开行政复议');
  for (let i = from; i < to; i++) {
    const cells = lines[i].split('\t');
    if (cells.length <= at || cells[at] !== '0' || lines[i].includes('（七）')) continue;
    cells[at] = '';
    lines[i] = cells.join('\t');
  }
  return lines.join(eol);
}
