// A blank report rendered from a template's data: every section heading and every table row, all
// zeros. The server analyses it at start-up so that the first real report is checked by warm
// (JIT-compiled) code; a test reads it back with no finding, so it also documents, in the data's
// own words, what a complete report holds.
import { type Template, templateById } from './templates/index';

export function renderBlankReport(formatId = '2021', year = 2023, extra: readonly Template[] = []): string {
  const t = templateById(formatId, extra);
  if (!t) throw new Error(`unknown format ${formatId}`);
  const out = [`某机关${year}年政府信息公开工作年度报告`, ''];
  for (const s of t.sections) {
    out.push(s.title, '');
    for (const table of t.tables.filter((x) => x.section === s.index)) {
      for (const block of table.blocks) {
        if (table.layout === 'blocks') {
          out.push(block.label, ['信息内容', ...block.columns.map((c) => c.label)].join('\t'));
          for (const r of block.rows) out.push([r.label, ...block.columns.map(() => '0')].join('\t'));
        } else if (table.layout === 'flat') {
          out.push(block.rows.flatMap(() => block.columns.map((c) => c.label)).join('\t'));
          out.push(block.rows.flatMap(() => block.columns.map(() => '0')).join('\t'));
        } else {
          out.push(['', ...block.columns.map((c) => c.label)].join('\t'));
          for (const r of block.rows) out.push([r.label, ...block.columns.map(() => '0')].join('\t'));
        }
      }
      out.push('');
    }
    if (!t.tables.some((x) => x.section === s.index)) out.push('无。', '');
  }
  return out.join('\n');
}
