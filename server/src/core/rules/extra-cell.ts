// A row with more value cells than the template's columns: the surplus is pointed at.
import { blockField, forEachRow } from './finding';
import type { Rule } from './types';

export const extraCell: Rule = {
  code: 'extra-cell',
  severity: 'error',
  description: { zh: '本行数值单元格多于表格列数', en: 'A row has more value cells than the table has columns' },
  tags: ['structure'],
  scope: 'report',
  check(ctx, report) {
    forEachRow(ctx.report, (table, block, row) => {
      if (!row.extra.length || table.unsure) return;
      const k = block.columns.length;
      report({
        message: {
          zh: `${row.spec.label}：有 ${k + row.extra.length} 个数值，表格只有 ${k} 列，多出 ${row.extra.length} 个`,
          en: `${row.spec.label}: ${k + row.extra.length} value cells where ${k} belong (${row.extra.length} surplus)`,
        },
        range: { start: row.extra[0].range.start, end: row.extra[row.extra.length - 1].range.end },
        table: table.id,
        row: row.spec.label,
        ...blockField(block),
        actual: k + row.extra.length,
        expected: k,
      });
    });
  },
};
