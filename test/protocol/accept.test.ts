// Protocol tests of accepted findings in the editor (checks.md, `accept`): every finding an entry can
// name offers "Accept this finding…"; disclosureReport/acceptEntry answers the config file and its
// new text (the client writes it); once written and re-read, the finding is gone, and it is back
// when its number changes. Where the entry goes when there is no config file; a config that is not
// JSON is refused; a finding that changed meanwhile is not accepted.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type CodeAction, CodeActionRequest, type Diagnostic } from 'vscode-languageserver-protocol/node';
import {
  ACCEPT_ENTRY_REQUEST,
  ACCEPT_FINDING_COMMAND,
  type AcceptEntryParams,
  type AcceptEntryResult,
  type AcceptFindingArgs,
} from '../../server/src/protocol';
import { SAMPLE, startServer, type TestServer } from './harness';
import { LINES, MISSING_ROWS } from './sample';

const CONFIG = '.disclosure-report.json';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dr-accept-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function actionsAt(server: TestServer, uri: string, d: Diagnostic): Promise<CodeAction[]> {
  return (await server.connection.sendRequest(CodeActionRequest.type, {
    textDocument: { uri },
    range: d.range,
    context: { diagnostics: [d], only: ['quickfix'] },
  })) as CodeAction[];
}

/** the arguments of the "Accept this finding…" action on `d` */
async function acceptArgs(server: TestServer, uri: string, d: Diagnostic): Promise<AcceptFindingArgs> {
  const accept = (await actionsAt(server, uri, d)).filter((a) => a.command?.command === ACCEPT_FINDING_COMMAND);
  assert.equal(accept.length, 1, 'one accept action');
  assert.equal(accept[0].title, 'Accept this finding…');
  return accept[0].command!.arguments![0] as AcceptFindingArgs;
}

const request = (server: TestServer, params: AcceptEntryParams) =>
  server.connection.sendRequest(ACCEPT_ENTRY_REQUEST, params) as Promise<AcceptEntryResult | null>;

const missingCells = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'missing-cell');

