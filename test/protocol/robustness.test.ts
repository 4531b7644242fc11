// The server keeps serving: when a rule throws (DR_FAULT_RULE, a test-only switch of the Node
// entry), when a request is malformed, when the settings or `.disclosure-report.json` are invalid,
// and on a 10,000-line report while the user types (the event loop stays responsive, stale work
// is dropped). Build first: `node esbuild.mjs`.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import {
  type Diagnostic,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  type DocumentSymbol,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  type MarkupContent,
} from 'vscode-languageserver-protocol/node';
import type { ServerStats } from '../../server/src/protocol';
import { consistentTable3, consistentTable4, generateReport, renderReport, rng } from '../support/report';
import { fileUri, lineOf, ROOT, SAMPLE, sleep, startServer, type TestServer } from './harness';

const STATS = 'disclosureReport/serverStats';

function codes(diagnostics: Diagnostic[]): string[] {
  return [...new Set(diagnostics.map((d) => String(d.code)))].sort();
}

/** a generated report with a wrong cell in （一）予以公开 (row-total, column-total) and a missing 总计 in 四 */
function damagedReport(): { text: string; wrongLine: number; missingLine: number } {
  const lines = generateReport(3).text.split('\n');
  const wrongLine = lines.findIndex((l) => l.includes('\t（一）予以公开\t'));
  const missingLine = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
  const cells = lines[wrongLine].split('\t');
  cells[3] = String(Number(cells[3]) + 5);
  lines[wrongLine] = cells.join('\t');
  lines[missingLine] = lines[missingLine].split('\t').slice(0, -1).join('\t');
  return { text: lines.join('\n'), wrongLine, missingLine };
}

describe('a rule that throws (DR_FAULT_RULE=row-total)', () => {
  let server: TestServer;
  const uri = fileUri('robust-fault.txt');
  const report = damagedReport();

  before(async () => {
    server = await startServer({ env: { DR_FAULT_RULE: 'row-total' } });
    await server.open(uri, report.text, 1);
  });
  after(() => server.stop());

  const faultLogs = () => server.logs.filter((l) => l.type === 1 && /rule row-total failed/.test(l.message));

  test('the other findings still arrive, without row-total', async () => {
    const p = await server.waitForDiagnostics(uri, (d) => d.version === 1);
    assert.deepEqual(codes(p.diagnostics), ['column-total', 'missing-cell']);
    assert.equal(p.diagnostics.find((d) => d.code === 'missing-cell')?.range.start.line, report.missingLine);
  });

  test('the failure is logged (window/logMessage, error) once per version, with the rule and its stack', async () => {
    await server.waitForDiagnostics(uri, (d) => d.version === 1);
    // hover, symbols and the finding count reuse the analysis of version 1: no second log
    await server.connection.sendRequest('disclosureReport/findingCount', { uri });
    await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    const logs = faultLogs();
    assert.equal(logs.length, 1, JSON.stringify(server.logs));
    assert.match(logs[0].message, /version 1/);
    assert.match(logs[0].message, /DR_FAULT_RULE: row-total fails on purpose/);
    assert.match(logs[0].message, / at /, 'the top stack frame');
  });

  test('the server still answers hover, symbols and folding, and checks the next version', async () => {
    const hover = await server.connection.sendRequest(HoverRequest.type, {
      textDocument: { uri },
      position: { line: report.wrongLine, character: report.text.split('\n')[report.wrongLine].lastIndexOf('\t') + 1 },
    });
    assert.match((hover!.contents as MarkupContent).value, /（一）予以公开|总计/);
    const symbols = (await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(symbols.some((s) => s.name.startsWith('三、')));
    const folds = await server.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.ok(folds && folds.length > 0);

    const fixed = report.text.split('\n');
    fixed[report.missingLine] = `${damagedReport().text.split('\n')[report.missingLine]}\t0`;
    await server.change(uri, 2, fixed.join('\n'));
    const v2 = await server.waitForDiagnostics(uri, (d) => d.version === 2);
    assert.ok(!codes(v2.diagnostics).includes('row-total'));
    assert.equal(faultLogs().length, 2, 'version 2 logs its own failure, once');
  });
});

describe('malformed requests are answered with a neutral result and logged', () => {
  let server: TestServer;
  const uri = fileUri('robust-malformed.txt');
  before(async () => {
    server = await startServer();
    await server.open(uri, SAMPLE, 1);
    await server.waitForDiagnostics(uri);
  });
  after(() => server.stop());

  test('symbols, hover, folding, code actions, finding count: no error response, the server keeps serving', async () => {
    const { connection } = server;
    assert.equal(await connection.sendRequest('textDocument/documentSymbol', {}), null);
    assert.equal(await connection.sendRequest('textDocument/hover', { textDocument: { uri } }), null);
    assert.equal(await connection.sendRequest('textDocument/foldingRange', { textDocument: null }), null);
    assert.deepEqual(await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: null }), []);
    assert.equal(await connection.sendRequest('disclosureReport/findingCount', null), null);
    const failures = server.logs.filter((l) => l.type === 1 && /failed: /.test(l.message)).map((l) => l.message.split(':')[0]);
    for (const name of ['documentSymbol failed', 'hover failed', 'foldingRange failed', 'codeAction failed', 'findingCount failed']) {
      assert.ok(failures.includes(name), `${name} is logged: ${JSON.stringify(server.logs)}`);
    }
    // a well-formed request right after is answered as usual
    const counts = (await connection.sendRequest('disclosureReport/findingCount', { uri })) as { error: number };
    assert.equal(counts.error, 5);
  });
});

