// Every generated HTML fixture, and the real Shanghai page: read through readDocument, converted,
// and checked — the findings equal those of the text each was made from (for the real page: the
// findings of shanghai-office-2019.txt, its text as published; test/fixtures/README.md says how
// the two texts differ and why that changes no finding).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/index';
import { convertDocument, sourceAt } from '../../server/src/readers/index';
import { findingKeys } from '../support/documents/findings';

const FIXTURES = new URL('../fixtures/documents/', import.meta.url);
const manifest: { file: string; expected: string; kind: string; plant: string }[] = JSON.parse(
  readFileSync(new URL('manifest.json', FIXTURES), 'utf8'),
);
const keys = findingKeys;

const html = manifest.filter((m) => m.kind === 'html');

test('the HTML fixtures are all there', () => {
  assert.ok(html.length >= 4);
});

for (const f of html) {
  test(`${f.file}: the findings of ${f.expected}`, async () => {
    const bytes = new Uint8Array(readFileSync(new URL(f.file, FIXTURES)));
    const r = await convertDocument(bytes, { name: f.file });
    assert.ok(r.ok, r.ok ? '' : r.unreadable.message);
    assert.equal(r.text.source, 'html');
    const expected = readFileSync(new URL(f.expected, FIXTURES), 'utf8');
    assert.deepEqual(keys(r.text.text), keys(expected));
    if (f.plant !== 'clean' && f.plant !== 'full-width') assert.ok(keys(expected).length > 0);
    const a = analyze(r.text.text);
    assert.deepEqual(
      a.report.sections.map((s) => s.index),
      [1, 2, 3, 4, 5, 6],
    );
    // the values of every table-三 row map back to <td>s
    for (const row of a.report.tables.find((t) => t.id === '三')!.blocks[0].rows)
      for (const c of row.cells) assert.equal(sourceAt(r.text, c.range.start)?.kind, 'html');
  });
}

test('the GB18030 page with no charset declared reads its four-byte character', async () => {
  const r = await convertDocument(new Uint8Array(readFileSync(new URL('html-2021-gb18030.html', FIXTURES))));
  assert.ok(r.ok);
  assert.ok(r.text.text.includes('本报告由㐀某某编制。'));
});

test('the real shanghai-office-2019.html gives the findings of shanghai-office-2019.txt', async () => {
  const sample = new URL('../fixtures/samples/', import.meta.url);
  const r = await convertDocument(new Uint8Array(readFileSync(new URL('shanghai-office-2019.html', sample))), {
    name: 'shanghai-office-2019.html',
  });
  assert.ok(r.ok, r.ok ? '' : r.unreadable.message);
  assert.deepEqual(r.text.warnings, []);
  const txt = readFileSync(new URL('shanghai-office-2019.txt', sample), 'utf8');
  const got = keys(r.text.text);
  assert.deepEqual(got, keys(txt));
  // what they are, as test/fixtures/README.md explains them
  assert.equal(got.filter((k) => k.startsWith('empty-total|')).length, 22);
  assert.ok(got.includes('invalid-number|二|政府集中采购|采购总金额||251000'));
  const a = analyze(r.text.text);
  assert.equal(a.report.format, '2019');
  assert.equal(a.report.title?.year, 2019);
  // a first data column spanning two grid columns in some rows (行政许可: 0 over two columns): one value per column
  assert.ok(r.text.text.includes('\n行政许可\t0\t0\t0\n'));
  assert.ok(r.text.text.includes('\n规章\t13\t13\t524\n'));
});
