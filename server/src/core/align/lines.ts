// Classifying a table line: its cells (the parser's tab cells; a Markdown pipe row split at its
// pipes; one cell of space-separated PDF text split at the spaces), where the label ends and the
// values begin, and whether the line is a page footer.
import { classifyText, makeCell } from '../cells';
import type { Cell, Range, RawLine } from '../model';
import { normalizeLabel, trimSpace } from '../normalize';

const FOOTER_RE = /^(?:[-—–―－]+\s*\d+\s*[-—–―－]+|第\s*\d+\s*页.*|共\s*\d+\s*页|\d+\s*\/\s*\d+)$/;
/** a Markdown table row: | a | b | c | (a PDF or HTML converted to Markdown) */
const PIPE_ROW_RE = /^\s*\|.*\|\s*$/;
const PIPE_RULE_RE = /^\s*\|(\s*:?-{2,}:?\s*\|)+\s*$/;

export interface ClassifiedLine {
  line: RawLine;
  cells: Cell[];
  /** index of the last text cell (the label part ends there); -1 when the line has no text */
  labelEnd: number;
  /** the label cells' text, normalised (normalizeLabel) */
  label: string;
  labelRange?: Range;
  /** the cells after the label: the values */
  values: Cell[];
  /** the cells were split at runs of spaces (PDF text), not at tabs: their positions are columns */
  spaced?: boolean;
  /** a value cell holds U+FFFD (a bad byte, invalid-encoding): a lost character may have been a separator */
  damaged?: boolean;
}

/** a cell of digits with a character lost to a bad byte (1�9, �84), or only that character: not label text */
const DIGIT_BESIDE_LOST_RE = /[\d０-９]\ufffd|\ufffd[\d０-９]/;
const DAMAGED_VALUE_RE = /^[\d０-９,，.．\s\ufffd]*$/;

/** Cells of a line; a single-cell line "行政许可 97" (PDF text with spaces) is split at the spaces. */
export function classifyLine(line: RawLine): ClassifiedLine {
  let cells =
    line.cells.length === 1 && PIPE_ROW_RE.test(line.text)
      ? splitPipes(line)
      : line.cells.map((c) => makeCell(c.text, c.line, c.character));
  const nonBlank = cells.filter((c) => c.kind !== 'blank');
  // the line's only cell holds space-separated parts (PDF text: a label and its values, or values
  // alone, `72   64    178`, which read as one number would be one far too large)
  let spaced = false;
  if (nonBlank.length === 1 && (nonBlank[0].kind === 'text' || /[\d０-９]\s+[\d０-９-—]/.test(nonBlank[0].raw))) {
    const split = splitSpaced(nonBlank[0], line);
    if (split) [cells, spaced] = [split, true];
  }
  // the label is the text before the first value; text after a value is a (bad) value
  let labelEnd = -1;
  let damaged = false;
  for (let i = 0; i < cells.length; i++) {
    const k = cells[i].kind;
    if (k === 'number' || k === 'annotated' || k === 'placeholder') break;
    if (k === 'text' && cells[i].raw.includes('\ufffd') && DAMAGED_VALUE_RE.test(cells[i].raw)) {
      damaged = true;
      if (/[\d０-９]/.test(cells[i].raw)) break;
      continue;
    }
    if (k === 'text') labelEnd = i;
  }
  const labelCells = cells.slice(0, labelEnd + 1).filter((c) => c.kind !== 'blank');
  const label = normalizeLabel(labelCells.map((c) => c.raw).join(''));
  const labelRange = labelCells.length ? { start: labelCells[0].range.start, end: labelCells[labelCells.length - 1].range.end } : undefined;
  const out: ClassifiedLine = { line, cells, labelEnd, label, labelRange, values: cells.slice(labelEnd + 1) };
  if (spaced) out.spaced = true;
  // a lost character in the values, or beside a digit anywhere (a label then a figure with U+FFFD
  // between them: it may have been the tab before the first value)
  if (damaged || out.values.some((c) => c.raw.includes('\ufffd')) || cells.some((c) => DIGIT_BESIDE_LOST_RE.test(c.raw)))
    out.damaged = true;
  return out;
}

function splitPipes(line: RawLine): Cell[] {
  if (PIPE_RULE_RE.test(line.text)) return [];
  const cells: Cell[] = [];
  const text = line.text;
  let start = text.indexOf('|') + 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '|' && text[i - 1] !== '\\') {
      cells.push(makeCell(text.slice(start, i), line.line, start));
      start = i + 1;
    }
  }
  return cells;
}

function splitSpaced(cell: Cell, line: RawLine): Cell[] | undefined {
  const tokens: { text: string; start: number }[] = [];
  const re = /[^\s\u3000]+/g;
  const base = cell.range.start.character;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cell.raw))) tokens.push({ text: m[0], start: base + m.index });
  if (tokens.length < 2) return undefined;
  let k = tokens.length;
  while (k > 0) {
    const kind = classifyText(tokens[k - 1].text).kind;
    if (kind !== 'number' && kind !== 'placeholder') break;
    k--;
  }
  const values = tokens.length - k;
  if (values === 0 || (k === 0 && values < 2)) return undefined;
  const out: Cell[] = [];
  if (k > 0) {
    const endTok = tokens[k - 1];
    const text = line.text.slice(base, endTok.start + endTok.text.length);
    out.push(makeCell(text, line.line, base));
  }
  for (let i = k; i < tokens.length; i++) out.push(makeCell(tokens[i].text, line.line, tokens[i].start));
  return out;
}

/** a page number or a "第 3 页 共 9 页" line between the rows of a table printed over pages */
export function isFooter(lc: ClassifiedLine): boolean {
  // (pdftotext -layout centres the page number: long runs of spaces before it)
  if (lc.line.text.length > 200) return false;
  return isFooterText(trimSpace(lc.line.text));
}

/** a page number's text (trimmed) */
export function isFooterText(t: string): boolean {
  return t.length < 24 && FOOTER_RE.test(t.replace(/\s+/g, ' '));
}

export function hasValue(cells: Cell[]): boolean {
  return cells.some((c) => c.kind === 'number' || c.kind === 'annotated' || c.kind === 'placeholder');
}
