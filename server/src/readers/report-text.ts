// A read document (blocks of prose and table grids) → the report text the core checks (checks.md,
// "Documents"): the title and prose as lines; every table row on one line, one cell per tab.
//
// How a grid becomes lines:
// - Report tables are found by their header words (申请人情况 → 三, 行政复议/行政诉讼 → 四, 第二十条第 →
//   二), never by position; tables without them (navigation, layout, footers) are left out. A
//   table holding two report tables is cut where the second one's header starts; a table with no
//   header words right after a report table (only empty prose between) continues it.
// - Each grid is split into a label area (the grid columns left of the first value) and a value
//   area. In the label area every grid slot is a cell (a covered slot is an empty cell), so every
//   row has the same number of label cells, as a well-formed table copies. In the value area a
//   slot covered from the left (colspan) is left out, so a value spanning two grid columns is one
//   cell; a slot covered from above (rowspan) is an empty cell, so the columns to its right keep
//   their place; a spacer column (no header of its own, empty in every row) is left out. An empty
//   cell stays an empty cell: a blank 总计 is a blank derived cell, never a missing one.
// - PDF grids (rowPages): repeated header rows at the top of a page are skipped, and a row cut by
//   a page break (its label's end, or its values, on the next page) is joined into one row.
// - Page-number rows (— 5 —, 第5页) are skipped anywhere.
// - A report table without its section heading before it gets the canonical heading line, so the
//   core finds the section; `warnings` says so.
// Pure: no Node, no DOM; the core is not imported (its phrases are mirrored in table-kind.ts).

import { isValueText, joinLines, norm, paragraphLines } from './cell-text';
import type { DocTable, ReadDocument, ReportText, SourceRef } from './model';
import { byContent, headingSection, type ReportTableId, SECTIONS, TABLE_SECTION, TRIGGERS } from './table-kind';

export { isValueText, joinLines } from './cell-text';
export { cellAt, pageAt, sourceAt, type TextPosition } from './source-map';
export { headingSection, type ReportTableId } from './table-kind';

// ---------------------------------------------------------------- grid helpers

interface Grid {
  t: DocTable;
  /** owner[r * cols + c] = index into t.cells of the anchor covering the slot, or -1 */
  owner: Int32Array;
  /** cleaned text per anchor */
  text: string[];
  /** normalised text of each row's anchors (those starting in the row) */
  rowText: string[];
  /** the same, cell by cell */
  rowCells: string[][];
}

/** slots in one table beyond which a grid is not expanded (a hostile rowspan × colspan) */
const MAX_SLOTS = 4_000_000;

function buildGrid(t: DocTable): Grid | undefined {
  const rows = t.rows;
  const cols = t.cols;
  if (rows <= 0 || cols <= 0 || rows * cols > MAX_SLOTS) return undefined;
  const owner = new Int32Array(rows * cols).fill(-1);
  const text: string[] = [];
  const rowParts: string[][] = Array.from({ length: rows }, () => []);
  t.cells.forEach((cell, i) => {
    text.push(joinLines(cell.text));
    if (cell.row < 0 || cell.row >= rows || cell.col < 0 || cell.col >= cols) return;
    const r1 = Math.min(rows, cell.row + Math.max(1, cell.rowspan));
    const c1 = Math.min(cols, cell.col + Math.max(1, cell.colspan));
    for (let r = cell.row; r < r1; r++) for (let c = cell.col; c < c1; c++) if (owner[r * cols + c] < 0) owner[r * cols + c] = i;
    rowParts[cell.row].push(text[i]);
  });
  const rowCells = rowParts.map((p) => p.filter((x) => x).map(norm));
  return { t, owner, text, rowText: rowCells.map((c) => c.join('')), rowCells };
}

function anchorAt(g: Grid, r: number, c: number): number {
  const i = g.owner[r * g.t.cols + c];
  if (i < 0) return -1;
  const cell = g.t.cells[i];
  return cell.row === r && cell.col === c ? i : -1;
}

/** the anchors starting in row r, left to right */
function rowAnchors(g: Grid, r: number): number[] {
  const out: number[] = [];
  for (let c = 0; c < g.t.cols; c++) {
    const i = anchorAt(g, r, c);
    if (i >= 0) out.push(i);
  }
  return out;
}

const FOOTER_RE = /^(?:[-—–―－]+\s*\d+\s*[-—–―－]+|第\s*\d+\s*页.*|共\s*\d+\s*页|\d+\s*\/\s*\d+)$/;

// ---------------------------------------------------------------- segments

