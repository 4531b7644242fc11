// A row with more value cells than the template's columns: the surplus is pointed at.
import type { Rule } from './types';

export const extraCell: Rule = {
  code: 'extra-cell',
  severity: 'error',
  description: { zh: '本行数值单元格多于表格列数', en: 'A row has more value cells than the table has columns' },
  check(ctx) {
    const out: ReturnType<Rule['check']> = [];
    for (const table of ctx.report.tables) {
      for (const block of table.blocks) {
        const k = block.columns.length;
        for (const row of block.rows) {
          if (!row.extra.length) continue;
          const first = row.extra[0].range.start;
          const last = row.extra[row.extra.length - 1].range.end;
          out.push({
            code: 'extra-cell',
            message: {
              zh: `${row.spec.label}：有 ${k + row.extra.length} 个数值，表格只有 ${k} 列，多出 ${row.extra.length} 个`,
              en: `${row.spec.label}: ${k + row.extra.length} value cells where ${k} belong (${row.extra.length} surplus)`,
            },
            range: { start: first, end: last },
            table: table.id,
            row: row.spec.label,
            ...(block.id ? { block: block.id } : {}),
            actual: k + row.extra.length,
            expected: k,
          });
        }
      }
    }
    return out;
  },
};
