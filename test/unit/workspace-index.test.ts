// The editor's index of the workspace's reports (server/src/workspaceIndex.ts): files from disk and
// open documents (an open document wins), the findings across reports of one report, which open
// reports a change bears on, last year's cell for the hover, and the caps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, parseConfig } from '../../server/src/core/index';
import { isDocumentUri } from '../../server/src/protocol';
import { documentViewUri, fileName, MAX_CHARS, MAX_FILES, reportKey, WorkspaceIndex } from '../../server/src/workspaceIndex';
import { carryInto, chain, renderYear } from '../support/chain';

const BODY = '某某县人民政府';
const U22 = 'file:///w/%E6%8A%A5%E5%91%8A2022.txt';
const U23 = 'file:///w/2023.txt';

/** 2022 and 2023 of one body, consistent, and a 2023 whose 上年结转 (商业企业) is 3 more than 2022 carried over */
function years() {
  const [y22, y23] = chain(BODY, [2022, 2023], 21);
  const broken = { ...y23, table3: { ...y23.table3, grid: y23.table3.grid.map((r) => [...r]) } };
  const two = broken.table3.grid[broken.table3.rowIds.indexOf('二')];
  carryInto(
    broken.table3,
    two.slice(0, 6).map((v, i) => (i === 1 ? v + 3 : v)),
  );
  const four22 = y22.table3.grid[y22.table3.rowIds.indexOf('四')];
  return { y22: y22.text, y23: y23.text, broken: renderYear(BODY, broken, 4), four22 };
}

test("a broken link: carry-over on this year's 二, related to last year's file and cell, named by its file name", () => {
  const { y22, broken, four22 } = years();
  const index = new WorkspaceIndex();
  index.setFile(U22, y22);
  index.setOpen(U23, analyze(broken));
  const found = index.findings(U23);
  assert.deepEqual(
    found.map((f) => [f.code, f.column, f.expected, f.actual]),
    [
      ['carry-over', '商业企业', four22[1], four22[1] + 3],
      ['carry-over', '总计', four22[6], four22[6] + 3],
    ],
  );
  assert.equal(found[0].related?.[0].file, U22);
  assert.equal(y22.split('\n')[found[0].related![0].range.start.line].includes('四、结转下年度继续办理'), true);
  assert.match(found[0].message.en, /but 报告2022\.txt \(2022\)/);
  assert.doesNotMatch(found[0].message.en, /file:/);
  // last year's report has nothing to compare with
  assert.deepEqual(index.findings(U22), []);
  // its own rule settings apply
  assert.deepEqual(index.findings(U23, parseConfig({ rules: { 'carry-over': 'off' } }).config), []);
});

test('an open document wins over its disk copy; closed, the disk copy counts again; deleted, nothing', () => {
  const { y22, y23, broken } = years();
  const index = new WorkspaceIndex();
  index.setFile(U22, y22);
  index.setFile(U23, broken);
  assert.equal(index.findings(U23).length, 2);
  index.setOpen(U23, analyze(y23));
  assert.deepEqual(index.findings(U23), [], 'the open (fixed) text, not the file');
  index.close(U23);
  assert.equal(index.findings(U23).length, 2);
  index.setFile(U22, undefined);
  assert.deepEqual(index.findings(U23), []);
});

test('a duplicate: duplicate-report on both, no carry-over, and no last year for the hover', () => {
  const { y22, broken } = years();
  const index = new WorkspaceIndex();
  index.setFile(U22, y22);
  index.setFile('file:///w/2023-draft.txt', broken);
  index.setOpen(U23, analyze(broken));
  assert.deepEqual(
    index.findings(U23).map((f) => [f.code, f.severity, f.related?.[0].file]),
    [['duplicate-report', 'info', 'file:///w/2023-draft.txt']],
  );
  const two = broken.split('\n').findIndex((l) => l.includes('二、上年结转'));
  assert.equal(index.lastYear(U23, { line: two, character: broken.split('\n')[two].length - 1 }), undefined);
});

test("lastYear: on this year's 上年结转 cell, last year's 结转下年度 cell of that column and its file", () => {
  const { y22, y23, four22 } = years();
  const index = new WorkspaceIndex();
  index.setFile(U22, y22);
  const a = analyze(y23);
  index.setOpen(U23, a);
  const lines = y23.split('\n');
  const two = lines.findIndex((l) => l.includes('二、上年结转'));
  // the last cell of the line: 总计
  const last = index.lastYear(U23, { line: two, character: lines[two].length - 1 });
  assert.equal(last?.uri, U22);
  assert.equal(last?.name, '报告2022.txt');
  assert.equal(last?.cell.value, four22[6]);
  assert.equal(last?.cell.column, '总计');
  assert.equal(index.lastYear(U23, { line: two - 1, character: 0 }), undefined, 'not on a carry-over cell');
  // 现行有效 of 行政规范性文件 (table 二)
  const stock = lines.findIndex((l) => l.startsWith('行政规范性文件'));
  const s = index.lastYear(U23, { line: stock, character: lines[stock].length - 1 });
  assert.equal(
    s?.cell.value,
    Number(
      y22
        .split('\n')
        .find((l) => l.startsWith('行政规范性文件'))!
        .split('\t')
        .pop(),
    ),
  );
});

