// The prose statements that restate one table figure (checks.md, `narrative-mismatch`): which
// phrases name which cell, and when a phrase is about the whole report's scope. A phrase counts
// only when the words between the start of its clause and the phrase are all scope words of this
// report (全年, 本机关, 我区, the body's own name, its year …): a department, a month, another year,
// 同比 / 较上年, a subset (其中, for the totals) or anything unknown makes it about something else,
// and it is not read. Missing a statement costs a check; a wrong reading would cost a false alarm.
import type { TableId } from '../model';

export interface CellRef {
  table: TableId;
  /** table 二's block id ('' for tables 三 and 四) */
  block: string;
  row: string;
  column: string;
}

export interface Quantity {
  id: string;
  /** what the prose says, for messages */
  name: { zh: string; en: string };
  /** the phrase before the number, as a regular expression source (no capture groups) */
  phrase: string;
  /** the units the number may carry */
  units: string;
  /** the cell(s) it restates; several are added up (提起行政诉讼: both 行政诉讼 groups) */
  cells: CellRef[];
  /** a 其中 before the phrase keeps the scope (an outcome of all applications), rather than a subset */
  subsetKeepsScope?: boolean;
}

const APPLICATION = '(?:的)?(?:政府信息公开|信息公开|依申请公开)?';
const T3 = (row: string): CellRef[] => [{ table: '三', block: '', row, column: '总计' }];

export const QUANTITIES: readonly Quantity[] = [
  {
    id: 'received',
    name: { zh: '收到申请', en: 'applications received' },
    phrase: `(?:收到|新收|受理)(?:各类)?${APPLICATION}申请`,
    units: '件',
    cells: T3('一'),
  },
  {
    id: 'carried-in',
    name: { zh: '上年结转', en: 'carried over from last year' },
    phrase: `上年度?结转${APPLICATION}(?:申请)?`,
    units: '件',
    cells: T3('二'),
    subsetKeepsScope: true,
  },
  {
    id: 'closed',
    name: { zh: '办结', en: 'closed' },
    phrase: `办结${APPLICATION}(?:申请)?`,
    units: '件',
    cells: T3('（七）'),
    subsetKeepsScope: true,
  },
  {
    id: 'disclosed',
    name: { zh: '予以公开', en: 'disclosed' },
    phrase: '予以公开(?:的)?(?:申请)?',
    units: '件',
    cells: T3('（一）'),
    subsetKeepsScope: true,
  },
  {
    id: 'carried-out',
    name: { zh: '结转下年度', en: 'carried over to next year' },
    phrase: `结转(?:至|到)?下一?年度?(?:继续办理|继续处理|办理)?${APPLICATION}(?:申请)?`,
    units: '件',
    cells: T3('四'),
    subsetKeepsScope: true,
  },
  {
    id: 'review',
    name: { zh: '被申请行政复议', en: 'administrative reviews' },
    phrase: '被申请(?:政府信息公开)?行政复议(?:案件)?',
    units: '件起',
    cells: [{ table: '四', block: '', row: '行政复议', column: '总计' }],
  },
  {
    id: 'litigation',
    name: { zh: '行政诉讼', en: 'administrative lawsuits' },
    phrase: '被?提起(?:政府信息公开)?行政诉讼(?:案件)?',
    units: '件起',
    cells: [
      { table: '四', block: '', row: '未经复议直接起诉', column: '总计' },
      { table: '四', block: '', row: '复议后起诉', column: '总计' },
    ],
  },
  {
    id: 'normative-documents',
    name: { zh: '现行有效行政规范性文件', en: 'normative documents in force' },
    phrase: '现行有效(?:的)?(?:行政)?规范性文件',
    units: '件',
    cells: [{ table: '二', block: '（一）', row: '行政规范性文件', column: '现行有效件数' }],
  },
];

/** Words that keep a phrase about the report's own body and year. */
const SCOPE_WORDS = [
  '全年度',
  '全年',
  '本年度',
  '本年',
  '年内',
  '年度内',
  '今年',
  '当年',
  '报告期内',
  '以来',
  '共计',
  '总计',
  '合计',
  '累计',
  '总共',
  '一共',
  '共',
  '已',
  '依法',
  '均',
  '在',
  '并',
  '另',
  '此外',
  '同时',
  '我们',
  '本级',
  ...['区', '市', '县', '州', '省', '镇', '乡', '旗', '盟'].flatMap((p) => [`我${p}`, `${p}政府`, `${p}人民政府`]),
  ...['局', '委', '办', '厅', '院', '中心', '单位', '部门', '机关', '街道', '委员会'].flatMap((s) => [`我${s}`, `本${s}`]),
];

const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** the scope words as alternatives, longest first (built once: the body's own names and year are added per report) */
const scopeSource = (subset: boolean) =>
  [...new Set([...SCOPE_WORDS, ...(subset ? ['其中'] : [])])]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');
const STATIC_SCOPE = [scopeSource(false), scopeSource(true)];

/** What stands between the clause start and the phrase in each statement: the body's own names, its year. */
export function scopePattern(agency: string | undefined, year: number | undefined, subset: boolean): RegExp {
  const own = agency ? [agency, agency.replace(/人民政府/, '政府'), agency.replace(/人民政府$/, '')].filter((s) => s.length >= 2) : [];
  const words = [...new Set(own)].sort((a, b) => b.length - a.length).map(escapeRe);
  // the year as PDF text spaces it too (2024 年)
  if (year) words.push(`${year}\\s*年度?`);
  return new RegExp(`^(?:${[...words, STATIC_SCOPE[subset ? 1 : 0]].join('|')}|[\\s，,])*$`);
}
