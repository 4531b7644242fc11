// Two reports of the same body and year among the files checked (a draft and a final): both are
// told, and neither is compared across years (which one counts is not guessed).
import type { BatchRule } from './types';

export const duplicateReport: BatchRule = {
  code: 'duplicate-report',
  severity: 'info',
  description: {
    zh: '同一机关同一年度有多份报告，均不做跨年度比较',
    en: 'Another report of the same body and year is among the files: neither is compared across years',
  },
  tags: ['cross-report'],
  scope: 'batch',
};
