// --format text (the default): one line per finding, `file:line:col: severity code message` with
// 1-based line and column, as compilers print (a PDF names the page instead: `report.pdf:p4: …`;
// DOCX and HTML lines and columns are those of the report text `convert` prints); what --fix
// changed; a reader's warnings and a summary on stderr.
import { type Finding, formatMessage } from '../../core/index';
import type { OutputFormat } from './format';

export const textOutput: OutputFormat = {
  name: 'text',
  summary: 'file:line:col: severity code message (default)',
  write(results, { lang, stdout, stderr }) {
    let errors = 0;
    let warnings = 0;
    for (const r of results) {
      if (r.error) stderr(`${r.file}: error: ${r.error}\n`);
      if (r.skipped) stderr(`${r.file}: skipped: ${r.skipped}\n`);
      for (const w of r.warnings ?? []) stderr(`${r.file}: warning: ${w}\n`);
      if (r.fixSkipped) stderr(`${r.file}: ${r.fixSkipped}\n`);
      const where = (range: { start: { line: number; character: number } }, d?: Finding) => {
        if (r.source !== 'pdf') return `${r.file}:${range.start.line + 1}:${range.start.character + 1}`;
        const page = d && r.page?.(d);
        return page === undefined ? r.file : `${r.file}:p${page}`;
      };
      for (const f of r.fixes ?? []) {
        stdout(`${where(f.range)}: fixed: ${f.old ? `${f.old} → ` : 'inserted '}${f.newText.replace(/\t/g, '')}\n`);
      }
      for (const d of r.diagnostics) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
        stdout(`${where(d.range, d)}: ${d.severity} ${d.code} ${formatMessage(d, lang)}\n`);
      }
    }
    const checked = results.filter((r) => !r.error && !r.skipped).length;
    const skippedCount = results.filter((r) => r.skipped).length;
    const unreadable = results.filter((r) => r.error).length;
    const accepted = results.reduce((n, r) => n + (r.accepted?.length ?? 0), 0);
    stderr(
      lang === 'zh'
        ? `检查了 ${checked} 个文件：${errors} 个错误，${warnings} 个警告${skippedCount ? `；跳过 ${skippedCount} 个非年报文件` : ''}${unreadable ? `；${unreadable} 个文件无法读取` : ''}${accepted ? `；${accepted} 个已接受的问题未列出` : ''}\n`
        : `${checked} file(s) checked: ${errors} error(s), ${warnings} warning(s)${skippedCount ? `; ${skippedCount} skipped (not reports)` : ''}${unreadable ? `; ${unreadable} unreadable` : ''}${accepted ? `; ${accepted} accepted (not listed)` : ''}\n`,
    );
  },
};
