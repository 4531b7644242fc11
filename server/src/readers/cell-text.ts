// The text of a grid cell or a prose line as the report text holds it (white space, line breaks
// inside a cell), and whether a cell's text is a value (a number or a placeholder such as 无, —).
const ASCII_WORD = /[A-Za-z0-9]/;

/**
 * One cell's or one prose line's text: white space runs (tabs, NBSP, U+3000, control characters)
 * become one space, zero-width characters go, and the pieces of a cell broken over lines are
 * joined — with no space between CJK (商业⏎企业 → 商业企业), with a space between two ASCII words.
 */
export function joinLines(raw: string): string {
  const pieces = raw.split(/\r\n|[\n\r\u2028\u2029\v\f]/);
  let out = '';
  for (const p of pieces) {
    const t = clean(p);
    if (!t) continue;
    if (out && ASCII_WORD.test(out[out.length - 1]) && ASCII_WORD.test(t[0])) out += ' ';
    out += t;
  }
  return out;
}

/** the lines of a prose paragraph (a soft break or <br> starts a new line), each cleaned */
export function paragraphLines(raw: string): string[] {
  return raw
    .split(/\r\n|[\n\r\u2028\u2029\v\f]/)
    .map(clean)
    .filter((l) => l.length > 0);
}

export function clean(s: string): string {
  let out = '';
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // zero-width characters and soft hyphens go; white space and control characters become one space
    if ((c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff || c === 0xad) continue;
    if (
      c <= 0x20 ||
      (c >= 0x7f && c <= 0xa0) ||
      c === 0x3000 ||
      c === 0x1680 ||
      (c >= 0x2000 && c <= 0x200a) ||
      c === 0x2028 ||
      c === 0x2029 ||
      c === 0x202f ||
      c === 0x205f
    ) {
      space = out.length > 0;
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += s[i];
  }
  return out;
}

/** a label for matching: no white space, ASCII brackets full-width */
export function norm(s: string): string {
  return s
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）');
}

// ---------------------------------------------------------------- values

const NUM_RE = /^[-+－＋]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?$/;
const PLACEHOLDER_RE = /^(?:[-－—–―‐−]+|[/／\\]|无|…+|\.\.\.|N\/A)$/i;
const LEADING_NUM_RE = /^[-+]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?/;
const SUBLABEL_RE = /^[0-9０-９]{1,2}\s*[.、．]\s*\D/;

/** a value as the core reads one: a number, a placeholder for zero, or a number with a short unit */
export function isValueText(t: string): boolean {
  if (!t) return false;
  if (NUM_RE.test(t) || PLACEHOLDER_RE.test(t)) return true;
  if (SUBLABEL_RE.test(t)) return false;
  const m = LEADING_NUM_RE.exec(t);
  return !!m && t.length - m[0].length <= 24;
}
