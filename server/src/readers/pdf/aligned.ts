// Tables drawn with no rulings, read from text alignment (camelot's "stream", simplified for the
// report's tables): rows by baseline, value columns from the x extents of the numbers (numbers of
// one column overlap whatever their alignment), label columns from where the label text starts,
// header words placed in the column band under them. A label wrapped onto a line of its own joins
// the row whose values are nearest; a vertical label set glyph by glyph is one label. Where rows do
// not agree on the columns, or a wrapped label could go either way, the table carries a warning.
import type { DBox } from './geometry';
import { isNumeric, kindOfText, type PCell, type PTable, type TableKind } from './tables';
import { glyphStacks, joinLines, joinRuns, linesOf, type Run, splitAtSpaces, type TextLine } from './text';

const PLACEHOLDER = /^[-—–/／无]$/;
const isValue = (s: string) => isNumeric(s) || PLACEHOLDER.test(s);

/** the words that open each table's header */
const HEADER_START: Record<TableKind, RegExp> = {
  三: /申请人情况|本列数据的勾稽关系/,
  四: /行政复议|行政诉讼/,
  二: /第二十条第|信息内容/,
};

/** a line of prose, not of a table: a sentence's punctuation, or a dozen ideographs with no wide gap between them */
function isProse(l: TextLine): boolean {
  if (/[。；]/.test(l.text)) return true;
  const ideographs = (l.text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  if (ideographs < 12) return false;
  for (let i = 1; i < l.runs.length; i++) if (l.runs[i].box.x0 - l.runs[i - 1].box.x1 > 1.5 * l.size) return false;
  return true;
}
const PAGE_NUMBER = /^[-—–－_·•\s]*(第\s*)?\d{1,4}(\s*页)?[-—–－_·•\s]*$/;
const SECTION_HEADING = /^[一二三四五六七八九十]+、/;

interface Line {
  /** the page of a header line carried over from the foot of the previous page */
  page?: number;
  line: TextLine;
  tokens: Run[];
  /** index into tokens of the first value of its value tail, or tokens.length */
  tail: number;
}

/** a vertical label set glyph by glyph, taken as one token */
interface StackRun extends Run {
  stack: true;
}
const isStack = (r: Run): r is StackRun => (r as StackRun).stack === true;

/** header lines at the foot of a page whose table rows begin on the next page */
export interface CarriedHeader {
  page: number;
  lines: TextLine[];
}

/**
 * Tables without rulings among a page's runs (those outside its ruled tables): returns the tables
 * and the runs still outside. Only runs of lines that look like table rows are taken. `carry`: the
 * header lines the previous page ended with, for rows that open this page; `trailing`: this page's.
 */
export function alignedTables(
  runs: Run[],
  page: number,
  height: number,
  carry?: CarriedHeader,
): { tables: PTable[]; rest: Run[]; trailing?: CarriedHeader; usedCarry: boolean } {
  // vertical labels set glyph by glyph become one token each, on the line of their first glyph
  // (a looser pitch than for overflowing cells: a vertical label set in a table's line pitch)
  const stacks = glyphStacks(runs, 2.2);
  const inStack = new Map<Run, StackRun>();
  const merged: Run[] = [];
  for (const s of stacks) {
    const box = boxOf(s);
    const token: StackRun = { ...s[0], text: s.map((r) => r.text.trim()).join(''), box, stack: true };
    for (const r of s) inStack.set(r, token);
    merged.push(token);
  }
  const lines = linesOf([...runs.filter((r) => !inStack.has(r)), ...merged])
    .filter((l) => !l.runs[0]?.vertical)
    // page numbers at the head or foot are not rows
    .filter((l) => !(PAGE_NUMBER.test(l.text) && (l.box.bottom < 0.12 * height || l.box.top > 0.88 * height)))
    .map(analyse);
  const used = new Set<Run>();
  const tables: PTable[] = [];
  let usedCarry = false;
  let i = 0;
  while (i < lines.length) {
    if (!isRow(lines[i])) {
      i++;
      continue;
    }
    // a block of rows, with the wrapped labels and group labels between them
    let j = i + 1;
    let last = i;
    while (j < lines.length) {
      const l = lines[j];
      const gap = l.line.baseline - lines[last].line.baseline;
      if (gap > 4.5 * l.line.size) break;
      if (isRow(l)) last = j;
      else if (isProse(l.line) || (SECTION_HEADING.test(l.line.text) && l.line.size > lines[last].line.size * 1.1)) break;
      else if (isHeaderish(l) && HEADER_START.二.test(l.line.text)) break; // the next block of table 二
      j++;
    }
    const rows = lines.slice(i, last + 1);
    // header lines above: up to the table's opening words, never past prose or another row
    let h = i - 1;
    const header: Line[] = [];
    while (h >= 0) {
      const l = lines[h];
      if (isProse(l.line) && !/勾稽关系/.test(l.line.text)) break;
      if ((header[0] ?? rows[0]).line.baseline - l.line.baseline > 4.5 * l.line.size) break;
      if (isRow(l)) break;
      if (SECTION_HEADING.test(l.line.text) && !/[、](本年|上年|结转)/.test(l.line.text)) break;
      header.unshift(l);
      h--;
      if (Object.values(HEADER_START).some((re) => re.test(l.line.text))) break;
    }
    // rows that open the page, under a header left at the foot of the previous one
    let usedHere = false;
    if (!header.length && i === 0 && carry?.lines.length && !usedCarry) {
      header.push(...carry.lines.map((l) => ({ ...analyse(l), page: carry.page })));
      usedHere = true;
    }
    const valueRows = rows.filter(isRow);
    const values = valueRows.reduce((s, r) => s + r.tokens.length - r.tail, 0);
    // one row with a single value is only a table under a header that says so (a block of table 二)
    const headed = header.some((l) => isHeaderish(l) || Object.values(HEADER_START).some((re) => re.test(l.line.text)));
    if (valueRows.length >= 2 || values >= 2 || headed) {
      const t = build([...header, ...rows], page);
      if (t) {
        tables.push(t);
        for (const l of [...header, ...rows]) for (const r of l.line.runs) used.add(r);
        if (usedHere) usedCarry = true;
      }
    }
    i = last + 1;
  }
  const rest = runs.filter((r) => !used.has(r) && !(inStack.has(r) && used.has(inStack.get(r)!)));
  // header lines the page ends with, none of them used: the next page's rows may be theirs
  const trailing: TextLine[] = [];
  for (let k = lines.length - 1; k >= 0; k--) {
    const l = lines[k];
    if (isRow(l) || l.line.runs.some((r) => used.has(r)) || !isHeaderish(l)) break;
    trailing.unshift(l.line);
  }
  return { tables, rest, trailing: trailing.length ? { page, lines: trailing } : undefined, usedCarry };
}

function analyse(line: TextLine): Line {
  const tokens = line.runs.flatMap((r) => (isStack(r) ? [r] : splitAtSpaces(r)));
  let tail = tokens.length;
  while (tail > 0 && isValue(tokens[tail - 1].text)) tail--;
  // the value tail must stand apart from the label (prose has numbers inside its sentences)
  if (tail > 0 && tail < tokens.length) {
    const gap = tokens[tail].box.x0 - tokens[tail - 1].box.x1;
    if (gap < 1.5 * line.size) tail = tokens.length;
  }
  return { line, tokens, tail };
}

const isRow = (l: Line) => l.tail < l.tokens.length && !/[。；]/.test(l.line.text);

/** a header line: two or more words with wide gaps between them, no sentence */
function isHeaderish(l: Line): boolean {
  if (isProse(l.line)) return false;
  let gaps = 0;
  for (let k = 1; k < l.tokens.length; k++) if (l.tokens[k].box.x0 - l.tokens[k - 1].box.x1 > 1.5 * l.line.size) gaps++;
  return gaps >= 1;
}

interface Col {
  x0: number;
  x1: number;
}

function build(lines: Line[], page: number): PTable | undefined {
  const rows = lines.filter(isRow);
  const size = rows[0].line.size;
  // value columns: the union of the numbers' extents
  const spans = rows
    .flatMap((l) => l.tokens.slice(l.tail))
    .map((t) => ({ x0: t.box.x0 - 0.3 * size, x1: t.box.x1 + 0.3 * size }))
    .sort((a, b) => a.x0 - b.x0);
  const valueCols: Col[] = [];
  for (const s of spans) {
    const last = valueCols[valueCols.length - 1];
    if (last && s.x0 <= last.x1) last.x1 = Math.max(last.x1, s.x1);
    else valueCols.push({ ...s });
  }
  if (!valueCols.length) return undefined;
  // where the value area starts: past the labels of the rows, before the first values
  const labelRight = Math.max(
    Number.NEGATIVE_INFINITY,
    ...rows.flatMap((l) => l.tokens.slice(0, l.tail)).map((t) => Math.min(t.box.x1, valueCols[0].x0)),
  );
  const valueStart = Number.isFinite(labelRight) ? (labelRight + valueCols[0].x0) / 2 : valueCols[0].x0 - size;
  // column bands: from the middle of one gap to the middle of the next
  const bands = valueCols.map((c, k) => ({
    x0: k === 0 ? valueStart : (valueCols[k - 1].x1 + c.x0) / 2,
    x1: k === valueCols.length - 1 ? Number.POSITIVE_INFINITY : (c.x1 + valueCols[k + 1].x0) / 2,
  }));
  const inValueArea = (t: Run) => (t.box.x0 + t.box.x1) / 2 >= valueStart;

  // label columns: where label pieces (split at wide gaps) start
  const labelStarts: number[] = [];
  for (const l of lines) for (const piece of labelPieces(l, inValueArea)) labelStarts.push(piece.box.x0);
  labelStarts.sort((a, b) => a - b);
  const labelCols: Col[] = [];
  for (const x of labelStarts) {
    const last = labelCols[labelCols.length - 1];
    if (last && x - last.x0 <= 2 * size) continue;
    labelCols.push({ x0: x, x1: x });
  }
  if (!labelCols.length) labelCols.push({ x0: lines[0].line.box.x0, x1: lines[0].line.box.x0 });
  const nLabel = labelCols.length;
  const cols = nLabel + valueCols.length;
  const warnings: string[] = [];

  // wrapped label lines (no values, below the first row) join the nearest row
  const firstRow = lines.indexOf(rows[0]);
  const groups: Line[][] = lines.slice(0, firstRow).map((l) => [l]);
  const rowGroups: Line[][] = rows.map((r) => [r]);
  let guessed = 0;
  for (const l of lines.slice(firstRow)) {
    if (isRow(l)) continue;
    let best = 0;
    let bestD = Number.POSITIVE_INFINITY;
    let second = Number.POSITIVE_INFINITY;
    rows.forEach((r, k) => {
      const d = Math.abs(r.line.baseline - l.line.baseline);
      if (d < bestD) {
        second = bestD;
        bestD = d;
        best = k;
      } else if (d < second) second = d;
    });
    if (second - bestD < 0.25 * size) guessed++;
    rowGroups[best].push(l);
  }
  groups.push(...rowGroups);

  const cells: PCell[] = [];
  const rowPages: number[] = [];
  let ragged = 0;
  groups.forEach((g, r) => {
    const rowPage = g[0].page ?? page;
    rowPages.push(rowPage);
    const texts: Run[][] = Array.from({ length: cols }, () => []);
    const sorted = [...g].sort((a, b) => a.line.baseline - b.line.baseline);
    for (const l of sorted) {
      for (const piece of labelPieces(l, inValueArea)) texts[nearestStart(labelCols, piece.box.x0)].push(piece);
      if (isRow(l)) for (const t of l.tokens.slice(l.tail)) texts[nLabel + columnOf(valueCols, t.box)].push(t);
      else {
        // header words: one per value column, in order, when they are as many; else the band under each
        const words = headerWords(l.tokens.filter(inValueArea), l.line.size);
        words.forEach((w, k) => {
          texts[nLabel + (words.length === valueCols.length ? k : bandOf(bands, w.box))].push(w);
        });
      }
    }
    if (isRow(g[0]) && g[0].tokens.length - g[0].tail !== valueCols.length) ragged++;
    for (let c = 0; c < cols; c++) {
      const rs = texts[c];
      const box = rs.length ? boxOf(rs) : slotBox(c < nLabel ? labelCols : valueCols, c < nLabel ? c : c - nLabel, g[0].line.box);
      cells.push({ row: r, col: c, rowspan: 1, colspan: 1, text: rs.length ? textOf(rs) : '', page: rowPage, box });
    }
  });
  if (ragged)
    warnings.push(`page ${page}: a table without rulings, read by text alignment: ${ragged} of its rows do not fill every column`);
  if (guessed)
    warnings.push(
      `page ${page}: a table without rulings, read by text alignment: ${guessed} wrapped labels could belong to either of two rows`,
    );
  const xs = [...labelCols.map((c) => c.x0), ...valueCols.map((c) => c.x0), valueCols[valueCols.length - 1].x1];
  const here = lines.filter((l) => l.page === undefined);
  const top = Math.min(...here.map((l) => l.line.box.top));
  const bottom = Math.max(...here.map((l) => l.line.box.bottom));
  const kind = kindOfText(lines.map((l) => l.line.text.replace(/\s/g, '')).join('|'));
  return {
    rows: groups.length,
    cols,
    xs,
    cells,
    rowPages,
    kind,
    page,
    top,
    bottom,
    lastPage: page,
    openTop: false,
    openBottom: false,
    aligned: true,
    warnings,
  };
}

/** the label part of a line (left of the values), split where a gap wider than 1.5 em separates pieces, and at a vertical label */
function labelPieces(l: Line, inValueArea: (t: Run) => boolean): Run[] {
  const toks = isRow(l) ? l.tokens.slice(0, l.tail) : l.tokens.filter((t) => !inValueArea(t));
  const out: Run[][] = [];
  for (const t of toks) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && !isStack(prev) && !isStack(t) && t.box.x0 - prev.box.x1 <= 1.5 * l.line.size) last.push(t);
    else out.push([t]);
  }
  return out.map((rs) => ({ ...rs[0], text: joinRuns(rs), box: boxOf(rs) }));
}