interface Segment {
  grid: Grid;
  id: ReportTableId;
  from: number;
  /** exclusive */
  to: number;
  /** a table with no header words that continues the report table before it */
  continued: boolean;
}

function segmentsOf(g: Grid): { id: ReportTableId; from: number; to: number }[] {
  const starts: { id: ReportTableId; row: number }[] = [];
  for (let r = 0; r < g.t.rows; r++) {
    const cells = g.rowCells[r];
    if (!cells.length) continue;
    const hit = TRIGGERS.find((x) => x.test(cells));
    if (!hit) continue;
    const cur = starts[starts.length - 1];
    if (cur?.id === hit.id) continue;
    // 四's second header row names 未经复议直接起诉 again: only a change of table starts a segment
    starts.push({ id: hit.id, row: r });
  }
  if (!starts.length) {
    // only header-sized cells: a layout cell of prose mentions every word of every table
    const id = byContent(g.rowCells.flatMap((c) => c.filter((x) => x.length <= 60)).join('|'));
    return id ? [{ id, from: 0, to: g.t.rows }] : [];
  }
  starts[0].row = 0; // caption rows above the first header belong to it
  return starts.map((s, i) => ({ id: s.id, from: s.row, to: i + 1 < starts.length ? starts[i + 1].row : g.t.rows }));
}

/** which report table a grid is (its first, when it holds several), by its header words; undefined for any other table */
export function tableIdOf(t: DocTable): ReportTableId | undefined {
  const g = buildGrid(t);
  return g ? segmentsOf(g)[0]?.id : undefined;
}

function hasValues(g: Grid): boolean {
  return g.text.some(isValueText);
}

// ---------------------------------------------------------------- emitting

class Emitter {
  lines: string[] = [];
  spans: ReportText['spans'] = [];
  /** the section whose heading was emitted last */
  section = 0;

  blank(): void {
    if (this.lines.length && this.lines[this.lines.length - 1] !== '') this.lines.push('');
  }

  /** a line of cells; each cell's source, when it has one, becomes a span */
  line(cells: { text: string; source?: SourceRef }[]): void {
    const line = this.lines.length;
    let at = 0;
    let s = '';
    cells.forEach((c, i) => {
      if (i > 0) {
        s += '\t';
        at++;
      }
      if (c.source) this.spans.push({ line, start: at, end: at + c.text.length, source: c.source });
      s += c.text;
      at += c.text.length;
    });
    this.lines.push(s);
    const nonEmpty = cells.filter((c) => c.text);
    if (nonEmpty.length === 1) {
      const sec = headingSection(nonEmpty[0].text);
      if (sec !== undefined) this.section = sec;
    }
  }
}

export function toReportText(doc: ReadDocument): ReportText {
  const warnings = [...doc.warnings];
  const em = new Emitter();
  let lastId: ReportTableId | undefined;
  /** the header rows (normalised text) of the last report table emitted */
  let lastHeader = new Set<string>();
  let proseSince = true;
  let skippedWithNumbers = 0;
  const supplied = new Set<number>();

  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      const lines = paragraphLines(block.text);
      // a page number between two parts of a table is no prose (and no line)
      if (!lines.length || (lines.length === 1 && lines[0].length < 24 && FOOTER_RE.test(lines[0]))) continue;
      proseSince = true;
      for (const l of lines) em.line([{ text: l, source: block.source }]);
      continue;
    }
    const g = buildGrid(block.table);
    if (!g) {
      if (block.table.rows * block.table.cols > MAX_SLOTS)
        warnings.push(`a table of ${block.table.rows} × ${block.table.cols} cells is too large and was left out`);
      continue;
    }
    let segs: Segment[] = segmentsOf(g).map((s) => ({ grid: g, ...s, continued: false }));
    if (!segs.length && lastId && !proseSince && hasValues(g)) segs = [{ grid: g, id: lastId, from: 0, to: g.t.rows, continued: true }];
    if (!segs.length) {
      if (hasValues(g)) skippedWithNumbers++;
      continue;
    }
    for (const seg of segs) {
      const want = TABLE_SECTION[seg.id];
      if (!seg.continued && em.section !== want && !headingInside(seg)) {
        const title = SECTIONS[want - 1].title;
        em.blank();
        em.line([{ text: title }]);
        if (!supplied.has(want)) warnings.push(`table ${seg.id} has no section heading before it: the heading "${title}" was supplied`);
        supplied.add(want);
      }
      em.blank();
      // the same table again right after itself (a part on the next page, read as a table of its
      // own): its repeat of the header rows is no rows
      const repeat = !proseSince && lastId === seg.id && seg === segs[0] ? lastHeader : undefined;
      lastHeader = emitSegment(em, seg, repeat);
      em.blank();
      lastId = seg.id;
    }
    proseSince = false;
  }
  if (skippedWithNumbers)
    warnings.push(
      `${skippedWithNumbers} table${skippedWithNumbers > 1 ? 's' : ''} with numbers matched no report table (no 申请人情况, 行政复议/行政诉讼 or 第二十条 header) and ${skippedWithNumbers > 1 ? 'were' : 'was'} left out`,
    );
  while (em.lines.length && em.lines[em.lines.length - 1] === '') em.lines.pop();
  const rt: ReportText = { text: em.lines.length ? `${em.lines.join('\n')}\n` : '', source: doc.source, spans: em.spans, warnings };
  if (doc.pageCount !== undefined) rt.pageCount = doc.pageCount;
  return rt;
}

