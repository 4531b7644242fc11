// Transforms of a generated report into the messy shapes real text arrives in
// (../shared/domain/report-format.md, "What real text looks like"). Each keeps the report's truth:
// the property tests assert the transformed text gives the clean text's findings.
//   withSpacerColumn   an HTML colspan's covered cell: an empty cell at one grid index of every table-三 line
//   gluedRows, gluedTable4   crawled text: a row's figures run together as one string of digits
//   fullWidthTables   tables 三 and 四 in full-width digits

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

// ------------------------------------------------------------------ text copied out of a PDF

/** The lines of the three tables (二, 三, 四): from 二's heading to 五's. */
function tableSpan(lines: string[]): [number, number] {
  const [from] = sectionLines(lines, '二、主动公开', '三、收到和处理');
  const [, to] = sectionLines(lines, '四、政府信息公开行政复议', '五、');
  return [from, to];
}

/**
 * `pdftotext -layout`: every table line's cells separated by runs of spaces, each cell padded to
 * its column's width (its index in the line), so the values of a table stand at the same offsets;
 * a blank cell is only spaces. `viewer`: a PDF viewer's copy, cells separated by one space.
 */
export function asPdfText(text: string, style: 'layout' | 'viewer' = 'layout'): string {
  const { lines, eol } = splitEol(text);
  const [from, to] = tableSpan(lines);
  const widths: number[] = [];
  for (let i = from; i < to; i++) {
    lines[i].split('\t').forEach((c, j) => {
      widths[j] = Math.max(widths[j] ?? 0, c.length + 2);
    });
  }
  for (let i = from; i < to; i++) {
    if (!lines[i].includes('\t')) continue;
    const cells = lines[i].split('\t');
    lines[i] =
      style === 'viewer'
        ? cells.filter((c) => c !== '').join(' ')
        : cells
            .map((c, j) => c.padEnd(widths[j]))
            .join('')
            .trimEnd();
  }
  return lines.join(eol);
}

/** A table-三 data line: its label and value cells (the generator writes 3 label cells, then 7 values). */
function table3Rows(lines: string[]): { at: number; label: string; values: string[] }[] {
  const [from, to] = sectionLines(lines, '三、收到和处理', '四、政府信息公开行政复议');
  const out: { at: number; label: string; values: string[] }[] = [];
  for (let i = from; i < to; i++) {
    const cells = lines[i].split('\t');
    if (cells.length === 10 && /^\d+$/.test(cells[3])) out.push({ at: i, label: cells.slice(0, 3).join(''), values: cells.slice(3) });
  }
  return out;
}

/** `pdftotext` without -layout: each table-三 row's label on a line, then one value per line, blank lines between. */
export function oneValuePerLine(text: string): string {
  const { lines, eol } = splitEol(text);
  for (const r of table3Rows(lines).reverse()) lines.splice(r.at, 1, r.label, '', ...r.values.flatMap((v) => [v, '']));
  return lines.join(eol);
}

/** Long labels wrapped (after -layout): the first half on a line, the values alone on the next, the rest of the label below. */
export function wrappedLabels(text: string, longer = 12): string {
  const { lines, eol } = splitEol(text);
  for (const r of table3Rows(lines).reverse()) {
    // the row's own label (the last label cell): a merged group label beside it stays on its line
    const cells = lines[r.at].split('\t');
    const own = cells[2] || cells[1] || cells[0];
    if (own.length <= longer || cells.slice(0, 3).filter(Boolean).length > 1) continue;
    const half = Math.ceil(own.length / 2);
    lines.splice(r.at, 1, own.slice(0, half), ['', '', '', ...r.values].join('\t'), own.slice(half));
  }
  return lines.join(eol);
}

/** Merged vertical labels (三、本年度办理结果, （三）不予公开 …) scattered two characters a line between the rows of their span. */
export function scatteredGroupLabels(text: string): string {
  const { lines, eol } = splitEol(text);
  const rows = table3Rows(lines);
  const inserts: { at: number; text: string }[] = [];
  for (let n = 0; n < rows.length; n++) {
    const cells = lines[rows[n].at].split('\t');
    const merged = cells[0] === '三、本年度办理结果' ? 0 : cells[2] !== '' && cells[1] !== '' ? 1 : -1;
    if (merged < 0) continue;
    const label = cells[merged];
    cells[merged] = '';
    lines[rows[n].at] = cells.join('\t');
    // two characters after each of the next rows (a page break may fall between them too)
    for (let p = 0, m = n; p < label.length; p += 2, m++) {
      const after = rows[Math.min(m, rows.length - 2)].at;
      inserts.push({ at: after + 1, text: label.slice(p, p + 2) });
    }
  }
  inserts.sort((a, b) => b.at - a.at);
  for (const x of inserts) lines.splice(x.at, 0, x.text);
  return lines.join(eol);
}

/** Page numbers (`- 3 -`, `第 4 页`) between rows of table 三 and after table 二's first row. */
export function pageNumbers(text: string): string {
  const { lines, eol } = splitEol(text);
  const rows = table3Rows(lines);
  lines.splice(rows[Math.floor(rows.length / 2)].at + 1, 0, '', '                 - 3 -', '');
  lines.splice(rows[3].at + 1, 0, '第 2 页');
  return lines.join(eol);
}

