// A template row absent from the table. Where its label was found without values, say so; where
// it is absent altogether, offer (not prefer) inserting it with zeros after the row before it.
import type { Fix, TableRow } from '../model';
import { tableIsUncertain } from '../relations';
import type { Rule } from './types';

export const missingRow: Rule = {
  code: 'missing-row',
  severity: 'warning',
  description: { zh: '表格缺少模板中的某一行', en: 'A row of the template is absent from the table' },
  tags: ['structure'],
  scope: 'report',
  check(ctx, report) {
    for (const table of ctx.report.tables) {
      const tpl = ctx.template.tables.find((t) => t.id === table.id);
      for (const m of table.missingRows) {
        const where = m.labelSeenAt
          ? {
              zh: `（第 ${m.labelSeenAt.start.line + 1} 行有该行标签，但数值不在同一行，无法对应）`,
              en: ` (its label is on line ${m.labelSeenAt.start.line + 1}, but its values are not on that line and cannot be placed)`,
            }
          : { zh: '', en: '' };
        let fix: Fix | undefined;
        const blockTpl = tpl?.blocks.find((b) => b.id === m.block);
        const block = table.blocks.find((b) => b.id === m.block);
        if (!m.labelSeenAt && !tableIsUncertain(table) && tpl && tpl.layout !== 'flat' && blockTpl && block?.rows.length) {
          // insert after the nearest template row above that is present
          const order = blockTpl.rows.map((r) => r.id);
          const idx = order.indexOf(m.row.id);
          let before: TableRow | undefined;
          for (const r of block.rows) if (order.indexOf(r.spec.id) < idx) before = r;
          const at = before ? before.lineRange.end : block.rows[0].lineRange.start;
          const cells = [m.row.label, ...blockTpl.columns.map(() => '0')].join('\t');
          const newText = before ? `${ctx.eol}${cells}` : `${cells}${ctx.eol}`;
          fix = {
            title: { zh: `插入“${m.row.label}”行（全为 0）`, en: `Insert the row ${m.row.label} with zeros` },
            preferred: false,
            recalculates: false,
            edits: [{ range: { start: at, end: at }, newText }],
          };
        }
        const blockLabel = blockTpl?.label ? `${blockTpl.label} ` : '';
        report({
          message: {
            zh: `表${table.id}缺少${blockLabel}“${m.row.label}”行${where.zh}`,
            en: `table ${table.id} has no row ${blockLabel}${m.row.label}${where.en}`,
          },
          range: table.headingRange,
          table: table.id,
          row: m.row.label,
          ...(m.block ? { block: m.block } : {}),
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
