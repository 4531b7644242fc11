// The core's public surface. The language server, the CLI, the readers and the benchmarks import
// from here and nowhere deeper, so the editor and the CLI run exactly the same checks (tests may
// import deeper, to test a part on its own). Nothing under core/ may import vscode,
// vscode-languageserver or Node's modules (fs, path): the same core runs in a web worker.

export { acceptedBy, applyAccept, globRegExp } from './accept';
export { type AddAcceptResult, acceptEntryFor, addAcceptEntry, canAccept, entryText } from './acceptEdit';
export {
  type BatchEntry,
  bodyAndYear,
  type CellFact,
  compareReports,
  type ReportFacts,
  reportFacts,
  type StockFact,
} from './across/index';
export { type Analysis, type AnalyzeOptions, analyze } from './analyze';
export { renderBlankReport } from './blankReport';
export { derivedCells } from './cellValues';
export {
  type AcceptEntry,
  CONFIG_FILE_NAME,
  type Config,
  type ConfigHost,
  type ConfigResult,
  configKey,
  configSchema,
  defaultConfig,
  findConfigFile,
  loadConfigFile,
  loadConfigFor,
  mergeConfig,
  parseConfig,
  RULE_SETTINGS,
  type RuleSetting,
  type TemplateReader,
} from './config';
export { type CellDescription, describeCell } from './describe';
export { applyEdits, fixAllEdits } from './fixes';
export { fixTitle, formatMessage, langOf } from './messages';
export type * from './model';
/** the prose statements that restate a table figure (narrative-mismatch reads them) */
export { readStatements, type Statement } from './narrative/index';
export {
  type BatchRule,
  codesTagged,
  REPOSITORY_URL,
  type ReportRule,
  RULE_CODES,
  RULE_INFO,
  /** the rule objects themselves: their metadata, and for fault-injection tests (a rule that throws) */
  RULES,
  type Rule,
  type RuleInfo,
  type RuleTag,
  ruleDocUrl,
} from './rules/index';
/** the formats as data (the table view draws their headers and rows) */
export { type BlockTemplate, type TableTemplate, TEMPLATES, type Template, templateById, templateSchema } from './templates/index';
export { contains, cover, lineRange, lineStarts, offsetAt, overlaps, pointRange, positionAt, sameRange, withinLines } from './text';
