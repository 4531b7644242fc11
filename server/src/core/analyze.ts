// The pipeline: text → lines of cells (Chevrotain) → title, sections, format → tables aligned
// to the template → arithmetic → rules → findings, with the config's severities applied.
import { buildTables } from './align/index';
import { type Config, defaultConfig } from './config';
import type { Finding, Report, Severity } from './model';
import { chooseFormat, findSections, findTitle } from './outline';
import { parseLines } from './parser';
import { type Arithmetic, emptyArithmetic, solveRelations } from './relations';
import { reportRules } from './rules/index';
import type { FindingInput, RuleContext } from './rules/types';
import { TEMPLATES, type Template } from './templates/index';

export interface AnalyzeOptions {
  config?: Config;
}

export interface Analysis {
  report: Report;
  findings: Finding[];
  /** rules that threw: their findings are missing, the others are complete */
  ruleErrors: { code: string; error: string }[];
}

/** What fixes and hovers need beyond the report and its findings: the solved relations. */
interface Solved {
  arithmetic: Arithmetic;
  template?: Template;
}
const solved = new WeakMap<Analysis, Solved>();
const sectionKeys = new WeakMap<Template, string>();
/** a template's section phrases as one string, computed once per template */
function sectionsKey(t: Template): string {
  let k = sectionKeys.get(t);
  if (k === undefined) sectionKeys.set(t, (k = JSON.stringify(t.sections)));
  return k;
}
const SECTIONS_0 = sectionsKey(TEMPLATES[0]);
const REPORT_RULES = reportRules();

/** The arithmetic behind an analysis (for fixes and hovers; not part of the public result). */
export function arithmeticOf(a: Analysis): Solved {
  return solved.get(a) ?? { arithmetic: emptyArithmetic() };
}

export function analyze(input: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? defaultConfig();
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = parseLines(text);
  // sections are the same in both formats: find them first, then the title above them
  let sections = findSections(lines, TEMPLATES[0]);
  const title = findTitle(lines, sections.length ? sections[0].headingRange.start.line : -1);
  const { format, formatSource, template } = chooseFormat(text, sections, title, config);
  // the official formats share their section phrases: find them again only for a template whose differ
  if (template && template !== TEMPLATES[0] && sectionsKey(template) !== SECTIONS_0) sections = findSections(lines, template);
  const ruleErrors: Analysis['ruleErrors'] = [];
  let tables: Report['tables'] = [];
  let arithmetic = emptyArithmetic();
  try {
    tables = template ? buildTables(lines, sections, template) : [];
    arithmetic = template ? solveRelations(template, tables) : emptyArithmetic();
  } catch (e) {
    // a bug in alignment must not take the editor down: no table findings, and the error is said
    tables = [];
    arithmetic = emptyArithmetic();
    ruleErrors.push({ code: 'align', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
  const report: Report = { text, lineCount: lines.length, lines, format, formatSource, title, sections, tables };
  const findings: Finding[] = [];
  if (template) {
    const eol = /\r\n/.test(text) ? '\r\n' : /\r/.test(text) ? '\r' : '\n';
    const ctx: RuleContext = { report, template, arithmetic, config, eol };
    for (const rule of REPORT_RULES) {
      const setting = config.rules[rule.code];
      if (setting === 'off') continue;
      const code = rule.code;
      const severity: Severity = setting ?? rule.severity;
      const found: Finding[] = [];
      try {
        rule.check(ctx, (f: FindingInput) => void found.push({ code, ...f, severity }));
        findings.push(...found);
      } catch (e) {
        ruleErrors.push({ code: rule.code, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    }
  }
  findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code),
  );
  const analysis: Analysis = { report, findings, ruleErrors };
  solved.set(analysis, { arithmetic, template });
  return analysis;
}
