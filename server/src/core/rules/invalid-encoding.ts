// Bytes that are not valid text: the file was read as the editor reads it (each bad sequence as
// U+FFFD, the replacement character), and the report is checked; this says where the first one is,
// so that the reader knows a figure or a label may have lost a character. The CLI's --fix leaves
// such a file untouched (writing it back would make the loss permanent).
import type { Rule } from './types';

export const invalidEncoding: Rule = {
  code: 'invalid-encoding',
  severity: 'warning',
  description: {
    zh: '文件含有不是有效文本的字节（显示为 �），已按编辑器的方式读取并核对',
    en: 'The file has bytes that are not valid text (shown as �): it was read as the editor reads it, and checked',
  },
  tags: ['text'],
  scope: 'report',
  check(ctx, report) {
    const { text, lines } = ctx.report;
    const at = text.indexOf('\ufffd');
    if (at < 0) return;
    let count = 0;
    for (let i = at; i >= 0 && count < 1000; i = text.indexOf('\ufffd', i + 1)) count++;
    // the line holding offset `at` (lines are in offset order)
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].offset <= at) lo = mid;
      else hi = mid - 1;
    }
    const line = lines[lo];
    const character = at - line.offset;
    const more = count >= 1000 ? '1000+' : String(count);
    report({
      message: {
        zh: `文件含有不是有效 UTF-8 的字节（共 ${more} 处，显示为 �），此处为第一处：可能有数字或文字丢失`,
        en: `the file has bytes that are not valid UTF-8 (${more} in all, shown as �); this is the first: a figure or a label may have lost a character`,
      },
      range: { start: { line: line.line, character }, end: { line: line.line, character: character + 1 } },
    });
  },
};
