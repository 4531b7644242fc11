// The prose of a PDF: the lines outside its tables, page furniture (page numbers, running headers)
// left out, grouped into paragraphs in reading order — across page breaks where a paragraph runs
// on — and the title's lines (淮安市人民政府 / 2024年…年度报告) made one paragraph.
import type { DBox } from './geometry';
import { joinLines, type TextLine } from './text';

export interface PageLines {
  page: number;
  height: number;
  lines: TextLine[];
  /** vertical extents of the tables on the page: a paragraph never runs across one */
  barriers: { top: number; bottom: number }[];
}

export interface Paragraph {
  text: string;
  page: number;
  top: number;
  box: DBox;
}

/** a line that opens a section or a numbered part (一、 （一）) starts a paragraph wherever it is */
const OPENS_PART = /^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/;

const PAGE_NUMBER = /^[-—–－_·•\s]*(第\s*)?[\d一二三四五六七八九十]{1,4}(\s*页)?(\s*[/／]\s*\d{1,4}|\s*共\s*\d{1,4}\s*页)?[-—–－_·•\s]*$/;
const FURNITURE_BAND = 0.12;

/** Lines that are page furniture: page numbers near the top or foot, and text repeated at the same place on several pages. */
export function furniture(pages: PageLines[]): Set<TextLine> {
  const out = new Set<TextLine>();
  const repeated = new Map<string, TextLine[]>();
  for (const p of pages) {
    for (const l of p.lines) {
      const inBand = l.box.bottom < p.height * FURNITURE_BAND || l.box.top > p.height * (1 - FURNITURE_BAND);
      if (!inBand) continue;
      const t = l.text.replace(/\s/g, '');
      if (PAGE_NUMBER.test(t)) out.add(l);
      const key = `${t.replace(/\d+/g, '#')}@${Math.round(l.box.top / 10)}`;
      if (!repeated.has(key)) repeated.set(key, []);
      repeated.get(key)!.push(l);
    }
  }
  if (pages.length >= 3) for (const ls of repeated.values()) if (ls.length >= Math.max(3, pages.length / 2)) for (const l of ls) out.add(l);
  return out;
}

/** Can a page's content above (before) or below (after) y hold anything but furniture? */
export function onlyFurniture(p: PageLines, skip: Set<TextLine>, y: number, side: 'above' | 'below'): boolean {
  return !p.lines.some((l) => !skip.has(l) && (side === 'above' ? l.box.bottom <= y + 1 : l.box.top >= y - 1));
}

type Item = { kind: 'line'; line: TextLine; page: number } | { kind: 'barrier'; page: number };

export function paragraphs(pages: PageLines[], skip: Set<TextLine>): Paragraph[] {
  const body = pages.flatMap((p) => p.lines.filter((l) => !skip.has(l)));
  if (!body.length) return [];
  // the body text's size, left margin and right edge: what most of the characters use
  const size = weightedMedian(body.map((l) => [l.size, l.text.length]));
  const bodyLines = body.filter((l) => Math.abs(l.size - size) <= 0.15 * size);
  const left = mode(bodyLines.map((l) => Math.round(l.box.x0)));
  const right = percentile(
    bodyLines.map((l) => l.box.x1),
    0.9,
  );
  const pitch = medianPitch(pages, skip, size);

  const items: Item[] = [];
  for (const p of pages) {
    const entries: { top: number; item: Item }[] = p.lines
      .filter((l) => !skip.has(l))
      .map((l) => ({ top: l.box.top, item: { kind: 'line', line: l, page: p.page } }));
    for (const b of p.barriers) entries.push({ top: b.top, item: { kind: 'barrier', page: p.page } });
    entries.sort((a, b) => a.top - b.top);
    items.push(...entries.map((e) => e.item));
  }

  const paras: { lines: TextLine[]; page: number }[] = [];
  let cur: { lines: TextLine[]; page: number } | undefined;
  let prev: { line: TextLine; page: number } | undefined;
  for (const it of items) {
    if (it.kind === 'barrier') {
      cur = undefined;
      prev = undefined;
      continue;
    }
    const l = it.line;
    let fresh = !cur || !prev;
    if (!fresh && prev && cur) {
      const p = prev.line;
      const sameSize = Math.abs(l.size - p.size) <= 0.15 * Math.max(l.size, p.size);
      const full = p.box.x1 >= right - 2 * p.size;
      const indented = l.box.x0 > left + 1.2 * l.size;
      if (!sameSize || !full || indented || OPENS_PART.test(l.text)) fresh = true;
      else if (it.page === prev.page && l.baseline - p.baseline > 1.6 * pitch) fresh = true;
      else if (it.page !== prev.page && it.page !== prev.page + 1) fresh = true;
    }
    if (fresh) {
      cur = { lines: [], page: it.page };
      paras.push(cur);
    }
    cur!.lines.push(l);
    prev = { line: l, page: it.page };
  }

  const out: Paragraph[] = paras.map((p) => ({
    text: joinLines(p.lines.map((l) => l.text)),
    page: p.page,
    top: p.lines[0].box.top,
    box: {
      x0: Math.min(...p.lines.map((l) => l.box.x0)),
      top: p.lines[0].box.top,
      x1: Math.max(...p.lines.map((l) => l.box.x1)),
      bottom: p.lines[p.lines.length - 1].box.bottom,
    },
  }));
  return joinTitle(out, paras);
}

/** 淮安市人民政府 / 2024年政府信息公开工作年度报告: a title set on two lines is one paragraph. */
function joinTitle(out: Paragraph[], paras: { lines: TextLine[] }[]): Paragraph[] {
  for (let i = 1; i < Math.min(out.length, 12); i++) {
    const t = out[i];
    const before = out[i - 1];
    if (!/^\d{4}\s*年/.test(t.text) || !/报告/.test(t.text) || t.page !== before.page) continue;
    const sizeT = paras[i].lines[0].size;
    const sizeB = paras[i - 1].lines[paras[i - 1].lines.length - 1].size;
    if (before.text.length > 40 || /[。；;：:，,]$/.test(before.text) || sizeB < 0.85 * sizeT) continue;
    if (t.top - before.box.bottom > 3 * sizeT) continue;
    out.splice(i - 1, 2, {
      text: before.text + t.text,
      page: before.page,
      top: before.top,
      box: { x0: Math.min(before.box.x0, t.box.x0), top: before.box.top, x1: Math.max(before.box.x1, t.box.x1), bottom: t.box.bottom },
    });
    break;
  }
  return out;
}

function weightedMedian(pairs: [number, number][]): number {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const total = sorted.reduce((s, p) => s + p[1], 0);
  let acc = 0;
  for (const [v, w] of sorted) {
    acc += w;
    if (acc >= total / 2) return v;
  }
  return sorted[sorted.length - 1]?.[0] ?? 10;
}

function mode(xs: number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = xs[0] ?? 0;
  let n = 0;
  for (const [x, c] of counts) if (c > n || (c === n && x < best)) [best, n] = [x, c];
  return best;
}

function percentile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** the usual distance between baselines of consecutive body lines */
function medianPitch(pages: PageLines[], skip: Set<TextLine>, size: number): number {
  const ds: number[] = [];
  for (const p of pages) {
    const ls = p.lines.filter((l) => !skip.has(l) && Math.abs(l.size - size) <= 0.15 * size);
    for (let i = 1; i < ls.length; i++) {
      const d = ls[i].baseline - ls[i - 1].baseline;
      if (d > 0.5 * size && d < 4 * size) ds.push(d);
    }
  }
  return ds.length ? percentile(ds, 0.5) : 1.5 * size;
}
