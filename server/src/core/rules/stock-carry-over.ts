// Table 二 (2021 format on both sides): 现行有效件数 against last year's 现行有效 + this year's 本年制发 −
// 本年废止, for 规章 and 行政规范性文件. A soft check (documents also lapse): its own code, to switch off alone.
import type { BatchRule } from './types';

export const stockCarryOver: BatchRule = {
  code: 'stock-carry-over',
  severity: 'warning',
  description: {
    zh: '现行有效件数与上一年度报告的现行有效件数加本年制发、减本年废止不一致',
    en: "Documents in force do not follow from last year's report (in force + issued − repealed)",
  },
  tags: ['cross-report', 'arithmetic'],
  scope: 'batch',
};
