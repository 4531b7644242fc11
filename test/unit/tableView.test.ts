// The table view's model (server/src/view/model.ts) and its renderer (render.ts): the published
// headers with their merged cells, the row labels with table 三's groups, derived cells and the
// value they should have, findings on the cell they point at, what could not be placed listed
// apart, escaping, and (a property over damaged reports) a model that always holds together.
// Why one file over 400 lines: one model and its renderer, tested through the same few helpers.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, type Finding, templateById } from '../../server/src/core/index';
import { tableViewModel } from '../../server/src/view/model';
import { escapeHtml, renderTableView } from '../../server/src/view/render';
import { TABLE_VIEW_CSS } from '../../server/src/view/style';
import type { CellView, DataRow, FindingView, HeadCell, TableView, TableViewModel } from '../../server/src/view/types';
import { bases, mutate } from '../support/fuzz';
import { consistentTable3, consistentTable4, generateReport, renderReport, rng } from '../support/report';
import { editLine, lineOf, setCell } from './helpers';

const sample = (name: string) => readFileSync(new URL(`../fixtures/samples/${name}`, import.meta.url), 'utf8');
const XIGONG = sample('xigong-2022.txt');

const tableOf = (m: TableViewModel, id: string): TableView => {
  const t = m.tables.find((x) => x.id === id);
  assert.ok(t, `table ${id} in the model`);
  return t;
};
const dataRows = (t: TableView): DataRow[] => t.body.filter((r): r is DataRow => r.kind === 'data');
const allCells = (m: TableViewModel): CellView[] => m.tables.flatMap((t) => dataRows(t).flatMap((r) => r.cells));
const heads = (rows: HeadCell[][]) => rows.map((r) => r.map((c) => [c.text, c.colSpan, c.rowSpan]));

/**
 * Lays the grid out as a browser does (cells fill the next free slots, row and column spans
 * reserve slots below and to the right) and returns each row's width; throws on overlaps.
 */
function layOut(rows: { colSpan: number; rowSpan: number }[][]): number[] {
  const taken: boolean[][] = [];
  rows.forEach((cells, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of cells) {
      while (taken[r][c]) c++;
      for (let dr = 0; dr < cell.rowSpan; dr++) {
        taken[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) {
          assert.ok(!taken[r + dr][c + dc], `row ${r}: slot ${r + dr},${c + dc} is taken twice`);
          taken[r + dr][c + dc] = true;
        }
      }
      c += cell.colSpan;
    }
  });
  return rows.map((_, r) => taken[r].filter(Boolean).length);
}

/** the grid's rows (header and body) as spans, label cells and value cells together */
function gridRows(t: TableView): { colSpan: number; rowSpan: number }[][] {
  return [
    ...t.head,
    ...t.body.map((r) => {
      if (r.kind === 'heading') return [{ colSpan: t.labelColumns + t.valueColumns, rowSpan: 1 }];
      if (r.kind === 'columns') return r.cells;
      return [...r.labels, ...r.cells.map((c) => ({ colSpan: c.colSpan ?? 1, rowSpan: 1 }))];
    }),
  ];
}

function assertGridConsistent(t: TableView): void {
  const widths = layOut(gridRows(t));
  const width = t.labelColumns + t.valueColumns;
  widths.forEach((w, i) => {
    assert.equal(w, width, `table ${t.id}: grid row ${i} fills ${w} of ${width} columns`);
  });
}

/** every finding of the model, wherever it was attached */
function modelFindings(m: TableViewModel): FindingView[] {
  return [
    ...m.findings,
    ...m.tables.flatMap((t) => [
      ...t.findings,
      ...t.unplaced.flatMap((u) => u.findings),
      ...dataRows(t).flatMap((r) => [...r.findings, ...r.cells.flatMap((c) => c.findings)]),
    ]),
  ];
}

const findingKey = (f: Pick<Finding, 'code' | 'range' | 'severity'>) =>
  `${f.code}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}/${f.severity}`;

