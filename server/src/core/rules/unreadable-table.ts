// A table whose cells cannot be told apart (crawled page text: digits run together, no
// separators). Nothing in it is checked, and the reader is told why.
import type { Rule } from './types';

export const unreadableTable: Rule = {
  code: 'unreadable-table',
  severity: 'warning',
  description: {
    zh: '表格没有单元格分隔，数值连在一起，无法核对',
    en: 'A table has no cell separators: its figures run together and cannot be checked',
  },
  tags: ['text', 'structure'],
  scope: 'report',
  check(ctx, report) {
    for (const t of ctx.report.tables) {
      if (t.unsure && !t.unreadable) {
        report({
          message: {
            zh: `表${t.id}（${t.title}）的单元格无法确定各属哪一列，未核对`,
            en: `table ${t.id} (${t.title}): which cell is which column cannot be told (${t.unsure.reason}), so it was not checked`,
          },
          range: t.headingRange,
          table: t.id,
        });
        continue;
      }
      if (!t.unreadable) continue;
      report({
        message: {
          zh: `表${t.id}（${t.title}）没有单元格分隔符，数字连在一起，无法拆分核对`,
          en: `table ${t.id} (${t.title}) has no cell separators: its figures run together and cannot be told apart, so it was not checked`,
        },
        range: t.headingRange,
        table: t.id,
      });
    }
  },
};
