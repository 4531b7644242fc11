// Tables stitched across a page break, on hand-made page tables: when a table continues (open
// bottom or the foot of its page, the next page's table at the top, the same column boundaries),
// what joins (a label cell cut by the break, a row cut by the break) and what goes (a repeated
// header); and when two tables are not one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type PCell, type PTable, stitch } from '../../server/src/readers/pdf/tables';

const XS = [50, 80, 200, 250, 300];

/** a page table from rows of cell texts; '^' covers the slot from the cell above, '<' from the left */
function table(page: number, rows: string[][], opts: Partial<PTable> = {}): PTable {
  const cells: PCell[] = [];
  rows.forEach((row, r) => {
    row.forEach((text, c) => {
      if (text === '^') {
        const above = cells.find((x) => x.col === c && x.row + x.rowspan === r);
        if (above) above.rowspan++;
        return;
      }
      if (text === '<') {
        const left = cells.find((x) => x.row === r && x.col + x.colspan === c);
        if (left) left.colspan++;
        return;
      }
      cells.push({
        row: r,
        col: c,
        rowspan: 1,
        colspan: 1,
        text,
        page,
        box: { x0: XS[c], top: 100 + 20 * r, x1: XS[c + 1], bottom: 120 + 20 * r },
      });
    });
  });
  return {
    rows: rows.length,
    cols: XS.length - 1,
    xs: XS,
    cells,
    rowPages: rows.map(() => page),
    page,
    top: 100,
    bottom: 100 + 20 * rows.length,
    lastPage: page,
    openTop: false,
    openBottom: false,
    warnings: [],
    ...opts,
  };
}
const roomy = { below: () => true, above: () => true };
const grid = (t: PTable) =>
  Array.from({ length: t.rows }, (_, r) =>
    t.cells
      .filter((c) => c.row === r)
      .map((c) => `${c.text}${c.rowspan > 1 ? `↓${c.rowspan}` : ''}${c.colspan > 1 ? `→${c.colspan}` : ''}`)
      .join('|'),
  );

test('a group label cut by the break joins its other half, and its span runs on (（四）无 / 法提供)', () => {
  const a = table(4, [
    ['（三）不予公开', '8.属于行政查询事项', '105', '105'],
    ['（四）无', '1.本机关不掌握相关政府信息', '746', '769'],
  ]);
  const b = table(5, [
    ['法提供', '2.没有现成信息需要另行制作', '11', '11'],
    ['^', '3.补正后申请内容仍不明确', '1', '1'],
  ]);
  const [t, ...rest] = stitch([a, b], roomy);
  assert.equal(rest.length, 0);
  assert.deepEqual(grid(t), [
    '（三）不予公开|8.属于行政查询事项|105|105',
    '（四）无法提供↓3|1.本机关不掌握相关政府信息|746|769',
    '2.没有现成信息需要另行制作|11|11',
    '3.补正后申请内容仍不明确|1|1',
  ]);
  assert.deepEqual(t.rowPages, [4, 4, 5, 5]);
});

test('an empty label cell at the top of the next page extends the span above it', () => {
  const a = table(1, [
    ['三、本年度办理结果', '（一）予以公开', '1', '1'],
    ['^', '（二）部分公开', '2', '2'],
  ]);
  const b = table(2, [
    ['', '（三）不予公开', '3', '3'],
    ['^', '（四）无法提供', '4', '4'],
  ]);
  const [t] = stitch([a, b], roomy);
  assert.equal(t.cells.find((c) => c.text === '三、本年度办理结果')?.rowspan, 4);
  assert.equal(t.rows, 4);
});

test('a row cut by the break (label above, values below) is one row', () => {
  const a = table(1, [
    ['', '1.信访举报投诉类申请', '56', '62'],
    ['', '5.要求行政机关确认或重新出', '', ''],
  ]);
  const b = table(2, [
    ['', '具已获取信息', '1', '1'],
    ['', '（六）其他处理', '7', '7'],
  ]);
  const [t] = stitch([a, b], roomy);
  assert.deepEqual(grid(t).slice(1), ['|5.要求行政机关确认或重新出具已获取信息|1|1', '|（六）其他处理|7|7']);
  assert.deepEqual(t.rowPages, [1, 1, 2]);
});

test('header rows repeated at the top of the next page are dropped', () => {
  const head = [
    ['项目', '申请人情况', '<', '<'],
    ['', '自然人', '其他', '总计'],
  ];
  const a = table(1, [...head, ['', '一、本年新收', '3', '3']]);
  const b = table(2, [...head, ['', '二、上年结转', '1', '1']]);
  const [t] = stitch([a, b], roomy);
  assert.equal(t.rows, 4);
  assert.equal(t.cells.filter((c) => c.text === '申请人情况').length, 1);
  assert.deepEqual(t.rowPages, [1, 1, 1, 2]);
});

test('not one table: other columns, another kind, a gap of a page, or text between them', () => {
  const a = table(1, [['', 'a', '1', '1']]);
  const shifted = table(2, [['', 'b', '2', '2']], { xs: XS.map((x, i) => (i === 2 ? x + 10 : x)) });
  assert.equal(stitch([a, shifted], roomy).length, 2, 'a column boundary 10 pt away');
  assert.equal(stitch([{ ...a, kind: '三' }, table(2, [['', 'b', '2', '2']], { kind: '四' })], roomy).length, 2, 'table 三, then table 四');
  assert.equal(stitch([a, table(3, [['', 'b', '2', '2']])], roomy).length, 2, 'page 3 after page 1');
  assert.equal(stitch([a, table(2, [['', 'b', '2', '2']])], { below: () => false, above: () => true }).length, 2, 'prose below the first');
  assert.equal(stitch([a, table(2, [['', 'b', '2', '2']])], { below: () => true, above: () => false }).length, 2, 'prose above the second');
  assert.equal(
    stitch([{ ...a, openBottom: true }, table(2, [['', 'b', '2', '2']])], { below: () => false, above: () => true }).length,
    1,
    'an open bottom is enough',
  );
});
