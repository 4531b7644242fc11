// What a cell's text means: a number, a blank, a placeholder for zero, a number with a unit or a
// remark, or text. Handles full-width digits and punctuation, thousands separators, and numbers
// too large to be exact (reported, never silently rounded).
import type { Cell, CellKind, Range } from './model';

const FULL_DIGIT_0 = 0xff10;
const PLACEHOLDER_RE = /^(?:[-－—–―‐−]+|[/／\\]|无|—+|…+|\.\.\.|N\/A|null)$/i;
const NUMBER_RE = /^([-+]?)(\d+)(?:\.(\d+))?$/;
const GROUPED_RE = /^([-+]?)(\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;
/** a sub-row label such as "1.属于国家秘密" or "2、重复申请": a label, not a number with a unit */
const SUBLABEL_RE = /^\d+\s*[.、]\s*\D/;
const LEADING_NUMBER_RE = /^([-+]?)(\d+)(?:\.(\d+))?(?=\D)/;
/** E-notation (1e309, 1.23457E+19: a spreadsheet's rounded rendering of a long number) */
const EXPONENT_RE = /^[eE][-+]?\d/;

/** Full-width digits and punctuation to ASCII; keeps the length (one code unit each). */
export function normalizeDigits(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= FULL_DIGIT_0 && c <= FULL_DIGIT_0 + 9) out += String.fromCharCode(48 + c - FULL_DIGIT_0);
    else if (c === 0xff0e)
      out += '.'; // ．
    else if (c === 0xff0c)
      out += ','; // ，
    else if (c === 0xff0d || c === 0x2212)
      out += '-'; // － −
    else if (c === 0xff0b) out += '+';
    else out += s[i];
  }
  return out;
}

export function hasFullWidthDigits(s: string): boolean {
  return /[０-９]/.test(s);
}

export function trimmedSpan(text: string): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0x3000 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b);
}

/** trims [\s\u3000\u00a0\ufeff]: exactly the set String.prototype.trim removes (RegExp \s) */
export function trimText(s: string): string {
  return s.trim();
}

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
  const s = Number.isInteger(value) ? String(value) : String(value);
  if (like?.fullWidth) return s.replace(/[0-9]/g, (d) => String.fromCharCode(FULL_DIGIT_0 + Number(d)));
  return s;
}
