// Prose for generated reports (narrative-mismatch): statements that restate table figures
// truthfully, in Arabic, full-width or Chinese numerals, mixed with distractors — numbers that name
// something else (a department's or a month's figure, another year, 同比, a share, 公开信息 N 条,
// 审查公文 N 件 …) and must never be compared. `plant` makes one true statement false and says where
// its number is, so a test can check the finding lands on it.
import type { Table3, Table4 } from './report';

/** 12 → 十二, 103 → 一百零三, 2 → 两 (when `liang`), 1050 → 一千零五十 (n < 100000). */
export function toChinese(n: number, liang = false): string {
  const D = '零一二三四五六七八九';
  if (n === 0) return '零';
  if (n === 2 && liang) return '两';
  const parts: string[] = [];
  const units = ['万', '千', '百', '十', ''];
  const values = [10000, 1000, 100, 10, 1];
  let zero = false;
  let rest = n;
  values.forEach((v, i) => {
    const d = Math.floor(rest / v);
    rest %= v;
    if (d === 0) {
      if (parts.length) zero = true;
      return;
    }
    if (zero) parts.push('零');
    zero = false;
    parts.push(v === 10 && d === 1 && !parts.length ? '' : D[d], units[i]);
  });
  return parts.join('');
}

const toWide = (s: string) => s.replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)));

export interface ProseOptions {
  agency: string;
  year: number;
  table3: Table3;
  table4: Table4;
  /** 现行有效 行政规范性文件 of table 二 (2021 format), when known */
  normativeInForce?: number;
  /** index of the true statement to make false (taken modulo their count) */
  plant?: number;
}

export interface Prose {
  /** paragraphs for section 一 */
  paragraphs: string[];
  /** the planted false statement: its paragraph, the number's offset and text, the table's value */
  planted?: { paragraph: number; offset: number; text: string; expected: number; actual: number };
}

