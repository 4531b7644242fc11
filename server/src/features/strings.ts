// The server's own words (hover headings, command results) in both display languages.
// Finding messages come from the core (formatMessage) and are not repeated here.
import type { Lang } from '../core/index';

const STRINGS = {
  table: { zh: '表', en: 'Table' },
  row: { zh: '行', en: 'Row' },
  column: { zh: '列', en: 'Column' },
  block: { zh: '项目', en: 'Block' },
  value: { zh: '值', en: 'Value' },
  derivedCell: { zh: '合计单元格：由以下各项相加得出', en: 'Derived cell: the sum of its parts' },
  expected: { zh: '应为', en: 'expected' },
  blank: { zh: '（空白，按 0 计）', en: '(blank, counts as 0)' },
  placeholder: { zh: '（占位符，按 0 计）', en: '(placeholder, counts as 0)' },
  missing: { zh: '（缺少此单元格）', en: '(this cell is missing)' },
  text: { zh: '（不是数字）', en: '(not a number)' },
  recalculateLabel: { zh: '重新计算合计', en: 'Recalculate totals' },
  fixAllTitle: { zh: '重新计算本报告的全部合计', en: 'Recalculate all totals of this report' },
  nothingToRecalculate: { zh: '所有合计均已正确，无需修改。', en: 'All totals are already correct: nothing to change.' },
  notOpen: { zh: '该文档未打开。', en: 'The document is not open.' },
  changedCells: { zh: '已重新计算 {0} 个合计单元格。', en: 'Recalculated {0} total cell(s).' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang, ...args: (string | number)[]): string {
  return STRINGS[key][lang].replace(/\{(\d+)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}
