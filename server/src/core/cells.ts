// What a cell's text means: a number, a blank, a placeholder for zero, a number with a unit or a
// remark, or text. Handles full-width digits and punctuation (normalize.ts), thousands separators,
// and numbers too large to be exact (reported, never silently rounded).
import type { Cell, CellKind, Range } from './model';
import { hasFullWidthDigits, normalizeDigits, toFullWidthDigits, trimmedSpan } from './normalize';

const PLACEHOLDER_RE = /^(?:[-－—–―‐−]+|[/／\\]|无|—+|…+|\.\.\.|N\/A|null)$/i;
const NUMBER_RE = /^([-+]?)(\d+)(?:\.(\d+))?$/;
const GROUPED_RE = /^([-+]?)(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
/** a sub-row label such as "1.属于国家秘密" or "2、重复申请": a label, not a number with a unit */
const SUBLABEL_RE = /^\d+\s*[.、]\s*\D/;
const LEADING_NUMBER_RE = /^([-+]?)(\d+)(?:\.(\d+))?(?=\D)/;
/** E-notation (1e309, 1.23457E+19: a spreadsheet's rounded rendering of a long number) */
const EXPONENT_RE = /^[eE][-+]?\d/;

interface NumberParse {
  value: number;
  decimals: number;
  unsafe: boolean;
  negative: boolean;
}

function toNumber(sign: string, intPart: string, frac: string | undefined): NumberParse {
  const digits = intPart.replace(/,/g, '');
  const significant = digits.replace(/^0+(?=\d)/, '');
  const negative = sign === '-';
  const text = `${negative ? '-' : ''}${significant}${frac ? `.${frac}` : ''}`;
  const value = Number(text);
  // exact only while the integer part is a safe integer and the number has few significant digits
  const unsafe = !Number.isFinite(value) || significant.length > 15 || significant.length + (frac?.length ?? 0) > 17;
  return { value: negative && value === 0 ? 0 : value, decimals: frac ? frac.length : 0, unsafe, negative };
}

/** Parses a whole-cell number (after normalisation); undefined when the cell is not one. */
export function parseNumber(norm: string): NumberParse | undefined {
  const m = NUMBER_RE.exec(norm) ?? GROUPED_RE.exec(norm);
  if (!m) return undefined;
  return toNumber(m[1], m[2], m[3]);
}

const BLANK = { kind: 'blank' as const };
const TEXT = { kind: 'text' as const };
const PLACEHOLDER = { kind: 'placeholder' as const };

export function classifyText(raw: string): { kind: CellKind; num?: NumberParse } {
  if (raw === '') return BLANK;
  // fast paths (same results as the general path below): a label that starts with an ideograph
  // or a bracket is text; a short run of ASCII digits is a plain number
  const c0 = raw.charCodeAt(0);
  if ((c0 >= 0x4e00 && c0 <= 0x9fff && c0 !== 0x65e0) /* 无 */ || c0 === 0xff08 /* （ */ || c0 === 0x28 /* ( */) return TEXT;
  if (c0 >= 48 && c0 <= 57 && raw.length <= 15) {
    let digits = true;
    for (let i = 1; i < raw.length && digits; i++) {
      const c = raw.charCodeAt(i);
      digits = c >= 48 && c <= 57;
    }
    if (digits) return { kind: 'number', num: { value: Number(raw), decimals: 0, unsafe: false, negative: false } };
  }
  // a character lost to a bad byte (U+FFFD, invalid-encoding): the figure cannot be known, not even
  // its leading digits (1�9 may have been 139)
  if (raw.includes('\ufffd')) return TEXT;
  const norm = normalizeDigits(raw).replace(/\s+/g, '');
  if (PLACEHOLDER_RE.test(norm)) return PLACEHOLDER;
  const num = parseNumber(norm);
  if (num) return { kind: 'number', num };
  if (!SUBLABEL_RE.test(norm)) {
    const m = LEADING_NUMBER_RE.exec(norm);
    // a number followed by a short unit or remark: 251000元, 22（其中修订16件）, 3件
    if (m && norm.length - m[0].length <= 24) {
      const num = toNumber(m[1], m[2], m[3]);
      // E-notation is no unit: it is how a spreadsheet renders a long number, rounded, so the
      // value cannot be known exactly (and must never be summed as its leading digits)
      if (EXPONENT_RE.test(norm.slice(m[0].length))) num.unsafe = true;
      return { kind: 'annotated', num };
    }
  }
  return TEXT;
}

/** Builds a Cell from a raw cell's text and where it starts. */
export function makeCell(text: string, line: number, character: number): Cell {
  const { start, end } = trimmedSpan(text);
  const raw = text.slice(start, end);
  const range: Range = { start: { line, character: character + start }, end: { line, character: character + end } };
  if (start === end) {
    // an empty cell: its range is the insertion point
    range.start.character = range.end.character = character;
  }
  const { kind, num } = classifyText(raw);
  const cell: Cell = { kind, raw, range };
  if (kind === 'blank' || kind === 'placeholder') cell.value = 0;
  if (num) {
    cell.value = num.value;
    cell.decimals = num.decimals;
    if (num.unsafe) cell.unsafe = true;
    if (hasFullWidthDigits(raw)) cell.fullWidth = true;
  }
  return cell;
}

export function missingCell(line: number, character: number): Cell {
  return { kind: 'missing', raw: '', range: { start: { line, character }, end: { line, character } } };
}

/** Writes a number as the cell it replaces was written (full-width digits stay full-width). */
export function formatValue(value: number, like?: Cell): string {
  const s = String(value);
  return like?.fullWidth ? toFullWidthDigits(s) : s;
}