describe('invalid settings and .disclosure-report.json', () => {
  test('settings that are not an object: one warning, the defaults apply', async () => {
    const server = await startServer({ settings: 'loud' });
    try {
      const a = fileUri('robust-settings-a.txt');
      const b = fileUri('robust-settings-b.txt');
      await server.open(a, SAMPLE);
      await server.open(b, SAMPLE);
      const p = await server.waitForDiagnostics(a);
      await server.waitForDiagnostics(b);
      assert.equal(p.diagnostics.filter((d) => d.code === 'missing-cell' && d.severity === 1).length, 5);
      const warnings = server.messages.filter((m) => m.type === 2);
      assert.equal(warnings.length, 1, JSON.stringify(server.messages));
      assert.match(warnings[0].message, /disclosureReport: expected an object/);
    } finally {
      await server.stop();
    }
  });

  for (const [name, content, expected] of [
    ['broken JSON', '{ "rules": { "missing-cell": "off", } ', /not valid JSON/],
    [
      'wrong values',
      JSON.stringify({ rules: { 'missing-cell': 'loud', 'row-totl': 'off' }, decimalPlaces: 'two' }),
      /missing-cell[\s\S]*row-totl|row-totl[\s\S]*missing-cell/,
    ],
  ] as const) {
    test(`a .disclosure-report.json with ${name} next to the report: one warning, the defaults apply, fixing it applies it`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'dr-robust-'));
      const configPath = join(dir, '.disclosure-report.json');
      try {
        writeFileSync(configPath, content);
        const a = pathToFileURL(join(dir, 'a.txt')).toString();
        const b = pathToFileURL(join(dir, 'b.txt')).toString();
        const server = await startServer({ settings: {} });
        try {
          await server.open(a, SAMPLE);
          await server.open(b, SAMPLE);
          const p = await server.waitForDiagnostics(a);
          await server.waitForDiagnostics(b);
          assert.equal(p.diagnostics.filter((d) => d.code === 'missing-cell' && d.severity === 1).length, 5, 'defaults');
          const warnings = server.messages.filter((m) => m.type === 2);
          assert.equal(warnings.length, 1, JSON.stringify(server.messages));
          assert.match(warnings[0].message, /\.disclosure-report\.json/);
          assert.match(warnings[0].message, expected);
          // still serving
          const hover = await server.connection.sendRequest(HoverRequest.type, {
            textDocument: { uri: a },
            position: { line: lineOf(SAMPLE, '(七) 总计'), character: SAMPLE.split('\n')[lineOf(SAMPLE, '(七) 总计')].length - 1 },
          });
          assert.ok(hover);
          // the user fixes the file: the file watcher tells the server, the rules apply
          writeFileSync(configPath, JSON.stringify({ rules: { 'missing-cell': 'off' } }));
          await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: pathToFileURL(configPath).toString(), type: 2 }],
          });
          await server.waitForDiagnostics(a, (d) => !d.diagnostics.some((x) => x.code === 'missing-cell'));
          assert.equal(server.messages.filter((m) => m.type === 2).length, 1, 'no further warning');
        } finally {
          await server.stop();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

describe('a 10,000-line report while the user types', () => {
  const EDITS = 30;
  const TYPING_MS = 30;
  const PROBE_MS = 20;
  /** keystrokes, each followed by its diagnostics, before the measured burst (a server in use) */
  const WARM_UP_PAUSES = 4;
  /**
   * Bound on the round trip of a request that does not analyse (disclosureReport/serverStats),
   * sent every 20 ms during the burst and until the final diagnostics. The debounced analysis of
   * the final version runs in between and is the longest task the server does. This is a bound on
   * blocking, not a speed goal: a server that analysed every keystroke, or in one long synchronous
   * pass, would hold a probe for seconds. The speed goal (≤ 100 ms; measured max 6–46 ms, median
   * ≈ 1 ms) lives in `npm run bench` ("change → diagnostics"); 150 ms here failed at load 12–13 on
   * two cores (161–356 ms) with the code unchanged.
   */
  const MAX_ROUND_TRIP_MS = 1_500;

  function bigReport(): string {
    const r = rng(11);
    const table3 = consistentTable3('2021', r);
    const table4 = consistentTable4(r);
    const prose = Array.from(
      { length: 10_000 },
      (_, i) => `本年度第${i + 1}项工作：主动公开政府信息若干条，涉及行政许可、行政处罚、行政强制等事项。`,
    );
    return renderReport({ table3, table4, prose });
  }

  test('the server stays responsive, skips the stale versions and publishes the final one last', async (t) => {
    const text = bigReport();
    const lines = text.split('\n');
    assert.ok(lines.length >= 10_000, `${lines.length} lines`);
    const typedLine = 5_000;
    const missingLine = lines.findIndex((l) => l.startsWith('四、结转下年度继续办理'));
    const server = await startServer(); // the default debounce (150 ms)
    try {
      const uri = fileUri('robust-10k.txt');
      await server.open(uri, text, 1);
      const v1 = await server.waitForDiagnostics(uri, (p) => p.version === 1, 20_000);
      assert.ok(!codes(v1.diagnostics).includes('missing-cell'));
      const opened = (await server.connection.sendRequest(STATS)) as ServerStats;

      // the user has been editing for a while: a few keystrokes, each followed by a pause
      let version = 1;
      let column = lines[typedLine].length;
      const type = (char: string) =>
        server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
          textDocument: { uri, version: ++version },
          contentChanges: [
            { range: { start: { line: typedLine, character: column }, end: { line: typedLine, character: column++ } }, text: char },
          ],
        });
      for (let i = 0; i < WARM_UP_PAUSES; i++) {
        await type('字');
        await server.waitForDiagnostics(uri, (p) => p.version === version, 20_000);
      }
      const before = (await server.connection.sendRequest(STATS)) as ServerStats;

      // probes: a cheap request every 20 ms, from the first keystroke until the final diagnostics
      const roundTrips: number[] = [];
      let probing = true;
      const probes = (async () => {
        while (probing) {
          const started = performance.now();
          await server.connection.sendRequest(STATS);
          roundTrips.push(performance.now() - started);
          await sleep(PROBE_MS);
        }
      })();

      // a burst: one character at a time into line 5000, then the last edit deletes 四's 总计 cell
      const firstOfBurst = version + 1;
      for (let i = 1; i < EDITS; i++) {
        await type('字');
        await sleep(TYPING_MS);
      }
      const finalVersion = ++version;
      const row = lines[missingLine];
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: finalVersion },
        contentChanges: [
          {
            range: { start: { line: missingLine, character: row.lastIndexOf('\t') }, end: { line: missingLine, character: row.length } },
            text: '',
          },
        ],
      });
      const final = await server.waitForDiagnostics(uri, (p) => p.version === finalVersion, 20_000);
      await server.quiescent(20_000); // nothing more will be published for what was sent
      probing = false;
      await probes;
      const afterStats = (await server.connection.sendRequest(STATS)) as ServerStats;

      const max = Math.max(...roundTrips);
      const sorted = [...roundTrips].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      const report =
        `10k lines (${lines.length}): ${roundTrips.length} probes, round trip max ${max.toFixed(1)} ms, median ${median.toFixed(1)} ms; ` +
        `analyses during ${EDITS} edits: ${afterStats.analyses - before.analyses}; ` +
        `analysis on open ${opened.lastAnalysisMs.toFixed(1)} ms (cold), after ${WARM_UP_PAUSES} pauses ${before.lastAnalysisMs.toFixed(1)} ms, ` +
        `of the final version ${afterStats.lastAnalysisMs.toFixed(1)} ms`;
      t.diagnostic(report);
      console.log(report);

      assert.ok(max < MAX_ROUND_TRIP_MS, `worst round trip ${max.toFixed(1)} ms ≥ ${MAX_ROUND_TRIP_MS} ms: ${report}`);
      const versions = server.diagnostics.filter((p) => p.uri === uri && p.version! >= firstOfBurst).map((p) => p.version!);
      for (let i = 1; i < versions.length; i++) assert.ok(versions[i] > versions[i - 1], `versions only go up: ${versions}`);
      assert.equal(versions.at(-1), finalVersion, 'the final version is published last');
      assert.ok(versions.length <= 3, `stale versions of the burst are dropped: ${versions}`);
      const analyses = afterStats.analyses - before.analyses;
      assert.ok(analyses >= 1 && analyses <= 3, `debounced: ${analyses} analyses for ${EDITS} edits`);
      assert.deepEqual(
        final.diagnostics.filter((d) => d.code === 'missing-cell').map((d) => d.range.start.line),
        [missingLine],
      );
    } finally {
      await server.stop();
    }
  });
});

