// The one report generator of the tests, the fuzz suite and the benchmarks: consistent reports of
// either official format, built from the template data (sections, table 二's blocks, rows and
// columns, table 三's rows and groups, table 四's groups), so it cannot drift from the formats it
// checks. Every table adds up (row totals, the （七） row, the balance): a generated report has no
// findings. `generateReport` makes a short one and returns its grids; `generateSizedReport` grows
// one with prose and an appendix of tables in section 六 (outside the checked tables), so the
// checker's cost per line can be measured from ~100 lines to hundreds of thousands.
import { TEMPLATES, type Template } from '../../server/src/core/index';

export type Grid = number[][];
export type OfficialFormat = '2021' | '2019';

export interface Table3 {
  format: OfficialFormat;
  rowIds: string[];
  rowLabels: string[];
  detailRowIds: string[];
  /** rows × 7 (the last column is 总计) */
  grid: Grid;
}

export interface Table4 {
  /** 3 groups × 5 (the last is 总计) */
  grid: Grid;
}

/** A small deterministic PRNG (mulberry32), so generated reports are repeatable. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function template(format: OfficialFormat): Template {
  return TEMPLATES.find((x) => x.id === format)!;
}

function tableTemplate(format: OfficialFormat, id: '二' | '三' | '四') {
  return template(format).tables.find((x) => x.id === id)!;
}

/** A consistent table 三: random details, every total computed, and the balance closing. */
export function consistentTable3(format: OfficialFormat, random: () => number, max = 20): Table3 {
  const block = tableTemplate(format, '三').blocks[0];
  const rowIds = block.rows.map((r) => r.id);
  const k = block.columns.length;
  const colRel = block.relations!.find((r) => r.code === 'column-total')!;
  const detail = colRel.kind === 'sum' ? colRel.parts : [];
  const grid: Grid = rowIds.map(() => new Array(k).fill(0));
  const idx = (id: string) => rowIds.indexOf(id);
  const int = () => (random() < 0.4 ? 0 : Math.floor(random() * max));
  for (const id of detail) for (let c = 0; c < k - 1; c++) grid[idx(id)][c] = int();
  for (let c = 0; c < k - 1; c++) {
    const seven = detail.reduce((s, id) => s + grid[idx(id)][c], 0);
    grid[idx('（七）')][c] = seven;
    const carried = Math.floor(random() * 3); // 四
    const total = seven + carried; // 一 + 二
    const prev = Math.min(total, Math.floor(random() * 3));
    grid[idx('二')][c] = prev;
    grid[idx('一')][c] = total - prev;
    grid[idx('四')][c] = carried;
  }
  for (const row of grid) row[k - 1] = row.slice(0, k - 1).reduce((a, b) => a + b, 0);
  return { format, rowIds, rowLabels: block.rows.map((r) => r.label), detailRowIds: detail, grid };
}

/** A consistent table 四: each group's 总计 the sum of its parts. */
export function consistentTable4(random: () => number, format: OfficialFormat = '2021'): Table4 {
  const block = tableTemplate(format, '四').blocks[0];
  const per = block.columns.length;
  const grid: Grid = block.rows.map(() => {
    const parts = new Array(per - 1).fill(0).map(() => (random() < 0.5 ? 0 : Math.floor(random() * 5)));
    return [...parts, parts.reduce((a, b) => a + b, 0)];
  });
  return { grid };
}

/**
 * Table 二 from the template's blocks: each block's heading line, its header line (信息内容 and the
 * column labels) and its rows, every line as wide as the widest block. Counts are random, signed
 * columns may be negative, money has one decimal (or `moneyPlaces`, which the header then states).
 */
