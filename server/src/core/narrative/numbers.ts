// Numbers as prose writes them: Arabic (1,248), full-width (１２) or Chinese numerals (十二, 两,
// 一百零三, 二〇二二 digit by digit). `readNumber` reads the longest number that starts at an offset.

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

const isAscii = (c: number) => c >= 0x30 && c <= 0x39;
const isWide = (c: number) => c >= 0xff10 && c <= 0xff19;
const CHINESE = /[零〇一二两三四五六七八九十百千万]/;

export interface ReadNumber {
  value: number;
  /** offset just after the number */
  end: number;
}

/** The Chinese numeral of `s` (十二 → 12, 两 → 2, 一百零三 → 103, 二〇二二 → 2022), or undefined. */
export function chineseValue(s: string): number | undefined {
  if (!s) return undefined;
  // digit by digit (二〇二二, 一二): no unit characters at all
  if (!/[十百千万]/.test(s)) {
    let v = 0;
    for (const ch of s) {
      const d = DIGIT[ch];
      if (d === undefined) return undefined;
      v = v * 10 + d;
    }
    return v;
  }
  let total = 0;
  let section = 0;
  let digit: number | undefined;
  let lastUnit = Number.POSITIVE_INFINITY;
  for (const ch of s) {
    if (ch === '万') {
      section += digit ?? 0;
      if (section === 0 || total !== 0) return undefined;
      total = section * 10_000;
      section = 0;
      digit = undefined;
      lastUnit = Number.POSITIVE_INFINITY;
      continue;
    }
    const u = UNIT[ch];
    if (u !== undefined) {
      if (u >= lastUnit) return undefined; // 十百: units must descend
      section += (digit ?? 1) * u;
      digit = undefined;
      lastUnit = u;
      continue;
    }
    const d = DIGIT[ch];
    if (d === undefined) return undefined;
    if (d === 0)
      digit = undefined; // 一百零三: a zero only holds a place
    else if (digit !== undefined)
      return undefined; // 二三 inside a number with units
    else digit = d;
  }
  return total + section + (digit ?? 0);
}

/** The number written at `text[start]`, Arabic, full-width or Chinese, or undefined. */
export function readNumber(text: string, start: number): ReadNumber | undefined {
  let i = start;
  const c0 = text.charCodeAt(i);
  if (isAscii(c0) || isWide(c0)) {
    let v = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (isAscii(c)) v = v * 10 + (c - 0x30);
      else if (isWide(c)) v = v * 10 + (c - 0xff10);
      // a thousands separator: a comma followed by exactly three digits
      else if (c === 0x2c && /^[0-9]{3}(?![0-9])/.test(text.slice(i + 1, i + 5)) && i > start) {
        i++;
        continue;
      } else break;
      i++;
    }
    // a decimal number is not a count
    if (text[i] === '.' && isAscii(text.charCodeAt(i + 1))) return undefined;
    return { value: v, end: i };
  }
  while (i < text.length && CHINESE.test(text[i])) i++;
  if (i === start) return undefined;
  const value = chineseValue(text.slice(start, i));
  return value === undefined ? undefined : { value, end: i };
}
