// 二、上年结转 of table 三 against 四、结转下年度继续办理 of the same body's report for the year before,
// column by column. A batch rule: server/src/core/across/ runs it over the reports of a batch.
import type { BatchRule } from './types';

export const carryOver: BatchRule = {
  code: 'carry-over',
  severity: 'warning',
  description: {
    zh: '上年结转与同一机关上一年度报告的结转下年度继续办理不一致',
    en: "Carried over from last year differs from the same body's previous report",
  },
  tags: ['cross-report', 'arithmetic'],
  scope: 'batch',
};
