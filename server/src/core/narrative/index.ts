// The prose against the tables: the statements of the prose that restate one table figure
// (statements.ts says which and when), with the number each states and where it is written.
import { isFooterText } from '../align/lines';
import type { Range, Report } from '../model';
import { trimmedSpan } from '../normalize';
import { readNumber } from './numbers';
import { QUANTITIES, type Quantity, scopePattern } from './statements';

export { chineseValue, readNumber } from './numbers';
export type { CellRef, Quantity } from './statements';
export { QUANTITIES } from './statements';

export interface Statement {
  quantity: Quantity;
  /** the number as the prose states it */
  value: number;
  /** the number's range in the text */
  range: Range;
}

const NUMBER = '[0-9０-９][0-9０-９,]*|[零〇一二两三四五六七八九十百千万]+';
const TAIL = '(?:数量)?(?:共|共计|总计|合计|累计|总数)?(?:为|达到|达)?';
const STATEMENT = new RegExp(
  `(?:${QUANTITIES.map((q) => `(${q.phrase})`).join('|')})${TAIL}[ \\u3000]*(${NUMBER})[ \\u3000]*([件起])`,
  'g',
);
/** where a phrase may start: the statement is tried (sticky) only there, never at every character */
const START = /收到|新收|受理|上年|办结|予以公开|结转|被申请|被提起|提起|现行有效/g;
/** where a clause starts: the phrase's scope is read back to here */
const CLAUSE_END = /[。；;！？!?，,、：:（()）\t“”"]/;

/** The lines that are prose: outside every table, not a row of cells. */
function proseLines(report: Report): number[] {
  const inTable = new Uint8Array(report.lineCount);
  for (const t of report.tables) for (let l = t.range.start.line; l <= t.range.end.line && l < inTable.length; l++) inTable[l] = 1;
  const out: number[] = [];
  for (const line of report.lines) if (!inTable[line.line] && line.cells.length <= 1) out.push(line.line);
  return out;
}

/** A paragraph of prose: lines a PDF wrapped joined again; `at` maps an offset back to its line. */
interface Paragraph {
  text: string;
  /** per joined line: its offset in `text`, its line, and the character `text` starts at there */
  parts: [number, number, number][];
}

const width = (s: string) => {
  let n = 0;
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) >= 0x2e80 ? 2 : 1;
  return n;
};
/** a line that ends its clause: the next line starts a new one anyway */
const ENDS_CLAUSE = /[。；;！？!?，,、：:）)”"]\s*$/;

/**
 * The prose as paragraphs. A line is continued by the next prose line when it is as wide as the
 * prose's text block (a PDF's wrap: not a heading, not a paragraph's last line) and does not end a
 * clause; blank lines in between only at a page break (a page number or a form feed).
 */
function paragraphs(report: Report): Paragraph[] {
  const lines = proseLines(report);
  let full: number | undefined; // 3/4 of the widest prose line, measured on first need
  const out: Paragraph[] = [];
  let cur: Paragraph | undefined;
  let open = false; // the last line of `cur` may continue
  let blank = false;
  let page = false;
  for (let i = 0; i < lines.length; i++) {
    const n = lines[i];
    if (i > 0 && lines[i - 1] !== n - 1) open = false; // a table or a row of cells between
    const text = report.lines[n].text;
    const { start, end } = trimmedSpan(text);
    if (start === end) {
      blank = true;
      continue;
    }
    const t = text.slice(start, end);
    if (isFooterText(t)) {
      page = true;
      continue;
    }
    const join = open && (!blank || page || text.charCodeAt(0) === 12);
    blank = page = false;
    if (!join || !cur) {
      cur = { text: '', parts: [] };
      out.push(cur);
    }
    // Arabic digits on both sides of the break are two numbers (a PDF never wraps inside one; full-width digits wrap as CJK)
    if (join && /[0-9]$/.test(cur.text) && /^[0-9]/.test(t)) cur.text += ' ';
    cur.parts.push([cur.text.length, n, start]);
    cur.text += t;
    open = !ENDS_CLAUSE.test(t);
    if (open) {
      if (full === undefined) {
        full = 0;
        // (a table's header line left outside its table, cells apart by runs of spaces, is not the text block)
        for (const l of lines)
          if (!/\S\s{3,}\S/.test(report.lines[l].text)) full = Math.max(full, 0.75 * width(report.lines[l].text.trimEnd()));
      }
      open = width(text.slice(0, end)) >= full;
    }
  }
  return out;
}

/** Where offset `k` of a paragraph is in the text (the last part starting at or before it). */
function position(p: Paragraph, k: number): { line: number; character: number } {
  let i = p.parts.length - 1;
  while (i > 0 && p.parts[i][0] > k) i--;
  const [off, line, ch] = p.parts[i];
  return { line, character: ch + k - off };
}

/** Every statement of the prose that restates a table figure for the report's own body and year. */
export function readStatements(report: Report): Statement[] {
  // built on the first phrase found (most prose lines hold none)
  let scopes: RegExp[] | undefined;
  const out: Statement[] = [];
  for (const p of paragraphs(report)) {
    const text = p.text;
    START.lastIndex = 0;
    for (let k = START.exec(text); k; k = START.exec(text)) {
      STATEMENT.lastIndex = k.index;
      const m = STATEMENT.exec(text);
      if (!m) continue;
      START.lastIndex = m.index + m[0].length;
      const qi = QUANTITIES.findIndex((_, i) => m[i + 1] !== undefined);
      const quantity = QUANTITIES[qi];
      const numText = m[QUANTITIES.length + 1];
      const unit = m[QUANTITIES.length + 2];
      const numStart = m.index + m[0].lastIndexOf(numText);
      // 件次 is another unit; 10件中 / 10件， are still the count; PDF text spaces the number (34 件)
      if (!quantity.units.includes(unit) || text[m.index + m[0].length] === '次') continue;
      const num = readNumber(text, numStart);
      if (!num || num.end !== numStart + numText.length) continue;
      let from = m.index;
      while (from > 0 && !CLAUSE_END.test(text[from - 1])) from--;
      scopes ??= [false, true].map((subset) => scopePattern(report.title?.agency, report.title?.year, subset));
      if (!scopes[quantity.subsetKeepsScope ? 1 : 0].test(text.slice(from, m.index))) continue;
      const end = position(p, num.end - 1);
      out.push({
        quantity,
        value: num.value,
        range: { start: position(p, numStart), end: { line: end.line, character: end.character + 1 } },
      });
    }
  }
  return out;
}
