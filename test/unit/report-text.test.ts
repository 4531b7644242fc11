// Grid + prose → report text: hand-made grids (merged headers, rowspan group labels, blank cells,
// split tables, uneven colspans, PDF page breaks) and generated reports in the official merged
// layout, whose findings must equal those of the text they were laid out from.
// Why one file over 400 lines: every case builds grids with the same helpers and compares findings.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/index';
import type { DocBlock, DocTable, ReadDocument, SourceRef } from '../../server/src/readers/model';
import { headingSection, joinLines, pageAt, sourceAt, tableIdOf, toReportText } from '../../server/src/readers/report-text';
import { findingKeys } from '../support/documents/findings';
import { type LBlock, type LRow, reportLayout, toDocTable } from '../support/documents/layout';
import { type Plant, plantedReport } from '../support/documents/plant';
import { generateReport } from '../support/report';

const findings = findingKeys;

function docOf(blocks: LBlock[], source: ReadDocument['source'] = 'docx'): ReadDocument {
  let t = 0;
  return {
    source,
    warnings: [],
    blocks: blocks.map((b, i): DocBlock => {
      if (b.kind === 'p') return { kind: 'paragraph', text: b.text, source: { kind: 'paragraph', index: i } };
      const table = toDocTable(b.table);
      const ti = t++;
      table.cells = table.cells.map((c) => ({ ...c, source: { kind: 'html', table: ti, row: c.row, cell: c.col } }));
      return { kind: 'table', table };
    }),
  };
}

const grid = (rows: LRow[]): DocTable => toDocTable({ id: '三', rows });
const PLANTS: Plant[] = ['clean', 'wrong-total', 'blank-total', 'broken-balance', 'wrong-seven', 'full-width'];

test('generated reports in the official merged layout give the findings of their text (both formats, every planted error)', () => {
  let nonEmpty = 0;
  for (const format of ['2021', '2019'] as const)
    for (const plant of PLANTS)
      for (const split4 of [false, true]) {
        const text = plantedReport(5, format, plant);
        const rt = toReportText(docOf(reportLayout(text, { split4 })));
        const want = findings(text);
        if (want.length) nonEmpty++;
        assert.deepEqual(findings(rt.text), want, `${format} ${plant} split4=${split4}`);
        assert.deepEqual(rt.warnings, []);
      }
  assert.ok(nonEmpty >= 8, 'the planted errors give findings');
});

test('table 三 rows come out as label cells then seven values, exactly as the text they were laid out from', () => {
  const text = generateReport(9).text;
  const rt = toReportText(docOf(reportLayout(text)));
  const src = text.split('\n');
  const first = src.findIndex((l) => l.startsWith('一、本年新收'));
  const last = src.findIndex((l) => l.startsWith('四、结转下年度'));
  const out = rt.text.split('\n');
  const o = out.findIndex((l) => l.startsWith('一、本年新收'));
  assert.deepEqual(out.slice(o, o + last - first + 1), src.slice(first, last + 1));
  // the merged header: covered label slots are empty cells, 法人或其他组织 (colspan 5) one cell
  assert.ok(out.includes('\t\t\t自然人\t法人或其他组织\t总计'));
  // soft breaks inside header cells joined with no space
  assert.ok(out.includes('\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t'));
});

test('a blank 总计 stays an empty cell: empty-total, never missing-cell', () => {
  const text = plantedReport(4, '2021', 'blank-total');
  const rt = toReportText(docOf(reportLayout(text)));
  const codes = analyze(rt.text).findings.map((f) => f.code);
  assert.ok(codes.includes('empty-total'));
  assert.ok(!codes.includes('missing-cell'));
  const line = rt.text.split('\n').find((l) => l.includes('2.重复申请'))!;
  assert.equal(line.split('\t').length, 10);
  assert.equal(line.split('\t')[9], '');
  // the empty cell has a span of its own, start === end, pointing at its cell
  const li = rt.text.split('\n').indexOf(line);
  const spans = rt.spans.filter((s) => s.line === li);
  assert.equal(spans[spans.length - 1].start, spans[spans.length - 1].end);
  assert.equal(spans[spans.length - 1].start, line.length);
});

