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
// Pure: no Node, no DOM; the core is not imported (its phrases are mirrored below, see SECTIONS).

import type { DocTable, GridCell, ReadDocument, ReportText, SourceRef } from './model';

export type ReportTableId = '二' | '三' | '四';

/** LSP position: 0-based line, UTF-16 character */
export interface TextPosition {
  line: number;
  character: number;
}

// ---------------------------------------------------------------- text of a cell

const ASCII_WORD = /[A-Za-z0-9]/;

/**
 * One cell's or one prose line's text: white space runs (tabs, NBSP, U+3000, control characters)
 * become one space, zero-width characters go, and the pieces of a cell broken over lines are
 * joined — with no space between CJK (商业⏎企业 → 商业企业), with a space between two ASCII words.
 */
export function joinLines(raw: string): string {
  const pieces = raw.split(/\r\n|[\n\r\u2028\u2029\v\f]/);
  let out = '';
  for (const p of pieces) {
    const t = clean(p);
    if (!t) continue;
    if (out && ASCII_WORD.test(out[out.length - 1]) && ASCII_WORD.test(t[0])) out += ' ';
    out += t;
  }
  return out;
}

/** the lines of a prose paragraph (a soft break or <br> starts a new line), each cleaned */
function paragraphLines(raw: string): string[] {
  return raw
    .split(/\r\n|[\n\r\u2028\u2029\v\f]/)
    .map(clean)
    .filter((l) => l.length > 0);
}

function clean(s: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // zero-width characters and soft hyphens go; white space and control characters become one space
    if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad) continue;
    if (
      c <= 0x20 ||
      (c >= 0x7f && c <= 0xa0) ||
      c === 0x3000 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f
    ) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += s[i];
  }
  return out;
}

/** a label for matching: no white space, ASCII brackets full-width */
function norm(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

// ---------------------------------------------------------------- values

const NUM_RE = /^[-+－＋]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?$/;
const PLACEHOLDER_RE = /^(?:[-－—–―‐−]+|[/／\\]|无|…+|\.\.\.|N\/A)$/i;
const LEADING_NUM_RE = /^[-+]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?/;
const SUBLABEL_RE = /^[0-9０-９]{1,2}\s*[.、．]\s*\D/;

/** a value as the core reads one: a number, a placeholder for zero, or a number with a short unit */
export function isValueText(t: string): boolean {
  if (!t) return false;
  if (NUM_RE.test(t) || PLACEHOLDER_RE.test(t)) return true;
  if (SUBLABEL_RE.test(t)) return false;
  const m = LEADING_NUM_RE.exec(t);
  return !!m && t.length - m[0].length <= 24;
}

// ---------------------------------------------------------------- which report table

interface Trigger {
  id: ReportTableId;
  /** the row (its cells' normalised texts) starts this table's header */
  test: (cells: string[]) => boolean;
}

/** a cell of at most `max` characters holding `word`: a header cell, not prose that mentions it */
const has = (cells: string[], word: string, max: number) => cells.some((c) => c.length <= max && c.includes(word));

const TRIGGERS: Trigger[] = [
  { id: '三', test: (c) => has(c, '申请人情况', 40) || has(c, '本列数据的勾稽关系', 80) },
  {
    id: '四',
    test: (c) => (has(c, '行政复议', 16) && has(c, '行政诉讼', 16)) || has(c, '未经复议直接起诉', 24) || has(c, '复议后起诉', 24),
  },
  { id: '二', test: (c) => c.some((x) => x.length <= 24 && x.startsWith('第二十条第')) },
];

/** when no header row names the table: its row labels and column words, all of one table */
function byContent(text: string): ReportTableId | undefined {
  if (
    /本年新收政府信息公开申请|上年结转政府信息公开申请|结转下年度继续办理/.test(text) ||
    (text.includes('自然人') && text.includes('予以公开'))
  )
    return '三';
  if (/行政复议|行政诉讼|复议后起诉/.test(text) && /结果维持|结果纠正|尚未审结/.test(text)) return '四';
  if (
    text.includes('信息内容') &&
    /规章|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|本年制发件数|本年处理决定数量|本年收费金额|采购项目数量/.test(text)
  )
    return '二';
  return undefined;
}

const TABLE_SECTION: Record<ReportTableId, number> = { 二: 2, 三: 3, 四: 4 };

/**
 * The six sections' phrases, as the official templates (core/templates/format-*.json) name them:
 * mirrored here because readers import only core/index.ts. A heading is a line that is one cell,
 * `<chinese numeral>、<phrase…>`, as the core's findSections reads it.
 */
const SECTIONS: { index: number; title: string; match: string[] }[] = [
  { index: 1, title: '一、总体情况', match: ['总体情况'] },
  { index: 2, title: '二、主动公开政府信息情况', match: ['主动公开政府信息情况', '主动公开政府信息'] },
  { index: 3, title: '三、收到和处理政府信息公开申请情况', match: ['收到和处理政府信息公开申请', '收到和处理'] },
  {
    index: 4,
    title: '四、政府信息公开行政复议、行政诉讼情况',
    match: [
      '行政复议、行政诉讼',
      '行政法复议、行政诉讼',
      '行政复议和行政诉讼',
      '行政复议、提起行政诉讼',
      '行政复议及行政诉讼',
      '行政复议与行政诉讼',
    ],
  },
  { index: 5, title: '五、存在的主要问题及改进情况', match: ['存在的主要问题', '存在问题及改进', '主要问题及改进'] },
  { index: 6, title: '六、其他需要报告的事项', match: ['其他需要报告的事项', '其他需要报告'] },
];
const HEADING_RE = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.{2,48})$/;