describe('a document larger than the editor checks', () => {
  let server: TestServer;
  after(() => server?.stop());

  test('is not analysed (no findings, no stall), the log says to use the CLI, and the server keeps serving', async () => {
    server = await startServer();
    const uri = fileUri('robust-huge.txt');
    // a damaged report padded past MAX_DOCUMENT_CHARS (4,000,000)
    const text = `${damagedReport().text}\n${'（一）说明。'.repeat(700_000)}`;
    await server.open(uri, text, 1);
    const published = await server.waitForDiagnostics(uri, undefined, 60000);
    assert.deepEqual(published.diagnostics, []);
    assert.ok(
      server.logs.some((l) => /more than the editor checks .* check it with the CLI/.test(l.message)),
      JSON.stringify(server.logs),
    );
    const small = fileUri('robust-small.txt');
    await server.open(small, damagedReport().text, 1);
    const d = await server.waitForDiagnostics(small, (p) => p.diagnostics.length > 0);
    assert.ok(codes(d.diagnostics).includes('missing-cell'));
  });
});

describe('the suites can fail: a server built broken (DR_BROKEN_SERVER) is caught', () => {
  test('it publishes no findings and counts none where the product publishes the five missing 总计', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dr-broken-'));
    try {
      const bundle = join(dir, 'server.cjs');
      // the server entry as esbuild.mjs builds it, with the test hook esbuild.mjs sets for DR_BROKEN_SERVER=1
      await build({
        entryPoints: [join(ROOT, 'server/src/node.ts')],
        bundle: true,
        platform: 'node',
        format: 'cjs',
        target: 'node20',
        outfile: bundle,
        logLevel: 'error',
        define: { 'process.env.DR_BROKEN_SERVER': '"1"', __DR_VERSION__: '"0.0.0-broken"' },
      });
      const uri = fileUri('broken-server.txt');
      const results: { diagnostics: number; total: number }[] = [];
      for (const server of [await startServer(), await startServer({ server: bundle })]) {
        try {
          await server.open(uri, SAMPLE);
          const published = await server.waitForDiagnostics(uri);
          const counts = (await server.connection.sendRequest('disclosureReport/findingCount', { uri })) as { total: number };
          results.push({ diagnostics: published.diagnostics.length, total: counts.total });
        } finally {
          await server.stop();
        }
      }
      assert.deepEqual(results[0], { diagnostics: 6, total: 6 }, "the product: five missing 总计 and the prose's 10 vs 12");
      assert.deepEqual(results[1], { diagnostics: 0, total: 0 }, 'the broken build: every suite that expects the five fails on it');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
