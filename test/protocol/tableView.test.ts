// disclosureReport/tableModel over stdio against the bundled server: the model of the document's
// current version, from the analysis the diagnostics use (no second analysis), never an older
// version than the document's, in the display language, and empty of findings when checking is off.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { codesTagged } from '../../server/src/core/index';
import type { ServerStats } from '../../server/src/protocol';
import type { CellView, TableViewModel } from '../../server/src/view/types';
import { fileUri, lineOf, SAMPLE, startServer, type TestServer } from './harness';

const cellsOf = (m: TableViewModel): CellView[] => m.tables.flatMap((t) => t.body.flatMap((r) => (r.kind === 'data' ? r.cells : [])));
const marked = (m: TableViewModel) =>
  cellsOf(m)
    .filter((c) => c.findings.length)
    .map((c) => `${c.findings.map((f) => f.code).join('+')}@${c.range?.start.line}`)
    .sort();
/** prose findings (the sample's 10 vs 12) stand in the prose: the model lists them as the document's, on no cell */
const PROSE = codesTagged('prose');
const onDiagnostics = (ds: Diagnostic[]) =>
  ds
    .filter((d) => !PROSE.includes(String(d.code)))
    .map((d) => `${d.code}@${d.range.start.line}`)
    .sort();
/** a finding on a cell is on that cell: its range is the cell's (missing-cell: the row's, and the cell is the missing one at its end) */
function assertOnTheirCells(m: TableViewModel): void {
  for (const c of cellsOf(m)) {
    for (const f of c.findings) {
      if (f.code === 'missing-cell') {
        assert.equal(c.kind, 'missing');
        assert.equal(c.range?.start.character, f.range.end.character, 'the missing cell is at the end of the row');
      } else {
        assert.deepEqual(c.range, f.range, `${f.code} on ${c.row}/${c.column}`);
      }
    }
  }
}

/** the sample with the five missing 总计 inserted (each row's sum), and with one total then broken */
function fixedSample(): string {
  const lines = SAMPLE.split('\n');
  for (const needle of ['一、本年新收', '二、上年结转', '(一) 予以公开', '(二) 部分公开', '(三) 不予']) {
    const i = lineOf(SAMPLE, needle);
    const sum = lines[i]
      .split('\t')
      .filter((c) => /^\d+$/.test(c.trim()))
      .reduce((s, c) => s + Number(c), 0);
    lines[i] = `${lines[i]}\t${sum}`;
  }
  return lines.join('\n');
}

describe('disclosureReport/tableModel', () => {
  let server: TestServer;
  const stats = async () => (await server.connection.sendRequest('disclosureReport/serverStats')) as ServerStats;
  const model = async (uri: string) =>
    (await server.connection.sendRequest('disclosureReport/tableModel', { uri })) as TableViewModel | null;

  before(async () => {
    server = await startServer();
  });
  after(() => server.stop());

  test('the model of the open version: the cells the diagnostics point at are marked, from the same analysis', async () => {
    const uri = fileUri('table-1.txt');
    await server.open(uri, SAMPLE, 4);
    const published = await server.waitForDiagnostics(uri);
    const analysesBefore = (await stats()).analyses;
    const m = await model(uri);
    assert.ok(m, 'a model for an open document');
    assert.equal(m.uri, uri);
    assert.equal(m.version, 4);
    assert.equal(m.format, '2021');
    assert.equal(m.checked, true);
    // missing-cell points at the whole row; the model puts it on the missing 总计 at the row's end
    assert.deepEqual(marked(m), onDiagnostics(published.diagnostics));
    assertOnTheirCells(m);
    assert.deepEqual(
      m.findings.map((f) => f.code),
      ['narrative-mismatch'],
    );
    assert.equal((await stats()).analyses, analysesBefore, 'answered from the analysis the diagnostics made');
  });

  test('never an older version: changes sent just before the request are what it answers for', async () => {
    const uri = fileUri('table-2.txt');
    await server.open(uri, SAMPLE, 1);
    await server.waitForDiagnostics(uri);
    const fixed = fixedSample();
    const broken = fixed.replace(/(4\.保护第三方合法权益(?:\t\d+){6}\t)7/, '$19');
    assert.notEqual(broken, fixed);
    await server.change(uri, 2, fixed);
    await server.change(uri, 3, broken);
    const analysesBefore = (await stats()).analyses;
    const m = await model(uri);
    assert.ok(m);
    assert.equal(m.version, 3, 'the version the document is at, not one it left');
    const wrong = cellsOf(m).filter((c) => c.findings.length);
    assert.deepEqual(
      wrong.map((c) => [c.row, c.column, c.text, c.expected, c.findings.map((f) => f.code).join()]),
      [
        ['4.保护第三方合法权益', '总计', '9', 7, 'row-total'],
        // the 总计 column no longer adds up to （七）; the （七） row itself still does (12), so no value is proposed
        ['（七）总计', '总计', '12', undefined, 'column-total'],
      ],
    );
    // the diagnostics of v3 follow, from the same analysis; v2 was never analysed
    const v3 = await server.waitForDiagnostics(uri, (p) => p.version === 3);
    assert.deepEqual(marked(m), onDiagnostics(v3.diagnostics));
    assertOnTheirCells(m);
    assert.equal((await stats()).analyses, analysesBefore + 1, 'one analysis for v3, shared by the request and the diagnostics');
    const note = server.notifications.find(
      (n) => (n.params as { uri: string; version: number }).uri === uri && (n.params as { version: number }).version === 3,
    );
    assert.ok(note, 'the finding-count notification says v3 was analysed (the view asks again on it)');
  });

  test('a document that is not open, or a request without a uri, gets null', async () => {
    assert.equal(await model(fileUri('never-opened.txt')), null);
    assert.equal(await server.connection.sendRequest('disclosureReport/tableModel', {}), null);
  });

  test('checking off: the tables without findings', async () => {
    const off = await startServer({ settings: { validate: 'off' } });
    try {
      const uri = fileUri('table-off.txt');
      await off.open(uri, SAMPLE, 1);
      const m = (await off.connection.sendRequest('disclosureReport/tableModel', { uri })) as TableViewModel;
      assert.equal(m.checked, false);
      assert.equal(m.status.total.error, 0);
      assert.deepEqual(marked(m), []);
      assert.ok(
        cellsOf(m).some((c) => c.kind === 'missing'),
        'the missing cells are still drawn as missing',
      );
    } finally {
      await off.stop();
    }
  });

  test('messages in the display language (zh-cn)', async () => {
    const zh = await startServer({ locale: 'zh-cn' });
    try {
      const uri = fileUri('table-zh.txt');
      await zh.open(uri, SAMPLE, 1);
      const m = (await zh.connection.sendRequest('disclosureReport/tableModel', { uri })) as TableViewModel;
      assert.equal(m.lang, 'zh');
      const messages = cellsOf(m).flatMap((c) => c.findings.map((f) => f.message));
      assert.equal(messages.length, 5);
      for (const message of messages) assert.match(message, /个数值，应为 7 个/);
    } finally {
      await zh.stop();
    }
  });
});
