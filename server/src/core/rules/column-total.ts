// （七）总计 = the sum of the detail rows, in every column of table 三.
import { checkSums } from './sums';
import type { Rule } from './types';

export const columnTotal: Rule = {
  code: 'column-total',
  severity: 'error',
  description: { zh: '（七）总计不等于各明细行之和', en: '（七）总计 differs from the sum of the detail rows in that column' },
  tags: ['arithmetic', 'fix-all', 'cell'],
  scope: 'report',
  check: (ctx, report) => checkSums(ctx, 'column-total', report),
};