/** Prose with every kind of true statement and every kind of distractor, shuffled by `random`. */
export function generateProse(random: () => number, o: ProseOptions): Prose {
  const int = (max: number) => Math.floor(random() * (max + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const num = (n: number) => {
    const style = int(3);
    return style === 0 ? toChinese(n, random() < 0.5) : style === 1 ? toWide(String(n)) : String(n);
  };
  const t3 = (id: string) => o.table3.grid[o.table3.rowIds.indexOf(id)][6];
  const t4 = o.table4.grid.map((g) => g[4]);
  const truths: [string, number][] = [
    [pick(['全年共受理政府信息公开申请', '本年度新收政府信息公开申请', `${o.year}年，本机关共收到政府信息公开申请`]), t3('一')],
    [pick(['上年结转政府信息公开申请', '上年结转']), t3('二')],
    [pick(['全年办结', '已办结政府信息公开申请']), t3('（七）')],
    [pick(['其中予以公开', '予以公开']), t3('（一）')],
    [pick(['结转下年度继续办理', '结转下一年度']), t3('四')],
    ['被申请行政复议', t4[0]],
    [pick(['提起行政诉讼', '被提起行政诉讼']), t4[1] + t4[2]],
  ];
  if (o.normativeInForce !== undefined) truths.push(['现行有效行政规范性文件', o.normativeInForce]);
  const distractors = [
    () => `区教育局受理政府信息公开申请${num(int(30))}件`,
    () => `${1 + int(11)}月受理政府信息公开申请${num(int(30))}件`,
    () => `${o.year - 1}年受理政府信息公开申请${num(int(30))}件`,
    () => `受理政府信息公开申请数量同比增长${num(int(30))}件`,
    () => `较上年增加${num(int(30))}件`,
    () => `其中网上受理申请${num(int(30))}件`,
    () => `全年公开政府信息${num(int(3000))}条`,
    () => `审查公文${num(int(300))}件`,
    () => `清理规范性文件${num(int(20))}次`,
    () => `废止失效文件${num(int(20))}件`,
    () => `予以公开率${int(100)}%`,
    () => `予以公开及部分公开${num(int(50))}件`,
    () => `各街道办事处办结政府信息公开申请${num(int(30))}件`,
    () => `不予受理申请${num(int(10))}件`,
    () => `办结上年结转申请${num(int(10))}件`,
    () => `占申请总数的${int(100)}%`,
    () => `依申请公开答复${num(int(30))}件次`,
  ];
  const plantAt = o.plant === undefined ? -1 : o.plant % truths.length;
  const sentences: { text: string; planted?: Prose['planted'] }[] = [];
  truths.forEach(([phrase, value], i) => {
    if (i !== plantAt) {
      sentences.push({ text: `${phrase}${num(value)}件` });
      return;
    }
    const actual = value + 1 + int(5);
    const n = num(actual);
    sentences.push({ text: `${phrase}${n}件`, planted: { paragraph: 0, offset: phrase.length, text: n, expected: value, actual } });
  });
  for (let i = 0; i < 6; i++) sentences.push({ text: pick(distractors)() });
  for (let i = sentences.length - 1; i > 0; i--) {
    const j = int(i);
    [sentences[i], sentences[j]] = [sentences[j], sentences[i]];
  }
  // sentences go three to a paragraph, separated by ； or 。 (each its own clause)
  const paragraphs: string[] = [];
  let planted: Prose['planted'];
  for (let p = 0; p * 3 < sentences.length; p++) {
    const group = sentences.slice(p * 3, p * 3 + 3);
    let text = '（二）依申请公开。';
    group.forEach((s, k) => {
      if (s.planted) planted = { ...s.planted, paragraph: p, offset: text.length + s.planted.offset };
      text += s.text + (k < group.length - 1 ? pick(['；', '，', '。']) : '。');
    });
    paragraphs.push(text);
  }
  return { paragraphs, planted };
}

export interface Wrapped {
  lines: string[];
  /** where character `k` of paragraph `p` went (its line among `lines`, its character there) */
  at(p: number, k: number): { line: number; character: number };
}

/**
 * Paragraphs as `pdftotext -layout` prints them: wrapped at a display width (CJK characters count
 * two) anywhere but inside a run of digits, the first line indented, Arabic numbers spaced from the
 * text around them (`申请 12 件`, sometimes a full-width space before the unit), page breaks between
 * lines (a page number, blank lines, a form feed), and some paragraphs' lead-in `（二）依申请公开。`
 * printed as a heading line of its own.
 */
export function wrapLikePdf(paragraphs: string[], random: () => number, width = 48 + Math.floor(random() * 24)): Wrapped {
  const lines: string[] = [];
  const where = paragraphs.map(() => new Map<number, { line: number; character: number }>());
  const w = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);
  let page = 2;
  paragraphs.forEach((text, p) => {
    // [source index or -1, character]
    const chars: [number, string][] = [];
    let from = 0;
    const lead = '（二）依申请公开。';
    if (text.startsWith(lead) && random() < 0.5) {
      lines.push(`    （二）依申请公开情况`);
      from = lead.length;
    }
    for (let k = from; k < text.length; k++) {
      const digit = /[0-9]/.test(text[k]);
      const prevDigit = k > from && /[0-9]/.test(text[k - 1]);
      if (digit !== prevDigit && k > from && random() < 0.7)
        chars.push([-1, prevDigit && text[k] === '件' && random() < 0.3 ? '\u3000' : ' ']);
      chars.push([k, text[k]]);
    }
    let line = '      ';
    let row: [number, number][] = [];
    const flush = (last: boolean) => {
      const trimmed = line.trimEnd();
      lines.push(trimmed);
      for (const [k, c] of row) where[p].set(k, { line: lines.length - 1, character: c });
      line = '';
      row = [];
      if (!last && random() < 0.15) {
        lines.push(...(random() < 0.5 ? ['', `                    - ${page++} -`] : [`- ${page++} -`]));
        line = '\f';
      }
    };
    for (let i = 0; i < chars.length; i++) {
      // a run of digits stays on one line
      let run = 1;
      while (/[0-9]/.test(chars[i][1]) && i + run < chars.length && /[0-9]/.test(chars[i + run][1])) run++;
      const piece = chars.slice(i, i + run);
      if (w(line) + w(piece.map((c) => c[1]).join('')) > width && line.trim() !== '') flush(false);
      for (const [k, c] of piece) {
        if ((line === '' || line === '\f') && /\s/.test(c)) continue; // no leading space after a wrap
        if (k >= 0) row.push([k, line.length]);
        line += c;
      }
      i += run - 1;
    }
    if (line.trim() !== '') flush(true);
  });
  return { lines, at: (p, k) => where[p].get(k)! };
}
