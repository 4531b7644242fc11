// Every generated DOCX fixture (test/fixtures/documents, made by scripts/make-document-fixtures.ts)
// read through readDocument and converted: the findings equal those of the text it was made from,
// and every value cell of the report text maps back to its w:tc.
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

const docx = manifest.filter((m) => m.kind === 'docx');

test('the DOCX fixtures are all there', () => {
  assert.ok(docx.length >= 6);
  assert.ok(['clean', 'wrong-total', 'blank-total', 'broken-balance', 'wrong-seven'].every((p) => docx.some((d) => d.plant === p)));
});

for (const f of docx) {
  test(`${f.file}: the findings of ${f.expected}`, async () => {
    const bytes = new Uint8Array(readFileSync(new URL(f.file, FIXTURES)));
    const r = await convertDocument(bytes, { name: f.file });
    assert.ok(r.ok, r.ok ? '' : r.unreadable.message);
    assert.equal(r.text.source, 'docx');
    assert.deepEqual(r.text.warnings, []);
    const expected = readFileSync(new URL(f.expected, FIXTURES), 'utf8');
    assert.deepEqual(keys(r.text.text), keys(expected));
    if (f.plant !== 'clean') assert.ok(keys(expected).length > 0, 'the planted error gives findings');
    // every value cell of table 三 maps back to a w:tc of the second table (table 二 is the first)
    const a = analyze(r.text.text);
    const t3 = a.report.tables.find((t) => t.id === '三')!;
    assert.equal(t3.blocks[0].rows.length, a.report.format === '2019' ? 23 : 25);
    for (const row of t3.blocks[0].rows)
      for (const cell of row.cells) {
        const s = sourceAt(r.text, cell.range.start);
        assert.equal(s?.kind, 'docx', `${row.spec.label}`);
        assert.equal((s as { table: number }).table, 1);
      }
    // the 总计 of （七） is the tenth w:tc of its row (3 label slots: 1 continue cell, 1 spanning 2)
    const seven = t3.blocks[0].rows.find((x) => x.spec.label === '（七）总计')!;
    const s = sourceAt(r.text, seven.cells[6].range.start) as { cell: number };
    assert.equal(s.cell, 8);
  });
}
