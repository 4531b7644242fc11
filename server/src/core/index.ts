// The core's public surface. The language server, the CLI, the benchmarks and the tests import
// from here and nowhere deeper, so the editor and the CLI run exactly the same checks.
// Nothing under core/ may import vscode, vscode-languageserver or Node-only modules (fs, path):
// the same core runs in a web worker.

export { type Analysis, type AnalyzeOptions, analyze } from './analyze';
export { derivedCells } from './cellValues';
export {
  CONFIG_FILE_NAME,
  type Config,
  type ConfigHost,
  type ConfigResult,
  defaultConfig,
  findConfigFile,
  loadConfigFor,
  mergeConfig,
  parseConfig,
  type RuleSetting,
} from './config';
export { type CellDescription, describeCell } from './describe';
export { templateReport } from './example';
export { applyEdits, fixAllEdits } from './fixes';
export { fixTitle, formatMessage, langOf } from './messages';
export type * from './model';
/** the rule objects themselves: for fault-injection tests only (a rule that throws) */
export { RULE_LIST, RULES, type RuleInfo, ruleDocUrl } from './rules/index';
/** the official formats as data (the table view draws their headers and rows) */
export { type BlockTemplate, type TableTemplate, type Template, templateById } from './templates/index';
export { lineStarts, offsetAt, positionAt } from './text';
