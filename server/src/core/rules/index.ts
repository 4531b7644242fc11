// The one list of rules. Adding a rule = a file in this folder + a line here + its code in codes.ts.
import { balance } from './balance';
import { columnTotal } from './columnTotal';
import { decimalPlaces } from './decimalPlaces';
import { emptyTotal } from './emptyTotal';
import { extraCell } from './extraCell';
import { invalidNumber } from './invalidNumber';
import { missingCell } from './missingCell';
import { missingRow } from './missingRow';
import { missingSection } from './missingSection';
import { rowTotal } from './rowTotal';
import type { Rule } from './types';
import { unknownRow } from './unknownRow';
import { unreadableTable } from './unreadableTable';

export const RULE_LIST: readonly Rule[] = [
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
];

export interface RuleInfo {
  code: string;
  severity: Rule['severity'];
  description: { zh: string; en: string };
}

export const RULES: readonly RuleInfo[] = RULE_LIST.map(({ code, severity, description }) => ({ code, severity, description }));

export const REPOSITORY_URL = 'https://github.com/disclosure-report/disclosure-report';

/** Where a rule is documented (LSP codeDescription.href). */
export function ruleDocUrl(code: string): string {
  return `${REPOSITORY_URL}/blob/main/docs/rules.md#${code}`;
}

export type { Rule, RuleContext } from './types';
