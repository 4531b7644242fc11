// carry-over, stock-carry-over, duplicate-report: reports compared with the same body's report of
// the year before (server/src/core/across/). Every case the issue lists: a consistent chain, a broken
// link in one column, a broken stock, a missing year, confusable body names, a duplicate year, a
// chain across the 2019 → 2021 format change.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, type BatchEntry, bodyAndYear, compareReports, type Finding, parseConfig, reportFacts } from '../../server/src/core/index';
import { type ChainYear, carryInto, chain, renderYear } from '../support/chain';

const entry = (file: string, text: string, config?: BatchEntry['config']): BatchEntry => {
  const facts = reportFacts(analyze(text));
  return { file, facts, ...(config ? { config } : {}) };
};
const run = (files: [string, string][]) => compareReports(files.map(([f, t]) => entry(f, t)));
const brief = (f: Finding) => [f.code, f.severity, f.table, f.row, f.column, f.expected, f.actual];
const BODY = '某某区人民政府';

test('the body and the year come from the title: text before the year, white space removed', () => {
  const [y] = chain(BODY, [2022]);
  const a = analyze(y.text.replace(`${BODY}2022年`, '某某区 人民政府　２０２２年度'));
  assert.deepEqual([bodyAndYear(a.report)?.body, bodyAndYear(a.report)?.year], ['某某区人民政府', 2022]);
  assert.equal(bodyAndYear(analyze('没有标题的文本\n').report), undefined);
  // real titles: the year first, a 标题： prefix, a title broken over two lines (the samples)
  for (const [title, body, year] of [
    ['2019年上海市人民政府办公厅政府信息公开工作年度报告', '上海市人民政府办公厅', 2019],
    ['标题: 平潭综合实验区2021年度政府信息公开工作年度报告', '平潭综合实验区', 2021],
    ['2024 年上海市科委政府信息公开工作\n年度报告', '上海市科委', 2024],
  ] as const) {
    const t = analyze(y.text.replace(`${BODY}2022年政府信息公开工作年度报告`, title)).report;
    assert.deepEqual([bodyAndYear(t)?.body, bodyAndYear(t)?.year], [body, year], title);
  }
});

test('a consistent chain 2021 → 2022 → 2023: no finding', () => {
  const years = chain(BODY, [2021, 2022, 2023], 3);
  assert.deepEqual(run(years.map((y) => [`r/${y.year}.txt`, y.text])), [[], [], []]);
  // the reports are consistent in themselves too
  for (const y of years) assert.deepEqual(analyze(y.text).findings, []);
});

test("a broken link in one column: carry-over at this year's 二 of that column, related to last year's 四 and its file", () => {
  const years = chain(BODY, [2022, 2023], 5);
  const y = years[1];
  const two = y.table3.grid[y.table3.rowIds.indexOf('二')];
  const carried = two.slice(0, 6);
  carried[1] += 2; // 商业企业
  carryInto(y.table3, carried);
  const text = renderYear(BODY, y, 77);
  assert.deepEqual(analyze(text).findings, [], 'the report is consistent in itself');
  const [, found] = run([
    ['a.txt', years[0].text],
    ['b.txt', text],
  ]);
  const prevFour = years[0].table3.grid[years[0].table3.rowIds.indexOf('四')];
  assert.deepEqual(found.map(brief), [
    ['carry-over', 'warning', '三', '二、上年结转政府信息公开申请数量', '商业企业', prevFour[1], prevFour[1] + 2],
    ['carry-over', 'warning', '三', '二、上年结转政府信息公开申请数量', '总计', prevFour[6], prevFour[6] + 2],
  ]);
  const lines = text.split('\n');
  const f = found[0];
  assert.ok(lines[f.range.start.line].startsWith('\t二、上年结转') || lines[f.range.start.line].includes('二、上年结转'));
  assert.equal(lines[f.range.start.line].slice(f.range.start.character, f.range.end.character), String(prevFour[1] + 2));
  const rel = f.related![0];
  assert.equal(rel.file, 'a.txt');
  assert.equal(rel.value, prevFour[1]);
  const prevLine = years[0].text.split('\n')[rel.range.start.line];
  assert.ok(prevLine.includes('四、结转下年度继续办理'));
  assert.equal(prevLine.slice(rel.range.start.character, rel.range.end.character), String(prevFour[1]));
  assert.match(f.message.en, /a\.txt \(2022\)/);
});