/** the segment's own rows carry its section heading (a caption row "三、收到和处理…") */
function headingInside(seg: Segment): boolean {
  const g = seg.grid;
  for (let r = seg.from; r < Math.min(seg.to, seg.from + 4); r++) {
    const anchors = rowAnchors(g, r).filter((i) => g.text[i]);
    if (anchors.length === 1 && headingSection(g.text[anchors[0]]) === TABLE_SECTION[seg.id]) return true;
  }
  return false;
}

interface RowPlan {
  /** grid rows joined into this text row (a row cut by a page break is two grid rows) */
  rows: number[];
}

/** emits a segment's rows; returns its header rows' texts (rows before the first row with values) */
function emitSegment(em: Emitter, seg: Segment, repeatedHeader?: Set<string>): Set<string> {
  const g = seg.grid;
  const { cols } = g.t;
  // the label area: the grid columns left of the rows' first values (a column where only one row of
  // several has its first value is a stray value-like label, not where the values start)
  const firstAt = new Map<number, number>();
  let dataRows = 0;
  for (let r = seg.from; r < seg.to; r++) {
    const i = rowAnchors(g, r).find((x) => isValueText(g.text[x]));
    if (i === undefined) continue;
    dataRows++;
    firstAt.set(g.t.cells[i].col, (firstAt.get(g.t.cells[i].col) ?? 0) + 1);
  }
  let v = cols;
  for (const [c, n] of firstAt) if (n >= (dataRows >= 3 ? 2 : 1) && c < v) v = c;
  if (v === cols) v = firstAt.size ? Math.min(...firstAt.keys()) : Math.min(1, cols);

  const anchorsOf = Array.from({ length: seg.to - seg.from }, (_, k) => rowAnchors(g, seg.from + k));
  const dataRow = anchorsOf.map((as) => as.some((i) => g.t.cells[i].col >= v && isValueText(g.text[i])));
  const headerRow = anchorsOf.map((as, k) => !dataRow[k] && as.some((i) => g.t.cells[i].col >= v && g.text[i]));
  const isDataRow = (r: number) => dataRow[r - seg.from];

  // spacer columns: in the value area, no header cell starts there and every cell starting there is empty
  const spacer = new Uint8Array(cols);
  for (let c = v; c < cols; c++) {
    let used = false;
    let coveredFromLeft = false;
    for (let r = seg.from; r < seg.to && !used; r++) {
      const i = anchorAt(g, r, c);
      if (i >= 0) {
        if (g.text[i] || headerRow[r - seg.from]) used = true;
      } else {
        const o = g.owner[r * cols + c];
        if (o >= 0 && g.t.cells[o].col < c) coveredFromLeft = true;
      }
    }
    if (!used && coveredFromLeft) spacer[c] = 1;
  }

  const plans = planRows(g, seg, v, isDataRow, repeatedHeader);
  for (const plan of plans) {
    // pad: an empty cell that stands for no value position (a covered label slot, a gap): dropped at the row end
    const cells: { text: string; source?: SourceRef; pad?: boolean }[] = [];
    const r0 = plan.rows[0];
    for (let c = 0; c < cols; c++) {
      const o = g.owner[r0 * cols + c];
      const anchor = o >= 0 ? g.t.cells[o] : undefined;
      const starts = !!anchor && anchor.row === r0 && anchor.col === c;
      if (c < v) {
        // label area: one cell per slot
        cells.push(starts ? cellOut(g, o, plan.rows) : { text: '', pad: true });
        continue;
      }
      if (spacer[c]) continue;
      if (starts) cells.push(cellOut(g, o, plan.rows));
      else if (!anchor) {
        // no cell here at all (a row shorter than the grid): nothing was written in this slot
        if (hasAnchorRight(g, r0, c)) cells.push({ text: '', pad: true });
      } else if (anchor.col === c) cells.push({ text: '' }); // covered from above: a value position
      // covered from the left: left out
    }
    while (cells.length && cells[cells.length - 1].pad) cells.pop();
    if (!cells.some((c) => c.text)) continue;
    em.line(cells);
  }
  const header = new Set<string>();
  for (let r = seg.from; r < seg.to && !isDataRow(r); r++) if (g.rowText[r]) header.add(g.rowText[r]);
  return header;
}

