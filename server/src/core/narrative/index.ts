// The prose against the tables: the statements of the prose that restate one table figure
// (statements.ts says which and when), with the number each states and where it is written.
import type { Range, Report } from '../model';
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

/** Every statement of the prose that restates a table figure for the report's own body and year. */
export function readStatements(report: Report): Statement[] {
  // built on the first phrase found (most prose lines hold none)
  let scopes: RegExp[] | undefined;
  const out: Statement[] = [];
  for (const n of proseLines(report)) {
    const text = report.lines[n].text;
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
      out.push({
        quantity,
        value: num.value,
        range: { start: { line: n, character: numStart }, end: { line: n, character: numStart + numText.length } },
      });
    }
  }
  return out;
}
