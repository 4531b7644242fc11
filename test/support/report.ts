// Builds consistent reports of either official format from a grid of numbers, for tests,
// property tests and benchmarks. Row and column order follow the template data, so the
// generator cannot drift from the formats it checks.
import { TEMPLATES } from '../../server/src/core/templates/index';

export type Grid = number[][];

export interface Table3 {
  format: '2021' | '2019';
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

function table3Template(format: '2021' | '2019') {
  const t = TEMPLATES.find((x) => x.id === format)!;
  return t.tables.find((x) => x.id === '三')!.blocks[0];
}

/** A consistent table 三: random details, every total computed, and the balance closing. */
export function consistentTable3(format: '2021' | '2019', random: () => number, max = 20): Table3 {
  const block = table3Template(format);
  const rowIds = block.rows.map((r) => r.id);
  const colRel = block.relations!.find((r) => r.code === 'column-total')!;
  const detail = colRel.kind === 'sum' ? colRel.parts : [];
  const grid: Grid = rowIds.map(() => new Array(7).fill(0));
  const idx = (id: string) => rowIds.indexOf(id);
  const int = () => (random() < 0.4 ? 0 : Math.floor(random() * max));
  for (const id of detail) for (let c = 0; c < 6; c++) grid[idx(id)][c] = int();
  for (let c = 0; c < 6; c++) {
    const seven = detail.reduce((s, id) => s + grid[idx(id)][c], 0);
    grid[idx('（七）')][c] = seven;
    const carried = Math.floor(random() * 3); // 四
    const total = seven + carried; // 一 + 二
    const prev = Math.min(total, Math.floor(random() * 3));
    grid[idx('二')][c] = prev;
    grid[idx('一')][c] = total - prev;
    grid[idx('四')][c] = carried;
  }
  for (const row of grid) row[6] = row.slice(0, 6).reduce((a, b) => a + b, 0);
  return { format, rowIds, rowLabels: block.rows.map((r) => r.label), detailRowIds: detail, grid };
}

export function consistentTable4(random: () => number): Table4 {
  const grid: Grid = [0, 1, 2].map(() => {
    const parts = [0, 1, 2, 3].map(() => (random() < 0.5 ? 0 : Math.floor(random() * 5)));
    return [...parts, parts.reduce((a, b) => a + b, 0)];
  });
  return { grid };
}

/** Renders a table 三 line by line, the way a well-formed HTML table copies: label cells, then 7 values. */
export function renderTable3(t: Table3): string[] {
  const block = table3Template(t.format);
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
  format?: '2021' | '2019';
  table3: Table3;
  table4: Table4;
  /** extra prose paragraphs in section 一 (to grow the report) */
  prose?: string[];
  eol?: string;
}

export function renderReport(p: ReportParts): string {
  const format = p.format ?? p.table3.format;
  const year = p.year ?? (format === '2021' ? 2023 : 2020);
  const t2 =
    format === '2021'
      ? [
          '第二十条第（一）项\t\t\t',
          '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
          '规章\t0\t0\t2',
          '行政规范性文件\t3\t1\t40',
          '第二十条第（五）项\t\t\t',
          '信息内容\t本年处理决定数量\t\t',
          '行政许可\t120\t\t',
          '第二十条第（六）项\t\t\t',
          '信息内容\t本年处理决定数量\t\t',
          '行政处罚\t31\t\t',
          '行政强制\t2\t\t',
          '第二十条第（八）项\t\t\t',
          '信息内容\t本年收费金额（单位：万元）\t\t',
          '行政事业性收费\t12.5\t\t',
        ]
      : [
          '第二十条第（一）项\t\t\t',
          '信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量',
          '规章\t1\t1\t20',
          '规范性文件\t5\t5\t60',
          '第二十条第（五）项\t\t\t',
          '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
          '行政许可\t10\t-1\t300',
          '其他对外管理服务事项\t3\t0\t12',
          '第二十条第（六）项\t\t\t',
          '信息内容\t上一年项目数量\t本年增/减\t处理决定数量',
          '行政处罚\t4\t0\t25',
          '行政强制\t1\t0\t3',
          '第二十条第（八）项\t\t\t',
          '信息内容\t上一年项目数量\t本年增/减\t',
          '行政事业性收费\t2\t0\t',
          '第二十条第（九）项\t\t\t',
          '信息内容\t采购项目数量\t采购总金额\t',
          '政府集中采购\t6\t251000\t',
        ];
  const lines = [
    `${p.agency ?? '某某区人民政府'}${year}年政府信息公开工作年度报告`,
    '',
    '一、总体情况',
    '',
    ...(p.prose ?? ['（一）主动公开。全年主动公开政府信息若干条。']),
    '',
    '二、主动公开政府信息情况',
    '',
    ...t2,
    '',
    '三、收到和处理政府信息公开申请情况',
    '',
    ...renderTable3(p.table3),
    '',
    '四、政府信息公开行政复议、行政诉讼情况',
    '',
    ...renderTable4(p.table4),
    '',
    '五、存在的主要问题及改进情况',
    '',
    '信息公开的及时性还需提高。',
    '',
    '六、其他需要报告的事项',
    '',
    '本年度未收取信息处理费。',
    '',
  ];
  return lines.join(p.eol ?? '\n');
}

/** A consistent report from a seed. */
export function generateReport(
  seed: number,
  format: '2021' | '2019' = '2021',
  eol = '\n',
): { text: string; table3: Table3; table4: Table4 } {
  const r = rng(seed);
  const table3 = consistentTable3(format, r);
  const table4 = consistentTable4(r);
  return { text: renderReport({ table3, table4, eol }), table3, table4 };
}
