// A deterministic generator of consistent reports in the 2021 format, for the benchmarks and the
// fuzz tests. Every table adds up (row totals, the （七） row, the balance), so a generated report
// has no findings; its size grows with prose paragraphs and with an appendix of tab-separated
// tables in section 六 (outside the checked tables), so the checker's cost per line can be measured
// from ~100 lines to hundreds of thousands.

import { rng } from './report';

export { rng };

export interface GenerateOptions {
  /** approximate number of lines wanted (at least the ~75 lines of a bare report) */
  lines?: number;
  seed?: number;
  agency?: string;
  year?: number;
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

const T3_ROWS: { label: string[]; derived?: boolean }[] = [
  { label: ['一、本年新收政府信息公开申请数量', ''] },
  { label: ['二、上年结转政府信息公开申请数量', ''] },
  { label: ['三、本年度办理结果', '（一）予以公开'] },
  { label: ['', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'] },
  { label: ['（三）不予公开', '1.属于国家秘密'] },
  { label: ['', '2.其他法律行政法规禁止公开'] },
  { label: ['', '3.危及“三安全一稳定”'] },
  { label: ['', '4.保护第三方合法权益'] },
  { label: ['', '5.属于三类内部事务信息'] },
  { label: ['', '6.属于四类过程性信息'] },
  { label: ['', '7.属于行政执法案卷'] },
  { label: ['', '8.属于行政查询事项'] },
  { label: ['（四）无法提供', '1.本机关不掌握相关政府信息'] },
  { label: ['', '2.没有现成信息需要另行制作'] },
  { label: ['', '3.补正后申请内容仍不明确'] },
  { label: ['（五）不予处理', '1.信访举报投诉类申请'] },
  { label: ['', '2.重复申请'] },
  { label: ['', '3.要求提供公开出版物'] },
  { label: ['', '4.无正当理由大量反复申请'] },
  { label: ['', '5.要求行政机关确认或重新出具已获取信息'] },
  { label: ['（六）其他处理', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'] },
  { label: ['', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'] },
  { label: ['', '3.其他'] },
  { label: ['（七）总计', ''], derived: true },
  { label: ['四、结转下年度继续办理', ''] },
];

/** The three tables of a consistent 2021-format report, as lines. */
export function tableLines(r: () => number, money = false): { t2: string[]; t3: string[]; t4: string[] } {
  const int = (max: number) => Math.floor(r() * (max + 1));
  const t2 = [
    '第二十条第（一）项\t\t\t',
    '信息内容\t本年制发件数\t本年废止件数\t现行有效件数',
    `规章\t${int(3)}\t${int(2)}\t${int(20)}`,
    `行政规范性文件\t${int(30)}\t${int(10)}\t${int(400)}`,
    '第二十条第（五）项\t\t\t',
    '信息内容\t本年处理决定数量\t\t',
    `行政许可\t${int(30000)}\t\t`,
    '第二十条第（六）项\t\t\t',
    '信息内容\t本年处理决定数量\t\t',
    `行政处罚\t${int(500)}\t\t`,
    `行政强制\t${int(50)}\t\t`,
    '第二十条第（八）项\t\t\t',
    money ? '信息内容\t本年收费金额（单位：万元，保留4位小数）\t\t' : '信息内容\t本年收费金额（单位：万元）\t\t',
    `行政事业性收费\t${money ? (int(9999999) / 10000).toFixed(4) : int(900)}\t\t`,
  ];
  // table 三: detail rows random, totals derived, 一 chosen so that the balance closes
  const k = 6;
  const rows: number[][] = T3_ROWS.map(() => new Array(k).fill(0));
  const detail = T3_ROWS.map((_, i) => i).filter((i) => i >= 2 && i <= 22);
  for (const i of detail) for (let c = 0; c < k; c++) rows[i][c] = r() < 0.5 ? 0 : int(i === 2 ? 40 : 6);
  for (let c = 0; c < k; c++) {
    rows[23][c] = detail.reduce((s, i) => s + rows[i][c], 0);
    rows[24][c] = int(3);
    rows[1][c] = int(3);
    // 一 + 二 = （七） + 四, with 一 ≥ 0
    rows[0][c] = rows[23][c] + rows[24][c] - rows[1][c];
    if (rows[0][c] < 0) {
      rows[1][c] += rows[0][c];
      rows[0][c] = 0;
    }
  }
  const t3 = [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t申请人情况\t\t\t\t\t\t',
    '\t\t自然人\t法人或其他组织\t\t\t\t\t总计',
    '\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t',
    ...T3_ROWS.map((row, i) => [...row.label, ...rows[i], rows[i].reduce((a, b) => a + b, 0)].join('\t')),
  ];
  const groups = [0, 1, 2].map(() => {
    const g = [int(3), int(3), int(2), int(2)];
    return [...g, g.reduce((a, b) => a + b, 0)];
  });
  const t4 = [
    '行政复议\t\t\t\t\t行政诉讼\t\t\t\t\t\t\t\t\t',
    '结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\t\t\t\t',
    '\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计',
    groups.flat().join('\t'),
  ];
  return { t2, t3, t4 };
}

function paragraph(r: () => number): string {
  const n = 2 + Math.floor(r() * 3);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = PROSE[Math.floor(r() * PROSE.length)];
    parts.push(s.replace('{n}', String(1 + Math.floor(r() * 20))).replace('{m}', String(1 + Math.floor(r() * 300))));
  }
  return `${parts.join('；')}。`;
}

/** A consistent 2021-format report of about `lines` lines. Same options, same text. */
export function generateReport(opts: GenerateOptions = {}): string {
  const r = rng(opts.seed ?? 1);
  const year = opts.year ?? 2022;
  const agency = opts.agency ?? AGENCIES[Math.floor(r() * AGENCIES.length)];
  const want = opts.lines ?? 100;
  const { t2, t3, t4 } = tableLines(r, r() < 0.3);
  const fixed = 8 + 5 * 2 + 2 * 3 + t2.length + t3.length + t4.length + 8;
  // what is left is shared by prose (sections 一, 五, 六) and an appendix of tables in 六
  let extra = Math.max(0, want - fixed);
  const appendixTables = Math.floor(extra / 400);
  const appendix: string[] = [];
  for (let i = 0; i < appendixTables; i++) {
    const a = tableLines(r);
    appendix.push(`附表${i + 1}：下属单位政府信息公开申请情况（仅供参考）`, '', ...a.t3.slice(3).map((l) => `附\t${l}`), '');
  }
  extra = Math.max(0, extra - appendix.length);
  const proseLines = Math.floor(extra / 2); // a paragraph and a blank line
  const share = [0.5, 0.2, 0.3].map((f) => Math.floor(proseLines * f));
  const out: string[] = [];
  const prose = (count: number) => {
    for (let i = 0; i < count; i++) out.push(paragraph(r), '');
  };
  out.push(`${agency}${year}年政府信息公开工作年度报告`, '');
  out.push('一、总体情况', '');
  out.push(`${year}年，${agency}认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。`, '');
  SUBPARTS.forEach((s, i) => {
    out.push(`${s}。${paragraph(r)}`, '');
    prose(Math.floor(share[0] / 5) + (i < share[0] % 5 ? 1 : 0));
  });
  out.push('二、主动公开政府信息情况', '', ...t2, '');
  out.push('三、收到和处理政府信息公开申请情况', '', ...t3, '');
  out.push('四、政府信息公开行政复议、行政诉讼情况', '', ...t4, '');
  out.push('五、存在的主要问题及改进情况', '');
  out.push(paragraph(r), '');
  prose(share[1]);
  out.push('六、其他需要报告的事项', '');
  out.push(`本机关${year}年未收取信息处理费。`, '');
  prose(share[2]);
  out.push(...appendix);
  while (out.length < want) out.push('');
  return out.join(opts.eol ?? '\n') + (opts.eol ?? '\n');
}
