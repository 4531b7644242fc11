import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/index';
import { generateSizedReport } from '../support/report';
import { base, editLine, lineOf, lines } from './helpers';

const table3 = (text: string) => analyze(text).report.tables.find((t) => t.id === '三')!;
const row = (text: string, id: string) => table3(text).blocks[0].rows.find((r) => r.spec.id === id);

test('a clean generated report aligns every row of table 三, 二 and 四 and has no finding', () => {
  const { text, table3: t3 } = base();
  const a = analyze(text);
  assert.deepEqual(a.findings, []);
  const t = a.report.tables.find((x) => x.id === '三')!;
  assert.equal(t.blocks[0].rows.length, 25);
  assert.deepEqual(
    t.blocks[0].rows[0].cells.map((c) => c.value),
    t3.grid[0],
  );
  assert.equal(a.report.tables.find((x) => x.id === '四')!.blocks[0].rows.length, 3);
  assert.equal(a.report.tables.find((x) => x.id === '二')!.blocks.length, 4);
  // the sized reports of the bench and the fuzz suite are consistent too, in both formats
  for (const format of ['2021', '2019'] as const) {
    for (const lines of [100, 1_000]) {
      const sized = generateSizedReport({ lines, seed: lines + 1, format });
      const s = analyze(sized);
      assert.equal(s.report.format, format);
      assert.deepEqual(s.findings, [], `${format}, ${lines} lines`);
      assert.ok(Math.abs(sized.split('\n').length - lines) <= lines * 0.1, `about ${lines} lines: ${sized.split('\n').length}`);
    }
  }
});

test('merged cells lost: leading empty cells and a shifted label still align', () => {
  const { text, table3: t3 } = base();
  // the row label moves one cell right, and the spacer cells disappear
  const t = editLine(text, '4.保护第三方合法权益', (l) => l.replace(/^\t\t/, ''));
  assert.deepEqual(
    row(t, '（三）4')!.cells.map((c) => c.value),
    t3.grid[t3.rowIds.indexOf('（三）4')],
  );
  assert.deepEqual(analyze(t).findings, []);
});

test("a group label with values but no sub-row label is read as the group's first sub-row", () => {
  const { text } = base();
  const t = editLine(text, '1.属于国家秘密', (l) => l.replace('（三）不予公开\t1.属于国家秘密', '(三) 不予'));
  const r = row(t, '（三）1')!;
  assert.ok(r, 'row （三）1 found');
  assert.match(r.note ?? '', /label lost/);
  assert.deepEqual(
    analyze(t).findings.map((f) => f.code),
    [],
  );
});

test('a label split over two lines (values on the second) is joined', () => {
  const { text } = base();
  const t = editLine(text, '（二）部分公开', (l) => {
    const cells = l.split('\t');
    return [`\t（二）部分公开（区分处理的，`, ['', '只计这一情形）', '', ...cells.slice(3)].join('\t')];
  });
  assert.ok(row(t, '（二）'), 'row （二） found');
  assert.deepEqual(analyze(t).findings, []);
});

test('rows out of order are matched by label', () => {
  const { text } = base();
  const ls = lines(text);
  const a = lineOf(ls, '2.重复申请');
  const b = lineOf(ls, '3.要求提供公开出版物');
  [ls[a], ls[b]] = [ls[b], ls[a]];
  assert.deepEqual(analyze(ls.join('\n')).findings, []);
});

test('a page footer inside a table is skipped', () => {
  const { text } = base();
  const t = editLine(text, '5.属于三类内部事务信息', (l) => ['— 5 —', l, '第 6 页']);
  assert.deepEqual(analyze(t).findings, []);
});

test('values without a label are not guessed: unknown-row, and no column-total is invented', () => {
  const { text } = base();
  const t = editLine(text, '6.属于四类过程性信息', (l) => l.replace(/^.*?信息\t/, '\t\t\t'));
  const f = analyze(t).findings;
  assert.ok(
    f.some((x) => x.code === 'unknown-row'),
    f.map((x) => x.code).join(),
  );
  assert.ok(f.some((x) => x.code === 'missing-row' && x.row === '6.属于四类过程性信息'));
  assert.ok(!f.some((x) => x.code === 'column-total'), 'no column-total on an uncertain table');
});

test('a label that matches no row with values is an unknown-row', () => {
  const { text } = base();
  const t = editLine(text, '7.属于行政执法案卷', (l) => [l, '\t\t9.属于其他情形\t1\t0\t0\t0\t0\t0\t1']);
  const f = analyze(t).findings;
  assert.deepEqual(
    f.map((x) => x.code),
    ['unknown-row'],
  );
  assert.equal(f[0].range.start.line, lineOf(t, '9.属于其他情形'));
});