function hasAnchorRight(g: Grid, r: number, c: number): boolean {
  for (let x = c + 1; x < g.t.cols; x++) if (anchorAt(g, r, x) >= 0) return true;
  return false;
}

/** an anchor's text; in a joined row, the texts of the cells under it in the other grid rows are appended */
function cellOut(g: Grid, i: number, rows: number[]): { text: string; source?: SourceRef } {
  const cell = g.t.cells[i];
  let text = g.text[i];
  for (const r of rows.slice(1)) {
    const j = anchorAt(g, r, cell.col);
    if (j >= 0 && g.text[j]) text = joinLines(`${text}\n${g.text[j]}`);
  }
  return cell.source ? { text, source: cell.source } : { text };
}

const LABEL_START_RE = /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[)）]|[0-9０-９]{1,2}\s*[.、．])/;

/**
 * Which grid rows become text rows: empty rows and page-number rows go; on a PDF grid, header rows
 * repeated at the top of a page go, and a row cut by a page break is joined.
 */
function planRows(g: Grid, seg: Segment, v: number, isDataRow: (r: number) => boolean, repeatedHeader?: Set<string>): RowPlan[] {
  const pages = g.t.rowPages;
  const plans: RowPlan[] = [];
  let firstData = -1;
  for (let r = seg.from; r < seg.to; r++)
    if (isDataRow(r)) {
      firstData = r;
      break;
    }
  const header = new Set(firstData > seg.from ? g.rowText.slice(seg.from, firstData).filter((t) => t) : []);
  const labelText = (r: number) => {
    let s = '';
    for (const i of rowAnchors(g, r)) if (g.t.cells[i].col < v) s += g.text[i];
    return s;
  };
  const valueCount = (r: number) => rowAnchors(g, r).filter((i) => g.t.cells[i].col >= v && g.text[i]).length;
  // true while every row since the current page began was skipped (a repeated header, a page number)
  let pageTop = true;
  let leading = !!repeatedHeader?.size;
  for (let r = seg.from; r < seg.to; r++) {
    if (leading && !isDataRow(r) && (repeatedHeader!.has(g.rowText[r]) || !g.rowText[r])) continue;
    leading = false;
    if (pages && r > seg.from && pages[r] !== pages[r - 1]) pageTop = true;
    const anchors = rowAnchors(g, r);
    const texts = anchors.map((i) => g.text[i]).filter((t) => t);
    if (!texts.length) continue;
    if (texts.length === 1 && texts[0].length < 24 && FOOTER_RE.test(texts[0])) continue;
    const onLaterPage = !!pages && firstData >= 0 && r > firstData && pages[r] !== pages[firstData];
    // a header repeated at the top of a later page
    if (onLaterPage && pageTop && header.has(g.rowText[r])) continue;
    // a row cut by a page break: the first row of the page continues the last row of the page before
    const prev = plans[plans.length - 1];
    const last = prev?.rows[prev.rows.length - 1];
    if (onLaterPage && pageTop && prev && last !== undefined && pages![last] !== pages![r] && isDataRow(last)) {
      const textOk = anchors.every((i) => !g.text[i] || g.t.cells[i].rowspan <= 1);
      const label = labelText(r);
      const noValuesHere = valueCount(r) === 0 && !!label && !LABEL_START_RE.test(label);
      const valuesOnlyHere = valueCount(last) === 0 && !label && valueCount(r) > 0;
      if (textOk && sameAnchorCols(g, last, r) && (noValuesHere || valuesOnlyHere)) {
        prev.rows.push(r);
        pageTop = false;
        continue;
      }
    }
    pageTop = false;
    plans.push({ rows: [r] });
  }
  return plans;
}

function sameAnchorCols(g: Grid, a: number, b: number): boolean {
  const ca = rowAnchors(g, a).map((i) => g.t.cells[i].col);
  const cb = rowAnchors(g, b).map((i) => g.t.cells[i].col);
  // every cell of the continuation sits under a cell of the cut row (or under a rowspan over both)
  return cb.every((c) => ca.includes(c) || g.owner[a * g.t.cols + c] >= 0);
}
