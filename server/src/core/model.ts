// The report model and the findings: the types every layer above the core reads.
// Pure data: no VS Code, no protocol. Positions follow the LSP convention (0-based line,
// UTF-16 code units), so the server can hand them to the editor unchanged.

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
/** A replacement of `range` by `newText` (LSP TextEdit shape). */
export interface TextEdit {
  range: Range;
  newText: string;
}

/** a format's id, as its template data names it ('2021', '2019', or a custom template's id) */
export type FormatId = string;
export type Lang = 'zh' | 'en';
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type TableId = '二' | '三' | '四';

/** One tab-separated cell of a text line, as the parser read it. */
export interface RawCell {
  /** the cell's text, untrimmed */
  text: string;
  /** offset of the cell's first code unit in the (BOM-less) text */
  offset: number;
  line: number;
  /** UTF-16 column of the cell start */
  character: number;
}
export interface RawLine {
  line: number;
  /** offset of the line start */
  offset: number;
  /** the line's text without its line break */
  text: string;
  cells: RawCell[];
}

export type CellKind =
  | 'number' // a plain number, the whole cell
  | 'blank' // empty or white space
  | 'placeholder' // -, —, /, 无 …: zero for a detail cell
  | 'annotated' // a number followed by a unit or a remark: 251000元, 22（其中修订16件）
  | 'text' // no number at all
  | 'missing'; // not present in the text: the row had fewer cells than the template

export interface Cell {
  kind: CellKind;
  /** the cell's text, trimmed ('' for blank and missing) */
  raw: string;
  /** the trimmed text's range; for a missing cell an empty range where it would be inserted */
  range: Range;
  /** numeric value for number/annotated cells; 0 for blank/placeholder; undefined otherwise */
  value?: number;
  /** decimal digits written in the cell (number/annotated) */
  decimals?: number;
  /** the value exceeds Number.MAX_SAFE_INTEGER or is not finite: it cannot be trusted */
  unsafe?: boolean;
  /** the cell was written with full-width digits */
  fullWidth?: boolean;
  /** a blank cell past the end of a space-separated line: what a value written into it is preceded by */
  gap?: string;
  /** the cell was cut out of a run of glued digits (crawled text): its extent was inferred, so no fix rewrites it */
  inferred?: boolean;
}

export interface ColumnSpec {
  id: string;
  label: string;
  /** count: non-negative integer; signed: integer that may be negative; money: non-negative, decimals allowed */
  kind: 'count' | 'signed' | 'money';
  derived?: boolean;
}

export interface RowSpec {
  id: string;
  label: string;
  derived?: boolean;
  /** the group a numbered sub-row belongs to (（三） …) and its number */
  group?: string;
  sub?: number;
  /** a group written as one row (the 2019 single （六）其他处理): the sub-rows it stands for, read as their sum */
  standsFor?: string[];
}

/** A template row found in the text, its cells aligned to the template's columns. */
export interface TableRow {
  spec: RowSpec;
  /** the whole line the row was read from */
  lineRange: Range;
  /** the label's range (the cells that named the row), or the line start when it had none */
  labelRange: Range;
  /** aligned cells, one per template column (kind 'missing' where the text had none) */
  cells: Cell[];
  /** value cells present beyond the template's columns */
  extra: Cell[];
  /** how many value cells the line held */
  valueCount: number;
  /** true when the reading of this row is uncertain: relations on it are not checked */
  uncertain?: boolean;
  /** why the row was read the way it was (shown in hovers), e.g. "label lost: read as 1.属于国家秘密" */
  note?: string;
  /**
   * the row's values were one run of digits (or a few), split into its columns (align/glued.ts):
   * the run's range and digits, and the codes of the relations the split rested on (they hold on it
   * by construction, so they are not checked on this row)
   */
  glued?: { range: Range; digits: string; used: string[] };
}

export interface UnknownLine {
  range: Range;
  labelRange: Range;
  label: string;
  reason: 'no-label' | 'unmatched' | 'duplicate';
}

export interface TableBlock {
  /** table 二 has blocks (第二十条第（一）项 …); tables 三 and 四 have one block with id '' */
  id: string;
  label: string;
  columns: ColumnSpec[];
  rows: TableRow[];
  /** decimal places the header demands for money columns, when it states a rule */
  decimalRule?: number;
  /** row groups of the template (（三）不予公开 …), for outlines */
  groups?: { id: string; label: string }[];
  headingRange?: Range;
}

export interface Table {
  id: TableId;
  title: string;
  /** the section heading introducing the table, or the table's first line */
  headingRange: Range;
  range: Range;
  blocks: TableBlock[];
  unknown: UnknownLine[];
  /** template rows (block id + row id) not found, and those whose label was found without values */
  missingRows: { block: string; row: RowSpec; labelSeenAt?: Range }[];
  /** the text has no cell separators in this table (crawled page text): nothing could be aligned */
  unreadable?: { reason: string };
  /** the rows were read but which cell is which column cannot be told (spacer columns): nothing is checked */
  unsure?: { reason: string };
}

export interface Section {
  /** 1..6 in the official order */
  index: number;
  key: string;
  /** the heading as written */
  heading: string;
  headingRange: Range;
  /** from the heading to the line before the next section */
  range: Range;
  subparts: { label: string; range: Range }[];
}

export interface Title {
  text: string;
  agency?: string;
  year?: number;
  range: Range;
}

export interface Report {
  /** the analysed text (BOM removed) */
  text: string;
  lineCount: number;
  lines: RawLine[];
  format: FormatId | null;
  formatSource: 'detected' | 'config' | 'year' | 'none';
  title?: Title;
  sections: Section[];
  tables: Table[];
}

export interface RelatedCell {
  /** the other report's file, when the cell is in another report (carry-over: last year's) */
  file?: string;
  range: Range;
  /** canonical "row / column" label of the cell */
  label: string;
  value?: number;
}

export interface Fix {
  title: { zh: string; en: string };
  /** the fix to apply on a quick-fix request without asking (LSP isPreferred) */
  preferred: boolean;
  /** the fix recalculates a derived cell: part of "Recalculate Totals" / fix-all */
  recalculates: boolean;
  edits: TextEdit[];
}

export interface Finding {
  code: string;
  severity: Severity;
  /** message in both languages; pick with formatMessage */
  message: { zh: string; en: string };
  range: Range;
  table?: TableId;
  /** canonical row label (template), e.g. （七）总计 */
  row?: string;
  /** canonical column label, e.g. 总计 */
  column?: string;
  /** table 二 block (第二十条第（一）项 …) */
  block?: string;
  expected?: number;
  actual?: number;
  /** the cells a total is made of (for relatedInformation) */
  related?: RelatedCell[];
  fix?: Fix;
}