/** a header line's words in the value area: pieces of text split at gaps wider than 1.5 em */
function headerWords(toks: Run[], size: number): Run[] {
  const out: Run[][] = [];
  for (const t of toks) {
    const last = out[out.length - 1];
    if (last && t.box.x0 - last[last.length - 1].box.x1 <= 1.5 * size) last.push(t);
    else out.push([t]);
  }
  return out.map((rs) => ({ ...rs[0], text: joinRuns(rs), box: boxOf(rs) }));
}

function nearestStart(cols: Col[], x: number): number {
  let best = 0;
  for (let i = 0; i < cols.length; i++) if (cols[i].x0 <= x + 1) best = i;
  return best;
}

function columnOf(cols: Col[], b: DBox): number {
  const cx = (b.x0 + b.x1) / 2;
  let best = 0;
  let bestD = Number.POSITIVE_INFINITY;
  cols.forEach((c, i) => {
    const d = cx < c.x0 ? c.x0 - cx : cx > c.x1 ? cx - c.x1 : 0;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

function bandOf(bands: Col[], b: DBox): number {
  const cx = (b.x0 + b.x1) / 2;
  const k = bands.findIndex((c) => cx >= c.x0 && cx < c.x1);
  return Math.max(k, 0);
}

function boxOf(rs: Run[]): DBox {
  return {
    x0: Math.min(...rs.map((r) => r.box.x0)),
    top: Math.min(...rs.map((r) => r.box.top)),
    x1: Math.max(...rs.map((r) => r.box.x1)),
    bottom: Math.max(...rs.map((r) => r.box.bottom)),
  };
}

function slotBox(cols: Col[], i: number, line: DBox): DBox {
  return { x0: cols[i].x0, top: line.top, x1: Math.max(cols[i].x1, cols[i].x0 + 1), bottom: line.bottom };
}

function textOf(rs: Run[]): string {
  return joinLines(linesOf(rs).map((l) => l.text));
}