test('table 三: the published header (申请人情况 over all, 法人或其他组织 over five) and the corner over the labels', () => {
  for (const format of ['2021', '2019'] as const) {
    const m = tableViewModel(analyze(generateReport(3, format).text), 1, 'zh');
    const t = tableOf(m, '三');
    const cols = templateById(format)!
      .tables.find((x) => x.id === '三')!
      .blocks[0].columns.map((c) => c.label);
    assert.equal(t.labelColumns, 3, `${format}: three label columns (三、本年度办理结果 → （三）不予公开 → 1.…)`);
    assert.equal(t.valueColumns, cols.length);
    assert.deepEqual(heads(t.head), [
      [
        [t.head[0][0].text, 3, 3],
        ['申请人情况', 7, 1],
      ],
      [
        ['自然人', 1, 2],
        ['法人或其他组织', 5, 1],
        ['总计', 1, 2],
      ],
      [
        ['商业企业', 1, 1],
        ['科研机构', 1, 1],
        ['社会公益组织', 1, 1],
        ['法律服务机构', 1, 1],
        ['其他', 1, 1],
      ],
    ]);
    assert.match(t.head[0][0].text, /第一项加第二项之和，等于第三项加第四项之和/);
    // the leaves are the template's columns, in its order; 总计 is derived
    const leaves = t.head.flat().filter((c) => c.column !== undefined);
    assert.deepEqual(leaves.map((c) => c.text).sort(), [...cols].sort());
    assert.deepEqual(
      leaves.filter((c) => c.derived).map((c) => c.column),
      ['总计'],
    );
    assertGridConsistent(t);
  }
});

test('table 三: row labels grouped as printed (三、本年度办理结果 over （一）…（七）, each group over its sub-rows)', () => {
  for (const format of ['2021', '2019'] as const) {
    const m = tableViewModel(analyze(generateReport(5, format).text), 1, 'en');
    const t = tableOf(m, '三');
    const rows = dataRows(t);
    const tplRows = templateById(format)!.tables.find((x) => x.id === '三')!.blocks[0].rows;
    assert.deepEqual(
      rows.map((r) => r.rowId),
      tplRows.map((r) => r.id),
      'one data row per template row, in the template order',
    );
    const labelOf = (id: string) => rows.find((r) => r.rowId === id)!.labels;
    // chapters 一、二、四 span all three label columns
    for (const id of ['一', '二', '四'])
      assert.deepEqual(
        labelOf(id).map((l) => [l.kind, l.colSpan, l.rowSpan]),
        [['row', 3, 1]],
        `row ${id}`,
      );
    const results = labelOf('（一）')[0];
    const span = tplRows.findIndex((r) => r.id === '（七）') - tplRows.findIndex((r) => r.id === '（一）') + 1;
    assert.deepEqual([results.kind, results.text, results.rowSpan, results.colSpan], ['group', '三、本年度办理结果', span, 1]);
    assert.deepEqual(
      labelOf('（一）')
        .slice(1)
        .map((l) => [l.text, l.colSpan]),
      [['（一）予以公开', 2]],
    );
    assert.deepEqual(
      labelOf('（七）').map((l) => [l.text, l.colSpan]),
      [['（七）总计', 2]],
    );
    for (const g of templateById(format)!.tables.find((x) => x.id === '三')!.blocks[0].groups ?? []) {
      const members = tplRows.filter((r) => r.group === g.id);
      const first = labelOf(members[0].id);
      const group = first.find((l) => l.kind === 'group' && l.text === g.label);
      assert.ok(group, `${format}: the group ${g.label} starts on its first sub-row`);
      assert.equal(group.rowSpan, members.length, `${g.label} spans its ${members.length} sub-rows`);
      for (const r of members.slice(1))
        assert.deepEqual(
          labelOf(r.id).map((l) => l.kind),
          ['row'],
          `${r.label} carries only its own label`,
        );
    }
    assertGridConsistent(t);
  }
});

/** a 2021 report that keeps the 2019 single （六）其他处理 row in table 三 (the template's `oneRow` group) */
function mixedReport(seed: number, edit?: (t3: ReturnType<typeof consistentTable3>) => void) {
  const random = rng(seed);
  const table3 = consistentTable3('2019', random);
  const table4 = consistentTable4(random);
  edit?.(table3);
  return { table3, text: renderReport({ format: '2021', table3, table4 }) };
}

