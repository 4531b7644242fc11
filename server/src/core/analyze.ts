// The pipeline: text → lines of cells (Chevrotain) → title, sections, format → tables aligned
// to the template → arithmetic → rules → findings, with the config's severities applied.
import { buildTables } from './align';
import { type Config, defaultConfig } from './config';
import type { Finding, FormatId, Report, Severity } from './model';
import { parseLines } from './parser';
import { buildMath, type TableMath } from './relations';
import { RULE_LIST } from './rules/index';
import type { RuleContext } from './rules/types';
import { detectFormat, findSections, findTitle } from './structure';
import { TEMPLATES, type Template, templateById } from './templates/index';

export interface AnalyzeOptions {
  config?: Config;
}

export interface Analysis {
  report: Report;
  findings: Finding[];
  /** rules that threw: their findings are missing, the others are complete */
  ruleErrors: { code: string; error: string }[];
}

interface Internals {
  math: TableMath;
  template?: Template;
}
const internals = new WeakMap<Analysis, Internals>();
const SECTIONS_0 = JSON.stringify(TEMPLATES[0].sections);

/** @internal for fixes and hovers */
export function internalsOf(a: Analysis): Internals {
  return internals.get(a) ?? { math: emptyMath() };
}

function emptyMath(): TableMath {
  return { instances: [], computed: new Map(), derived: new Set(), definedBy: new Map() };
}

export function analyze(input: string, options: AnalyzeOptions = {}): Analysis {
  const config = options.config ?? defaultConfig();
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines = parseLines(text);
  // sections are the same in both formats: find them first, then the title above them
  let sections = findSections(lines, TEMPLATES[0]);
  const title = findTitle(lines, sections.length ? sections[0].headingRange.start.line : -1);
  let format: FormatId | null;
  let formatSource: Report['formatSource'];
  if (config.format !== 'auto') {
    format = config.format;
    formatSource = 'config';
  } else {
    const d = detectFormat(text, title?.year);
    // without a phrase only one format uses, the text must look like a report (several of the six
    // sections, or a 政府信息公开 title) before the year or the current format is assumed
    const reportLike = sections.length >= 2 || (!!title && /政府信息公开|政务公开/.test(title.text));
    if (d.source === 'detected') {
      format = d.format;
      formatSource = 'detected';
    } else if (reportLike) {
      format = d.format ?? (TEMPLATES[0].id as FormatId);
      formatSource = d.format ? d.source : 'none';
    } else {
      format = null;
      formatSource = 'none';
    }
  }
  const template = format ? templateById(format) : undefined;
  // the official formats share their section phrases: find them again only for a template whose differ
  if (template && template !== TEMPLATES[0] && JSON.stringify(template.sections) !== SECTIONS_0) sections = findSections(lines, template);
  const ruleErrors: Analysis['ruleErrors'] = [];
  let tables: Report['tables'] = [];
  let math = emptyMath();
  try {
    tables = template ? buildTables(lines, sections, template) : [];
    math = template ? buildMath(template, tables) : emptyMath();
  } catch (e) {
    // a bug in alignment must not take the editor down: no table findings, and the error is said
    tables = [];
    math = emptyMath();
    ruleErrors.push({ code: 'align', error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
  const report: Report = { text, lineCount: lines.length, lines, format, formatSource, title, sections, tables };
  const findings: Finding[] = [];
  if (template) {
    const eol = /\r\n/.test(text) ? '\r\n' : /\r/.test(text) ? '\r' : '\n';
    const ctx: RuleContext = { report, template, math, config, eol };
    for (const rule of RULE_LIST) {
      const setting = config.rules[rule.code];
      if (setting === 'off') continue;
      const severity: Severity = setting ?? rule.severity;
      try {
        for (const f of rule.check(ctx)) findings.push({ ...f, severity } as Finding);
      } catch (e) {
        ruleErrors.push({ code: rule.code, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
      }
    }
  }
  findings.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code),
  );
  const analysis: Analysis = { report, findings, ruleErrors };
  internals.set(analysis, { math, template });
  return analysis;
}
