// Protocol tests of the workspace index over documents: the fake client answers
// disclosureReport/readWorkspaceReport with a committed DOCX's or PDF's bytes, the server converts
// them (the documents feature's readers) and gives carry-over against last year's document, named
// by its file; the document opened through "Open as Disclosure Report" (its view) is the same report
// as its file (no duplicate-report); a document that does not convert is left out, logged once.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { CONVERT_DOCUMENT_REQUEST, type ConvertDocumentResult, type ReadWorkspaceReportResult } from '../../server/src/protocol';
import { documentViewUri } from '../../server/src/workspaceIndex';
import { lineOf, ROOT, sleep, startServer } from './harness';

const DIR = join(ROOT, 'test/fixtures/documents');
const CARRIED_IN = '二、上年结转';
const CARRIED_OUT = '四、结转下年度继续办理';
const WS = 'file:///ws/';

const bytesOf = (file: string, dir = DIR): ReadWorkspaceReportResult => ({
  name: file,
  data: readFileSync(join(dir, file)).toString('base64'),
});
const codes = (ds: Diagnostic[], code: string) => ds.filter((d) => d.code === code);

/** docx-2021-clean is 某某区人民政府's 2023 report; its next year carries its 结转下年度 in, but 2 more in 商业企业 */
const last = readFileSync(join(DIR, 'docx-2021-clean.expected.txt'), 'utf8');
const lastOut = last.split('\n')[lineOf(last, CARRIED_OUT)].split('\t').slice(-7).map(Number);
const next = (() => {
  const lines = last.split('\n');
  assert.match(lines[0], /2023年/);
  lines[0] = lines[0].replace('2023年', '2024年');
  const i = lineOf(last, CARRIED_IN);
  const carried = lastOut.map((v, c) => (c === 1 || c === 6 ? v + 2 : v));
  lines[i] = [...lines[i].split('\t').slice(0, -7), ...carried].join('\t');
  return lines.join('\n');
})();

async function lastPublished(server: Awaited<ReturnType<typeof startServer>>, uri: string) {
  await server.quiescent();
  return server.diagnostics.filter((d) => d.uri === uri).pop()?.diagnostics ?? [];
}

describe('documents in the workspace index', () => {
  for (const file of ['docx-2021-clean.docx', 'docx-2021-clean.pdf']) {
    test(`carry-over against last year's ${file.split('.').pop()} document, named by its file`, async () => {
      const docUri = `${WS}${file}`;
      const server = await startServer({ workspaceReports: new Map([[docUri, bytesOf(file)]]) });
      try {
        const u24 = `${WS}2024.txt`;
        await server.open(u24, next);
        const p = await server.waitForDiagnostics(u24, (d) => codes(d.diagnostics, 'carry-over').length > 0, 60_000);
        const found = codes(p.diagnostics, 'carry-over');
        assert.deepEqual(
          found.map((d) => (d.data as { column: string }).column),
          ['商业企业', '总计'],
        );
        const [商业企业] = found;
        assert.equal(商业企业.range.start.line, lineOf(next, CARRIED_IN));
        assert.match(String(商业企业.message), new RegExp(`${file.replace('.', '\\.')} \\(2023\\) carried ${lastOut[1]} over`));
        const rel = 商业企业.relatedInformation?.[0];
        assert.equal(rel?.location.uri, documentViewUri(docUri), "related is the cell in the document's report text (its view)");
        // at last year's 结转下年度 in the document's report text, as "Open as Disclosure Report" shows it
        const shown = (await server.connection.sendRequest(CONVERT_DOCUMENT_REQUEST, bytesOf(file))) as ConvertDocumentResult;
        assert.ok(shown.ok);
        assert.equal(rel?.location.range.start.line, lineOf(shown.text, CARRIED_OUT));
        assert.deepEqual(codes(await lastPublished(server, u24), 'duplicate-report'), []);
      } finally {
        await server.stop();
      }
    });
  }

  test('the view of a document is its file: no duplicate-report between them, and carry-over points at the view', async () => {
    const docUri = `${WS}%E5%B9%B4%E6%8A%A52023.docx`; // 年报2023.docx
    const view = documentViewUri(docUri);
    const server = await startServer({ workspaceReports: new Map([[docUri, bytesOf('docx-2021-clean.docx')]]) });
    try {
      const u24 = `${WS}2024.txt`;
      await server.open(u24, next);
      await server.waitForDiagnostics(u24, (d) => codes(d.diagnostics, 'carry-over').length === 2, 60_000);
      // "Open as Disclosure Report" on last year's document: its text under the view's URI
      await server.open(view, last);
      const own = await lastPublished(server, view);
      assert.deepEqual(codes(own, 'duplicate-report'), [], 'the view and its own file are one report');
      const found = codes(await lastPublished(server, u24), 'carry-over');
      assert.equal(found.length, 2);
      assert.equal(found[0].relatedInformation?.[0]?.location.uri, view);
      assert.match(String(found[0].message), /年报2023\.docx \(2023\)/);
      assert.deepEqual(codes(await lastPublished(server, u24), 'duplicate-report'), []);
    } finally {
      await server.stop();
    }
  });

  test('two documents of one body and year are a duplicate-report (the check sees documents at all)', async () => {
    const server = await startServer({
      workspaceReports: new Map([[`${WS}docx-2021-clean.docx`, bytesOf('docx-2021-clean.docx')]]),
    });
    try {
      const u = `${WS}draft-2023.txt`;
      await server.open(u, last);
      const p = await server.waitForDiagnostics(u, (d) => codes(d.diagnostics, 'duplicate-report').length > 0, 60_000);
      assert.match(String(codes(p.diagnostics, 'duplicate-report')[0].message), /docx-2021-clean\.docx/);
    } finally {
      await server.stop();
    }
  });

  test('a document that does not convert is left out and logged once; the text files are still compared', async () => {
    const enc = `${WS}pdf-encrypted.pdf`;
    const files = new Map<string, ReadWorkspaceReportResult>([
      [enc, bytesOf('pdf-encrypted.pdf', join(ROOT, 'test/fixtures/pdf'))],
      [`${WS}2023.txt`, last],
    ]);
    const server = await startServer({ workspaceReports: files });
    try {
      const u24 = `${WS}2024.txt`;
      await server.open(u24, next);
      await server.waitForDiagnostics(u24, (d) => codes(d.diagnostics, 'carry-over').length === 2, 60_000);
      for (let i = 0; i < 1000 && !server.logs.some((l) => l.message.includes('pdf-encrypted.pdf')); i++) await sleep(10);
      await server.reportChanged(enc);
      for (let i = 0; i < 300 && server.reportReads.filter((u) => u === enc).length < 2; i++) await sleep(10);
      await sleep(300);
      await server.quiescent();
      const logged = server.logs.filter((l) => l.message.includes('pdf-encrypted.pdf'));
      assert.equal(logged.length, 1, JSON.stringify(logged));
      assert.match(logged[0].message, /left out/);
      assert.equal(server.reportReads.filter((u) => u === enc).length, 2);
      assert.equal(codes(await lastPublished(server, u24), 'carry-over').length, 2);
      assert.equal(server.child.exitCode, null, 'the server is running');
    } finally {
      await server.stop();
    }
  });
});
