// --format sarif: SARIF 2.1.0 for code-scanning tools, with the rule table from the rule list and
// 1-based regions in UTF-16 code units. A finding in a document (PDF, DOCX, HTML) points at the
// original file with no text region (its lines are those of the report text, not of the file):
// `properties` carry its PDF page and its region in the report text that `convert` prints.
import * as path from 'node:path';
import { type Finding, formatMessage, RULE_INFO, ruleDocUrl } from '../../core/index';
import type { FileResult, OutputFormat } from './format';

const isDocument = (r: FileResult) => !!r.source && r.source !== 'text';
const region = (d: Finding) => ({
  startLine: d.range.start.line + 1,
  startColumn: d.range.start.character + 1,
  endLine: d.range.end.line + 1,
  endColumn: d.range.end.character + 1,
});
const level = (s: Finding['severity']) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');

export const sarifOutput: OutputFormat = {
  name: 'sarif',
  summary: 'SARIF 2.1.0',
  write(results, { lang, stdout }) {
    const run = {
      tool: {
        driver: {
          name: 'disclosure-report',
          informationUri: ruleDocUrl('').replace(/#$/, ''),
          rules: RULE_INFO.map((r) => ({
            id: r.code,
            shortDescription: { text: r.description[lang] },
            helpUri: ruleDocUrl(r.code),
            defaultConfiguration: { level: level(r.severity) },
          })),
        },
      },
      columnKind: 'utf16CodeUnits',
      results: results.flatMap((r) =>
        r.diagnostics.map((d) => ({
          ruleId: d.code,
          level: level(d.severity),
          message: { text: formatMessage(d, lang) },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: r.file.split(path.sep).join('/') },
                ...(isDocument(r) ? {} : { region: region(d) }),
              },
            },
          ],
          properties: Object.fromEntries(
            Object.entries({
              table: d.table,
              row: d.row,
              column: d.column,
              expected: d.expected,
              actual: d.actual,
              ...(isDocument(r) ? { source: r.source, page: r.page?.(d), reportTextRegion: region(d) } : {}),
            }).filter(([, v]) => v !== undefined),
          ),
        })),
      ),
      invocations: [
        {
          executionSuccessful: !results.some((r) => r.error),
          toolExecutionNotifications: results
            .filter((r) => r.error || r.skipped)
            .map((r) => ({ level: r.error ? 'error' : 'note', message: { text: `${r.file}: ${r.error ?? r.skipped}` } })),
        },
      ],
    };
    stdout(`${JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2)}\n`);
  },
};
