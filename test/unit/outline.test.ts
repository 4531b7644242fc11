// The outline: format detection and policy, the title, the sections (core/outline.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, parseConfig } from '../../server/src/core/index';
import { base } from './helpers';

const sections =
  '一、总体情况\n内容\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n';

test('format by the phrases only one format uses', () => {
  assert.deepEqual([analyze(base(3, '2021').text).report.format, analyze(base(3, '2021').text).report.formatSource], ['2021', 'detected']);
  assert.deepEqual([analyze(base(3, '2019').text).report.format, analyze(base(3, '2019').text).report.formatSource], ['2019', 'detected']);
});

test('no phrase: a report-like text takes the format of its year, else the current one', () => {
  const r2020 = analyze(`某局2020年政府信息公开工作年度报告\n${sections}`).report;
  assert.deepEqual([r2020.format, r2020.formatSource], ['2019', 'year']);
  const r2023 = analyze(`某局2023年政府信息公开工作年度报告\n${sections}`).report;
  assert.deepEqual([r2023.format, r2023.formatSource], ['2021', 'year']);
  const noYear = analyze(sections).report;
  assert.deepEqual([noYear.format, noYear.formatSource], ['2021', 'none']);
});

test('text that is not a report has no format and no findings', () => {
  for (const t of ['', 'shopping list\nmilk', '2023年度报告会议纪要\n参会人员：张三\n', '\u0000\u0001']) {
    const a = analyze(t);
    assert.equal(a.report.format, null, JSON.stringify(t));
    assert.deepEqual(a.findings, []);
  }
});

test('the config forces a format', () => {
  const a = analyze(base(3, '2021').text, { config: parseConfig({ format: '2019' }).config });
  assert.deepEqual([a.report.format, a.report.formatSource], ['2019', 'config']);
  assert.ok(a.findings.length > 0, 'a 2021 table read as 2019 does not fit');
});

test('title: agency and year in the usual word orders, a title over two lines, a crawler prefix', () => {
  const t = (s: string) => analyze(`${s}\n${sections}`).report.title;
  assert.deepEqual(
    [t('西工区人民政府2022年政府信息公开工作年度报告')?.agency, t('西工区人民政府2022年政府信息公开工作年度报告')?.year],
    ['西工区人民政府', 2022],
  );
  assert.equal(t('2019年上海市人民政府办公厅政府信息公开工作年度报告')?.agency, '上海市人民政府办公厅');
  assert.equal(t('2024 年上海市科委政府信息公开工作\n年度报告')?.agency, '上海市科委');
  assert.equal(t('标题: 平潭综合实验区2021年度政府信息公开工作年度报告')?.agency, '平潭综合实验区');
});

test('sections by phrase: real variants are found, look-alike prose headings are not', () => {
  const find = (t: string) => analyze(t).report.sections.map((s) => s.index);
  assert.deepEqual(
    find(
      '一、总体情况\n二、工作机制保障\n三、行政复议工作开展情况\n四、因政府信息公开申请提起行政复议、行政诉讼的情况\n五、存在问题及改进情况\n',
    ),
    [1, 4, 5],
  );
  assert.deepEqual(find('一、总体情况\n四、政府信息公开行政法复议、行政诉讼情况\n'), [1, 4]);
  // a table row label is not a section heading
  assert.deepEqual(find('三、收到和处理政府信息公开申请情况\n四、结转下年度继续办理\t0\t0\n'), [3]);
});
