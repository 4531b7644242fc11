// Word's list numbering: the "一、", "（一）", "1." that Word draws before a paragraph from
// word/numbering.xml (and the paragraph style's numbering, from word/styles.xml) — they are not in
// the paragraph's text. Drafters number section headings and table labels this way, so without
// them a heading "总体情况" would not read as the section 一、总体情况.
// Counting follows Word: one counter per level of each abstract numbering, a level's counter
// restarting when a higher level is used, w:startOverride restarting a list instance on its first
// use; w:isLgl renders every level in Arabic digits.
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { W_NS } from './ns';

interface Level {
  start: number;
  fmt: string;
  text: string;
  isLgl: boolean;
  suffix: 'tab' | 'space' | 'nothing';
}

export interface NumberingDefs {
  abstracts: Map<string, Level[]>;
  /** numId → its abstract numbering and start overrides by level */
  nums: Map<string, { abstractId: string; overrides: Map<number, number> }>;
}

export interface StyleDefs {
  /** styleId → its own numbering (numId, ilvl) and the style it is based on */
  styles: Map<string, { numId?: string; ilvl?: number; basedOn?: string }>;
}

const isW = (uri: string) => uri === W_NS[0] || uri === W_NS[1];
function attr(tag: SaxesTagNS, local: string): string | undefined {
  for (const a of Object.values(tag.attributes)) if (a.local === local) return a.value;
  return undefined;
}

/** a saxes pass over a small part; undefined when it is not well-formed (numbering is then left out) */
function walk(xml: string, open: (tag: SaxesTagNS, parent: string | undefined) => void, close?: (local: string) => void): boolean {
  const p = new SaxesParser({ xmlns: true });
  const stack: string[] = [];
  let ok = true;
  p.on('error', () => {
    ok = false;
    throw new Error('numbering');
  });
  p.on('opentag', (t) => {
    const tag = t as SaxesTagNS;
    const parent = stack[stack.length - 1];
    stack.push(isW(tag.uri) ? tag.local : '');
    if (isW(tag.uri)) open(tag, parent);
  });
  p.on('closetag', (t) => {
    stack.pop();
    const tag = t as SaxesTagNS;
    if (isW(tag.uri)) close?.(tag.local);
  });
  try {
    p.write(xml).close();
  } catch {
    ok = false;
  }
  return ok;
}

export function parseNumbering(xml: string): NumberingDefs | undefined {
  const defs: NumberingDefs = { abstracts: new Map(), nums: new Map() };
  let abs: Level[] | undefined;
  let lvl: Level | undefined;
  let num: { abstractId: string; overrides: Map<number, number> } | undefined;
  let overrideLevel = -1;
  const ok = walk(
    xml,
    (tag, parent) => {
      const v = attr(tag, 'val');
      switch (tag.local) {
        case 'abstractNum':
          abs = [];
          defs.abstracts.set(attr(tag, 'abstractNumId') ?? '', abs);
          break;
        case 'lvl':
          if (abs && parent === 'abstractNum') {
            const i = Number.parseInt(attr(tag, 'ilvl') ?? '', 10);
            lvl = { start: 1, fmt: 'decimal', text: '', isLgl: false, suffix: 'tab' };
            if (i >= 0 && i < 9) abs[i] = lvl;
          }
          break;
        case 'start':
          if (lvl && parent === 'lvl') lvl.start = Number.parseInt(v ?? '1', 10) || 0;
          break;
        case 'numFmt':
          if (lvl && parent === 'lvl') lvl.fmt = v ?? 'decimal';
          break;
        case 'lvlText':
          if (lvl && parent === 'lvl') lvl.text = v ?? '';
          break;
        case 'isLgl':
          if (lvl && parent === 'lvl') lvl.isLgl = v !== '0' && v !== 'false';
          break;
        case 'suff':
          if (lvl && parent === 'lvl') lvl.suffix = v === 'space' ? 'space' : v === 'nothing' ? 'nothing' : 'tab';
          break;
        case 'num':
          num = { abstractId: '', overrides: new Map() };
          defs.nums.set(attr(tag, 'numId') ?? '', num);
          break;
        case 'abstractNumId':
          if (num && parent === 'num') num.abstractId = v ?? '';
          break;
        case 'lvlOverride':
          overrideLevel = Number.parseInt(attr(tag, 'ilvl') ?? '', 10);
          break;
        case 'startOverride':
          if (num && overrideLevel >= 0 && overrideLevel < 9) num.overrides.set(overrideLevel, Number.parseInt(v ?? '1', 10) || 0);
          break;
      }
    },
    (local) => {
      if (local === 'lvl') lvl = undefined;
      else if (local === 'abstractNum') abs = undefined;
      else if (local === 'num') num = undefined;
      else if (local === 'lvlOverride') overrideLevel = -1;
    },
  );
  return ok ? defs : undefined;
}

