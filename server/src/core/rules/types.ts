// What a rule is: a stable code, a default severity, a description, and a check over the
// analysed report that returns findings carrying everything their fix needs.
import type { Config } from '../config';
import type { Finding, Report, Severity } from '../model';
import type { TableMath } from '../relations';
import type { Template } from '../templates/index';
import type { RuleCode } from './codes';

export interface RuleContext {
  report: Report;
  template: Template;
  math: TableMath;
  config: Config;
  /** the document's line break, for fixes that insert a line */
  eol: string;
}

export interface Rule {
  code: RuleCode;
  severity: Severity;
  description: { zh: string; en: string };
  check(ctx: RuleContext): Omit<Finding, 'severity'>[];
}
