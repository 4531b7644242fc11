// Text items → runs in display space (documents.md §1.2, §1.7): NFKC (full-width digits and
// brackets to ASCII), whitespace-only items dropped (their widths are bogus on WPS files), text
// drawn twice for fake bold dropped once, vertical (ttb) fonts boxed along their column. A run can
// be split where a ruling crosses it, and runs are joined into lines and cell text with the
// spacing rules of Chinese text: no space where a CJK character meets another.
import { apply, type DBox, type Matrix } from './geometry';
import type { RawTextItem } from './pdfjs';

export interface Run {
  text: string;
  box: DBox;
  /** font size in display units */
  size: number;
  /** display y of the baseline (horizontal) or display x of the column centre (vertical) */
  baseline: number;
  vertical: boolean;
  /** a horizontal run whose baseline is turned a quarter on the page: a glyph of vertical writing (（ ） in tbRl cells) */
  turned?: boolean;
}

/** CJK ideographs, kana, CJK punctuation and full-width forms NFKC keeps (、。“”《》…) */
const CJK = /[\u2e80-\u2fff\u3000-\u303f\u3040-\u30ff\u3100-\u31ff\u3200-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef“”‘’《》…—]/;
const CJK_ONLY = /[\u2e80-\u2fff\u3040-\u30ff\u3100-\u31ff\u3200-\u9fff\uf900-\ufaff]/;
export const isCjk = (ch: string) => CJK.test(ch);
/** an ideograph or kana: what a report's text is mostly made of */
export const isIdeograph = (ch: string) => CJK_ONLY.test(ch);

/** The runs of a page's text items, in display space. */
export function runsOf(items: RawTextItem[], toDisplay: Matrix, maxRuns = 200_000): Run[] {
  const runs: Run[] = [];
  for (const it of items) {
    if (runs.length >= maxRuns) break;
    const text = it.str.normalize('NFKC').replace(/[\p{Cc}\u00ad\u200b-\u200f\ufeff]/gu, '');
    if (!text.trim()) continue;
    const run = boxOf(it, text, toDisplay);
    if (run) runs.push(run);
  }
  return dropDoubles(runs);
}

function boxOf(it: RawTextItem, text: string, toDisplay: Matrix): Run | undefined {
  const [a, b, c, d, e, f] = it.transform;
  if (![a, b, c, d, e, f, it.width, it.height].every(Number.isFinite)) return undefined;
  const sx = Math.hypot(a, b);
  const sy = Math.hypot(c, d);
  const size = sy || sx;
  if (!(size > 0) || size > 5_000) return undefined;
  // unit vectors along the baseline and up, in user space
  const ux = sx ? a / sx : 1;
  const uy = sx ? b / sx : 0;
  const vx = sy ? c / sy : 0;
  const vy = sy ? d / sy : 1;
  const vertical = it.dir === 'ttb' || it.vertical;
  const corners: [number, number][] = [];
  if (vertical) {
    // the column runs downwards from the origin; the glyphs are centred on it
    const len = Math.abs(it.height) || size * [...text].length;
    for (const s of [-size / 2, size / 2]) for (const t of [0, -len]) corners.push([e + ux * s + vx * t, f + uy * s + vy * t]);
  } else {
    const len = Math.abs(it.width);
    for (const s of [0, len]) for (const t of [-0.2 * size, 0.8 * size]) corners.push([e + ux * s + vx * t, f + uy * s + vy * t]);
  }
  const pts = corners.map(([x, y]) => apply(toDisplay, x, y));
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const box = { x0: Math.min(...xs), top: Math.min(...ys), x1: Math.max(...xs), bottom: Math.max(...ys) };
  const [, oy] = apply(toDisplay, e, f);
  // a horizontal run whose baseline is vertical on the display (a rotated page's text is not; text drawn sideways is)
  const sideways = !vertical && box.bottom - box.top > 2 * (box.x1 - box.x0) && [...text].length > 1;
  const [dx, dy] = [toDisplay[0] * ux + toDisplay[2] * uy, toDisplay[1] * ux + toDisplay[3] * uy];
  const turned = !vertical && Math.abs(dy) > 2 * Math.abs(dx);
  return { text, box, size, baseline: vertical || sideways ? (box.x0 + box.x1) / 2 : oy, vertical: vertical || sideways, turned };
}

/** Text drawn twice at nearly the same place (fake bold, shadows) counts once. */
function dropDoubles(runs: Run[]): Run[] {
  const out: Run[] = [];
  const seen = new Map<string, Run[]>();
  for (const r of runs) {
    const list = seen.get(r.text);
    const tol = 0.25 * r.size;
    if (list?.some((o) => Math.abs(o.box.x0 - r.box.x0) < tol && Math.abs(o.box.top - r.box.top) < tol)) continue;
    if (list) list.push(r);
    else seen.set(r.text, [r]);
    out.push(r);
  }
  return out;
}

