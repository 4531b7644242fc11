// disclosureReport/convertDocument and disclosureReport/recalculateDocument over stdio against the
// bundled server: a PDF's and a DOCX's bytes → the report text the readers make of them (the same
// text as convertDocument in-process), which, opened as a view, gets the document's findings; an
// unreadable document or bad bytes → a clear message, and the server keeps serving; Recalculate
// Totals on a DOCX → bytes whose report text is the old one with exactly the core's fixes applied.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { unzipSync } from 'fflate';
import { analyze, fixAllEdits } from '../../server/src/core/index';
import {
  type ConvertDocumentResult,
  DOCUMENT_SCHEME,
  fromBase64,
  type RecalculateDocumentResult,
  toBase64,
} from '../../server/src/protocol';
import { convertDocument } from '../../server/src/readers/index';
import { applyTextEdits, ROOT, SAMPLE, startServer, type TestServer } from './harness';

const fixture = (path: string) => new Uint8Array(readFileSync(join(ROOT, 'test/fixtures', path)));
const viewUri = (name: string) => `${DOCUMENT_SCHEME}:/work/${name}?${encodeURIComponent(`file:///work/${name}`)}`;
const codes = (text: string) =>
  analyze(text)
    .findings.map((f) => f.code)
    .sort();

describe('documents over the protocol', () => {
  let server: TestServer;
  const convert = async (name: string, data: unknown) =>
    (await server.connection.sendRequest('disclosureReport/convertDocument', { name, data })) as ConvertDocumentResult;
  const recalculate = async (name: string, bytes: Uint8Array) =>
    (await server.connection.sendRequest('disclosureReport/recalculateDocument', {
      uri: viewUri(name),
      name,
      data: toBase64(bytes),
    })) as RecalculateDocumentResult;

  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  for (const [path, source] of [
    ['documents/docx-2021-wrong-total.pdf', 'pdf'],
    ['documents/docx-2021-wrong-total.docx', 'docx'],
    ['documents/html-2021-quirks.html', 'html'],
  ] as const) {
    test(`a ${source} converts to the readers' report text, and its view gets the document's findings`, async () => {
      const bytes = fixture(path);
      const r = await convert('report', toBase64(bytes));
      assert.ok(r.ok, `converted: ${JSON.stringify(r).slice(0, 300)}`);
      const local = await convertDocument(bytes, { name: 'report' });
      assert.ok(local.ok);
      assert.equal(r.source, source);
      assert.equal(r.text, local.text.text, 'the same text as the readers make in-process');
      assert.deepEqual(r.warnings, local.text.warnings);
      if (source === 'pdf') assert.equal(r.pageCount, local.text.pageCount);
      const expected = codes(r.text);
      assert.ok(expected.includes('row-total'), `the fixture has its planted wrong total: ${expected}`);
      const uri = viewUri(`report-${source}.${source}`);
      await server.open(uri, r.text);
      const published = await server.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
      assert.deepEqual(published.diagnostics.map((d) => d.code).sort(), expected);
    });
  }

  test('unreadable documents and bad bytes: ok false with the reason and a message that says what to do', async () => {
    const scan = await convert('scan.pdf', toBase64(fixture('pdf/pdf-scan.pdf')));
    assert.equal(scan.ok, false);
    assert.ok(!scan.ok && scan.reason === 'scanned' && /OCR/.test(scan.message), JSON.stringify(scan));
    const encrypted = await convert('locked.pdf', toBase64(fixture('pdf/pdf-encrypted.pdf')));
    assert.ok(!encrypted.ok && encrypted.reason === 'encrypted', JSON.stringify(encrypted));
    const text = await convert('report.pdf', toBase64(new TextEncoder().encode(SAMPLE)));
    assert.ok(!text.ok && text.reason === 'unsupported' && /text report/.test(text.message), JSON.stringify(text));
    const truncated = fixture('documents/docx-2021-wrong-total.docx').subarray(0, 3000);
    const cut = await convert('cut.docx', toBase64(truncated));
    assert.equal(cut.ok, false, 'a truncated DOCX');
    for (const data of [undefined, 42, '***not base64***']) {
      const r = await convert('x.pdf', data);
      assert.ok(!r.ok && r.message.length > 10, `data ${String(data)}: ${JSON.stringify(r)}`);
    }
    // and the server still answers
    const again = await convert('report.docx', toBase64(fixture('documents/docx-2021-clean.docx')));
    assert.ok(again.ok && again.source === 'docx');
  });

  test('Recalculate Totals on a DOCX: the new bytes read back as the old text with exactly the fixes, and check clean', async () => {
    const bytes = fixture('documents/docx-2021-wrong-total.docx');
    const before = await convertDocument(bytes);
    assert.ok(before.ok);
    const fixes = fixAllEdits(analyze(before.text.text));
    assert.ok(fixes.length > 0, 'the fixture has a total to recalculate');
    const r = await recalculate('report.docx', bytes);
    assert.ok(r.ok && r.data, JSON.stringify(r).slice(0, 300));
    assert.equal(r.changed, fixes.length);
    assert.equal(r.skipped, 0);
    const patched = fromBase64(r.data);
    assert.notDeepEqual(patched, bytes);
    // every part of the package but word/document.xml keeps its bytes
    const [was, now] = [unzipSync(bytes), unzipSync(patched)];
    assert.deepEqual(Object.keys(now), Object.keys(was), 'the same parts, in the same order');
    for (const name of Object.keys(was)) if (name !== 'word/document.xml') assert.deepEqual(now[name], was[name], `${name} unchanged`);
    assert.notDeepEqual(now['word/document.xml'], was['word/document.xml']);
    const afterText = await convertDocument(patched);
    assert.ok(afterText.ok);
    assert.equal(afterText.text.text, applyTextEdits(before.text.text, fixes), 'only the derived cells changed');
    const left = codes(afterText.text.text).filter((c) => ['row-total', 'column-total', 'empty-total', 'missing-cell'].includes(c));
    assert.deepEqual(left, [], 'no arithmetic finding is left');
    // and again: nothing to change, no bytes
    const second = await recalculate('report.docx', patched);
    assert.deepEqual(second, { ok: true, changed: 0, skipped: 0 });
  });

  test('Recalculate Totals on a PDF or web page changes nothing and says why', async () => {
    for (const path of ['documents/docx-2021-wrong-total.pdf', 'documents/html-2021-quirks.html']) {
      const r = await recalculate('report', fixture(path));
      assert.ok(!r.ok && /DOCX/.test(r.message), JSON.stringify(r));
    }
  });

  test('base64 round trip of every byte value, in chunks larger than one', () => {
    const bytes = new Uint8Array(100_000).map((_, i) => (i * 7919) % 256);
    assert.deepEqual(fromBase64(toBase64(bytes)), bytes);
    assert.equal(toBase64(new Uint8Array()), '');
    assert.throws(() => fromBase64('%%%'));
  });
});