test('table 三 of a 2021 report with the single （六）其他处理 row: drawn as one row with its values, no sub-row absent', () => {
  for (const seed of [1, 2, 3]) {
    const { text, table3 } = mixedReport(seed);
    const a = analyze(text);
    assert.equal(a.report.format, '2021');
    const m = tableViewModel(a, 1, 'en');
    const t = tableOf(m, '三');
    const rows = dataRows(t);
    const tplRows = templateById('2021')!.tables.find((x) => x.id === '三')!.blocks[0].rows;
    const subs = tplRows.filter((r) => r.group === '（六）').map((r) => r.id);
    assert.equal(subs.length, 3);
    // the template's rows, with the three （六） sub-rows replaced in place by the one （六） row
    const at = tplRows.findIndex((r) => r.id === subs[0]);
    const expectedIds = tplRows.map((r) => r.id).filter((id) => !subs.includes(id));
    expectedIds.splice(at, 0, '（六）');
    assert.deepEqual(
      rows.map((r) => r.rowId),
      expectedIds,
    );
    assert.ok(!rows.some((r) => r.absent), 'no row drawn as absent');
    assert.deepEqual(t.unplaced, [], 'nothing listed as missing');
    const six = rows.find((r) => r.rowId === '（六）')!;
    assert.deepEqual(
      six.cells.map((c) => [c.row, c.kind, c.value]),
      table3.grid[table3.rowIds.indexOf('（六）')].map((v) => ['（六）其他处理', 'number', v]),
    );
    assert.ok(six.cells.every((c) => c.range !== undefined));
    // its label: under 三、本年度办理结果 (which still spans （一）…（七）), as wide as the group labels
    const results = rows.find((r) => r.rowId === '（一）')!.labels[0];
    assert.equal(results.text, '三、本年度办理结果');
    assert.equal(results.rowSpan, expectedIds.indexOf('（七）') - expectedIds.indexOf('（一）') + 1);
    assert.deepEqual(
      six.labels.map((l) => [l.kind, l.text, l.colSpan, l.rowSpan, l.range !== undefined]),
      [['row', '（六）其他处理', 2, 1, true]],
    );
    assert.match(six.note ?? '', /one row/);
    assertGridConsistent(t);
    assert.deepEqual(m.status.tables.find((x) => x.id === '三')!.unplaced, 0);

    const html = renderTableView(m);
    assert.doesNotMatch(html, /dr-absent/);
    const rowTags = [...html.matchAll(/<tr[^>]*data-row="([^"]*)"/g)].map((x) => x[1]);
    assert.equal(rowTags.filter((id) => id === '（六）').length, 1, 'one （六） row in the page');
    for (const id of subs) assert.ok(!html.includes(`data-row="${id}"`), `no ${id} row or cell in the page`);
  }
  // a 2021 report with the three sub-rows keeps them
  const full = dataRows(tableOf(tableViewModel(analyze(generateReport(4, '2021').text), 1, 'en'), '三')).map((r) => r.rowId);
  assert.ok(full.includes('（六）1') && full.includes('（六）3') && !full.includes('（六）'));
});

test('the single （六）其他处理 row with a wrong figure: its 总计 cell carries row-total, the （七） cell column-total', () => {
  const { text } = mixedReport(9, (t3) => {
    t3.grid[t3.rowIds.indexOf('（六）')][1] += 2;
  });
  const t = tableOf(tableViewModel(analyze(text), 1, 'en'), '三');
  const cellOf = (row: string, column: string) =>
    dataRows(t)
      .find((r) => r.rowId === row)!
      .cells.find((c) => c.columnId === column)!;
  assert.deepEqual(
    cellOf('（六）', '总计').findings.map((f) => f.code),
    ['row-total'],
  );
  assert.equal(cellOf('（六）', '总计').severity, 'error');
  assert.deepEqual(
    cellOf('（七）', '商业企业').findings.map((f) => f.code),
    ['column-total'],
  );
  assert.deepEqual(t.findings, [], 'every finding is on a cell');
});

test('table 四: 行政复议 and 行政诉讼 (未经复议直接起诉 / 复议后起诉), each over 结果维持 … 总计, one line of fifteen cells', () => {
  const m = tableViewModel(analyze(XIGONG), 1, 'zh');
  const t = tableOf(m, '四');
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  assert.equal(t.labelColumns, 0);
  assert.equal(t.valueColumns, 15);
  assert.deepEqual(heads(t.head), [
    [
      ['行政复议', 5, 1],
      ['行政诉讼', 10, 1],
    ],
    [...five.map((c) => [c, 1, 2]), ['未经复议直接起诉', 5, 1], ['复议后起诉', 5, 1]],
    [...five, ...five].map((c) => [c, 1, 1]),
  ]);
  const rows = dataRows(t);
  assert.equal(rows.length, 1);
  const line = lineOf(XIGONG, '1\t0\t0\t0\t1\t0\t0\t1\t3\t4');
  assert.deepEqual(rows[0].lines, [line]);
  assert.deepEqual(
    rows[0].cells.map((c) => c.text).join(' '),
    XIGONG.split('\n')[line].split('\t').join(' '),
    'the fifteen cells as written',
  );
  assert.deepEqual(
    rows[0].cells.filter((c) => c.derived).map((c) => `${c.row}/${c.column}`),
    ['行政复议/总计', '行政诉讼·未经复议直接起诉/总计', '行政诉讼·复议后起诉/总计'],
  );
  assertGridConsistent(t);
});