/** a character's estimated advance, in em: the item's width is spread over its characters by these */
function weight(ch: string): number {
  if (isCjk(ch)) return 1;
  if (ch === ' ') return 0.3;
  // digits are tabular (all one width) in nearly every font: no '1' here
  if (/[.,:;'!|il()[\]]/.test(ch)) return 0.35;
  return 0.55;
}

/** the display x of each character boundary of a horizontal run (length + 1 values) */
export function boundaries(run: Run): number[] {
  const chars = [...run.text];
  const ws = chars.map(weight);
  const total = ws.reduce((s, w) => s + w, 0) || 1;
  const out = [run.box.x0];
  let acc = 0;
  for (const w of ws) {
    acc += w;
    out.push(run.box.x0 + ((run.box.x1 - run.box.x0) * acc) / total);
  }
  return out;
}

/**
 * Splits a horizontal run at display x positions that cross it by more than a point (a whole table
 * row drawn as one text item), at the character boundary nearest each, preferring white space.
 */
export function splitRun(run: Run, cuts: number[]): Run[] {
  if (run.vertical) return [run];
  const inside = cuts.filter((x) => x > run.box.x0 + 1 && x < run.box.x1 - 1).sort((a, b) => a - b);
  if (!inside.length) return [run];
  const chars = [...run.text];
  const bx = boundaries(run);
  const em =
    (run.box.x1 - run.box.x0) /
    Math.max(
      1,
      chars.reduce((s, c) => s + weight(c), 0),
    );
  const at: number[] = [];
  for (const x of inside) {
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let i = 1; i < chars.length; i++) {
      const nearSpace = chars[i - 1] === ' ' || chars[i] === ' ';
      const cost = Math.abs(bx[i] - x) - (nearSpace ? 0.6 * em : 0);
      if (cost < bestCost) {
        bestCost = cost;
        best = i;
      }
    }
    if (best > 0 && !at.includes(best)) at.push(best);
  }
  at.sort((a, b) => a - b);
  const out: Run[] = [];
  let start = 0;
  for (const end of [...at, chars.length]) {
    const raw = chars.slice(start, end).join('');
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) {
      const s = start + [...raw.slice(0, lead)].length;
      const t = s + [...text].length;
      out.push({ ...run, text, box: { ...run.box, x0: bx[s], x1: bx[t] } });
    }
    start = end;
  }
  return out;
}

/** Splits a horizontal run at its runs of white space (columns of a table drawn with no rulings). */
export function splitAtSpaces(run: Run): Run[] {
  if (run.vertical || !/\s/.test(run.text.trim())) return [run];
  const chars = [...run.text];
  const bx = boundaries(run);
  const out: Run[] = [];
  let i = 0;
  while (i < chars.length) {
    while (i < chars.length && /\s/.test(chars[i])) i++;
    let j = i;
    while (j < chars.length && !/\s/.test(chars[j])) j++;
    if (j > i) out.push({ ...run, text: chars.slice(i, j).join(''), box: { ...run.box, x0: bx[i], x1: bx[j] } });
    i = j;
  }
  return out;
}

export interface TextLine {
  runs: Run[];
  box: DBox;
  baseline: number;
  size: number;
  text: string;
}

/** Groups horizontal runs into lines (same baseline within half the font size), each sorted by x. */
export function linesOf(runs: Run[]): TextLine[] {
  const horiz = runs.filter((r) => !r.vertical).sort((a, b) => a.baseline - b.baseline || a.box.x0 - b.box.x0);
  const lines: Run[][] = [];
  for (const r of horiz) {
    const last = lines[lines.length - 1];
    const ref = last?.[0];
    if (ref && Math.abs(r.baseline - lineBaseline(last)) < 0.5 * Math.min(ref.size, r.size)) last.push(r);
    else lines.push([r]);
  }
  const out = lines.map((rs) => makeLine(rs));
  // vertical runs are lines of their own, in reading order by their top
  for (const r of runs) if (r.vertical) out.push(makeLine([r]));
  return out.sort((a, b) => a.box.top - b.box.top || a.box.x0 - b.box.x0);
}

function lineBaseline(rs: Run[]): number {
  return rs.reduce((s, r) => s + r.baseline, 0) / rs.length;
}

export function makeLine(rs: Run[]): TextLine {
  const sorted = rs[0]?.vertical ? rs : [...rs].sort((a, b) => a.box.x0 - b.box.x0);
  const box = {
    x0: Math.min(...sorted.map((r) => r.box.x0)),
    top: Math.min(...sorted.map((r) => r.box.top)),
    x1: Math.max(...sorted.map((r) => r.box.x1)),
    bottom: Math.max(...sorted.map((r) => r.box.bottom)),
  };
  const sizes = sorted.map((r) => r.size).sort((a, b) => a - b);
  return { runs: sorted, box, baseline: lineBaseline(sorted), size: sizes[sizes.length >> 1], text: joinRuns(sorted) };
}

