// A row whose values ran together as one string of digits (crawled page text) and were read by
// the only split of that string into the row's columns that the template allows (align/glued.ts).
// Said on the row, with what the reading rested on: a relation used to choose the split holds by
// construction and was not checked; no fix ever rewrites a cell read this way.
import { forEachRow } from './finding';
import type { Rule } from './types';

export const gluedDigits: Rule = {
  code: 'glued-digits',
  severity: 'info',
  description: {
    zh: '一行的数字连在一起，按唯一可能的拆分读取',
    en: "A row's figures ran together and were read by the only split that fits",
  },
  tags: ['text', 'structure'],
  scope: 'report',
  check(ctx, report) {
    forEachRow(ctx.report, (table, block, row) => {
      const g = row.glued;
      if (!g) return;
      const cells = row.cells.map((c) => c.raw).join(' ');
      const used = g.used.join(', ') || '-';
      report({
        message: {
          zh: `${row.spec.label}的数字连在一起（${g.digits}），读作 ${cells}（used: ${used}）`,
          en: `${row.spec.label}: its figures ran together (${g.digits}) and were read as ${cells} (used: ${used})`,
        },
        range: g.range,
        table: table.id,
        row: row.spec.label,
        ...(block.id ? { block: block.id } : {}),
      });
    });
  },
};
