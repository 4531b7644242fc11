// 总计 = the sum of the row's parts (table 三, each row) or of the group's (table 四, each group).
import { checkSums } from './sums';
import type { Rule } from './types';

export const rowTotal: Rule = {
  code: 'row-total',
  severity: 'error',
  description: {
    zh: '总计不等于本行各项之和（表三每行、表四每组）',
    en: "A row's 总计 (table 三) or a group's 总计 (table 四) differs from the sum of its parts",
  },
  tags: ['arithmetic', 'fix-all', 'cell'],
  scope: 'report',
  check: (ctx, report) => checkSums(ctx, 'row-total', report),
};
