// narrative-mismatch: the prose against the tables. Numbers in every notation, the statements of
// checks.md's list, the distractors that must never fire, and a property over generated prose:
// true statements and distractors give no finding; one planted false figure gives exactly one,
// at its number.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/index';
import { chineseValue, readNumber, readStatements } from '../../server/src/core/narrative/index';
import { generateProse, toChinese, wrapLikePdf } from '../support/prose';
import { consistentTable3, consistentTable4, generateReport, renderReport, renderTable2, rng } from '../support/report';

const narrative = (text: string) => analyze(text).findings.filter((f) => f.code === 'narrative-mismatch');

test('numbers: Arabic, full-width, thousands separators and Chinese numerals', () => {
  const cases: [string, number | undefined][] = [
    ['十二', 12],
    ['两', 2],
    ['十', 10],
    ['二十', 20],
    ['一百零三', 103],
    ['一百一十', 110],
    ['一千零五十', 1050],
    ['三万二千', 32000],
    ['二〇二二', 2022],
    ['零', 0],
    ['十百', undefined],
    ['二三十', undefined],
  ];
  for (const [s, v] of cases) assert.equal(chineseValue(s), v, s);
  assert.deepEqual(readNumber('共1,248件', 1), { value: 1248, end: 6 });
  assert.deepEqual(readNumber('１２件', 0), { value: 12, end: 2 });
  assert.equal(readNumber('3.5件', 0), undefined, 'a decimal is not a count');
  for (let n = 0; n < 30000; n += 7) assert.equal(chineseValue(toChinese(n)), n, `${n} → ${toChinese(n)}`);
});

/** A generated 2021 report whose section 一 is `prose`. */
function withProse(prose: string[], seed = 7) {
  const r = rng(seed);
  const table3 = consistentTable3('2021', r);
  const table4 = consistentTable4(r);
  const table2 = renderTable2('2021', r);
  return { text: renderReport({ table2, table3, table4, prose, agency: '某某区人民政府', year: 2023 }), table3, table4, table2 };
}

test('each statement of the list is compared with its cell; its range is the number', () => {
  const { table3, table4 } = withProse([]);
  const t3 = (id: string) => table3.grid[table3.rowIds.indexOf(id)][6];
  const cases: [string, number, string | undefined][] = [
    ['全年共收到政府信息公开申请', t3('一'), '一、本年新收政府信息公开申请数量'],
    ['新收政府信息公开申请', t3('一'), '一、本年新收政府信息公开申请数量'],
    ['上年结转', t3('二'), '二、上年结转政府信息公开申请数量'],
    ['办结', t3('（七）'), '（七）总计'],
    ['予以公开', t3('（一）'), '（一）予以公开'],
    ['结转下年度继续办理', t3('四'), '四、结转下年度继续办理'],
    ['结转下一年度', t3('四'), '四、结转下年度继续办理'],
    ['被申请行政复议', table4.grid[0][4], '行政复议'],
    ['提起行政诉讼', table4.grid[1][4] + table4.grid[2][4], undefined],
  ];
  for (const [phrase, value, row] of cases) {
    const sentence = `（二）依申请公开。${phrase}${value + 3}件。`;
    const { text } = withProse([sentence]);
    const found = narrative(text);
    assert.equal(found.length, 1, `${phrase}: one finding`);
    const f = found[0];
    assert.equal(f.severity, 'warning');
    assert.deepEqual([f.expected, f.actual, f.row], [value, value + 3, row], phrase);
    const line = text.split('\n')[f.range.start.line];
    assert.equal(line.slice(f.range.start.character, f.range.end.character), String(value + 3), `${phrase}: range is the number`);
    assert.equal(narrative(withProse([`（二）依申请公开。${phrase}${value}件。`]).text).length, 0, `${phrase}: true → silent`);
  }
});