test('a duplicated row is reported once as unknown-row and its second copy ignored', () => {
  const { text } = base();
  const t = editLine(text, '2.重复申请', (l) => [l, l]);
  assert.deepEqual(
    analyze(t).findings.map((x) => x.code),
    ['unknown-row'],
  );
});

test('a sparse grid (blank = 0, padded to the same width) reads blanks positionally', () => {
  const { text } = base();
  // 3 in 商业企业 only: 自然人 blank
  const t = editLine(text, '1.信访举报投诉类申请', (l) => {
    const c = l.split('\t');
    return [...c.slice(0, 3), '', '3', '', '', '', '', '3'].join('\t');
  });
  const r = row(t, '（五）1')!;
  assert.deepEqual(
    r.cells.map((c) => c.value ?? null),
    [0, 3, 0, 0, 0, 0, 3],
  );
});

test('space-separated PDF text ("行政许可 97") is split into a label and values', () => {
  const { text } = base();
  const t = editLine(text, '行政许可\t', () => '行政许可 97');
  const t2 = analyze(t).report.tables.find((x) => x.id === '二')!;
  const r = t2.blocks.find((b) => b.id === '（五）')!.rows[0];
  assert.equal(r.cells[0].value, 97);
});

test('table 四 split into three tables (a line of five values each) reads as one', () => {
  const { text, table4 } = base();
  const flat = table4.grid.flat().join('\t');
  const t = editLine(text, flat, () =>
    ['行政复议', ...table4.grid.map((g, i) => `${i ? '行政诉讼\n' : ''}结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n${g.join('\t')}`)]
      .join('\n')
      .split('\n'),
  );
  const a = analyze(t);
  const t4 = a.report.tables.find((x) => x.id === '四')!;
  assert.deepEqual(
    t4.blocks[0].rows.map((r) => r.cells.map((c) => c.value)),
    table4.grid,
  );
  assert.deepEqual(a.findings, []);
});

test('table 四 with a short label before its fifteen values', () => {
  const { text, table4 } = base();
  const flat = table4.grid.flat().join('\t');
  const t = editLine(text, flat, (l) => `数量\t${l}`);
  const t4 = analyze(t).report.tables.find((x) => x.id === '四')!;
  assert.deepEqual(
    t4.blocks[0].rows.map((r) => r.cells.map((c) => c.value)),
    table4.grid,
  );
});

test('a Markdown table (| a | b |, with a rule line) and Markdown headings read like tab-separated text', () => {
  const { text } = base();
  const md = text
    .split('\n')
    .map((l) => (l.includes('\t') ? `| ${l.split('\t').join(' | ')} |` : /^[一二三四五六]、/.test(l) ? `## ${l}` : l))
    .join('\n')
    .replace(/^(\| 一、本年新收)/m, '|---|---|---|---|---|---|---|---|---|---|\n$1');
  const a = analyze(md);
  assert.deepEqual(
    a.report.sections.map((s) => s.index),
    [1, 2, 3, 4, 5, 6],
  );
  assert.deepEqual(a.findings, []);
  const broken = md.replace(/^(\| 一、本年新收[^|]*\|[^|]*\|[^|]*\| )(\d+)/m, (_m, pre: string, d: string) => pre + (Number(d) + 1));
  const f = analyze(broken).findings;
  assert.deepEqual(f.map((x) => `${x.code}/${x.row}/${x.column}`).sort(), [
    'balance/四、结转下年度继续办理/自然人',
    'row-total/一、本年新收政府信息公开申请数量/总计',
  ]);
});

test('one value per line under its label (PDF text in reading order) is read as the row; a short run is not guessed', () => {
  const { text } = base();
  const ls = lines(text);
  const a = lineOf(ls, '一、本年新收');
  const b = lineOf(ls, '四、结转下年度');
  const out = ls.slice(0, a);
  for (let i = a; i <= b; i++) {
    const cells = ls[i].split('\t').filter(Boolean);
    out.push(...cells.filter((c) => !/^\d+$/.test(c)), ...cells.filter((c) => /^\d+$/.test(c)));
  }
  const vertical = [...out, ...ls.slice(b + 1)].join('\n');
  const r = analyze(vertical);
  assert.deepEqual(r.findings, []);
  assert.equal(row(vertical, '（三）5')?.note, 'one value per line');
  // a row with one value too few: its values are not placed on a guess
  const short = vertical.replace(/^(5\.属于三类内部事务信息\n)\d+\n/m, '$1');
  const f = analyze(short).findings;
  assert.ok(f.some((x) => x.code === 'missing-row' && x.row === '5.属于三类内部事务信息'));
  assert.ok(!f.some((x) => x.code === 'column-total'));
});