test('a broken stock: stock-carry-over at 现行有效件数, expected last year + 制发 − 废止', () => {
  const years = chain(BODY, [2021, 2022], 9);
  const y: ChainYear = { ...years[1], stock: { ...years[1].stock, 行政规范性文件: [...years[1].stock.行政规范性文件] } };
  const [issued, repealed, inForce] = y.stock.行政规范性文件;
  y.stock.行政规范性文件 = [issued, repealed, inForce + 4];
  const text = renderYear(BODY, y, 5);
  const [, found] = run([
    ['2021.txt', years[0].text],
    ['2022.txt', text],
  ]);
  assert.deepEqual(found.map(brief), [['stock-carry-over', 'warning', '二', '行政规范性文件', '现行有效件数', inForce, inForce + 4]]);
  assert.equal(found[0].block, '（一）');
  assert.equal(found[0].related?.[0].file, '2021.txt');
  assert.equal(found[0].related?.[0].value, years[0].stock.行政规范性文件[2]);
  // switched off alone: the carry-over of table 三 is still checked
  const off = parseConfig({ rules: { 'stock-carry-over': 'off' } }).config;
  const quiet = compareReports([entry('2021.txt', years[0].text, off), entry('2022.txt', text, off)]);
  assert.deepEqual(quiet, [[], []]);
});

test('a missing year: 2021 and 2023 are never compared', () => {
  const years = chain(BODY, [2021, 2023], 2);
  const y = years[1];
  carryInto(y.table3, [9, 9, 9, 9, 9, 9]);
  assert.deepEqual(
    run([
      ['a.txt', years[0].text],
      ['c.txt', renderYear(BODY, y, 1)],
    ]),
    [[], []],
  );
});

test('confusable bodies: XX区人民政府 and XX区人民政府办公室 are never paired; the file name does not count', () => {
  const [a] = chain('某某区人民政府', [2022], 4);
  const [b] = chain('某某区人民政府办公室', [2023], 8);
  carryInto(b.table3, [50, 0, 0, 0, 0, 0]);
  assert.deepEqual(
    run([
      ['某某区人民政府办公室2022.txt', a.text],
      ['某某区人民政府2023.txt', renderYear('某某区人民政府办公室', b, 3)],
    ]),
    [[], []],
  );
});

test('a duplicate year: both told (info), neither compared across years, the others still are', () => {
  const years = chain(BODY, [2021, 2022, 2023], 6);
  const draft = years[1].text.replace('信息公开的及时性还需提高。', '（征求意见稿）');
  const broken = { ...years[2] };
  carryInto(broken.table3, [7, 7, 7, 7, 7, 7]);
  const found = run([
    ['2021.txt', years[0].text],
    ['2022.txt', years[1].text],
    ['2022-draft.txt', draft],
    ['2023.txt', renderYear(BODY, broken, 9)],
  ]);
  assert.deepEqual(
    found.map((fs) => fs.map((f) => [f.code, f.severity])),
    [[], [['duplicate-report', 'info']], [['duplicate-report', 'info']], []],
  );
  assert.equal(found[1][0].related?.[0].file, '2022-draft.txt');
  assert.equal(found[1][0].range.start.line, 0, 'at the title line');
});

test('a chain across the 2019 → 2021 format change: table 三 compared, table 二 not', () => {
  const years = chain(BODY, [2020, 2021], 12, ['2019', '2021']);
  const y: ChainYear = { ...years[1], stock: { 规章: [1, 0, 999], 行政规范性文件: [1, 0, 999] } };
  assert.deepEqual(
    run([
      ['2020.txt', years[0].text],
      ['2021.txt', renderYear(BODY, y, 1)],
    ]),
    [[], []],
    'the consistent chain, with a table 二 that does not follow: nothing',
  );
  const two = y.table3.grid[y.table3.rowIds.indexOf('二')];
  const carried = two.slice(0, 6);
  carried[0] += 1;
  carryInto(y.table3, carried);
  const [, found] = run([
    ['2020.txt', years[0].text],
    ['2021.txt', renderYear(BODY, y, 1)],
  ]);
  assert.deepEqual(
    found.map((f) => [f.code, f.column]),
    [
      ['carry-over', '自然人'],
      ['carry-over', '总计'],
    ],
  );
});

test('a blank or missing 总计 is compared by its computed value; a report without a title year is left out', () => {
  const years = chain(BODY, [2022, 2023], 13);
  const text = years[1].text.replace(/^(\t?二、上年结转政府信息公开申请数量(?:\t[^\t\n]*)*)\t\d+$/m, '$1');
  assert.notEqual(text, years[1].text);
  assert.deepEqual(
    run([
      ['a.txt', years[0].text],
      ['b.txt', text],
    ]),
    [[], []],
  );
  const noYear = years[1].text.replace(`${BODY}2023年`, BODY);
  assert.equal(entry('x.txt', noYear).facts, undefined);
});
