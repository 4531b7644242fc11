// Text copied out of PDFs, made by poppler's pdftotext 22.12 (`-layout` and without it) from
// ../shared/samples/huaian-2024.pdf and from the PDFs of test/fixtures/documents and test/fixtures/pdf,
// committed in test/fixtures/pdftext (CI has no poppler). A `-layout` copy must give the findings of
// the text its PDF was made from; a copy without -layout (one value per line, labels moved away from
// their values) may leave rows unplaced, but never raises an error its PDF does not have.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze, type Finding } from '../../server/src/core/index';

const dir = new URL('../fixtures/pdftext/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir), 'utf8');
const key = (f: Finding) => `${f.code}|${f.table ?? ''}|${f.row ?? ''}|${f.column ?? ''}|${f.expected ?? ''}|${f.actual ?? ''}`;
const keys = (text: string) => analyze(text).findings.map(key).sort();

/** the text the PDF was made from, when it is a generated fixture */
function expectedText(name: string): string | undefined {
  for (const d of ['documents', 'pdf']) {
    const u = new URL(`../fixtures/${d}/${name}.expected.txt`, import.meta.url);
    if (existsSync(u)) return readFileSync(u, 'utf8');
  }
  return undefined;
}

const NAMES = [...new Set(readdirSync(dir).map((f) => f.replace(/\.(layout|raw)\.txt$/, '')))].filter((n) => !n.endsWith('.md'));

test('the fixtures are all there: huaian-2024 and eleven generated PDFs, each as -layout and plain text', () => {
  assert.equal(NAMES.length, 12);
  for (const n of NAMES) {
    assert.ok(existsSync(new URL(`${n}.layout.txt`, dir)) && existsSync(new URL(`${n}.raw.txt`, dir)), n);
    if (n !== 'huaian-2024') assert.ok(expectedText(n), `${n}: its source text`);
  }
});

// pdf-row-item draws each row as one text item: pdftotext glues neighbouring figures (`161165 57
// 163109154`), so table 三's columns cannot be told; it says so instead of guessing
const GLUED = new Set(['pdf-row-item']);

for (const n of NAMES.filter((x) => x !== 'huaian-2024')) {
  test(`${n}.layout.txt (pdftotext -layout): the findings of the text its PDF was made from`, () => {
    const want = keys(expectedText(n)!);
    const got = keys(read(`${n}.layout.txt`));
    if (!GLUED.has(n)) {
      assert.deepEqual(got, want);
      return;
    }
    assert.deepEqual(
      got.filter((k) => !k.includes('|三|')),
      want.filter((k) => !k.includes('|三|')),
    );
    assert.deepEqual(
      got.filter((k) => k.includes('|三|')),
      ['unreadable-table|三||||'],
    );
  });

  test(`${n}.raw.txt (pdftotext): no error its PDF does not have, no table called unreadable for want of tabs`, () => {
    const want = new Set(keys(expectedText(n)!));
    const a = analyze(read(`${n}.raw.txt`));
    for (const f of a.findings) if (f.severity === 'error') assert.ok(want.has(key(f)), `${n}: ${key(f)}`);
    for (const t of a.report.tables) assert.ok(!t.unreadable, `table ${t.id}: ${t.unreadable?.reason}`);
  });
}

test('huaian-2024, pdftotext -layout: every table read, no finding, and the tables add up', () => {
  const a = analyze(read('huaian-2024.layout.txt'));
  assert.equal(a.report.format, '2021');
  assert.deepEqual(a.findings.map(key), []);
  const t = (id: string) => a.report.tables.find((x) => x.id === id)!;
  const three = t('三').blocks[0].rows;
  assert.equal(three.length, 25);
  assert.deepEqual(t('三').missingRows, []);
  assert.deepEqual(t('三').unknown, []);
  const byId = new Map(three.map((r) => [r.spec.id, r.cells.map((c) => c.value!)]));
  assert.deepEqual(byId.get('一'), [3001, 53, 0, 0, 61, 4, 3119]);
  assert.deepEqual(byId.get('（二）'), [447, 7, 0, 0, 0, 0, 454]); // its label wrapped around its values
  assert.deepEqual(byId.get('（七）'), [2932, 53, 0, 0, 61, 4, 3050]);
  // the balance closes in every column: 一 + 二 = （七） + 四
  for (let c = 0; c < 7; c++) assert.equal(byId.get('一')![c] + byId.get('二')![c], byId.get('（七）')![c] + byId.get('四')![c]);
  // table 四: fifteen space-separated values, fifteen cells
  assert.deepEqual(
    t('四').blocks[0].rows.map((r) => r.cells.map((c) => c.value)),
    [
      [72, 64, 178, 37, 351],
      [13, 4, 8, 1, 26],
      [12, 1, 1, 6, 20],
    ],
  );
  assert.equal(t('二').blocks.length, 4);
});

test('huaian-2024, pdftotext without -layout: no error, table 四 (values in drawing order) not checked, table 三 partly read', () => {
  const a = analyze(read('huaian-2024.raw.txt'));
  assert.deepEqual(a.findings.filter((f) => f.severity === 'error').map(key), []);
  const four = a.findings.filter((f) => f.table === '四');
  assert.deepEqual(
    four.map((f) => f.code),
    ['unreadable-table'],
  );
  const three = a.report.tables.find((x) => x.id === '三')!;
  assert.ok(!three.unreadable);
  assert.ok(three.blocks[0].rows.length >= 10, `rows read one value per line: ${three.blocks[0].rows.length}`);
  // labels printed apart from their values: the runs of lone values between rows read are placed
  // (二 + （一）（二）, （四）2, （五）4 … （六）3) and agree with -layout's reading; only row 一 (a header
  // word 总计 among the labels above it) stays unplaced
  const layout = analyze(read('huaian-2024.layout.txt')).report.tables.find((x) => x.id === '三')!.blocks[0].rows;
  const values = (rows: typeof layout) => new Map(rows.map((r) => [r.spec.id, r.cells.map((c) => c.value)]));
  const want = values(layout);
  want.delete('一');
  assert.deepEqual(values(three.blocks[0].rows), want);
  assert.deepEqual(
    three.missingRows.map((r) => r.row.id),
    ['一'],
  );
});