test('table 四 as three tables: three lines of five values, the same findings as one table', () => {
  let text = generateReport(12).text;
  const lines = text.split('\n');
  const i = lines.findIndex((l) => /^\d/.test(l) && l.split('\t').length === 15);
  const v = lines[i].split('\t');
  v[9] = String(Number(v[9]) + 1); // 未经复议直接起诉 总计 wrong
  lines[i] = v.join('\t');
  text = lines.join('\n');
  const rt = toReportText(docOf(reportLayout(text, { split4: true })));
  const out = rt.text.split('\n');
  const data = out.filter((l) => /^\d/.test(l));
  assert.deepEqual(
    data.map((l) => l.split('\t').length),
    [5, 5, 5],
  );
  assert.deepEqual(findings(rt.text), findings(text));
  assert.ok(findings(text).some((f) => f.startsWith('row-total|四|行政诉讼·未经复议直接起诉|总计')));
  // one section heading for the three
  assert.equal(out.filter((l) => l.startsWith('四、政府信息公开行政复议')).length, 1);
});

test('a first data column spanning two grid columns in some rows only (the shanghai table 二): one cell per value', () => {
  const t2 = grid([
    [{ text: '第二十条第（五）项', colspan: 5 }],
    [{ text: '信息内容' }, { text: '上一年项目数量' }, { text: '本年增/减', colspan: 2 }, { text: '处理决定数量' }],
    [{ text: '行政许可' }, { text: '7', colspan: 2 }, { text: '-1' }, { text: '300' }],
    [{ text: '其他对外管理服务事项' }, { text: '3' }, { text: '0', colspan: 2 }, { text: '12' }],
  ]);
  const doc: ReadDocument = {
    source: 'html',
    warnings: [],
    blocks: [
      { kind: 'paragraph', text: '二、主动公开政府信息情况' },
      { kind: 'table', table: t2 },
    ],
  };
  const lines = toReportText(doc).text.split('\n');
  assert.ok(lines.includes('信息内容\t上一年项目数量\t本年增/减\t处理决定数量'));
  assert.ok(lines.includes('行政许可\t7\t-1\t300'));
  assert.ok(lines.includes('其他对外管理服务事项\t3\t0\t12'));
});

test('a spacer column (a header over two grid columns, nothing under the second) is left out; a column of blanks under its own header stays', () => {
  const t = grid([
    [{ text: '信息内容' }, { text: '本年制发件数', colspan: 2 }, { text: '本年废止件数' }, { text: '现行有效件数' }],
    [{ text: '规章' }, { text: '1' }, { text: '' }, { text: '' }, { text: '5' }],
    [{ text: '行政规范性文件' }, { text: '2' }, { text: '' }, { text: '' }, { text: '9' }],
  ]);
  const lines = toReportText({
    source: 'html',
    warnings: [],
    blocks: [
      { kind: 'paragraph', text: '第二十条第（一）项' },
      {
        kind: 'table',
        table: {
          ...t,
          cells: [
            { row: 0, col: 0, rowspan: 1, colspan: 5, text: '第二十条第（一）项' },
            ...t.cells.map((c) => ({ ...c, row: c.row + 1 })),
          ],
          rows: 4,
        },
      },
    ],
  }).text.split('\n');
  assert.ok(lines.includes('规章\t1\t\t5'), lines.join('\n'));
  assert.ok(lines.includes('行政规范性文件\t2\t\t9'));
});

test('a value slot covered from above is an empty cell, so the values right of it keep their columns', () => {
  const t = grid([
    [{ text: '申请人情况', colspan: 8 }],
    [
      { text: '' },
      { text: '自然人' },
      { text: '商业企业' },
      { text: '科研机构' },
      { text: '社会公益组织' },
      { text: '法律服务机构' },
      { text: '其他' },
      { text: '总计' },
    ],
    [
      { text: '一、本年新收政府信息公开申请数量' },
      { text: '1' },
      { text: '', rowspan: 2 },
      { text: '0' },
      { text: '0' },
      { text: '0' },
      { text: '0' },
      { text: '1' },
    ],
    [
      { text: '二、上年结转政府信息公开申请数量' },
      { text: '2' },
      { text: '0' },
      { text: '0' },
      { text: '0' },
      { text: '0' },
      { text: '2' },
    ],
  ]);
  const lines = toReportText({ source: 'docx', warnings: [], blocks: [{ kind: 'table', table: t }] }).text.split('\n');
  assert.ok(lines.includes('二、上年结转政府信息公开申请数量\t2\t\t0\t0\t0\t0\t2'), lines.join('\n'));
});