describe('accepting a finding in the editor', () => {
  test('accept, write, the finding is gone; change its number, it is back', async () => {
    const before = '{\n    "rules": { "narrative-mismatch": "hint" }\n}\n';
    const dir = folder({ [CONFIG]: before, 'reports/2022/x.txt': SAMPLE });
    const uri = pathToFileURL(join(dir, 'reports/2022/x.txt')).toString();
    const server = await startServer({ settings: {} });
    try {
      await server.open(uri, SAMPLE);
      const first = await server.waitForDiagnostics(uri);
      const missing = missingCells(first.diagnostics);
      assert.equal(missing.length, 5);
      const target = missing[1];
      const args = await acceptArgs(server, uri, target);
      assert.equal(args.code, 'missing-cell');
      const r = await request(server, { ...args, reason: '  上年结转已核实  ', workspaceFolder: pathToFileURL(dir).toString() });
      assert.ok(r?.ok, JSON.stringify(r));
      assert.equal(fileURLToPath(r.configUri), join(dir, CONFIG), 'the config that applies');
      assert.equal(r.created, false);
      assert.equal(r.entry.file, 'reports/2022/x.txt', 'relative to the config file');
      assert.equal(r.entry.reason, '上年结转已核实');
      assert.equal(r.entry.row, '二、上年结转政府信息公开申请数量');
      assert.ok(
        r.text.startsWith('{\n    "rules": { "narrative-mismatch": "hint" },\n    "accept": [\n        { "code": "missing-cell"'),
        r.text,
      );
      assert.equal(readFileSync(join(dir, CONFIG), 'utf8'), before, 'the server writes nothing');

      // the client writes the text; its file watcher tells the server
      writeFileSync(join(dir, CONFIG), r.text);
      await server.filesChanged([r.configUri]);
      const after = await server.waitForDiagnostics(uri, (p) => missingCells(p.diagnostics).length === 4);
      assert.ok(
        !missingCells(after.diagnostics).some((d) => d.range.start.line === target.range.start.line),
        'the accepted one is the one gone',
      );
      assert.ok(
        after.diagnostics.some((d) => d.code === 'narrative-mismatch' && d.severity === 4),
        'the rest of the config still applies',
      );
      // the findings still shown still offer theirs
      await acceptArgs(server, uri, missingCells(after.diagnostics)[0]);

      // change a number of the accepted row: its expected total changes, the finding returns
      const row = MISSING_ROWS[1];
      const edited = LINES.map((l, i) => (i === row ? l.replace(/\t(\d+)/, (_, n) => `\t${Number(n) + 1}`) : l)).join('\n');
      assert.notEqual(edited, LINES.join('\n'));
      await server.change(uri, 2, edited);
      const back = await server.waitForDiagnostics(uri, (p) => p.version === 2);
      const returned = missingCells(back.diagnostics).find((d) => d.range.start.line === row);
      assert.ok(returned, 'the finding is back once its number changed');
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('no config file: a new one at the workspace folder root, or next to a report in no folder', async () => {
    const dir = folder({ 'a/b/x.txt': SAMPLE });
    const uri = pathToFileURL(join(dir, 'a/b/x.txt')).toString();
    const server = await startServer({ settings: {} });
    try {
      await server.open(uri, SAMPLE);
      const [d] = missingCells((await server.waitForDiagnostics(uri)).diagnostics);
      const args = await acceptArgs(server, uri, d);
      const inFolder = await request(server, { ...args, reason: 'ok', workspaceFolder: pathToFileURL(join(dir, 'a')).toString() });
      assert.ok(inFolder?.ok, JSON.stringify(inFolder));
      assert.equal(fileURLToPath(inFolder.configUri), join(dir, 'a', CONFIG));
      assert.equal(inFolder.created, true);
      assert.equal(inFolder.entry.file, 'b/x.txt');
      assert.deepEqual(JSON.parse(inFolder.text).accept, [inFolder.entry]);
      const alone = await request(server, { ...args, reason: 'ok' });
      assert.ok(alone?.ok);
      assert.equal(fileURLToPath(alone.configUri), join(dir, 'a/b', CONFIG));
      assert.equal(alone.entry.file, 'x.txt');
      const outside = await request(server, { ...args, reason: 'ok', workspaceFolder: pathToFileURL(join(dir, 'elsewhere')).toString() });
      assert.ok(outside?.ok);
      assert.equal(fileURLToPath(outside.configUri), join(dir, 'a/b', CONFIG), 'a folder that does not hold the report is not used');
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refused: a config that is not JSON, an empty reason, a finding whose number changed, an untitled report', async () => {
    const dir = folder({ [CONFIG]: '{ "rules": { "balance": "warning" ', 'x.txt': SAMPLE });
    const uri = pathToFileURL(join(dir, 'x.txt')).toString();
    const server = await startServer({ settings: {} });
    try {
      await server.open(uri, SAMPLE);
      const [d] = missingCells((await server.waitForDiagnostics(uri)).diagnostics);
      const args = await acceptArgs(server, uri, d);
      const bad = await request(server, { ...args, reason: 'ok' });
      assert.ok(bad && !bad.ok);
      assert.match(bad.message, /\.disclosure-report\.json is not valid JSON/);
      const noReason = await request(server, { ...args, reason: '   ' });
      assert.ok(noReason && !noReason.ok && /reason/.test(noReason.message));
      const changed = await request(server, { ...args, expected: (args.expected ?? 0) + 1, reason: 'ok' });
      assert.ok(changed && !changed.ok && /no longer reported/.test(changed.message));

      const untitled = 'untitled:Untitled-1';
      await server.open(untitled, SAMPLE);
      const [u] = missingCells((await server.waitForDiagnostics(untitled)).diagnostics);
      const offered = (await actionsAt(server, untitled, u)).map((a) => a.title);
      assert.ok(offered.length > 0 && !offered.includes('Accept this finding…'), `untitled: ${offered.join(', ')}`);
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
