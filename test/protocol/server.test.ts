// Protocol tests: the bundled language server as a real process over stdio, driven by a JSON-RPC
// client (vscode-languageserver-protocol). Build first: `node esbuild.mjs`. This file: every feature
// on the sample report; editing.test.ts: versions and edits; settings.test.ts: settings and config.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  type CodeAction,
  CodeActionRequest,
  type Diagnostic,
  type DocumentSymbol,
  DocumentSymbolRequest,
  ExecuteCommandRequest,
  FoldingRangeRequest,
  HoverRequest,
  type MarkupContent,
  type TextDocumentEdit,
} from 'vscode-languageserver-protocol/node';
import type { DiagnosticData } from '../../server/src/protocol';
import { applyTextEdits, fileUri, lineOf, ROOT, SAMPLE, startServer, type TestServer } from './harness';
import { codes, editsOf, LINES, MISSING_ROWS, TOTAL_ROW, text } from './sample';

describe('the sample report (xigong-2022)', () => {
  let server: TestServer;
  const uri = fileUri('xigong-2022-protocol.txt');
  let diagnostics: Diagnostic[];

  before(async () => {
    server = await startServer();
    await server.open(uri, SAMPLE, 1);
    diagnostics = (await server.waitForDiagnostics(uri)).diagnostics;
  });
  after(() => server.stop());

  test('initialize advertises the features', () => {
    const caps = server.initializeResult.capabilities;
    assert.ok(caps.hoverProvider);
    assert.ok(caps.documentSymbolProvider);
    assert.ok(caps.foldingRangeProvider);
    assert.deepEqual(caps.executeCommandProvider?.commands, ['disclosureReport.recalculateTotals']);
    const kinds = typeof caps.codeActionProvider === 'object' ? caps.codeActionProvider.codeActionKinds : [];
    assert.deepEqual(kinds, ['quickfix', 'source.fixAll.disclosure-report']);
    assert.equal((caps.textDocumentSync as { change: number }).change, 2, 'incremental sync');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(server.initializeResult.serverInfo, { name: 'disclosure-report', version: pkg.version });
  });

  test('exactly five missing-cell errors, on rows 一、二、（一）、（二） and the (三) 不予 line', async () => {
    const publish = await server.waitForDiagnostics(uri);
    assert.equal(publish.version, 1);
    const errors = diagnostics.filter((d) => d.severity === 1);
    assert.deepEqual(codes(errors), ['missing-cell', 'missing-cell', 'missing-cell', 'missing-cell', 'missing-cell']);
    assert.deepEqual(
      errors.map((d) => d.range.start.line),
      MISSING_ROWS,
    );
    for (const d of errors) {
      assert.equal(d.source, 'disclosure-report');
      assert.match(d.codeDescription?.href ?? '', /missing-cell/);
      assert.equal(d.range.end.line, d.range.start.line, 'the whole row, one line');
      assert.equal(d.range.end.character, LINES[d.range.start.line].replace(/\s+$/, '').length);
      assert.match(text(d), /总计/);
      const data = d.data as DiagnosticData;
      assert.deepEqual([data.version, data.fixable, data.preferred, data.recalculates], [1, true, true, true]);
    }
  });

  test('the finding count request and notification agree with the diagnostics', async () => {
    const counts = await server.connection.sendRequest('disclosureReport/findingCount', { uri });
    assert.deepEqual(
      { ...(counts as object), uri: undefined },
      {
        uri: undefined,
        version: 1,
        error: diagnostics.filter((d) => d.severity === 1).length,
        warning: diagnostics.filter((d) => d.severity === 2).length,
        info: diagnostics.filter((d) => d.severity === 3).length,
        hint: diagnostics.filter((d) => d.severity === 4).length,
        total: diagnostics.length,
        format: '2021',
      },
    );
    const note = server.notifications.find((n) => (n.params as { uri: string }).uri === uri);
    assert.ok(note, 'a finding-count notification for the document');
    assert.equal((note.params as { total: number }).total, diagnostics.length);
  });

  test('the symbol tree: sections → sub-parts → tables → row groups', async () => {
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(
      symbols.map((s) => s.name),
      [
        '一、总体情况',
        '二、主动公开政府信息情况',
        '三、收到和处理政府信息公开申请情况',
        '四、政府信息公开行政复议、行政诉讼情况',
        '五、存在的主要问题及改进情况',
        '六、其他需要报告的事项',
      ],
    );
    assert.deepEqual(
      symbols[0].children!.map((s) => s.name),
      ['（一）主动公开', '（二）依申请公开', '（三）政府信息管理', '（四）政府信息公开平台建设', '（五）监督保障'],
    );
    const table2 = symbols[1].children!.find((s) => s.name.startsWith('表二'));
    assert.ok(table2, 'section 二 holds table 二');
    assert.deepEqual(
      table2.children!.map((s) => s.name),
      ['第二十条第（一）项', '第二十条第（五）项', '第二十条第（六）项', '第二十条第（八）项'],
    );
    assert.deepEqual(
      table2.children![0].children!.map((s) => s.name),
      ['规章', '行政规范性文件'],
    );
    const table3 = symbols[2].children!.find((s) => s.name.startsWith('表三'));
    assert.ok(table3, 'section 三 holds table 三');
    assert.deepEqual(
      table3.children!.map((s) => s.name),
      ['一、本年新收政府信息公开申请数量', '二、上年结转政府信息公开申请数量', '三、本年度办理结果', '四、结转下年度继续办理'],
    );
    const results = table3.children![2];
    assert.deepEqual(
      results.children!.map((s) => s.name),
      ['（一）予以公开', '（二）部分公开', '（三）不予公开', '（四）无法提供', '（五）不予处理', '（六）其他处理', '（七）总计'],
    );
    assert.equal(results.children![2].children!.length, 8, '（三）不予公开 has its 8 numbered rows');
    assert.equal(results.children![2].children![0].name, '1.属于国家秘密');
    assert.equal(results.children![2].children![0].range.start.line, MISSING_ROWS[4]);
    assert.equal(results.children![5].children!.length, 3, '（六）其他处理 has 3 rows (2021 format)');
    // every selectionRange lies inside its range (VS Code rejects the tree otherwise)
    const check = (s: DocumentSymbol) => {
      const inside =
        (s.selectionRange.start.line > s.range.start.line ||
          (s.selectionRange.start.line === s.range.start.line && s.selectionRange.start.character >= s.range.start.character)) &&
        (s.selectionRange.end.line < s.range.end.line ||
          (s.selectionRange.end.line === s.range.end.line && s.selectionRange.end.character <= s.range.end.character));
      assert.ok(inside, `${s.name}: selectionRange inside range`);
      s.children?.forEach(check);
    };
    symbols.forEach(check);
  });

  test('folding ranges for every section and table', async () => {
    const ranges = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(ranges);
    const starts = new Set(ranges.map((r) => r.startLine));
    for (const heading of [
      '一、总体情况',
      '二、主动公开政府信息情况',
      '三、收到和处理政府信息公开申请情况',
      '五、存在的主要问题及改进情况',
    ]) {
      assert.ok(starts.has(lineOf(SAMPLE, heading)), `a folding range starts at ${heading}`);
    }
    const table3 = ranges.find((r) => r.startLine === lineOf(SAMPLE, '三、收到和处理'));
    assert.ok(table3 && table3.endLine >= lineOf(SAMPLE, '四、结转下年度'), 'section 三 folds down to its last row');
    for (const r of ranges) assert.ok(r.endLine > r.startLine);
  });

  test('hover on the （七）总计 row’s 总计 cell writes out the sum', async () => {
    const character = LINES[TOTAL_ROW].lastIndexOf('12');
    const hover = await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: TOTAL_ROW, character: character + 1 },
    });
    assert.ok(hover, 'a hover');
    const value = (hover!.contents as MarkupContent).value;
    assert.match(value, /（七）总计/);
    assert.match(value, /Column: 总计/);
    assert.match(value, /12 \+ 0 \+ 0 \+ 0 \+ 0 \+ 0 = 12/);
    assert.deepEqual(hover.range, { start: { line: TOTAL_ROW, character }, end: { line: TOTAL_ROW, character: character + 2 } });
    // prose has no hover
    const prose = await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: lineOf(SAMPLE, '（一）主动公开'), character: 5 },
    });
    assert.equal(prose, null);
  });

  test('a quick fix per missing-cell finding inserts the computed 总计, preferred', async () => {
    const d = diagnostics.find((x) => x.range.start.line === MISSING_ROWS[0])!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: d.range,
      context: { diagnostics: [d], only: ['quickfix'] },
    })) as CodeAction[];
    // the fix, then "Accept this finding…" (a command of the client, test/protocol/accept.test.ts)
    assert.deepEqual(
      actions.map((a) => a.command?.command ?? 'edit'),
      ['edit', 'disclosureReport.acceptFinding'],
    );
    const [action] = actions;
    assert.equal(action.kind, 'quickfix');
    assert.equal(action.isPreferred, true);
    assert.deepEqual(action.diagnostics, [d]);
    const { version, edits } = editsOf(action);
    assert.equal(version, 1, 'a versioned edit');
    const fixed = applyTextEdits(SAMPLE, edits).split('\n')[MISSING_ROWS[0]];
    assert.equal(fixed, `${LINES[MISSING_ROWS[0]]}\t12`);
  });

  test('fix-all (source.fixAll.disclosure-report) recalculates every derived cell', async () => {
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.disclosure-report');
    const { version, edits } = editsOf(actions[0]);
    assert.equal(version, 1);
    assert.equal(edits.length, 5);
    const fixed = applyTextEdits(SAMPLE, edits).split('\n');
    assert.deepEqual(
      MISSING_ROWS.map((l) => fixed[l].split('\t').at(-1)),
      ['12', '0', '3', '0', '0'],
    );
    // nothing else changed
    assert.deepEqual(
      fixed.filter((_, i) => !MISSING_ROWS.includes(i)),
      LINES.filter((_, i) => !MISSING_ROWS.includes(i)),
    );
    // quick fixes are not returned when only source actions are asked for
    const quick = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics, only: ['source.fixAll.disclosure-report'] },
    })) as CodeAction[];
    assert.deepEqual(
      quick.map((a) => a.kind),
      ['source.fixAll.disclosure-report'],
    );
  });

  test('the recalculateTotals command applies the same edit through workspace/applyEdit', async () => {
    const fixAll = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.disclosure-report'] },
    })) as CodeAction[];
    const before = server.appliedEdits.length;
    const result = await server.connection.sendRequest(ExecuteCommandRequest.type, {
      command: 'disclosureReport.recalculateTotals',
      arguments: [uri],
    });
    assert.deepEqual(result, { applied: true, changed: 5 });
    assert.equal(server.appliedEdits.length, before + 1);
    const applied = server.appliedEdits.at(-1)!;
    assert.deepEqual(applied.edit, fixAll[0].edit);
    const change = applied.edit.documentChanges![0] as TextDocumentEdit;
    assert.deepEqual(change.textDocument, { uri, version: 1 });
  });
});
