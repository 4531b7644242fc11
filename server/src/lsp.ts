// The core's results in LSP shapes, shared by the features: a finding as a Diagnostic, edits as a
// versioned WorkspaceEdit, findings counted for the status bar.
import {
  type Diagnostic,
  type DiagnosticRelatedInformation,
  DiagnosticSeverity,
  TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { type Finding, formatMessage, type Lang, ruleDocUrl, type Severity } from './core/index';
import { type DiagnosticData, type FindingCounts, SOURCE } from './protocol';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(finding: Finding, uri: string, version: number, lang: Lang): Diagnostic {
  const data: DiagnosticData = {
    version,
    fixable: !!finding.fix && finding.fix.edits.length > 0,
    preferred: !!finding.fix?.preferred,
    recalculates: !!finding.fix?.recalculates,
    table: finding.table,
    row: finding.row,
    column: finding.column,
    expected: finding.expected,
    actual: finding.actual,
  };
  const relatedInformation: DiagnosticRelatedInformation[] | undefined = finding.related?.map((cell) => ({
    // a cell of another report (carry-over: last year's) names that report's URI
    location: { uri: cell.file ?? uri, range: cell.range },
    message: cell.value === undefined ? cell.label : `${cell.label} = ${cell.value}`,
  }));
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: ruleDocUrl(finding.code) },
    source: SOURCE,
    message: formatMessage(finding, lang),
    data,
  };
  if (relatedInformation?.length) diagnostic.relatedInformation = relatedInformation;
  return diagnostic;
}

export function versionedEdit(uri: string, version: number, edits: TextEdit[]): WorkspaceEdit {
  return { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] };
}

export function countFindings(uri: string, version: number, format: string | null, findings: Finding[]): FindingCounts {
  const counts: FindingCounts = { uri, version, error: 0, warning: 0, info: 0, hint: 0, total: findings.length, format };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
