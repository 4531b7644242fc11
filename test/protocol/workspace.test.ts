// Protocol tests of the checks across reports in the editor: the server asks the client for the
// workspace's report files (disclosureReport/workspaceReports, readWorkspaceReport; faked here),
// publishes carry-over on the open report against last year's file, publishes again when that file
// changes (disclosureReport/workspaceReportChanged), counts it, offers "Accept this finding…",
// drops it when the config accepts it, and the hover shows last year's value and file.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { type CodeAction, CodeActionRequest, type Diagnostic, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { ACCEPT_FINDING_COMMAND, FINDING_COUNT_REQUEST, type FindingCounts } from '../../server/src/protocol';
import { chain } from '../support/chain';
import { lineOf, sleep, startServer } from './harness';

const BODY = '某某县人民政府';
const CARRIED_IN = '二、上年结转';
const CARRIED_OUT = '四、结转下年度继续办理';

/** the text with value `col` (0–6, 6 = 总计) of the table 三 row labelled `label` changed by `by` */
function bump(text: string, label: string, cols: number[], by: number): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(label));
  const parts = lines[i].split('\t');
  for (const c of cols) {
    const k = parts.length - 7 + c;
    parts[k] = String(Number(parts[k]) + by);
  }
  lines[i] = parts.join('\t');
  return lines.join('\n');
}

function workspace(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'dr-ws-'));
  const uris: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, name), text);
    uris[name] = pathToFileURL(join(dir, name)).toString();
  }
  return { dir, uris };
}

const carryOvers = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'carry-over');

describe('carry-over across the workspace in the editor', () => {
  const [y22, y23] = chain(BODY, [2022, 2023], 31);
  // 2023 carries 2 more 商业企业 (column 1) in than 2022 carried out
  const broken = bump(y23.text, CARRIED_IN, [1, 6], 2);

  test("carry-over against last year's file; gone when that file is fixed; back when it is deleted and written again", async () => {
    const { dir, uris } = workspace({ '2022.txt': y22.text, '2023.txt': broken, 'notes.txt': '备忘' });
    const files = new Map(Object.entries(uris).map(([name, uri]) => [uri, { '2022.txt': y22.text, '2023.txt': broken }[name] ?? '备忘']));
    const server = await startServer({ workspaceReports: files });
    try {
      const u23 = uris['2023.txt'];
      await server.open(u23, broken);
      const p = await server.waitForDiagnostics(u23, (d) => carryOvers(d.diagnostics).length === 2);
      const [商业企业, 总计] = carryOvers(p.diagnostics);
      const line = lineOf(broken, CARRIED_IN);
      assert.equal(商业企业.range.start.line, line);
      assert.equal(总计.range.start.line, line);
      assert.match(String(商业企业.message), /but 2022\.txt \(2022\) carried \d+ over/);
      const rel = 商业企业.relatedInformation?.[0];
      assert.equal(rel?.location.uri, uris['2022.txt']);
      assert.equal(rel?.location.range.start.line, lineOf(y22.text, CARRIED_OUT));
      for (let i = 0; i < 500 && server.reportReads.length < 3; i++) await sleep(10);
      assert.deepEqual([...server.reportReads].sort(), Object.values(uris).sort(), 'every file the client listed was read, once');

      // the status bar's count includes them
      await server.quiescent();
      const counts = (await server.connection.sendRequest(FINDING_COUNT_REQUEST, { uri: u23 })) as FindingCounts;
      const last = server.diagnostics.filter((d) => d.uri === u23).pop()!;
      assert.equal(counts.total, last.diagnostics.length);
      assert.ok(counts.warning >= 2);

      // "Accept this finding…" is offered on a carry-over
      const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: u23 },
        range: 商业企业.range,
        context: { diagnostics: [商业企业], only: ['quickfix'] },
      })) as CodeAction[];
      const accept = actions.find((a) => a.command?.command === ACCEPT_FINDING_COMMAND);
      assert.equal((accept?.command?.arguments?.[0] as { code: string } | undefined)?.code, 'carry-over');

      // last year's file fixed on disk: published again, without carry-over
      const fixed = bump(y22.text, CARRIED_OUT, [1, 6], 2);
      files.set(uris['2022.txt'], fixed);
      const published = server.diagnostics.length;
      await server.reportChanged(uris['2022.txt']);
      await server.waitForDiagnostics(u23, (d) => server.diagnostics.indexOf(d) >= published && carryOvers(d.diagnostics).length === 0);

      // deleted: nothing to compare with; written again broken: back
      await server.reportChanged(uris['2022.txt'], true);
      await server.quiescent();
      files.set(uris['2022.txt'], y22.text);
      const before = server.diagnostics.length;
      await server.reportChanged(uris['2022.txt']);
      await server.waitForDiagnostics(u23, (d) => server.diagnostics.indexOf(d) >= before && carryOvers(d.diagnostics).length === 2);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the hover on this year's 上年结转 cell shows last year's value and file, and the carry-over message", async () => {
    const { dir, uris } = workspace({ '2022.txt': y22.text, '2023.txt': broken });
    const server = await startServer({ workspaceReports: new Map([[uris['2022.txt'], y22.text]]) });
    try {
      const u23 = uris['2023.txt'];
      await server.open(u23, broken);
      await server.waitForDiagnostics(u23, (d) => carryOvers(d.diagnostics).length === 2);
      const line = lineOf(broken, CARRIED_IN);
      const text = broken.split('\n')[line];
      const hover = await server.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri: u23 },
        position: { line, character: text.length - 1 },
      });
      const value = (hover?.contents as MarkupContent | undefined)?.value ?? '';
      const lastOut = y22.text.split('\n')[lineOf(y22.text, CARRIED_OUT)].split('\t').pop();
      assert.ok(value.includes(`Last year (2022.txt, ${CARRIED_OUT} / 总计): ${lastOut}`), value);
      assert.match(value, /`carry-over` carried over \(总计\)/);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the config's accept takes a carry-over out, as the CLI does", async () => {
    const lastOut = Number(y22.text.split('\n')[lineOf(y22.text, CARRIED_OUT)].split('\t').pop());
    const config = JSON.stringify({ accept: [{ code: 'carry-over', file: '2023.txt', column: '总计', reason: 'r', expected: lastOut }] });
    const { dir, uris } = workspace({ '2022.txt': y22.text, '2023.txt': broken, '.disclosure-report.json': config });
    const server = await startServer({ workspaceReports: new Map([[uris['2022.txt'], y22.text]]) });
    try {
      const u23 = uris['2023.txt'];
      await server.open(u23, broken);
      const p = await server.waitForDiagnostics(u23, (d) => carryOvers(d.diagnostics).length > 0);
      await server.quiescent();
      const last = server.diagnostics.filter((d) => d.uri === u23).pop()!;
      assert.deepEqual(
        carryOvers(last.diagnostics).map((d) => (d.data as { column: string }).column),
        ['商业企业'],
      );
      assert.ok(p);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a client that does not say it answers is never asked', async () => {
    const server = await startServer();
    try {
      await server.open('file:///nowhere/2023.txt', broken);
      await server.quiescent();
      const last = server.diagnostics.filter((d) => d.uri === 'file:///nowhere/2023.txt').pop()!;
      assert.deepEqual(carryOvers(last.diagnostics), []);
      assert.deepEqual(
        server.logs.filter((l) => l.message.includes('workspace index')),
        [],
      );
    } finally {
      await server.stop();
    }
  });
});
