// The core's public surface. The language server, the CLI, the benchmarks and the tests import
// from here and nowhere deeper, so the editor and the CLI run exactly the same checks.
// Nothing under core/ may import vscode, vscode-languageserver or Node-only modules (fs, path):
// the same core runs in a web worker.

export type * from './model';
export { analyze, type Analysis, type AnalyzeOptions } from './analyze';
export { fixAllEdits, applyEdits } from './fixes';
export { formatMessage, fixTitle, langOf } from './messages';
export { describeCell, type CellDescription } from './describe';
export { RULES, ruleDocUrl, type RuleInfo } from './rules/index';
/** the rule objects themselves: for fault-injection tests only (a rule that throws) */
export { RULE_LIST } from './rules/index';
export {
  parseConfig,
  mergeConfig,
  defaultConfig,
  CONFIG_FILE_NAME,
  type Config,
  type ConfigResult,
  type RuleSetting,
  findConfigFile,
  loadConfigFor,
  type ConfigHost,
} from './config';
export { lineStarts, offsetAt, positionAt } from './text';
export { templateReport } from './example';