test('table 二: a heading and a column row per block; narrower blocks widen their last column', () => {
  for (const format of ['2021', '2019'] as const) {
    const m = tableViewModel(analyze(generateReport(9, format).text), 1, 'zh');
    const t = tableOf(m, '二');
    const blocks = templateById(format)!.tables.find((x) => x.id === '二')!.blocks;
    const width = Math.max(...blocks.map((b) => b.columns.length));
    assert.equal(t.valueColumns, width);
    assert.deepEqual(
      t.body.filter((r) => r.kind === 'heading').map((r) => (r.kind === 'heading' ? r.text : '')),
      blocks.map((b) => b.label),
    );
    for (const r of t.body) if (r.kind === 'columns') assert.equal(r.cells[0].text, '信息内容');
    assertGridConsistent(t);
  }
});

test('the seed sample: five missing 总计 cells carry their missing-cell error and the value they should have', () => {
  const a = analyze(XIGONG);
  const m = tableViewModel(a, 7, 'en');
  assert.equal(m.version, 7);
  assert.equal(m.format, '2021');
  assert.equal(m.formatName, '国办公开办函〔2021〕30号');
  const marked = allCells(m).filter((c) => c.findings.length);
  assert.deepEqual(
    marked.map((c) => [c.row, c.column, c.kind, c.findings.map((f) => f.code).join(), c.severity]),
    // the prose's narrative-mismatch (line 11) is the document's, not a cell's
    a.findings.filter((f) => f.code === 'missing-cell').map((f) => [f.row, '总计', 'missing', 'missing-cell', 'error']),
  );
  for (const c of marked) {
    const lineText = XIGONG.split('\n')[c.range!.start.line];
    const sum = lineText
      .split('\t')
      .filter((x) => /^\d+$/.test(x))
      .reduce((s, x) => s + Number(x), 0);
    assert.equal(c.expected, sum, `${c.row}: should be the row's sum`);
    assert.equal(c.range!.start.character, lineText.length, `${c.row}: the missing cell sits at the line's end`);
    assert.match(c.findings[0].message, /value cells where 7 belong/);
  }
  const t3 = tableOf(m, '三');
  assert.deepEqual(
    m.status.tables.map((s) => [s.id, s.error, s.warning]),
    [
      ['二', 0, 0],
      ['三', 5, 0],
      ['四', 0, 0],
    ],
  );
  assert.deepEqual([m.status.document.warning, m.findings.map((f) => f.code)], [1, ['narrative-mismatch']]);
  // every 总计 and every （七） cell is derived, nothing else
  for (const c of dataRows(t3).flatMap((r) => r.cells)) {
    assert.equal(c.derived, c.column === '总计' || c.rowId === '（七）', `${c.row}/${c.column} derived`);
  }
  assert.equal(t3.unplaced.length, 0);
  // the row read from the (三) 不予 line, whose sub-row label was lost, says so
  assert.match(dataRows(t3).find((r) => r.rowId === '（三）1')!.note ?? '', /label lost/);
});

test('a wrong total: the cell keeps its text, carries row-total and says what it should be; Chinese messages for zh', () => {
  const text = setCell(XIGONG, '4.保护第三方合法权益', 9, '9');
  const m = tableViewModel(analyze(text), 1, 'zh');
  const c = allCells(m).find((x) => x.rowId === '（三）4' && x.columnId === '总计')!;
  assert.equal(c.text, '9');
  assert.equal(c.value, 9);
  assert.equal(c.expected, 7);
  assert.ok(c.findings.some((f) => f.code === 'row-total' && /之和为 7/.test(f.message)));
  const html = renderTableView(m);
  assert.match(html, new RegExp(`<td class="[^"]*dr-derived[^"]*dr-error[^"]*dr-wrong[^"]*" data-cell="${c.id}"`));
  assert.match(html, /<span class="dr-value">9<\/span><span class="dr-expected">→ 7<\/span>/);
});

