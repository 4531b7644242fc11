// Which report table a grid is (二, 三, 四), found by its header words, never by its position; and
// which section a heading line opens. The core's phrases are mirrored here (the readers do not import it).
import { norm } from './cell-text';

export type ReportTableId = '二' | '三' | '四';

interface Trigger {
  id: ReportTableId;
  /** the row (its cells' normalised texts) starts this table's header */
  test: (cells: string[]) => boolean;
}

/** a cell of at most `max` characters holding `word`: a header cell, not prose that mentions it */
const has = (cells: string[], word: string, max: number) => cells.some((c) => c.length <= max && c.includes(word));

export const TRIGGERS: Trigger[] = [
  { id: '三', test: (c) => has(c, '申请人情况', 40) || has(c, '本列数据的勾稽关系', 80) },
  {
    id: '四',
    test: (c) => (has(c, '行政复议', 16) && has(c, '行政诉讼', 16)) || has(c, '未经复议直接起诉', 24) || has(c, '复议后起诉', 24),
  },
  { id: '二', test: (c) => c.some((x) => x.length <= 24 && x.startsWith('第二十条第')) },
];

/** when no header row names the table: its row labels and column words, all of one table */
export function byContent(text: string): ReportTableId | undefined {
  if (
    /本年新收政府信息公开申请|上年结转政府信息公开申请|结转下年度继续办理/.test(text) ||
    (text.includes('自然人') && text.includes('予以公开'))
  )
    return '三';
  if (/行政复议|行政诉讼|复议后起诉/.test(text) && /结果维持|结果纠正|尚未审结/.test(text)) return '四';
  if (
    text.includes('信息内容') &&
    /规章|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|本年制发件数|本年处理决定数量|本年收费金额|采购项目数量/.test(text)
  )
    return '二';
  return undefined;
}

export const TABLE_SECTION: Record<ReportTableId, number> = { 二: 2, 三: 3, 四: 4 };

/**
 * The six sections' phrases, as the official templates (core/templates/format-*.json) name them:
 * mirrored here because readers import only core/index.ts. A heading is a line that is one cell,
 * `<chinese numeral>、<phrase…>`, as the core's findSections reads it.
 */
export const SECTIONS: { index: number; title: string; match: string[] }[] = [
  { index: 1, title: '一、总体情况', match: ['总体情况'] },
  { index: 2, title: '二、主动公开政府信息情况', match: ['主动公开政府信息情况', '主动公开政府信息'] },
  { index: 3, title: '三、收到和处理政府信息公开申请情况', match: ['收到和处理政府信息公开申请', '收到和处理'] },
  {
    index: 4,
    title: '四、政府信息公开行政复议、行政诉讼情况',
    match: [
      '行政复议、行政诉讼',
      '行政法复议、行政诉讼',
      '行政复议和行政诉讼',
      '行政复议、提起行政诉讼',
      '行政复议及行政诉讼',
      '行政复议与行政诉讼',
    ],
  },
  { index: 5, title: '五、存在的主要问题及改进情况', match: ['存在的主要问题', '存在问题及改进', '主要问题及改进'] },
  { index: 6, title: '六、其他需要报告的事项', match: ['其他需要报告的事项', '其他需要报告'] },
];
const HEADING_RE = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.{2,48})$/;

/** the section a one-cell line is the heading of, as the core would read it */
export function headingSection(line: string): number | undefined {
  const t = line.trim();
  if (!t || t.length > 56) return undefined;
  const m = HEADING_RE.exec(t);
  if (!m) return undefined;
  const n = norm(m[2]).replace(/，/g, ',');
  let best: number | undefined;
  let bestLen = 0;
  for (const s of SECTIONS) for (const p of s.match) if (n.includes(p) && p.length > bestLen) [best, bestLen] = [s.index, p.length];
  return best;
}
