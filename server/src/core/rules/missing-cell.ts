// A row with fewer value cells than the template's columns. Where only the trailing derived cell
// (总计) can be missing, the fix inserts its computed value.
import { blockField, forEachRow, setCellEdit } from './finding';
import type { Rule } from './types';

export const missingCell: Rule = {
  code: 'missing-cell',
  severity: 'error',
  description: { zh: '本行数值单元格少于表格列数', en: 'A row has fewer value cells than the table has columns' },
  tags: ['arithmetic', 'fix-all', 'structure'],
  scope: 'report',
  check(ctx, report) {
    forEachRow(ctx.report, (table, block, row) => {
      const k = block.columns.length;
      // on a table whose columns cannot be told, how many cells a row has is itself unknown
      if (row.valueCount >= k || row.extra.length || table.unsure) return;
      const missing = row.cells.filter((c) => c.kind === 'missing');
      if (!missing.length) return;
      const lastCol = block.columns[k - 1];
      const onlyDerived = missing.length === 1 && row.cells[k - 1].kind === 'missing' && lastCol.derived && !row.uncertain;
      const value = onlyDerived ? ctx.arithmetic.computed.get(row.cells[k - 1]) : undefined;
      const label = row.spec.label;
      const missingCols = row.cells.map((c, i) => (c.kind === 'missing' ? block.columns[i].label : '')).filter(Boolean);
      const note =
        row.uncertain && row.note ? { zh: '（无法判断缺的是哪一格）', en: ' (which cell is missing cannot be told)' } : { zh: '', en: '' };
      report({
        message: {
          zh: `${label}：有 ${row.valueCount} 个数值，应为 ${k} 个${onlyDerived ? `，缺少${lastCol.label}` : ''}${note.zh}`,
          en: `${label}: ${row.valueCount} value cells where ${k} belong${onlyDerived ? `; the ${lastCol.label} cell is missing` : ''}${note.en}`,
        },
        range: row.lineRange,
        table: table.id,
        row: label,
        column: onlyDerived ? lastCol.label : missingCols[0],
        ...blockField(block),
        ...(value !== undefined ? { expected: value } : {}),
        ...(value !== undefined
          ? {
              fix: {
                title: { zh: `补上${lastCol.label} ${value}`, en: `Insert the ${lastCol.label} ${value}` },
                preferred: true,
                recalculates: true,
                edits: [setCellEdit(row.cells[k - 1], value)],
              },
            }
          : {}),
      });
    });
  },
};