test('lines the checker cannot place are listed, never drawn; an absent row is drawn empty and listed too', () => {
  let text = editLine(XIGONG, '3.危及“三安全一稳定”', (l) => [l, '\t\t9.一行不存在的标签\t5\t0\t0\t0\t0\t0\t5']);
  text = editLine(text, '8.属于行政查询事项', () => []);
  const a = analyze(text);
  const m = tableViewModel(a, 2, 'en');
  const t = tableOf(m, '三');
  const unknown = t.unplaced.filter((u) => u.kind === 'unknown-row');
  assert.equal(unknown.length, 1);
  assert.equal(unknown[0].reason, 'unmatched');
  assert.match(unknown[0].label, /一行不存在的标签/);
  assert.equal(unknown[0].text, '9.一行不存在的标签 · 5 · 0 · 0 · 0 · 0 · 0 · 5', 'the line as written, to recognise it by');
  assert.deepEqual(
    unknown[0].findings.map((f) => f.code),
    ['unknown-row'],
  );
  const missing = t.unplaced.filter((u) => u.kind === 'missing-row');
  assert.deepEqual(
    missing.map((u) => [u.label, u.reason, u.findings.map((f) => f.code).join()]),
    [['8.属于行政查询事项', 'absent', 'missing-row']],
  );
  // the unknown line's label and values are nowhere in the grid
  const grid = allCells(m);
  assert.ok(!grid.some((c) => c.range && c.range.start.line === unknown[0].range!.start.line), 'no grid cell comes from the unknown line');
  const absent = dataRows(t).find((r) => r.rowId === '（三）8')!;
  assert.equal(absent.absent, true);
  assert.ok(absent.cells.every((c) => c.kind === 'absent' && c.range === undefined && c.text === ''));
  assert.equal(m.status.tables.find((s) => s.id === '三')!.unplaced, 2);
  const html = renderTableView(m);
  assert.match(html, /<tr class="dr-row dr-absent"/);
  assert.match(html, /class="dr-unplaced-line dr-unknown-row" data-reason="unmatched"/);
  assert.match(html, /Not placed in the grid/);
});

test('an unreadable table and a missing one are said so, with no grid', () => {
  const lines = XIGONG.split('\n');
  const start = lineOf(lines, '四、政府信息公开行政复议');
  const end = lineOf(lines, '五、存在的主要问题');
  // table 四's cells run together (crawled text: no separators)
  const crawled = [...lines.slice(0, start + 1), '', '行政复议行政诉讼结果维持结果纠正10001001340000', '', ...lines.slice(end)].join('\n');
  const m = tableViewModel(analyze(crawled), 1, 'en');
  const t = tableOf(m, '四');
  assert.equal(t.unreadable, true);
  assert.equal(t.body.length, 0);
  assert.deepEqual(
    t.findings.map((f) => f.code),
    ['unreadable-table'],
  );
  assert.match(renderTableView(m), /cannot be told apart/);

  const without = [...lines.slice(0, start), ...lines.slice(end)].join('\n');
  const m2 = tableViewModel(analyze(without), 1, 'en');
  const t2 = tableOf(m2, '四');
  assert.equal(t2.found, false);
  assert.equal(m2.status.tables.find((s) => s.id === '四')!.found, false);
  assert.ok(
    m2.findings.some((f) => f.code === 'missing-section'),
    'the missing section is a document finding',
  );
  assert.match(renderTableView(m2), /This table was not found in the report/);
});

test('checking off: the grid without findings, and the status says why', () => {
  const m = tableViewModel(analyze(XIGONG), 1, 'en', { checked: false });
  assert.equal(m.checked, false);
  assert.equal(modelFindings(m).length, 0);
  assert.equal(m.status.total.error, 0);
  assert.ok(allCells(m).length > 100, 'the cells are still drawn');
  assert.match(renderTableView(m), /Checking is off/);
});

test('text that is no report: no tables, the status says so', () => {
  const m = tableViewModel(analyze('hello\tworld\n1\t2\n'), 1, 'zh');
  assert.equal(m.format, null);
  assert.deepEqual(m.tables, []);
  assert.match(renderTableView(m), /未识别为年度报告/);
});

