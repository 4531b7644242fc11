// What a report contributes to the comparisons across reports, kept small so that a batch of
// thousands holds only these, not every analysis: the body and the year from its title, the title's
// range, and the cells the carry-overs read (table 三's 二 and 四, table 二's stock of 规章 and
// 行政规范性文件), each with its value as the checks read it (a blank derived cell: its computed value).
import { type Analysis, arithmeticOf } from '../analyze';
import type { Range, Report, TableRow } from '../model';
import { normalizeDigits } from '../normalize';
import { rowIsUncertain, valueForChecks } from '../relations';

export interface CellFact {
  range: Range;
  /** undefined: the cell says nothing that can be compared (text, an unsafe number, not computable) */
  value?: number;
  /** canonical labels */
  row: string;
  column: string;
}

export interface StockFact {
  row: string;
  inForce: CellFact;
  issued: CellFact;
  repealed: CellFact;
}

export interface ReportFacts {
  /** the title's text before the year, white space removed (compared exactly) */
  body: string;
  year: number;
  titleRange: Range;
  /** table 三 二、上年结转, column by column (absent: the row is missing or read uncertainly) */
  carriedIn?: CellFact[];
  /** table 三 四、结转下年度继续办理, column by column */
  carriedOut?: CellFact[];
  /** table 二 第二十条第（一）项 (2021 columns only): 规章 and 行政规范性文件 */
  stock?: StockFact[];
}

const YEAR = /(\d{4})年度?/;

/**
 * The body and year of a report's title (checks.md: the title line names 政府信息公开工作年度报告; the
 * outline's title, so a 标题： prefix is dropped and a title broken over two lines is joined). The
 * body is the text before the year, white space removed; a title that starts with its year
 * (2019年上海市人民政府办公厅政府信息公开工作年度报告) names its body after the year instead.
 */
export function bodyAndYear(report: Report): { body: string; year: number; range: Range } | undefined {
  const title = report.title;
  if (!title) return undefined;
  const compact = normalizeDigits(title.text.replace(/\s+/g, ''));
  if (!compact.includes('政府信息公开')) return undefined;
  const m = YEAR.exec(compact);
  if (!m) return undefined;
  let body = compact.slice(0, m.index);
  if (!body) body = compact.slice(m.index + m[0].length).replace(/(?:政府信息公开|政务公开).*$/, '');
  if (!body) return undefined;
  return { body, year: Number(m[1]), range: title.range };
}

function rowFacts(analysis: Analysis, row: TableRow | undefined, columns: { id: string; label: string }[]): CellFact[] | undefined {
  if (!row || rowIsUncertain(row, columns.length)) return undefined;
  const { arithmetic } = arithmeticOf(analysis);
  return row.cells.map((cell, i) => ({
    range: cell.range,
    value: valueForChecks(arithmetic, cell),
    row: row.spec.label,
    column: columns[i].label,
  }));
}

const STOCK_ROWS = ['规章', '行政规范性文件'];
const STOCK_COLUMNS = ['本年制发件数', '本年废止件数', '现行有效件数'];

export function reportFacts(analysis: Analysis): ReportFacts | undefined {
  const report = analysis.report;
  if (!report.format) return undefined;
  const key = bodyAndYear(report);
  if (!key) return undefined;
  const facts: ReportFacts = { body: key.body, year: key.year, titleRange: key.range };
  const t3 = report.tables.find((t) => t.id === '三' && !t.unreadable);
  const b3 = t3?.blocks[0];
  if (b3) {
    facts.carriedIn = rowFacts(
      analysis,
      b3.rows.find((r) => r.spec.id === '二'),
      b3.columns,
    );
    facts.carriedOut = rowFacts(
      analysis,
      b3.rows.find((r) => r.spec.id === '四'),
      b3.columns,
    );
  }
  const t2 = report.tables.find((t) => t.id === '二' && !t.unreadable);
  const b2 = t2?.blocks.find((b) => b.id === '（一）');
  const cols = b2 ? STOCK_COLUMNS.map((id) => b2.columns.findIndex((c) => c.id === id)) : [];
  if (b2 && cols.every((c) => c >= 0)) {
    facts.stock = [];
    for (const id of STOCK_ROWS) {
      const cells = rowFacts(
        analysis,
        b2.rows.find((r) => r.spec.id === id),
        b2.columns,
      );
      if (cells) facts.stock.push({ row: id, issued: cells[cols[0]], repealed: cells[cols[1]], inForce: cells[cols[2]] });
    }
  }
  return facts;
}