/** the section a one-cell line is the heading of, as the core would read it */
export function headingSection(line: string): number | undefined {
  const t = line.trim();
  if (!t || t.length > 56) return undefined;
  const m = HEADING_RE.exec(t);
  if (!m) return undefined;
  const n = norm(m[2]).replace(/，/g, ',');
  let best: number | undefined;
  let bestLen = 0;
  for (const s of SECTIONS) for (const p of s.match) if (n.includes(p) && p.length > bestLen) [best, bestLen] = [s.index, p.length];
  return best;
}

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

// ---------------------------------------------------------------- back to the source

function spansOnLine(rt: ReportText, line: number): { lo: number; hi: number } {
  const s = rt.spans;
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const m = (lo + hi) >> 1;
    if (s[m].line < line) lo = m + 1;
    else hi = m;
  }
  let end = lo;
  while (end < s.length && s[end].line === line) end++;
  return { lo, hi: end };
}

/**
 * The source of the cell or paragraph at an LSP position of the report text: the span containing
 * it, else the nearest span on that line (a missing cell's insertion point after the last cell);
 * undefined on a line that came from no cell (a supplied heading, a blank line).
 */
export function sourceAt(rt: ReportText, pos: TextPosition): SourceRef | undefined {
  const { lo, hi } = spansOnLine(rt, pos.line);
  if (lo === hi) return undefined;
  let before = -1;
  for (let k = lo; k < hi; k++) {
    const sp = rt.spans[k];
    if (sp.start <= pos.character && pos.character <= sp.end) return sp.source;
    if (sp.start <= pos.character) before = k;
  }
  return rt.spans[before >= 0 ? before : lo].source;
}

function pageOf(s: SourceRef): number | undefined {
  if (s.kind === 'pdf') return s.page;
  if (s.kind === 'paragraph') return s.page;
  return undefined;
}

/**
 * The 1-based PDF page of the cell at a position: the page of the source there, or, on a line with
 * no source (a supplied heading), of the next line that has one (the table it introduces).
 * undefined for DOCX and HTML, which have no pages.
 */
export function pageAt(rt: ReportText, pos: TextPosition): number | undefined {
  const here = sourceAt(rt, pos);
  if (here) return pageOf(here);
  const { hi } = spansOnLine(rt, pos.line);
  for (let k = hi; k < rt.spans.length; k++) {
    const p = pageOf(rt.spans[k].source);
    if (p !== undefined) return p;
  }
  return undefined;
}

/** a grid cell's anchor, for callers that hold a SourceRef and want its text back */
export function cellAt(t: DocTable, row: number, col: number): GridCell | undefined {
  return t.cells.find((c) => row >= c.row && row < c.row + c.rowspan && col >= c.col && col < c.col + c.colspan);
}
