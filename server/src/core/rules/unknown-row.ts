// A table line with values that matches no row of the template, or repeats one: its values are
// not used, and the rules say so instead of guessing where they belong.
import type { Rule } from './types';

const REASON = {
  'no-label': {
    zh: '这一行数值没有行标签，无法判断属于哪一行，未参与计算',
    en: 'values without a row label: which row they belong to cannot be told; they were not used',
  },
  unmatched: { zh: '行标签与模板的任何一行都不匹配，未参与计算', en: 'the label matches no row of the template; the values were not used' },
  duplicate: { zh: '该行重复出现，只采用第一次出现的数值', en: 'this row appears twice; only the first one is used' },
};

export const unknownRow: Rule = {
  code: 'unknown-row',
  severity: 'warning',
  description: { zh: '表格中的行与模板的任何一行都不匹配', en: 'A table row that matches no row of the template' },
  tags: ['structure'],
  scope: 'report',
  check(ctx, report) {
    for (const table of ctx.report.tables) {
      for (const u of table.unknown) {
        const r = REASON[u.reason];
        const label = u.label ? `“${u.label.slice(0, 30)}”：` : '';
        const labelEn = u.label ? `"${u.label.slice(0, 30)}": ` : '';
        report({
          message: { zh: `表${table.id}：${label}${r.zh}`, en: `table ${table.id}: ${labelEn}${r.en}` },
          range: u.labelRange,
          table: table.id,
        });
      }
    }
  },
};
