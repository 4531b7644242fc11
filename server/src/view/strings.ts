// The renderer's words, in both display languages. The renderer runs where VS Code's l10n does
// not (the webview, the CLI's HTML report), so it takes the model's language and looks up here.
import type { Lang, Severity } from '../core/index';

const EN = {
  tables: 'Tables',
  table: (id: string) => `Table ${id}`,
  format: 'Format',
  formatUnknown: 'not recognised as a report',
  formatFrom: { detected: 'detected', config: 'set in the settings', year: 'from the year', none: 'assumed' },
  version: (v: number) => `version ${v}`,
  notChecked: 'Checking is off for this report (disclosureReport.validate): no findings are shown.',
  notFound: 'This table was not found in the report.',
  unreadable: 'The cells of this table cannot be told apart (no separators between them): nothing in it could be checked.',
  unplaced: 'Not placed in the grid',
  unplacedReason: {
    'no-label': 'values without a row label',
    unmatched: 'a label that matches no row of the format',
    duplicate: 'a row written twice (the first one is used)',
    absent: 'not in the text',
    'label-only': 'its label is in the text, its values are not on that line',
  },
  line: (n: number) => `line ${n}`,
  findings: 'Findings',
  documentFindings: 'Findings outside the tables',
  derived: 'total (computed from other cells)',
  shouldBe: (v: number) => `should be ${v}`,
  missingCell: 'missing in the text',
  absentRow: 'this row is not in the text',
  uncertainRow: 'the reading of this row is uncertain: it is not checked',
  recalculate: 'Recalculate Totals',
  updating: 'updating…',
  ok: 'no findings',
  counts: (e: number, w: number) => `${e} error${e === 1 ? '' : 's'}, ${w} warning${w === 1 ? '' : 's'}`,
  others: (n: number) => `${n} other${n === 1 ? '' : 's'}`,
  severity: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' } as Record<Severity, string>,
  legend: { derived: 'total', error: 'error', warning: 'warning', missing: 'missing cell', absent: 'row not in the text' },
};

type Strings = typeof EN;

const ZH: Strings = {
  tables: '表格',
  table: (id) => `表${id}`,
  format: '格式',
  formatUnknown: '未识别为年度报告',
  formatFrom: { detected: '自动识别', config: '由设置指定', year: '按年份推断', none: '默认' },
  version: (v) => `版本 ${v}`,
  notChecked: '本报告的检查已关闭（disclosureReport.validate），不显示问题。',
  notFound: '报告中未找到此表。',
  unreadable: '此表的单元格之间没有分隔符，数值连在一起，无法核对。',
  unplaced: '未能对应到表格中的行',
  unplacedReason: {
    'no-label': '有数值但没有行标签',
    unmatched: '行标签与格式中的任何一行都不匹配',
    duplicate: '该行重复出现（采用第一次出现的数值）',
    absent: '文本中没有这一行',
    'label-only': '文本中有行标签，但数值不在同一行',
  },
  line: (n) => `第 ${n} 行`,
  findings: '问题',
  documentFindings: '表格以外的问题',
  derived: '合计（由其他单元格计算）',
  shouldBe: (v) => `应为 ${v}`,
  missingCell: '文本中缺少此单元格',
  absentRow: '文本中没有这一行',
  uncertainRow: '此行的读法不确定，未参与核对',
  recalculate: '重新计算合计',
  updating: '正在更新…',
  ok: '无问题',
  counts: (e, w) => `错误 ${e} 个，警告 ${w} 个`,
  others: (n) => `其他 ${n} 个`,
  severity: { error: '错误', warning: '警告', info: '信息', hint: '提示' },
  legend: { derived: '合计', error: '错误', warning: '警告', missing: '缺少的单元格', absent: '文本中没有的行' },
};

export function viewStrings(lang: Lang): Strings {
  return lang === 'zh' ? ZH : EN;
}
