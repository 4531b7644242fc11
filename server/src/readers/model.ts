// What a document reader gives back: the document as blocks in reading order (paragraphs, and
// tables as grids with spans), each piece with where it came from in the original file. Pure
// data: no Node, no DOM, no core. Every reader (pdf/, docx/, html/) produces a ReadDocument;
// report-text.ts turns one into the report text the core checks, keeping a map back to the source.

export type SourceKind = 'pdf' | 'docx' | 'html' | 'text';

/** A rectangle in PDF user space of its page (points, y grows upwards, as pdf.js reports it). */
export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Where a piece of text sits in the original document. */
export type SourceRef =
  /** page: 1-based */
  | { kind: 'pdf'; page: number; box: Box }
  /**
   * table: index of the w:tbl in document order (nested tables counted, outer first); row: index of
   * the w:tr in that table; cell: index of the w:tc among that row's cells (not the grid column)
   */
  | { kind: 'docx'; table: number; row: number; cell: number }
  /** table: index of the <table> in document order; row: index of its direct <tr>; cell: index of the <td>/<th> in that row */
  | { kind: 'html'; table: number; row: number; cell: number }
  /** a paragraph of prose: its index among the document's paragraphs, and its page for PDF */
  | { kind: 'paragraph'; index: number; page?: number };

/** One anchor cell of a table grid. Slots covered by a span are not listed. */
export interface GridCell {
  /** 0-based grid position of the cell's top-left slot */
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  /** the cell's text; a line break inside the cell (soft break, new paragraph, <br>) is '\n' */
  text: string;
  source?: SourceRef;
}

export interface DocTable {
  /** grid size */
  rows: number;
  cols: number;
  /** anchor cells, sorted by row, then col */
  cells: GridCell[];
  /** PDF: the 1-based page of each grid row (a table stitched across pages has several) */
  rowPages?: number[];
}

export type DocBlock = { kind: 'paragraph'; text: string; source?: SourceRef } | { kind: 'table'; table: DocTable };

export interface ReadDocument {
  source: SourceKind;
  blocks: DocBlock[];
  /** what the reader could not read with certainty, in plain words (a table whose rulings do not form a grid, …) */
  warnings: string[];
  /** PDF: number of pages */
  pageCount?: number;
}

/** Why a file gives no checkable text. `message` is one line that says what to do. */
export type UnreadableReason =
  | 'scanned' // a PDF with no text layer
  | 'broken-fonts' // text that decodes to no CJK characters where a report has them
  | 'encrypted'
  | 'corrupt'
  | 'legacy-word' // .doc / .wps (OLE): save as .docx
  | 'too-large' // over the size, page or inflated-size limits
  | 'no-report' // readable, but holds neither a report table nor report prose
  | 'unsupported';

export interface Unreadable {
  unreadable: UnreadableReason;
  message: string;
}

export type ReadResult = ReadDocument | Unreadable;

export function isUnreadable(r: ReadResult): r is Unreadable {
  return (r as Unreadable).unreadable !== undefined;
}

/** Bounds every reader honours, so a hostile file costs bounded time and memory. */
export interface ReadLimits {
  /** bytes of input (default 100 MB) */
  maxBytes: number;
  /** PDF pages looked at (default 200) */
  maxPages: number;
  /** DOCX: bytes of word/document.xml once inflated (default 64 MB) */
  maxInflatedBytes: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 100 * 1024 * 1024, maxPages: 200, maxInflatedBytes: 64 * 1024 * 1024 };

/**
 * The report text of a document (checks.md, "Documents": title, prose, every table row on one line,
 * one cell per tab, covered slots of merged cells left out) and where each of its pieces came from.
 */
export interface ReportText {
  text: string;
  source: SourceKind;
  /**
   * one entry per cell or paragraph of the text that came from the document, in text order: its
   * 0-based line, its UTF-16 span on that line (an empty cell has start === end), and its source
   */
  spans: { line: number; start: number; end: number; source: SourceRef }[];
  warnings: string[];
  pageCount?: number;
}
