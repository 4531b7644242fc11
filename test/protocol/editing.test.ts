// Protocol tests of editing: versions never go back, stale work is dropped, fixes round-trip.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { type CodeAction, CodeActionRequest, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { applyTextEdits, fileUri, SAMPLE, startServer, type TestServer } from './harness';
import { codes, editsOf, LINES, MISSING_ROWS, TOTAL_ROW } from './sample';

describe('editing', () => {
  let server: TestServer;
  before(async () => {
    server = await startServer({ debounceMs: 150 });
  });
  after(() => server.stop());

  test('applying fix-all and sending the new text clears the missing-cell errors (version 2)', async () => {
    const uri = fileUri('edit-1.txt');
    await server.open(uri, SAMPLE, 1);
    await server.waitForDiagnostics(uri, (p) => p.version === 1);
    const [action] = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.disclosure-report'] },
    })) as CodeAction[];
    await server.change(uri, 2, applyTextEdits(SAMPLE, editsOf(action).edits));
    const v2 = await server.waitForDiagnostics(uri, (p) => p.version === 2);
    assert.deepEqual(
      codes(v2.diagnostics).filter((c) => c === 'missing-cell'),
      [],
    );
    const none = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.disclosure-report'] },
    })) as CodeAction[];
    assert.deepEqual(none, [], 'nothing left to recalculate');
  });

  test('a wrong （七）总计 gives a row-total error whose related information points at its parts', async () => {
    const uri = fileUri('edit-2.txt');
    const line = LINES[TOTAL_ROW];
    const wrong = LINES.map((l, i) => (i === TOTAL_ROW ? l.replace(/12$/, '13') : l)).join('\n');
    await server.open(uri, wrong, 1);
    const p = await server.waitForDiagnostics(uri);
    const rowTotal = p.diagnostics.find((d) => d.code === 'row-total' && d.range.start.line === TOTAL_ROW);
    assert.ok(rowTotal, `a row-total error on the （七） row; got ${codes(p.diagnostics)}`);
    assert.equal(rowTotal.range.start.character, line.lastIndexOf('12'));
    const related = rowTotal.relatedInformation ?? [];
    assert.equal(related.length, 6, 'the six columns the 总计 adds up');
    for (const r of related) {
      assert.equal(r.location.uri, uri);
      assert.equal(r.location.range.start.line, TOTAL_ROW);
    }
    assert.match(related[0].message, /自然人.*12/);
    // the hover on it states the expected value
    const hover = await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: TOTAL_ROW, character: line.lastIndexOf('12') },
    });
    assert.match((hover!.contents as MarkupContent).value, /row-total[\s\S]*expected \*\*12\*\*/);
    const [fix] = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: rowTotal.range,
      context: { diagnostics: [rowTotal], only: ['quickfix'] },
    })) as CodeAction[];
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(
      editsOf(fix).edits.map((e) => e.newText),
      ['12'],
    );
  });

  test('edits made while the server is busy never yield diagnostics for an older version', async () => {
    const uri = fileUri('edit-3.txt');
    await server.open(uri, SAMPLE, 1);
    // v2 and v3 arrive at once, while v1 is being checked: only v3 (the fixed text) may follow v1
    const broken = SAMPLE.replace('12\t0\t0\t0\t0\t0\t12', '12\t0\t0\t0\t0\t0\t99');
    const [fixAll] = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.disclosure-report'] },
    })) as CodeAction[];
    const fixed = applyTextEdits(SAMPLE, editsOf(fixAll).edits);
    await server.change(uri, 2, broken);
    await server.change(uri, 3, fixed);
    const v3 = await server.waitForDiagnostics(uri, (p) => p.version === 3);
    await server.quiescent(); // nothing more will be published for what was sent
    const published = server.diagnostics.filter((p) => p.uri === uri);
    const versions = published.map((p) => p.version);
    assert.ok(
      versions.every((v) => typeof v === 'number'),
      `every publish carries a version: ${versions}`,
    );
    for (let i = 1; i < versions.length; i++) assert.ok(versions[i]! >= versions[i - 1]!, `versions never go back: ${versions}`);
    assert.equal(versions.at(-1), 3);
    assert.ok(!versions.includes(2), `the debounced v2 is dropped: ${versions}`);
    assert.deepEqual(
      codes(v3.diagnostics).filter((c) => c === 'missing-cell' || c === 'row-total'),
      [],
    );
  });

  test('an edit while the server waits for its settings is not overtaken by the older version', async () => {
    const slow = await startServer({ settings: {}, configurationDelayMs: 300, debounceMs: 0 });
    try {
      const uri = fileUri('edit-4.txt');
      await slow.open(uri, SAMPLE, 1);
      // version 1's check now waits for its settings: the edits arrive meanwhile
      await slow.configurationRequested();
      await slow.change(uri, 2, SAMPLE.replace('12\t0\t0\t0\t0\t0\t12', '12\t0\t0\t0\t0\t0\t99'));
      const [fixedRow] = [SAMPLE.replace(LINES[MISSING_ROWS[0]], `${LINES[MISSING_ROWS[0]]}\t12`)];
      await slow.change(uri, 3, fixedRow);
      const v3 = await slow.waitForDiagnostics(uri, (p) => p.version === 3);
      await slow.quiescent();
      const versions = slow.diagnostics.filter((p) => p.uri === uri).map((p) => p.version);
      assert.deepEqual(versions, [3], 'versions 1 and 2 were stale when their settings arrived');
      assert.equal(v3.diagnostics.filter((d) => d.code === 'missing-cell').length, 4);
    } finally {
      await slow.stop();
    }
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = fileUri('edit-5.txt');
    await server.open(uri, SAMPLE, 1);
    await server.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    await server.close(uri);
    const cleared = await server.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
  });
});