test('a report table with no section heading before it gets the canonical heading, and a warning says so', () => {
  const blocks = reportLayout(generateReport(21).text).filter((b) => !(b.kind === 'p' && b.text.startsWith('三、收到和处理')));
  const rt = toReportText(docOf(blocks));
  assert.ok(rt.text.includes('\n三、收到和处理政府信息公开申请情况\n'));
  assert.equal(rt.warnings.length, 1);
  assert.match(rt.warnings[0], /table 三 .*三、收到和处理政府信息公开申请情况.*supplied/);
  const a = analyze(rt.text);
  assert.ok(a.report.sections.some((s) => s.index === 3));
  assert.deepEqual(a.findings, []);
  // the supplied line has no source; the page of a position there is the table's
  const li = rt.text.split('\n').indexOf('三、收到和处理政府信息公开申请情况');
  assert.equal(sourceAt(rt, { line: li, character: 0 }), undefined);
});

test('a caption row inside the table naming its section counts as its heading', () => {
  const t = grid([
    [{ text: '三、收到和处理政府信息公开申请情况', colspan: 8 }],
    [{ text: '' }, { text: '申请人情况', colspan: 7 }],
    [{ text: '一、本年新收政府信息公开申请数量' }, ...'1000001'.split('').map((text) => ({ text }))],
  ]);
  const rt = toReportText({ source: 'docx', warnings: [], blocks: [{ kind: 'table', table: t }] });
  assert.deepEqual(rt.warnings, []);
  assert.equal(rt.text.split('\n').filter((l) => l.includes('收到和处理')).length, 1);
});

test('navigation and layout tables are left out; an unrecognised table with numbers is reported', () => {
  const nav = grid([[{ text: '首页' }, { text: '政务公开' }, { text: '行政复议' }, { text: '联系我们' }]]);
  const stats = grid([
    [{ text: '月份' }, { text: '访问量' }],
    [{ text: '1月' }, { text: '123' }],
  ]);
  const rt = toReportText({
    source: 'html',
    warnings: [],
    blocks: [
      { kind: 'table', table: nav },
      { kind: 'paragraph', text: '某某报告' },
      { kind: 'table', table: stats },
    ],
  });
  assert.equal(rt.text, '某某报告\n');
  assert.equal(rt.warnings.length, 1);
  assert.match(rt.warnings[0], /1 table with numbers matched no report table/);
});

test('table 三 in two tables (the header, then the rows with no header words) is read as one', () => {
  const text = plantedReport(8, '2021', 'wrong-total');
  const blocks = reportLayout(text);
  const k = blocks.findIndex((b) => b.kind === 'table' && b.table.id === '三');
  const t3 = blocks[k] as Extract<LBlock, { kind: 'table' }>;
  const head = { id: '三' as const, rows: t3.table.rows.slice(0, 3) };
  const body = { id: '三' as const, rows: t3.table.rows.slice(3) };
  blocks.splice(k, 1, { kind: 'table', table: head }, { kind: 'p', text: ' ' }, { kind: 'table', table: body });
  const rt = toReportText(docOf(blocks));
  assert.deepEqual(findings(rt.text), findings(text));
  assert.ok(findings(text).length > 0);
});

