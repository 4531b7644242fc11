// The report's tokens. Real report text is a sequence of lines of tab-separated cells (a table
// copied from HTML or converted from PDF) or of prose (a paragraph is one cell). Everything inside
// a cell is classified later (cells.ts), so the lexer never fails on any input: NUL bytes, lone
// surrogates and control characters are all Text.
import { createToken, Lexer } from 'chevrotain';

export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true });
export const Tab = createToken({ name: 'Tab', pattern: /\t/ });
// A custom matcher: a plain scan to the next tab or line break is several times faster than the
// complement-set regex (which Chevrotain cannot optimise by first character).
function matchText(text: string, offset: number): RegExpExecArray | null {
  let end = offset;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 9 || c === 10 || c === 13) break;
    end++;
  }
  if (end === offset) return null;
  const m = [text.slice(offset, end)] as unknown as RegExpExecArray;
  return m;
}
export const Text = createToken({ name: 'Text', pattern: { exec: matchText }, line_breaks: false });

export const allTokens = [Newline, Tab, Text];

/** Built once: Chevrotain lexers are expensive to construct and cheap to run. */
export const reportLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
});