export function renderTable2(format: OfficialFormat, random: () => number, moneyPlaces?: number): string[] {
  const table = tableTemplate(format, '二');
  const width = 1 + Math.max(...table.blocks.map((b) => b.columns.length));
  const line = (cells: string[]) => [...cells, ...new Array(width - cells.length).fill('')].join('\t');
  const int = (max: number) => Math.floor(random() * (max + 1));
  const out: string[] = [];
  for (const block of table.blocks) {
    out.push(line([block.label]));
    const labels = block.columns.map((c) =>
      c.kind === 'money' && moneyPlaces !== undefined ? c.label.replace(/）$/, `，保留${moneyPlaces}位小数）`) : c.label,
    );
    out.push(line(['信息内容', ...labels]));
    for (const row of block.rows) {
      const values = block.columns.map((c) => {
        if (c.kind === 'signed') return String(int(6) - 3);
        if (c.kind === 'money')
          return moneyPlaces !== undefined ? (int(9_999_999) / 10 ** moneyPlaces).toFixed(moneyPlaces) : `${int(300)}.${1 + int(8)}`;
        return String(int(400));
      });
      out.push(line([row.label, ...values]));
    }
  }
  return out;
}

/** Renders a table 三 line by line, the way a well-formed HTML table copies: 3 label cells, then 7 values. */
export function renderTable3(t: Table3): string[] {
  const block = tableTemplate(t.format, '三').blocks[0];
  const lines: string[] = [
    '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)\t\t\t申请人情况\t\t\t\t\t\t',
    '\t\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
  ];
  const groupLabel = new Map((block.groups ?? []).map((g) => [g.id, g.label]));
  const seenGroup = new Set<string>();
  block.rows.forEach((row, i) => {
    const values = t.grid[i].map(String);
    let label: string[];
    if (row.chapter) label = [row.label, '', ''];
    else if (row.group) {
      const first = !seenGroup.has(row.group);
      seenGroup.add(row.group);
      label = ['', first ? groupLabel.get(row.group)! : '', row.label];
    } else label = [i === 2 ? '三、本年度办理结果' : '', row.label, ''];
    lines.push([...label, ...values].join('\t'));
  });
  return lines;
}

/** Table 四 as printed: two header lines (行政复议 · 行政诉讼 未经复议 / 复议后), then all three groups on one line. */
export function renderTable4(t: Table4): string[] {
  return [
    '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    t.grid.flat().join('\t'),
  ];
}

export interface ReportParts {
  agency?: string;
  year?: number;
  format?: OfficialFormat;
  /** table 二's lines (renderTable2); a fixed draw of the format's blocks when absent */
  table2?: string[];
  table3: Table3;
  table4: Table4;
  /** prose paragraphs of section 一 (to grow the report) */
  prose?: string[];
  /** prose after section 五's and 六's first paragraph, and lines at the end of 六 (an appendix) */
  more?: { five?: string[]; six?: string[]; appendix?: string[] };
  eol?: string;
}

export function renderReport(p: ReportParts): string {
  const format = p.format ?? p.table3.format;
  const year = p.year ?? (format === '2021' ? 2023 : 2020);
  const [one, two, three, four, five, six] = template(format).sections.map((s) => s.title);
  const lines = [
    `${p.agency ?? '某某区人民政府'}${year}年政府信息公开工作年度报告`,
    '',
    one,
    '',
    ...(p.prose ?? ['（一）主动公开。全年主动公开政府信息若干条。']),
    '',
    two,
    '',
    ...(p.table2 ?? renderTable2(format, rng(2))),
    '',
    three,
    '',
    ...renderTable3(p.table3),
    '',
    four,
    '',
    ...renderTable4(p.table4),
    '',
    five,
    '',
    '信息公开的及时性还需提高。',
    ...(p.more?.five ?? []),
    '',
    six,
    '',
    '本年度未收取信息处理费。',
    ...(p.more?.six ?? []),
    ...(p.more?.appendix ?? []),
    '',
  ];
  return lines.join(p.eol ?? '\n');
}

/** A consistent report from a seed, with its tables' grids. */
export function generateReport(
  seed: number,
  format: OfficialFormat = '2021',
  eol = '\n',
): { text: string; table3: Table3; table4: Table4 } {
  const r = rng(seed);
  const table3 = consistentTable3(format, r);
  const table4 = consistentTable4(r, format);
  return { text: renderReport({ table3, table4, eol }), table3, table4 };
}

// ------------------------------------------------------------------ sized reports

export interface SizedOptions {
  /** approximate number of lines wanted (at least the ~80 lines of a bare report) */
  lines?: number;
  seed?: number;
  agency?: string;
  year?: number;
  format?: OfficialFormat;
  eol?: '\n' | '\r\n';
}