test('a PDF grid stitched across pages: repeated header rows and page numbers are not rows, a row cut by the page break is one row', () => {
  const text = plantedReport(6, '2021', 'wrong-seven');
  const blocks = reportLayout(text);
  const k = blocks.findIndex((b) => b.kind === 'table' && b.table.id === '三');
  const rows = (blocks[k] as Extract<LBlock, { kind: 'table' }>).table.rows;
  // each LRow lists the cells that start in it; page 1 ends with the row of 2.没有现成信息…, cut
  // after 需要: rowspans crossing the break end at it, as a lattice sees them
  const cut = rows.findIndex((r) => r.some((c) => c.text === '2.没有现成信息需要另行制作'));
  const p1 = cut + 1;
  const page1: LRow[] = rows.slice(0, p1).map((row, i) =>
    row.map((c) => ({
      ...c,
      text: c.text === '2.没有现成信息需要另行制作' ? '2.没有现成信息需要' : c.text,
      rowspan: Math.min(c.rowspan ?? 1, p1 - i),
    })),
  );
  const pageNo: LRow = [{ text: '— 5 —', colspan: 10 }];
  const seven = rows.findIndex((r) => r.some((c) => c.text === '（七）总计'));
  // page 2: the header again, then the cut row's end (new empty cells under 三 and （四）), then the rest
  const cont: LRow = [
    { text: '', rowspan: seven - cut + 1 },
    { text: '', rowspan: 2 },
    { text: '另行制作' },
    ...Array.from({ length: 7 }, () => ({ text: '' })),
  ];
  const all: LRow[] = [...page1, pageNo, ...rows.slice(0, 3), cont, ...rows.slice(p1)];
  const table = toDocTable({ id: '三', rows: all });
  assert.equal(table.cols, 10);
  table.rowPages = all.map((_, i) => (i <= p1 ? 1 : 2));
  const doc = docOf(blocks, 'pdf');
  doc.blocks[k] = { kind: 'table', table };
  const rt = toReportText(doc);
  const out = rt.text.split('\n');
  assert.ok(
    out.some((l) => l.startsWith('\t\t2.没有现成信息需要另行制作\t')),
    rt.text,
  );
  assert.ok(!out.some((l) => l.includes('另行制作') && !l.includes('2.没有')));
  assert.ok(!out.some((l) => l.includes('— 5 —')));
  assert.equal(out.filter((l) => l.includes('申请人情况')).length, 1);
  assert.deepEqual(findings(rt.text), findings(text));
  assert.ok(findings(text).length > 0);
});

test('sourceAt and pageAt map a position of the report text back to the cell it came from', () => {
  const t = grid([
    [{ text: '申请人情况', colspan: 8 }],
    [{ text: '一、本年新收政府信息公开申请数量' }, ...'1000001'.split('').map((text) => ({ text }))],
  ]);
  t.cells = t.cells.map((c, i): typeof c => ({
    ...c,
    source: { kind: 'pdf', page: 3 + (c.row === 1 ? 1 : 0), box: { x0: i, y0: 0, x1: i + 1, y1: 1 } },
  }));
  t.rowPages = [3, 4];
  const rt = toReportText({
    source: 'pdf',
    warnings: [],
    pageCount: 4,
    blocks: [
      { kind: 'paragraph', text: '三、收到和处理政府信息公开申请情况', source: { kind: 'paragraph', index: 0, page: 2 } },
      { kind: 'table', table: t },
    ],
  });
  assert.equal(rt.pageCount, 4);
  const lines = rt.text.split('\n');
  const li = lines.findIndex((l) => l.startsWith('一、'));
  const total = lines[li].lastIndexOf('\t') + 1;
  const s = sourceAt(rt, { line: li, character: total }) as Extract<SourceRef, { kind: 'pdf' }>;
  assert.equal(s.kind, 'pdf');
  assert.equal(s.box.x0, t.cells.length - 1);
  assert.equal(pageAt(rt, { line: li, character: total }), 4);
  // past the end of the line: the last cell
  assert.equal((sourceAt(rt, { line: li, character: lines[li].length + 5 }) as { box: { x0: number } }).box.x0, t.cells.length - 1);
  assert.equal(pageAt(rt, { line: 0, character: 0 }), 2);
  assert.equal(sourceAt(rt, { line: 999, character: 0 }), undefined);
});