test('onAffected: the open reports of the same body for the same year and the year after, only when facts change', () => {
  const { y22, y23 } = years();
  const index = new WorkspaceIndex();
  const told: string[][] = [];
  index.onAffected((uris) => told.push(uris));
  index.setOpen(U23, analyze(y23));
  index.setOpen('file:///w/2021.txt', analyze(chain(BODY, [2021], 3)[0].text));
  told.length = 0;
  index.setFile(U22, y22);
  assert.deepEqual(told, [[U23]], 'the 2023 report, not the 2021 one');
  index.setFile(U22, y22);
  assert.deepEqual(told, [[U23]], 'the same facts again: nobody told');
  index.setFile('file:///w/other.txt', chain('另一个县人民政府', [2022], 5)[0].text);
  assert.deepEqual(told, [[U23]], 'another body');
  index.setFile(U22, undefined);
  assert.deepEqual(told, [[U23], [U23]], 'deleted');
  // the same analysis again costs nothing and tells nobody
  const a = analyze(y22);
  index.setOpen(U22, a);
  index.setOpen(U22, a);
  assert.deepEqual(told, [[U23], [U23], [U23]]);
});

test('caps: at most MAX_FILES files and MAX_CHARS characters; a deletion makes room', () => {
  const index = new WorkspaceIndex();
  assert.equal(index.setFile('file:///big.txt', 'x'.repeat(MAX_CHARS - 10)), true);
  assert.equal(index.setFile('file:///more.txt', 'x'.repeat(11)), false);
  assert.equal(index.chars, MAX_CHARS - 10);
  // a file read again replaces its old size
  assert.equal(index.setFile('file:///big.txt', 'x'.repeat(MAX_CHARS)), true);
  index.setFile('file:///big.txt', undefined);
  assert.equal(index.chars, 0);
  for (let i = 0; i < MAX_FILES; i++) assert.equal(index.setFile(`file:///f${i}.txt`, 'x'), true);
  assert.equal(index.setFile('file:///one-more.txt', 'x'), false);
  assert.equal(index.size, MAX_FILES);
  index.setFile('file:///f0.txt', undefined);
  assert.equal(index.setFile('file:///one-more.txt', 'x'), true);
});

test('fileName: the last segment of a URI, decoded', () => {
  assert.equal(fileName('file:///a/b/%E8%A5%BF%E5%B7%A5%E5%8C%BA2022.txt'), '西工区2022.txt');
  assert.equal(fileName('disclosure-report-document:/x/report.pdf?file%3A%2F%2F%2Fx%2Freport.pdf'), 'report.pdf');
  assert.equal(fileName('file:///a/%E0%A4.txt'), '%E0%A4.txt');
});

test("a document's view and its file: one key, the view URI round-trips, documents told from text files", () => {
  const pdf = 'file:///w/%E5%B9%B4%E6%8A%A5%202022.pdf';
  const view = documentViewUri(pdf);
  assert.equal(view, `disclosure-report-document:/w/%E5%B9%B4%E6%8A%A5%202022.pdf?${encodeURIComponent(pdf)}`);
  assert.equal(reportKey(view), pdf);
  assert.equal(fileName(view), '年报 2022.pdf');
  // as VS Code writes a view (client/src/documents.ts viewUriOf: the query encoded once more)
  assert.equal(reportKey('disclosure-report-document:/w/a.docx?file%3A///w/a.docx'), 'file:///w/a.docx');
  assert.equal(
    documentViewUri('vscode-test-web://mount/r/a.htm'),
    'disclosure-report-document:/r/a.htm?vscode-test-web%3A%2F%2Fmount%2Fr%2Fa.htm',
  );
  assert.equal(reportKey(U22), U22);
  assert.equal(reportKey('disclosure-report-document:/w/a.docx'), 'disclosure-report-document:/w/a.docx');
  assert.deepEqual(
    ['a.pdf', 'a.DOCX', 'a.html', 'a.htm', 'a.txt', 'a.pdf.txt', 'a.doc'].map((n) => isDocumentUri(`file:///w/${n}`)),
    [true, true, true, true, false, false, false],
  );
});

test('a document open as its view is its file: no duplicate-report, the open text wins, closing brings the file back', () => {
  const { y22, broken, four22 } = years();
  const pdf = 'file:///w/2022.pdf';
  const view = documentViewUri(pdf);
  const index = new WorkspaceIndex();
  index.setFile(pdf, y22);
  index.setOpen(U23, analyze(broken));
  assert.equal(index.findings(U23)[0].related?.[0].file, view, "related: the cell in the document's view");
  const affected: string[][] = [];
  index.onAffected((uris) => affected.push(uris));
  // the view shows last year's report: the same report, nothing changes, no duplicate
  index.setOpen(view, analyze(y22));
  assert.deepEqual(index.findings(view), []);
  assert.deepEqual(affected, []);
  // edited in the view (the view's text wins over the file's): this year's carry-over changes
  const fixed = y22.replace(/^(四、结转下年度继续办理.*)$/m, (l) => {
    const p = l.split('\t');
    p[p.length - 6] = String(four22[1] + 3);
    p[p.length - 1] = String(four22[6] + 3);
    return p.join('\t');
  });
  index.setOpen(view, analyze(fixed));
  assert.deepEqual(affected, [[U23]]);
  assert.deepEqual(index.findings(U23), []);
  assert.ok(!index.findings(U23).some((f) => f.code === 'duplicate-report'));
  // closing the view: the file's facts count again
  index.close(view);
  assert.deepEqual(
    index.findings(U23).map((f) => f.code),
    ['carry-over', 'carry-over'],
  );
});