export function parseStyles(xml: string): StyleDefs | undefined {
  const defs: StyleDefs = { styles: new Map() };
  let cur: { numId?: string; ilvl?: number; basedOn?: string } | undefined;
  let inPPr = false;
  const ok = walk(
    xml,
    (tag, parent) => {
      const v = attr(tag, 'val');
      if (tag.local === 'style') {
        cur = {};
        defs.styles.set(attr(tag, 'styleId') ?? '', cur);
      } else if (!cur) return;
      else if (tag.local === 'basedOn' && parent === 'style') cur.basedOn = v;
      else if (tag.local === 'pPr' && parent === 'style') inPPr = true;
      else if (inPPr && parent === 'numPr' && tag.local === 'numId') cur.numId = v;
      else if (inPPr && parent === 'numPr' && tag.local === 'ilvl') cur.ilvl = Number.parseInt(v ?? '0', 10) || 0;
    },
    (local) => {
      if (local === 'style') cur = undefined;
      else if (local === 'pPr') inPPr = false;
    },
  );
  return ok ? defs : undefined;
}

const CN = '〇一二三四五六七八九';
function chinese(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN[n];
  if (n < 20) return `十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 100) return `${CN[Math.floor(n / 10)]}十${n % 10 ? CN[n % 10] : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    return `${CN[Math.floor(n / 100)]}百${rest ? (rest < 10 ? `零${CN[rest]}` : rest < 20 ? `一${chinese(rest)}` : chinese(rest)) : ''}`;
  }
  return String(n);
}
const LEGAL = '零壹贰叁肆伍陆柒捌玖';
function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const t: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let s = '';
  for (const [v, r] of t)
    while (n >= v) {
      s += r;
      n -= v;
    }
  return s;
}
function letters(n: number): string {
  if (n <= 0) return String(n);
  const c = String.fromCharCode(65 + ((n - 1) % 26));
  return c.repeat(Math.floor((n - 1) / 26) + 1);
}

export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'decimal':
      return String(n);
    case 'decimalZero':
      return n < 10 ? `0${n}` : String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalEnclosedParen':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2474 + n - 1) : `(${n})`;
    case 'decimalEnclosedFullstop':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2488 + n - 1) : `${n}.`;
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letters(n);
    case 'lowerLetter':
      return letters(n).toLowerCase();
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'japaneseCounting':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
    case 'ideographDigital':
      return fmt === 'ideographDigital' ? [...String(n)].map((d) => CN[Number(d)]).join('') : chinese(n);
    case 'chineseLegalSimplified':
      return n < 10 ? LEGAL[n] : String(n);
    case 'ideographTraditional':
      return n >= 1 && n <= 10 ? '甲乙丙丁戊己庚辛壬癸'[n - 1] : String(n);
    case 'ideographZodiac':
      return n >= 1 && n <= 12 ? '子丑寅卯辰巳午未申酉戌亥'[n - 1] : String(n);
    case 'none':
    case 'bullet':
      return '';
    default:
      return String(n);
  }
}

/** numbers paragraphs in document order, as Word counts them */
export class ListCounter {
  private counts = new Map<string, (number | undefined)[]>();
  private started = new Set<string>();

  constructor(
    private defs: NumberingDefs,
    private styles?: StyleDefs,
  ) {}

  /** a paragraph's numbering: its own w:numPr, else its style's (through w:basedOn) */
  resolve(numId: string | undefined, ilvl: number | undefined, style: string | undefined): { numId: string; ilvl: number } | undefined {
    let id = numId;
    let lv = ilvl;
    let s = style;
    for (let guard = 0; id === undefined && s && guard < 20; guard++) {
      const st = this.styles?.styles.get(s);
      if (!st) break;
      if (st.numId !== undefined) {
        id = st.numId;
        lv ??= st.ilvl;
      }
      s = st.basedOn;
    }
    if (id === undefined || id === '0') return undefined;
    return { numId: id, ilvl: Math.max(0, Math.min(8, lv ?? 0)) };
  }

  /** the label of the next paragraph of this list and level, with the separator Word puts after it */
  next(numId: string, ilvl: number): string | undefined {
    const num = this.defs.nums.get(numId);
    const levels = num && this.defs.abstracts.get(num.abstractId);
    if (!num || !levels?.[ilvl]) return undefined;
    let counts = this.counts.get(num.abstractId);
    if (!counts) this.counts.set(num.abstractId, (counts = []));
    const lvl = levels[ilvl];
    const key = `${numId}:${ilvl}`;
    if (!this.started.has(key)) {
      this.started.add(key);
      const o = num.overrides.get(ilvl);
      if (o !== undefined) counts[ilvl] = o - 1;
    }
    counts[ilvl] = (counts[ilvl] ?? lvl.start - 1) + 1;
    for (let k = ilvl + 1; k < 9; k++) counts[k] = undefined;
    if (lvl.fmt === 'bullet' || lvl.fmt === 'none') return undefined;
    const label = lvl.text.replace(/%([1-9])/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = levels[k];
      if (!l) return '';
      const n = counts![k] ?? l.start;
      return formatNumber(n, lvl.isLgl && k < ilvl ? 'decimal' : l.fmt);
    });
    if (!label) return undefined;
    // after a label that ends in punctuation (一、 （一） 1.) nothing; else a space for Word's tab or space
    return lvl.suffix === 'nothing' || /[、.．）)：:\]】]$/.test(label) ? label : `${label} `;
  }
}
