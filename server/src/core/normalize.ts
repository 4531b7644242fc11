// Text normalisation, in one place: what counts as white space, full-width digits and
// punctuation, and the form labels are compared in. Everything that trims a cell, compares a label
// or reads a number goes through here, so a space the trimmer removes is a space the label matcher
// ignores. (Regular expressions elsewhere use \s, which is this set without U+200B; they run on
// text this module has trimmed or normalised.)

/**
 * The core's white space: every character of JavaScript's \s (what String.prototype.trim removes:
 * tab, line breaks, space, NBSP, U+1680, U+2000–U+200A, U+2028/2029, U+202F, U+205F, U+3000,
 * U+FEFF) plus U+200B ZERO WIDTH SPACE, which web pages put between characters.
 */
export function isSpace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 9 && c <= 13);
  return (
    c === 0xa0 ||
    c === 0x3000 ||
    c === 0xfeff ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f
  );
}

/** The span of `text` without leading and trailing white space. */
export function trimmedSpan(text: string): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/** `text` without leading and trailing white space. */
export function trimSpace(text: string): string {
  const { start, end } = trimmedSpan(text);
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

const FULL_DIGIT_0 = 0xff10;

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

/** ASCII digits written as full-width digits (a value written back into a full-width cell). */
export function toFullWidthDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => String.fromCharCode(FULL_DIGIT_0 + Number(d)));
}

/**
 * A label for matching: white space removed, ASCII brackets to full-width, quotes unified,
 * full-width digits and ． to ASCII. One pass over the string (this runs on every table line).
 */
export function normalizeLabel(s: string): string {
  let out = '';
  let from = 0; // s[from, i) is copied unchanged when a character needs rewriting
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c < 0x80) {
      if (c === 0x28) rep = '（';
      else if (c === 0x29) rep = '）';
      else if (c === 0x20 || (c >= 9 && c <= 13)) rep = '';
      else continue;
    } else if (c >= 0xff10 && c <= 0xff19) rep = String.fromCharCode(c - 0xff10 + 48);
    else if (c === 0xff0e) rep = '.';
    else if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f) rep = '"';
    else if (c === 0x2018 || c === 0x2019) rep = "'";
    else if (isSpace(c)) rep = '';
    // a character lost to a bad byte (invalid-encoding reports it): the label around it still names its row
    else if (c === 0xfffd) rep = '';
    else continue;
    out += s.slice(from, i) + rep;
    from = i + 1;
  }
  return from === 0 ? s : out + s.slice(from);
}

/**
 * The item one of whose phrases is the longest found in `text` (the first such item on a tie), and
 * that phrase's length: how sections, rows and columns are told by their label phrases.
 */
export function longestMatch<T>(
  text: string,
  items: readonly T[],
  phrases: (item: T) => readonly string[],
): { item: T; length: number } | undefined {
  let best: T | undefined;
  let length = 0;
  for (const item of items) {
    for (const p of phrases(item)) {
      if (p.length > length && text.includes(p)) {
        best = item;
        length = p.length;
      }
    }
  }
  return best === undefined ? undefined : { item: best, length };
}