/** Sub-rows numbered `1、` instead of `1.`. */
export function ideographicNumbering(text: string): string {
  const { lines, eol } = splitEol(text);
  for (const r of table3Rows(lines)) lines[r.at] = lines[r.at].replace(/\t(\d{1,2})\.(?=\D)/, '\t$1、');
  return lines.join(eol);
}

/** Stray spaces inside labels, as justified PDF text leaves them (`总 计`, `予以 公开`). */
export function spacedLabels(text: string): string {
  const { lines, eol } = splitEol(text);
  for (const r of table3Rows(lines)) {
    const cells = lines[r.at].split('\t');
    for (let j = 0; j < 3; j++) if (cells[j].length >= 4) cells[j] = [...cells[j]].join(j === 1 ? ' ' : '').replace(/(.{3})(.)/, '$1 $2');
    lines[r.at] = cells.join('\t');
  }
  return lines.join(eol);
}

/** Two adjacent characters swapped in the middle of the row label at each given label (a typo). */
export function withTypos(text: string, labels: string[]): string {
  let out = text;
  for (const l of labels) {
    const i = Math.floor(l.length / 2);
    const typo = l.slice(0, i) + l[i + 1] + l[i] + l.slice(i + 2);
    out = out.replace(`\t${l}\t`, `\t${typo}\t`).replace(new RegExp(`^${l}\\t`, 'm'), `${typo}\t`);
  }
  return out;
}

// ------------------------------------------------------------------ crawled text: separators lost

/**
 * Crawled page text that lost the separators between a row's figures: every table-三 line with a
 * label and then exactly 7 integer cells keeps its label cells, then `sep` (a tab, a space, or ''
 * for the label glued directly to them) and its 7 values as one run of digits (`270020130`).
 */
export function gluedRows(text: string, sep = '\t'): string {
  const { lines, eol } = splitEol(text);
  const [from, to] = sectionLines(lines, '三、收到和处理', '四、政府信息公开行政复议');
  for (let i = from; i < to; i++) {
    const cells = lines[i].split('\t');
    const values = cells.slice(-7);
    const label = cells.slice(0, -7);
    if (cells.length < 8 || !values.every((c) => /^\d+$/.test(c)) || !label.some((c) => /\D/.test(c))) continue;
    lines[i] = label.join('\t') + sep + values.join('');
  }
  return lines.join(eol);
}

/** Table 四's line of 15 integer values (no label) as one run of digits. */
export function gluedTable4(text: string): string {
  const { lines, eol } = splitEol(text);
  const [from, to] = sectionLines(lines, '四、政府信息公开行政复议', '五、');
  for (let i = from; i < to; i++) {
    const cells = lines[i].split('\t');
    if (cells.length === 15 && cells.every((c) => /^\d+$/.test(c))) lines[i] = cells.join('');
  }
  return lines.join(eol);
}

/** The digits of tables 三 and 四 written full-width (`２７００２０１３０`), as some CMS pages have them. */
export function fullWidthTables(text: string): string {
  const { lines, eol } = splitEol(text);
  const [from] = sectionLines(lines, '三、收到和处理', '四、政府信息公开行政复议');
  const [, to] = sectionLines(lines, '四、政府信息公开行政复议', '五、');
  for (let i = from; i < to; i++) lines[i] = lines[i].replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
  return lines.join(eol);
}

/** The 0-based lines `glued` changed from `clean` (same line count). */
export function changedLines(clean: string, glued: string): number[] {
  const a = clean.split(/\r?\n/);
  const b = glued.split(/\r?\n/);
  return b.flatMap((l, i) => (l !== a[i] ? [i] : []));
}

/**
 * Table 四 with an empty covered cell at grid index `at` (0–15; -1: none) of its header lines and its line of
 * fifteen values; `headers: false` also drops the header lines, leaving nothing to tell a spacer by.
 * `blank` makes the zeros of the values line blank cells (a real blank value under its own header).
 */
export function withTable4Spacer(text: string, at: number, o: { headers?: boolean; blank?: boolean } = {}): string {
  const { lines, eol } = splitEol(text);
  const [from, to] = sectionLines(lines, '四、政府信息公开行政复议', '五、');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i].split('\t');
    if (i < from || i >= to || cells.length < 15) {
      out.push(lines[i]);
      continue;
    }
    const values = cells.every((c) => /^\d+$/.test(c));
    if (!values && o.headers === false) continue;
    const row = values && o.blank ? cells.map((c) => (c === '0' ? '' : c)) : cells;
    if (at >= 0) row.splice(at, 0, '');
    out.push(row.join('\t'));
  }
  return out.join(eol);
}

/**
 * `pdftotext` without -layout where some labels print far from their values: the report as one
 * value per line (oneValuePerLine), with the `count` table-三 rows from the `from`-th on written as
 * their values alone, and their labels listed one per line after the table's last values.
 */
export function labelsApart(text: string, from: number, count: number): string {
  const { lines, eol } = splitEol(text);
  const rows = table3Rows(lines);
  const moved = rows.slice(from, from + count);
  const end = rows[rows.length - 1].at;
  const labels = moved.map((r) => r.label);
  for (const r of [...rows].reverse()) {
    const values = r.values.flatMap((v) => [v, '']);
    const listed = r.at === end ? labels : [];
    lines.splice(r.at, 1, ...(moved.includes(r) ? values : [r.label, '', ...values]), ...listed);
  }
  return lines.join(eol);
}
