// What the published tables draw that the format templates (core/templates/*.json) do not hold:
// merged header cells over groups of columns, the corner cell, the group over table 三's result
// rows, table 二's label header. Everything else (columns, rows, their labels and order, table
// 三's row groups) comes from the template. Both official formats share this layout; references
// are by template id, and a reference the template lacks is ignored (a custom format then gets a
// plain header rather than a wrong one).
//
// Table 四's header needs no data here: its flat layout lays the template's rows side by side, and
// a row label's `·` separates its header levels (行政诉讼·未经复议直接起诉 → 行政诉讼 over 未经复议直接起诉).
import type { TableId } from '../core/index';

export interface SpanRef {
  label: string;
  /** first and last template id covered (columns for column groups, rows for row groups) */
  from: string;
  to: string;
}

export interface TableLayout {
  /** the cell over the row labels (table 三 prints the balance rule in it) */
  corner?: string;
  /** table 二: the header of the label column in each block's column row */
  labelHeader?: string;
  /** merged header cells over consecutive columns; nested by containment */
  columnGroups?: SpanRef[];
  /** merged label cells over consecutive rows, outside the template's own row groups */
  rowGroups?: SpanRef[];
}

/** separator of header levels in a flat table's row labels */
export const LEVEL_SEPARATOR = '·';

export const TABLE_LAYOUT: Partial<Record<TableId, TableLayout>> = {
  二: { labelHeader: '信息内容' },
  三: {
    corner: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
    columnGroups: [
      { label: '申请人情况', from: '自然人', to: '总计' },
      { label: '法人或其他组织', from: '商业企业', to: '其他' },
    ],
    rowGroups: [{ label: '三、本年度办理结果', from: '（一）', to: '（七）' }],
  },
};