const AGENCIES = ['某市某区人民政府', '某县人民政府办公室', '某市生态环境局', '某省交通运输厅', '某市教育局', '某区市场监督管理局'];

const PROSE = [
  '严格落实政府信息公开条例，围绕中心工作，及时准确公开各类政府信息',
  '组织开展政务公开业务培训{n}场，参训人员{m}人次，工作人员业务能力进一步提升',
  '通过门户网站、政务新媒体等渠道发布各类信息{n}条，其中政策解读{m}篇',
  '进一步规范依申请公开办理流程，做到依法答复、按时答复',
  '加强政府网站信息内容保障，全年开展网站自查{n}次，整改问题{m}个',
  '完善政府信息公开保密审查机制，坚持先审查后公开、一事一审',
  '积极回应社会关切，召开新闻发布会{n}场，回应热点问题{m}个',
  '加强政府信息管理，对现行有效文件进行清理，动态更新政策文件库',
];

const SUBPARTS = ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障'];

function paragraph(r: () => number): string {
  const n = 2 + Math.floor(r() * 3);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = PROSE[Math.floor(r() * PROSE.length)];
    parts.push(s.replace('{n}', String(1 + Math.floor(r() * 20))).replace('{m}', String(1 + Math.floor(r() * 300))));
  }
  return `${parts.join('；')}。`;
}

/** A consistent report of about `lines` lines (prose in sections 一, 五, 六; an appendix of tables in 六). Same options, same text. */
export function generateSizedReport(opts: SizedOptions = {}): string {
  const r = rng(opts.seed ?? 1);
  const format = opts.format ?? '2021';
  const year = opts.year ?? 2022;
  const agency = opts.agency ?? AGENCIES[Math.floor(r() * AGENCIES.length)];
  const want = opts.lines ?? 100;
  const table3 = consistentTable3(format, r, 7);
  const table4 = consistentTable4(r, format);
  const table2 = renderTable2(format, r, r() < 0.3 ? 4 : undefined);
  const bare = renderReport({ table2, table3, table4 }).split('\n').length + 2 * SUBPARTS.length + 2;
  // what is left is shared by prose (sections 一, 五, 六) and an appendix of tables in 六
  let extra = Math.max(0, want - bare);
  const appendix: string[] = [];
  for (let i = 0; i < Math.floor(extra / 400); i++) {
    const rows = renderTable3(consistentTable3(format, r, 7)).slice(3);
    appendix.push('', `附表${i + 1}：下属单位政府信息公开申请情况（仅供参考）`, '', ...rows.map((l) => `附\t${l}`));
  }
  extra = Math.max(0, extra - appendix.length);
  const proseLines = Math.floor(extra / 2); // a paragraph and a blank line
  const share = [0.5, 0.2, 0.3].map((f) => Math.floor(proseLines * f));
  const prose = (count: number) => Array.from({ length: count }, () => ['', paragraph(r)]).flat();
  const one = [`${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`];
  SUBPARTS.forEach((s, i) => {
    one.push('', `${s}。${paragraph(r)}`, ...prose(Math.floor(share[0] / 5) + (i < share[0] % 5 ? 1 : 0)));
  });
  const text = renderReport({
    agency,
    year,
    format,
    table2,
    table3,
    table4,
    prose: one,
    more: { five: prose(share[1]), six: prose(share[2]), appendix },
    eol: opts.eol,
  });
  const have = text.split(opts.eol ?? '\n').length;
  return have < want ? text + (opts.eol ?? '\n').repeat(want - have) : text;
}

/** The report with （七）总计's first value one too many (its row total and the column total break). */
export function withWrongSevenTotal(text: string): string {
  return text.replace(/^(\t（七）总计\t\t)(\d+)/m, (_, head: string, n: string) => `${head}${Number(n) + 1}`);
}

/** The 0-based index of the first line one of whose tab cells is `label` (a table row's label). */
export function rowLine(lines: string[], label: string): number {
  return lines.findIndex((l) => l.split('\t').includes(label));
}