test('现行有效行政规范性文件 is compared with table 二 (2021 format)', () => {
  const { table2 } = withProse([]);
  const inForce = Number(table2.find((l) => l.startsWith('行政规范性文件\t'))!.split('\t')[3]);
  assert.equal(narrative(withProse([`（一）主动公开。现行有效行政规范性文件${inForce}件。`]).text).length, 0);
  const [f] = narrative(withProse([`（一）主动公开。现行有效行政规范性文件${inForce + 1}件。`]).text);
  assert.deepEqual(
    [f?.table, f?.block, f?.row, f?.column, f?.expected, f?.actual],
    ['二', '（一）', '行政规范性文件', '现行有效件数', inForce, inForce + 1],
  );
});

test('distractors never fire: a department, a month, another year, 同比, a share, other things counted', () => {
  const { table3 } = withProse([]);
  const wrong = table3.grid[0][6] + 5;
  const distractors = [
    `区教育局受理政府信息公开申请${wrong}件`,
    `3月受理政府信息公开申请${wrong}件`,
    `2022年受理政府信息公开申请${wrong}件`,
    `上年受理政府信息公开申请${wrong}件`,
    `同比增加受理政府信息公开申请${wrong}件`,
    `受理政府信息公开申请数量同比增长${wrong}件`,
    `其中网上受理申请${wrong}件`,
    `其中受理政府信息公开申请${wrong}件`,
    `全区共受理政府信息公开申请${wrong}件`,
    `公开政府信息${wrong}条`,
    `审查公文${wrong}件`,
    `清理${wrong}次`,
    `废止失效文件${wrong}件`,
    `予以公开率${wrong}%`,
    `予以公开及部分公开${wrong}件`,
    `不予受理申请${wrong}件`,
    `办结上年结转申请${wrong}件`,
    `依申请公开答复${wrong}件次`,
    `受理政府信息公开申请${wrong}.5件`,
  ];
  for (const d of distractors) assert.deepEqual(narrative(withProse([`（二）依申请公开。${d}。`]).text), [], d);
});

test('the body itself and its year keep the scope: 某某区人民政府 / 区政府 / 2023年 / 我区', () => {
  const { table3 } = withProse([]);
  const wrong = table3.grid[0][6] + 1;
  for (const prefix of ['某某区人民政府', '某某区政府', '某某区', '2023年，我区', '2023年全年', '本机关']) {
    assert.equal(narrative(withProse([`${prefix}受理政府信息公开申请${wrong}件。`]).text).length, 1, prefix);
  }
});

test('a row whose values are torn off is not compared', () => {
  const { text } = withProse(['全年受理政府信息公开申请999件。']);
  assert.equal(narrative(text).length, 1);
  // row 一 with its values torn off: nothing to compare with
  const torn = text.replace(/^(一、本年新收政府信息公开申请数量)\t\t\t[^\n]*/m, '$1');
  assert.equal(narrative(torn).length, 0);
});

/** A generated report of `seed` (2019 format for every third seed) with generated prose, a false figure planted if asked; `render` puts prose lines into it. */
function withGeneratedProse(seed: number, plant: number | undefined) {
  const r = rng(seed);
  const format = seed % 3 === 0 ? '2019' : '2021';
  const table3 = consistentTable3(format, r);
  const table4 = consistentTable4(r, format);
  const table2 = renderTable2(format, r);
  const inForce = format === '2021' ? Number(table2.find((l) => l.startsWith('行政规范性文件\t'))!.split('\t')[3]) : undefined;
  const prose = generateProse(r, { agency: '某某区人民政府', year: 2023, table3, table4, normativeInForce: inForce, plant });
  const render = (lines: string[]) => renderReport({ format, table2, table3, table4, prose: lines, agency: '某某区人民政府', year: 2023 });
  return { r, prose, render };
}

