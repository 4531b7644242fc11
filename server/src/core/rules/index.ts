// The one list of rules. Adding a rule: a file in this folder named by its code, and a line here
// (then its section in docs/rules.md, a test, and `npm run generate` for the manifest and schemas).
// Codes, the manifest's rule settings, the config schema and the SARIF rule table all derive from
// this list; test/unit/generated.test.ts fails when one of them disagrees with it.
import { balance } from './balance';
import { carryOver } from './carry-over';
import { columnTotal } from './column-total';
import { decimalPlaces } from './decimal-places';
import { duplicateReport } from './duplicate-report';
import { emptyTotal } from './empty-total';
import { extraCell } from './extra-cell';
import { gluedDigits } from './glued-digits';
import { invalidEncoding } from './invalid-encoding';
import { invalidNumber } from './invalid-number';
import { missingCell } from './missing-cell';
import { missingRow } from './missing-row';
import { missingSection } from './missing-section';
import { narrativeMismatch } from './narrative-mismatch';
import { rowTotal } from './row-total';
import { stockCarryOver } from './stock-carry-over';
import type { ReportRule, Rule, RuleInfo, RuleTag } from './types';
import { unknownRow } from './unknown-row';
import { unreadableTable } from './unreadable-table';

/** Every rule, in the order docs/rules.md and the manifest list them. */
export const RULES: readonly Rule[] = [
  rowTotal,
  columnTotal,
  balance,
  missingCell,
  extraCell,
  emptyTotal,
  invalidNumber,
  decimalPlaces,
  unknownRow,
  missingRow,
  missingSection,
  unreadableTable,
  gluedDigits,
  narrativeMismatch,
  carryOver,
  stockCarryOver,
  duplicateReport,
  invalidEncoding,
];

/** The rules analyze() runs on each report (batch rules are run over many reports elsewhere). */
export function reportRules(rules: readonly Rule[] = RULES): ReportRule[] {
  return rules.filter((r): r is ReportRule => r.scope === 'report');
}

/** Every rule's metadata, without its check: for the CLI's SARIF rule table, the manifest, the docs. */
export const RULE_INFO: readonly RuleInfo[] = RULES.map(({ code, severity, description, tags, scope }) => ({
  code,
  severity,
  description,
  tags,
  scope,
}));

/** Every finding code, stable: other tools read them (see docs/rules.md and checks.md). */
export const RULE_CODES: readonly string[] = RULES.map((r) => r.code);

/** The codes of the rules carrying `tag`. */
export function codesTagged(tag: RuleTag): string[] {
  return RULES.filter((r) => r.tags.includes(tag)).map((r) => r.code);
}

/** where the project lives: rule docs and the published schemas are read from here */
export const REPOSITORY_URL = 'https://github.com/disclosure-report/disclosure-report';

/** Where a rule is documented (LSP codeDescription.href). */
export function ruleDocUrl(code: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules.md#${code}`;
}

export type { BatchRule, FindingInput, ReportFinding, ReportRule, Rule, RuleContext, RuleInfo, RuleTag } from './types';