test('escaping: text from the report cannot make markup, and the renderer writes no handlers or inline styles', () => {
  const evil = '<img src=x onerror="alert(1)">&\'';
  let text = XIGONG.replace('西工区人民政府2022年', `西工区人民政府${evil}2022年`);
  text = editLine(text, '3.危及“三安全一稳定”', (l) => [l, `\t\t${evil}\t5\t0\t0\t0\t0\t0\t5`]);
  text = setCell(text, '4.保护第三方合法权益', 3, `7"><script>x</script>`);
  const m = tableViewModel(analyze(text), 1, 'en');
  for (const html of [renderTableView(m), renderTableView(m, { interactive: true })]) {
    assert.ok(html.includes(escapeHtml(evil)), 'the text shows, escaped');
    // escaped text holds no '<': every '<' starts one of the renderer's own tags, each well formed
    const tags = html.match(/<[^>]*>/g) ?? [];
    assert.equal(tags.join('').length + html.replace(/<[^>]*>/g, '').length, html.length);
    const names = new Set<string>();
    for (const tag of tags) {
      const m = /^<\/?([a-z][a-z0-9]*)((?:\s[a-z-]+(?:="[^"<>]*")?)*)>$/.exec(tag);
      assert.ok(m, `a well-formed tag: ${tag.slice(0, 80)}`);
      names.add(m[1]);
      for (const [, attr] of m[2].replace(/="[^"]*"/g, '').matchAll(/\s([a-z-]+)/g)) {
        assert.ok(!attr.startsWith('on'), `no inline event handler (${attr})`);
        assert.notEqual(attr, 'style', 'no inline style');
      }
    }
    for (const n of names) assert.ok(!['img', 'script', 'iframe', 'object', 'style', 'link'].includes(n), `no <${n}> element`);
  }
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});

test('renderer: cells carry their position and range; static pages have no button, the webview one does', () => {
  const m = tableViewModel(analyze(XIGONG), 3, 'zh');
  const html = renderTableView(m, { idPrefix: 'r1' });
  const c = allCells(m).find((x) => x.rowId === '一' && x.columnId === '自然人')!;
  const td = new RegExp(
    `<td class="dr-cell dr-k-number" data-cell="${c.id}" data-table="三" data-row="一" data-col="自然人" data-line="${c.range!.start.line}" data-char="${c.range!.start.character}" data-end-line="${c.range!.end.line}" data-end-char="${c.range!.end.character}" title="[^"]*"><span class="dr-value">12</span></td>`,
  );
  assert.match(html, td);
  assert.match(html, /<section class="dr-table" id="r1-t3" data-table="三">/);
  assert.match(html, /href="#r1-t3"/);
  assert.ok(!html.includes('data-command'), 'no button on a static page');
  assert.ok(!html.includes('tabindex'), 'no focusable cells on a static page');
  assert.match(html, /rowspan="3" colspan="3"|colspan="3" rowspan="3"/, 'the corner cell spans the label columns and the header rows');
  const live = renderTableView(m, { interactive: true });
  assert.match(live, /<button type="button" class="dr-button" data-command="recalculate">重新计算合计<\/button>/);
  assert.match(live, /class="dr-view dr-interactive"/);
  // the stylesheet themes through VS Code's variables, with fallbacks for a page of its own
  for (const v of [
    '--vscode-editorError-foreground',
    '--vscode-editor-background',
    '--vscode-contrastBorder',
    'prefers-color-scheme: dark',
  ])
    assert.ok(TABLE_VIEW_CSS.includes(v), `style uses ${v}`);
});

test('property: on damaged reports the model never throws, holds every finding once, its grids hold together, it survives JSON', () => {
  const docs = bases();
  fc.assert(
    fc.property(
      fc.nat({ max: docs.length - 1 }),
      fc.array(
        fc.oneof(
          fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at: fc.nat() }),
          fc.record({ op: fc.constant('swap' as const), at: fc.nat(), to: fc.nat() }),
          fc.record({ op: fc.constant('tab' as const), at: fc.nat(), pos: fc.nat() }),
          fc.record({
            op: fc.constant('number' as const),
            at: fc.nat(),
            cell: fc.nat(),
            text: fc.constantFrom('', '-', '7', '1.5', 'x<y'),
          }),
        ),
        { maxLength: 8 },
      ),
      (d, ops) => {
        const a = analyze(mutate(docs[d].text, ops));
        const m = tableViewModel(a, 1, 'en');
        assert.deepEqual(modelFindings(m).map(findingKey).sort(), a.findings.map(findingKey).sort(), 'every finding exactly once');
        for (const t of m.tables) if (t.body.length) assertGridConsistent(t);
        const ids = allCells(m).map((c) => c.id);
        assert.equal(new Set(ids).size, ids.length, 'cell ids are unique');
        assert.deepEqual(JSON.parse(JSON.stringify(m)), m);
        assert.ok(!/<y/.test(renderTableView(m)), 'cell text is escaped');
      },
    ),
    { seed: 11, numRuns: 120 },
  );
});
