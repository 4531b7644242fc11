// --format json: the machine-readable contract of checks.md ("JSON"). Reviewers' tools read it:
// the keys and their order are fixed, and new ones are only ever added.
import { type Finding, formatMessage, type Lang } from '../../core/index';
import type { OutputFormat } from './format';

function diagnosticJson(f: Finding, lang: Lang, page: number | undefined): Record<string, unknown> {
  const o: Record<string, unknown> = { code: f.code, severity: f.severity, message: formatMessage(f, lang), range: f.range };
  if (f.table !== undefined) o.table = f.table;
  if (f.block !== undefined) o.block = f.block;
  if (f.row !== undefined) o.row = f.row;
  if (f.column !== undefined) o.column = f.column;
  if (f.expected !== undefined) o.expected = f.expected;
  if (f.actual !== undefined) o.actual = f.actual;
  if (page !== undefined) o.page = page;
  // a cell of another report (carry-over: last year's): its file, range and labels
  const across = f.related?.filter((r) => r.file !== undefined);
  if (across?.length)
    o.related = across.map((r) => ({ file: r.file, range: r.range, cell: r.label, ...(r.value !== undefined ? { value: r.value } : {}) }));
  return o;
}

export const jsonOutput: OutputFormat = {
  name: 'json',
  summary: 'one JSON document, the stable contract other tools read',
  write(results, { lang, stdout }) {
    const files = results.map((r) => {
      const o: Record<string, unknown> = {
        file: r.file,
        format: r.format,
        diagnostics: r.diagnostics.map((d) => diagnosticJson(d, lang, r.page?.(d))),
      };
      if (r.accepted?.length)
        o.accepted = r.accepted.map((a) => ({
          ...diagnosticJson(a.finding, lang, r.page?.(a.finding)),
          ...(a.reason ? { reason: a.reason } : {}),
        }));
      if (r.error) o.error = r.error;
      if (r.skipped) o.skipped = r.skipped;
      if (r.fixes) o.fixes = r.fixes;
      if (r.encoding && r.encoding !== 'utf-8') o.encoding = r.encoding;
      if (r.source) o.source = r.source;
      if (r.warnings?.length) o.warnings = r.warnings;
      if (r.fixSkipped) o.fixSkipped = r.fixSkipped;
      return o;
    });
    stdout(`${JSON.stringify({ version: 1, files }, null, 2)}\n`);
  },
};
