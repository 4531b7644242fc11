// --format csv: one row per finding, for Excel as it is: UTF-8 with a BOM (Excel otherwise reads
// the bytes as the system's code page), CRLF rows, fields quoted where they hold a comma, a quote
// or a line break, and text that Excel would run as a formula (= + - @, a tab or CR first) prefixed
// with ' (CSV injection). An unreadable file gets one row with its error, so that no file goes missing.
import { formatMessage } from '../../core/index';
import type { OutputFormat } from './format';

export const CSV_COLUMNS = [
  'file',
  'body',
  'year',
  'format',
  'code',
  'severity',
  'table',
  'row',
  'column',
  'expected',
  'actual',
  'line',
  'character',
  'message',
] as const;

/** One field: numbers as they are, text guarded against formulas and quoted when it must be. */
export function csvField(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return String(value);
  let s = value;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvOutput: OutputFormat = {
  name: 'csv',
  summary: 'one row per finding, UTF-8 with a BOM (opens in Excel as it is)',
  write(results, { lang, stdout }) {
    const rows: string[] = [CSV_COLUMNS.join(',')];
    for (const r of results) {
      const head = [r.file, r.body, r.year, r.format];
      if (r.error)
        rows.push([...head, '', 'error', '', '', '', undefined, undefined, undefined, undefined, r.error].map(csvField).join(','));
      for (const d of r.diagnostics) {
        rows.push(
          [
            ...head,
            d.code,
            d.severity,
            d.table,
            d.row,
            d.column,
            d.expected,
            d.actual,
            d.range.start.line + 1,
            d.range.start.character + 1,
            formatMessage(d, lang),
          ]
            .map(csvField)
            .join(','),
        );
      }
    }
    stdout(`\ufeff${rows.join('\r\n')}\r\n`);
  },
};