test('property: true statements and distractors never fire; a planted false figure is found at its number', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }), (seed, plant) => {
      const { prose, render } = withGeneratedProse(seed, plant);
      const text = render(prose.paragraphs);
      const found = narrative(text);
      if (!prose.planted) {
        assert.deepEqual(found, [], prose.paragraphs.join('\n'));
        return;
      }
      assert.equal(found.length, 1, prose.paragraphs.join('\n'));
      const lines = text.split('\n');
      const line = lines.indexOf(prose.paragraphs[prose.planted.paragraph]);
      assert.deepEqual(found[0].range, {
        start: { line, character: prose.planted.offset },
        end: { line, character: prose.planted.offset + prose.planted.text.length },
      });
      assert.deepEqual([found[0].expected, found[0].actual], [prose.planted.expected, prose.planted.actual]);
    }),
    { numRuns: 300 },
  );
});

test('generated reports without prose statements have no narrative finding', () => {
  for (let seed = 1; seed < 40; seed++) assert.deepEqual(narrative(generateReport(seed, seed % 2 ? '2021' : '2019').text), []);
  assert.deepEqual(readStatements(analyze('').report), []);
});

test('property: prose wrapped as PDF text (a break anywhere in a statement, page numbers, spaced numbers): the same findings, at the number', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }), (seed, plant) => {
      const { r, prose, render } = withGeneratedProse(seed, plant);
      const wrapped = wrapLikePdf(prose.paragraphs, r);
      const text = render(wrapped.lines);
      const found = narrative(text);
      const first = text.split('\n').indexOf(wrapped.lines[0]);
      const shown = wrapped.lines.join('\n');
      if (!prose.planted) {
        assert.deepEqual(found, [], shown);
        return;
      }
      assert.equal(found.length, 1, shown);
      const { paragraph, offset, text: planted } = prose.planted;
      const start = wrapped.at(paragraph, offset);
      const end = wrapped.at(paragraph, offset + planted.length - 1);
      assert.deepEqual(
        found[0].range,
        { start: { ...start, line: first + start.line }, end: { line: first + end.line, character: end.character + 1 } },
        shown,
      );
      assert.deepEqual([found[0].expected, found[0].actual], [prose.planted.expected, prose.planted.actual]);
      // the same finding as the paragraphs on one line each
      const clean = narrative(render(prose.paragraphs));
      assert.deepEqual(
        found.map((f) => [f.row, f.column, f.expected, f.actual]),
        clean.map((f) => [f.row, f.column, f.expected, f.actual]),
      );
    }),
    { numRuns: 300 },
  );
});

test('a statement wrapped over two lines is read; a heading line, a short last line and a department before the break are not joined into it', () => {
  const { table3 } = withProse([]);
  const t = table3.grid[0][6];
  const wrong = t + 4;
  const pad = '全年通过门户网站发布各类政策文件和解读材料共计若干'; // a full line of the text block
  const once = (lines: string[]) => narrative(withProse(lines).text);
  // the break inside the phrase, between number and unit, with a page number between
  for (const lines of [
    [`${pad}，本年度共收到政府信息公开申`, `请${wrong}件。`],
    [`${pad}，本年度共收到政府信息公开申请${wrong}`, '件。'],
    [`${pad}，本年度共收到政府信息公开申请 ${wrong}`, '', '              - 3 -', '', `\f 件。`],
    [`${pad}。本年度共收到政府信息公开申请　${wrong}　件。`],
  ]) {
    const found = once(lines);
    assert.equal(found.length, 1, lines.join('⏎'));
    assert.equal(found[0].actual, wrong);
  }
  assert.deepEqual(once([`${pad}，本年度共收到政府信息公开申`, `请${t}件。`]), [], 'true: silent');
  // a department before the break keeps the statement about the department
  assert.deepEqual(once([`${pad}，区教育局`, `受理政府信息公开申请${wrong}件。`]), []);
  // a short heading line before a statement does not pull it into the heading
  assert.equal(once(['（二）依申请公开情况', `${pad}，本年度共收到政府信息公开申`, `请${wrong}件。`]).length, 1);
  assert.equal(once([`（二）依申请公开情况`, `本年度共收到政府信息公开申请${wrong}件。`]).length, 1);
  // digits on both sides of a break are two numbers: 1 / 2件 is not 12
  assert.deepEqual(once([`${pad}，本年度共收到政府信息公开申请${t}1`, '2件。']), []);
});
