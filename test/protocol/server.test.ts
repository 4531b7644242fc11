// Protocol tests: the bundled language server as a real process over stdio, driven by a JSON-RPC
// client (vscode-languageserver-protocol). Build first: `node esbuild.mjs`.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
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
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import type { DiagnosticData } from '../../server/src/protocol';
import { CUSTOM_ID, CUSTOM_ROW_LABEL, customReport, customTemplate } from '../support/custom-template';
import { applyTextEdits, fileUri, lineOf, ROOT, SAMPLE, startServer, type TestServer } from './harness';

const LINES = SAMPLE.split(/\r\n|\r|\n/);
/** the five rows of the sample that lack their 总计 cell (the `(三) 不予` line is row 1.属于国家秘密) */
const MISSING_ROWS = [
  lineOf(SAMPLE, '一、本年新收'),
  lineOf(SAMPLE, '二、上年结转'),
  lineOf(SAMPLE, '(一) 予以公开'),
  lineOf(SAMPLE, '(二) 部分公开'),
  lineOf(SAMPLE, '(三) 不予'),
];
const TOTAL_ROW = lineOf(SAMPLE, '(七) 总计');

function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** a diagnostic's message (LSP 3.18 allows markup) */
function text(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

function editsOf(action: CodeAction): { version: number | null; edits: TextEdit[] } {
  const changes = action.edit?.documentChanges;
  assert.ok(changes && changes.length === 1, `${action.title}: one versioned document edit`);
  const change = changes[0] as TextDocumentEdit;
  return { version: change.textDocument.version, edits: change.edits as TextEdit[] };
}

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
    assert.equal(actions.length, 1);
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

describe('settings and .disclosure-report.json', () => {
  test('Chinese messages when the display language is zh-cn', async () => {
    const server = await startServer({ locale: 'zh-cn' });
    try {
      const uri = fileUri('zh.txt');
      await server.open(uri, SAMPLE);
      const p = await server.waitForDiagnostics(uri);
      assert.equal(p.diagnostics.length >= 5, true);
      const missing = p.diagnostics.find((d) => d.code === 'missing-cell')!;
      assert.doesNotMatch(text(missing), /value cells|missing/);
      assert.match(text(missing), /[\u4e00-\u9fff]/);
      const [fix] = (await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: missing.range,
        context: { diagnostics: [missing], only: ['quickfix'] },
      })) as CodeAction[];
      assert.match(fix.title, /补上总计/);
    } finally {
      await server.stop();
    }
  });

  test('rules from the editor settings: off hides a check, a severity changes it', async () => {
    const server = await startServer({ settings: { rules: { 'missing-cell': 'off' } } });
    try {
      const uri = fileUri('rules.txt');
      await server.open(uri, SAMPLE);
      const off = await server.waitForDiagnostics(uri);
      assert.deepEqual(
        codes(off.diagnostics).filter((c) => c === 'missing-cell'),
        [],
      );
      server.settings = { rules: { 'missing-cell': 'warning' } };
      await server.changeConfiguration(server.settings);
      const warn = await server.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'missing-cell'));
      const missing = warn.diagnostics.filter((d) => d.code === 'missing-cell');
      assert.equal(missing.length, 5);
      assert.ok(
        missing.every((d) => d.severity === 2),
        'warnings',
      );
    } finally {
      await server.stop();
    }
  });

  test('a bad setting gives one clear warning and the default is used', async () => {
    const server = await startServer({ settings: { validate: 'sometimes', format: 2021, rules: { 'missing-cell': 'loud' } } });
    try {
      const a = fileUri('bad-a.txt');
      const b = fileUri('bad-b.txt');
      await server.open(a, SAMPLE);
      await server.open(b, SAMPLE);
      const p = await server.waitForDiagnostics(a);
      await server.waitForDiagnostics(b);
      assert.equal(p.diagnostics.filter((d) => d.code === 'missing-cell' && d.severity === 1).length, 5, 'defaults apply');
      const warnings = server.messages.filter((m) => m.type === 2);
      assert.equal(warnings.length, 1, `one message, got ${JSON.stringify(server.messages)}`);
      assert.match(warnings[0].message, /disclosureReport\.validate/);
      assert.match(warnings[0].message, /disclosureReport\.format/);
      assert.match(warnings[0].message, /disclosureReport\.rules\.missing-cell/);
    } finally {
      await server.stop();
    }
  });

  test('validate: onSave checks on open and save only; off publishes nothing', async () => {
    const server = await startServer({ settings: { validate: 'onSave' }, debounceMs: 0 });
    try {
      const uri = fileUri('on-save.txt');
      await server.open(uri, SAMPLE, 1);
      await server.waitForDiagnostics(uri, (p) => p.version === 1);
      const fixed = SAMPLE.replace(LINES[MISSING_ROWS[0]], `${LINES[MISSING_ROWS[0]]}\t12`);
      await server.change(uri, 2, fixed);
      await server.quiescent(); // the change was handled: checked or not, nothing more comes
      assert.deepEqual(
        server.diagnostics.filter((p) => p.uri === uri).map((p) => p.version),
        [1],
        'no check on type',
      );
      await server.save(uri);
      const saved = await server.waitForDiagnostics(uri, (p) => p.version === 2);
      assert.equal(saved.diagnostics.filter((d) => d.code === 'missing-cell').length, 4);

      server.settings = { validate: 'off' };
      await server.changeConfiguration(server.settings);
      const off = await server.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      assert.equal(off.version, 2);
    } finally {
      await server.stop();
    }
  });

  test('.disclosure-report.json above the report applies; editor settings override the keys they set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-protocol-'));
    try {
      writeFileSync(join(dir, '.disclosure-report.json'), JSON.stringify({ rules: { 'missing-cell': 'off', 'missing-section': 'off' } }));
      const sub = join(dir, 'reports');
      const uri = pathToFileURL(join(sub, 'report.txt')).toString();
      const server = await startServer({ settings: {} });
      try {
        await server.open(uri, SAMPLE);
        const fromFile = await server.waitForDiagnostics(uri);
        assert.deepEqual(
          codes(fromFile.diagnostics).filter((c) => c === 'missing-cell'),
          [],
          'the file turns missing-cell off',
        );
        server.settings = { rules: { 'missing-cell': 'info' } };
        await server.changeConfiguration(server.settings);
        const over = await server.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'missing-cell'));
        assert.ok(over.diagnostics.filter((d) => d.code === 'missing-cell').every((d) => d.severity === 3));
        assert.equal(over.diagnostics.filter((d) => d.code === 'missing-cell').length, 5);
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a user's custom format named in .disclosure-report.json: its findings in the editor, and an edit of the template re-checks", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-protocol-custom-'));
    try {
      const templatePath = join(dir, 'formats', 'provincial.json');
      mkdirSync(join(dir, 'formats'));
      writeFileSync(join(dir, '.disclosure-report.json'), JSON.stringify({ templates: ['./formats/provincial.json'] }));
      writeFileSync(templatePath, JSON.stringify(customTemplate()));
      const { text, expected } = customReport();
      const uri = pathToFileURL(join(dir, 'report.txt')).toString();
      const server = await startServer({ settings: {} });
      try {
        await server.open(uri, text);
        const first = await server.waitForDiagnostics(uri);
        const rowTotal = first.diagnostics.filter((d) => d.code === 'row-total');
        assert.deepEqual(
          rowTotal.map((d) => [(d.data as DiagnosticData).row, (d.data as DiagnosticData).expected]),
          [[CUSTOM_ROW_LABEL, expected]],
        );
        const counts = (await server.connection.sendRequest('disclosureReport/findingCount', { uri })) as { format: string };
        assert.equal(counts.format, CUSTOM_ID);
        assert.ok(
          server.registrations.some((r) => JSON.stringify(r.registerOptions).includes('provincial.json')),
          `the template file is watched: ${JSON.stringify(server.registrations)}`,
        );
        // the user renames the row in the template: the open report is checked again with it
        const edited = customTemplate() as { tables: { id: string; blocks: { rows: { id: string; label: string }[] }[] }[] };
        edited.tables.find((t) => t.id === '三')!.blocks[0].rows.find((r) => r.id === '（一）')!.label = '（一）予以公开（新口径）';
        writeFileSync(templatePath, JSON.stringify(edited));
        await server.filesChanged([pathToFileURL(templatePath).toString()]);
        const again = await server.waitForDiagnostics(uri, (p) =>
          p.diagnostics.some((d) => (d.data as DiagnosticData).row === '（一）予以公开（新口径）'),
        );
        assert.equal(again.diagnostics.filter((d) => d.code === 'row-total').length, 1);
        assert.deepEqual(server.messages, [], 'no warning: the config and the template are valid');
      } finally {
        await server.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
