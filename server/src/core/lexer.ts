// The report's tokens. Real report text is a sequence of lines of tab-separated cells (a table
// copied from HTML or converted from PDF) or of prose (a paragraph is one cell). Everything inside
// a cell is classified later (cells.ts), so the lexer never fails on any input: NUL bytes, lone
// surrogates and control characters are all Text.
import { createToken, Lexer } from 'chevrotain';

export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true });
// a one-character string pattern: Chevrotain matches it by comparing the char code, no RegExp
export const Tab = createToken({ name: 'Tab', pattern: '\t' });

/**
 * Text is a run of anything but tabs and line breaks. Chevrotain cannot work out which characters
 * a complement set starts with, so they are given as start_chars_hint: its first-character
 * optimisation then stays on, and each token tries only the one pattern that can start with its
 * first character. Above 255 Chevrotain buckets char codes by 255: one code per bucket suffices.
 */
function textStartChars(): number[] {
  const codes: number[] = [];
  for (let c = 0; c < 256; c++) if (c !== 9 && c !== 10 && c !== 13) codes.push(c);
  for (let c = 256; c < 0x10000; c++) if (c === 256 || Math.floor(c / 255) !== Math.floor((c - 1) / 255)) codes.push(c);
  return codes;
}

export const Text = createToken({ name: 'Text', pattern: /[^\t\n\r]+/, line_breaks: false, start_chars_hint: textStartChars() });

export const allTokens = [Newline, Tab, Text];

/** Built once: Chevrotain lexers are expensive to construct and cheap to run. */
export const reportLexer = new Lexer(allTokens, {
  positionTracking: 'onlyOffset',
  ensureOptimizations: true,
});