test('cell text: line breaks joined (no space between CJK), white space collapsed, tabs never leak into the text', () => {
  assert.equal(joinLines('商业\n企业'), '商业企业');
  assert.equal(joinLines(' 本年新 \r\n 制作数量 '), '本年新制作数量');
  assert.equal(joinLines('Total\nAmount'), 'Total Amount');
  assert.equal(joinLines('1\u00a0234\t5\u3000'), '1 234 5');
  assert.equal(joinLines('\u200b'), '');
  const rt = toReportText({
    source: 'docx',
    warnings: [],
    blocks: [{ kind: 'paragraph', text: '一\t二\n\n三', source: { kind: 'paragraph', index: 0 } }],
  });
  assert.equal(rt.text, '一 二\n三\n');
  assert.equal(rt.spans.length, 2);
});

test('the heading test agrees with the core on which lines are section headings', () => {
  const variants = [
    ['三、收到和处理政府信息公开申请情况', 3],
    ['四、收到和处理政府信息公开申请情况', 3],
    ['三．收到和处理政府信息公开申请情况', 3],
    ['四、政府信息公开行政法复议、行政诉讼情况', 4],
    ['二、主动公开政府信息', 2],
    ['（三）收到和处理政府信息公开申请情况', undefined],
    ['收到和处理政府信息公开申请情况', undefined],
    ['五、存在问题及改进情况', 5],
    ['四、结转下年度继续办理', undefined],
  ] as const;
  for (const [line, want] of variants) {
    assert.equal(headingSection(line), want, line);
    const a = analyze(`某某2023年政府信息公开工作年度报告\n一、总体情况\n${line}\n`);
    const found = a.report.sections.find((s) => s.headingRange.start.line === 2)?.index;
    assert.equal(found, want, `core on ${line}`);
  }
});

test('table 三 as two tables, one per page (not stitched), a page number between: the header is not repeated, the rows are one table', () => {
  const text = plantedReport(13, '2021', 'wrong-total');
  const blocks = reportLayout(text);
  const k = blocks.findIndex((b) => b.kind === 'table' && b.table.id === '三');
  const rows = (blocks[k] as Extract<LBlock, { kind: 'table' }>).table.rows;
  // cut before （四）无法提供: its rows are whole, the 三、本年度办理结果 label ends at the cut
  const cut = rows.findIndex((r) => r.some((c) => c.text === '（四）无法提供'));
  const first = rows.slice(0, cut).map((row, i) => row.map((c) => ({ ...c, rowspan: Math.min(c.rowspan ?? 1, cut - i) })));
  const rest = rows.slice(cut).map((r) => r.map((c) => ({ ...c })));
  const seven = rest.findIndex((r) => r.some((c) => c.text === '（七）总计'));
  rest[0] = [{ text: '', rowspan: seven + 1 }, ...rest[0]];
  const second = [...rows.slice(0, 3), ...rest];
  blocks.splice(
    k,
    1,
    { kind: 'table', table: { id: '三', rows: first } },
    { kind: 'p', text: '— 5 —' },
    { kind: 'table', table: { id: '三', rows: second } },
  );
  const rt = toReportText(docOf(blocks, 'pdf'));
  const out = rt.text.split('\n');
  assert.equal(out.filter((l) => l.includes('申请人情况')).length, 1, rt.text);
  assert.ok(!out.includes('— 5 —'));
  assert.deepEqual(findings(rt.text), findings(text));
  assert.ok(findings(text).length > 0);
});

test('a table of prose that mentions every report table is none of them: header words count only in header-sized cells', () => {
  const prose = `${'本机关'.repeat(10)}四、政府信息公开行政复议、行政诉讼情况；申请人情况；第二十条第（一）项；本年新收政府信息公开申请数量`;
  const layout = grid([[{ text: prose }, { text: '123' }]]);
  assert.equal(tableIdOf(layout), undefined);
  assert.equal(
    tableIdOf(
      grid([
        [
          { text: '行政复议', colspan: 5 },
          { text: '行政诉讼', colspan: 10 },
        ],
      ]),
    ),
    '四',
  );
  assert.equal(tableIdOf(grid([[{ text: '第二十条第（一）项', colspan: 4 }]])), '二');
  assert.equal(tableIdOf(grid([[{ text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）' }]])), '三');
});
