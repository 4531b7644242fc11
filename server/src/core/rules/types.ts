// What a rule is: a stable code, a default severity, a description, tags, and where it runs.
// A per-report rule checks one analysed report and reports its findings through an acceptor;
// analyze() stamps each finding with the rule's code and its configured severity, so a rule never
// repeats its own name. A batch rule compares reports with each other (a carry-over between two
// years, a report given twice): it is run by a batch step over many analyses (the CLI's files, the
// editor's workspace), never by analyze(), and is listed here so that its code, severity and
// documentation come from the same list as every other rule's.
import type { Config } from '../config';
import type { Finding, Report, Severity } from '../model';
import type { Arithmetic } from '../relations';
import type { Template } from '../templates/index';

export interface RuleContext {
  report: Report;
  template: Template;
  arithmetic: Arithmetic;
  config: Config;
  /** the document's line break, for fixes that insert a line */
  eol: string;
}

/** What a rule reports: a finding without its code and severity (analyze adds both). */
export type FindingInput = Omit<Finding, 'code' | 'severity'>;
/** The acceptor a rule reports through. */
export type ReportFinding = (finding: FindingInput) => void;

/**
 * Groups of rules, so that tests, fixes and docs derive their code lists from the rules:
 * - `arithmetic`: a relation between figures (a total, the balance) or the cells it rests on
 * - `fix-all`: Recalculate Totals (fix-all) clears it: its fix rewrites a derived cell
 * - `structure`: the shape of the report or of a table (sections, rows, cells per row)
 * - `cell`: the content of one value cell
 * - `text`: the text as a whole (how it was written, copied or converted)
 * - `cross-report`: compares a report with other reports (batch rules)
 * - `prose`: compares the prose with the tables
 */
export type RuleTag = 'arithmetic' | 'fix-all' | 'structure' | 'cell' | 'text' | 'cross-report' | 'prose';

export interface RuleInfo {
  /** the finding code: stable, other tools read it (docs/rules.md has one section per code) */
  code: string;
  severity: Severity;
  description: { zh: string; en: string };
  tags: readonly RuleTag[];
  /** `report`: analyze() runs it on each report; `batch`: a batch step runs it over many reports */
  scope: 'report' | 'batch';
}

export interface ReportRule extends RuleInfo {
  scope: 'report';
  check(ctx: RuleContext, report: ReportFinding): void;
}

/** A rule that compares reports with each other; the batch step that runs it owns its check. */
export interface BatchRule extends RuleInfo {
  scope: 'batch';
}

export type Rule = ReportRule | BatchRule;