/** Runs of one line, left to right: a space only where a visible gap separates two non-CJK characters. */
export function joinRuns(rs: Run[]): string {
  let out = '';
  let prev: Run | undefined;
  for (const r of rs) {
    if (prev) {
      const gap = r.box.x0 - prev.box.x1;
      const a = out[out.length - 1] ?? '';
      const b = r.text[0] ?? '';
      if (gap > 0.2 * Math.min(prev.size, r.size) && !isCjk(a) && !isCjk(b)) out += ' ';
    }
    out += r.text;
    prev = r;
  }
  return out;
}

/** Joins lines of one cell or paragraph: a wrap between CJK characters gets no space, others one. */
export function joinLines(lines: string[]): string {
  let out = '';
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) continue;
    if (out && !isCjk(out[out.length - 1]) && !isCjk(l[0])) out += ' ';
    out += l;
  }
  return tidy(out);
}

/** Collapses white space, and removes it between CJK characters (distributed alignment: 总 计). */
export function tidy(s: string): string {
  let t = s
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/([(（]) /g, '$1')
    .replace(/ ([)）])/g, '$1');
  // twice: overlapping matches (商 业 企)
  for (let i = 0; i < 2; i++)
    t = t.replace(
      /([\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’《》、。]) (?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef“”‘’《》、。])/g,
      '$1',
    );
  return t;
}

/** The text of a table cell from the runs inside it. */
export function cellText(runs: Run[]): string {
  if (!runs.length) return '';
  if (runs.every((r) => r.vertical)) {
    // vertical columns read right to left, each top to bottom
    const cols = [...runs].sort((a, b) => b.baseline - a.baseline || a.box.top - b.box.top);
    return tidy(cols.map((r) => r.text).join(''));
  }
  if (runs.some((r) => r.turned) && runs.every((r) => r.turned || [...r.text.trim()].length <= 2)) {
    // vertical writing set glyph by glyph (brackets turned): columns right to left, each top to bottom
    return tidy(
      columnsOf(runs)
        .map((col) => col.map((r) => r.text.trim()).join(''))
        .join(''),
    );
  }
  // items that overlap (glyphs drawn out of order, which pdf.js merges with a fake space) are
  // interleaved by position: split at their spaces first
  const lines = linesOf(runs.flatMap(splitAtSpaces)).map((l) => l.text);
  return joinLines(lines);
}

/** Runs grouped into columns by their centre, right to left, each sorted top to bottom. */
function columnsOf(runs: Run[]): Run[][] {
  const sorted = [...runs].sort((a, b) => (b.box.x0 + b.box.x1) / 2 - (a.box.x0 + a.box.x1) / 2);
  const cols: Run[][] = [];
  for (const r of sorted) {
    const cx = (r.box.x0 + r.box.x1) / 2;
    const last = cols[cols.length - 1];
    const lx = last ? last.reduce((s, q) => s + (q.box.x0 + q.box.x1) / 2, 0) / last.length : Number.NaN;
    if (last && Math.abs(lx - cx) < 0.5 * r.size) last.push(r);
    else cols.push([r]);
  }
  for (const c of cols) c.sort((a, b) => a.box.top - b.box.top);
  return cols;
}

/**
 * Stacks of single glyphs set one under the other (vertical writing laid out glyph by glyph): the
 * glyphs' centres within a fifth of an em across, each less than maxPitch em below the last (1.15
 * by default: a table row is taller, so a column of one-character cells is not a stack). Digits
 * and the placeholder 无 never stack.
 */
export function glyphStacks(runs: Run[], maxPitch = 1.15): Run[][] {
  const glyphs = runs.filter(
    (r) => !r.vertical && [...r.text.trim()].length <= 2 && isCjk(r.text.trim()[0] ?? '') && r.text.trim() !== '无',
  );
  const sorted = [...glyphs].sort((a, b) => a.box.x0 - b.box.x0 || a.box.top - b.box.top);
  const stacks: Run[][] = [];
  const used = new Set<Run>();
  for (const r of sorted) {
    if (used.has(r)) continue;
    const stack = [r];
    used.add(r);
    let last = r;
    for (;;) {
      const cx = (last.box.x0 + last.box.x1) / 2;
      const next = glyphs.find(
        (q) =>
          !used.has(q) &&
          Math.abs((q.box.x0 + q.box.x1) / 2 - cx) < 0.2 * last.size &&
          q.box.top > last.box.top + 0.5 * last.size &&
          q.box.top - last.box.top < maxPitch * last.size,
      );
      if (!next) break;
      stack.push(next);
      used.add(next);
      last = next;
    }
    if (stack.length >= 3) stacks.push(stack);
  }
  return stacks;
}
