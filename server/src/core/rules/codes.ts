// Every finding code, stable: other tools read them (see docs/rules.md and checks.md).
export const RULE_CODES = [
  'row-total',
  'column-total',
  'balance',
  'missing-cell',
  'extra-cell',
  'empty-total',
  'invalid-number',
  'decimal-places',
  'unknown-row',
  'missing-row',
  'missing-section',
  'unreadable-table',
] as const;
export type RuleCode = (typeof RULE_CODES)[number];
