// The table view's model: a serialisable picture of a report's tables 二, 三 and 四 as the
// published format draws them (merged header cells, canonical row labels with table 三's groups)
// with every cell, what the checker found on it, and what it could not place. Built by model.ts
// from an analysis, drawn by render.ts (the editor's webview and the CLI's batch HTML report).
// Plain data only (it crosses the LSP connection and the webview's message channel): types, no code.
import type { CellKind, Lang, Range, Severity, TableId } from '../core/index';

export const TABLE_VIEW_SCHEMA = 1;

export interface FindingView {
  code: string;
  severity: Severity;
  /** in the model's display language */
  message: string;
  range: Range;
  expected?: number;
  actual?: number;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export interface TableStatus extends SeverityCounts {
  id: TableId;
  title: string;
  /** the table's section was found in the text */
  found: boolean;
  /** the table has no cell separators: nothing in it could be read */
  unreadable: boolean;
  /** lines and rows the checker could not place (listed under the grid) */
  unplaced: number;
}

/** A header cell; `column` is set on the leaves (the value columns, by template column id). */
export interface HeadCell {
  text: string;
  colSpan: number;
  rowSpan: number;
  column?: string;
  derived?: boolean;
}

/** A row label cell at the left of the grid: the row's own label, or a group over several rows. */
export interface LabelCell {
  kind: 'row' | 'group';
  text: string;
  colSpan: number;
  rowSpan: number;
  /** where the label is in the text (the row's own label only, when the text has one) */
  range?: Range;
}

export interface CellView {
  /** unique within the model (safe as an HTML attribute value) */
  id: string;
  table: TableId;
  /** table 二's block (第二十条 item: （一） …); '' elsewhere */
  block: string;
  rowId: string;
  /** canonical row label (the template's) */
  row: string;
  columnId: string;
  /** canonical column label (the template's) */
  column: string;
  /** 'absent': the whole row is not in the text */
  kind: CellKind | 'absent';
  /** the cell's text as written, trimmed ('' for blank, missing and absent cells) */
  text: string;
  value?: number;
  /** the cell in the document; for a missing cell the empty range where it would be inserted */
  range?: Range;
  /** a total (the target of a sum: 总计, （七）) */
  derived: boolean;
  /** the value a derived cell should have, where it is wrong, blank or missing and can be computed */
  expected?: number;
  findings: FindingView[];
  /** the worst severity among the findings */
  severity?: Severity;
  /** grid columns the cell spans (table 二's blocks with fewer columns than the widest) */
  colSpan?: number;
}

export interface DataRow {
  kind: 'data';
  block: string;
  /** the template row id ('' for table 四's one line of three groups) */
  rowId: string;
  labels: LabelCell[];
  cells: CellView[];
  /** the document lines the row was read from */
  lines: number[];
  /** the row is not in the text: its cells are drawn empty (and it is listed under the grid) */
  absent?: boolean;
  /** the reading of the row is uncertain: the checker does not rely on it */
  uncertain?: boolean;
  /** why the row was read as it was (a lost or split label) */
  note?: string;
  /** findings on the row that no single cell carries (extra cells, several missing cells) */
  findings: FindingView[];
}

/** table 二: a block's heading row (第二十条第（一）项) */
export interface HeadingRow {
  kind: 'heading';
  block: string;
  text: string;
  range?: Range;
}

/** table 二: a block's column header row (信息内容 | 本年制发件数 …) */
export interface ColumnsRow {
  kind: 'columns';
  block: string;
  cells: HeadCell[];
}

export type BodyRow = DataRow | HeadingRow | ColumnsRow;

/** A line or template row the checker could not place in the grid. */
export interface UnplacedLine {
  kind: 'unknown-row' | 'missing-row';
  /**
   * unknown-row: no-label (values without a label), unmatched (a label that names no row),
   * duplicate (a row written twice); missing-row: absent (not in the text), label-only (its
   * label is in the text, its values are not on that line)
   */
  reason: 'no-label' | 'unmatched' | 'duplicate' | 'absent' | 'label-only';
  /** the text's label (unknown-row) or the template's (missing-row) */
  label: string;
  /** unknown-row: the line as written, its cells separated by ' · ' (cut to 120 characters) */
  text?: string;
  block?: string;
  range?: Range;
  findings: FindingView[];
}

export interface TableView {
  id: TableId;
  title: string;
  found: boolean;
  /** the table's heading or first line */
  range?: Range;
  unreadable?: boolean;
  /** label columns at the left (0 for table 四) and value columns */
  labelColumns: number;
  valueColumns: number;
  /** header rows; with label columns, the first row starts with the corner cell over them */
  head: HeadCell[][];
  body: BodyRow[];
  unplaced: UnplacedLine[];
  /** the table's findings that no cell, row or unplaced line carries */
  findings: FindingView[];
}

export interface TableViewModel {
  schema: typeof TABLE_VIEW_SCHEMA;
  /** the document (set by the server; absent in models built for a file) */
  uri?: string;
  /** the document version the model was built from */
  version: number;
  lang: Lang;
  /** the format id ('2021', '2019') or null when the text is not recognised as a report */
  format: string | null;
  /** the format's official name (国办公开办函〔2021〕30号) */
  formatName?: string;
  formatSource: 'detected' | 'config' | 'year' | 'none';
  title?: string;
  /** false when checking is off for the document (disclosureReport.validate = off): no findings */
  checked: boolean;
  status: { tables: TableStatus[]; document: SeverityCounts; total: SeverityCounts };
  tables: TableView[];
  /** findings outside the tables (missing-section …) */
  findings: FindingView[];
}
