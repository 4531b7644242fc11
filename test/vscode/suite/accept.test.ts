/// <reference types="mocha" />
// Accepted findings in the editor (checks.md, `accept`; issue 10): the code action "Accept this
// finding…" writes the entry into `.disclosure-report.json`, the finding disappears (the client's
// file watcher → the server re-reads the config → diagnostics again), and it comes back when the
// number it rests on changes. Cancelling the reason's input box writes nothing. The web worker
// server reads no config file, so there it offers no acceptance at all.
import * as vscode from 'vscode';
import { ACCEPT_FINDING_COMMAND, type AcceptFindingOutcome } from '../../../server/src/protocol';
import {
  closeAll,
  codeOf,
  deepEqual,
  equal,
  findings,
  fiveMissing,
  ok,
  openReport,
  REPORT_FIXTURE,
  waitForFindings,
  workspaceRoot,
} from '../helpers';

const CONFIG = '.disclosure-report.json';
const nodeHost = typeof process === 'object' && !!process.versions?.node;
const encode = (s: string) => new TextEncoder().encode(s);
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const missingCells = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'missing-cell');

async function acceptActions(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  const actions = (await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider',
    uri,
    d.range,
    vscode.CodeActionKind.QuickFix.value,
  )) as vscode.CodeAction[];
  return actions.filter((a) => a.command?.command === ACCEPT_FINDING_COMMAND);
}

/**
 * Runs the accept command without a reason and closes the input box it opens, as Escape would.
 * No event says that an input box is open, so closing is repeated (bounded) until the command ends.
 */
async function runAndCancel(action: vscode.CodeAction): Promise<AcceptFindingOutcome> {
  const command = action.command!;
  let settled = false;
  const running = Promise.resolve(
    vscode.commands.executeCommand<AcceptFindingOutcome>(command.command, ...(command.arguments ?? [])),
  ).finally(() => {
    settled = true;
  });
  for (let i = 0; i < 100 && !settled; i++) {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await Promise.race([running, new Promise((r) => setTimeout(r, 100))]);
  }
  ok(settled, 'the command ended once its input box was closed');
  return running;
}

/**
 * Resolves once a file watcher sees changes of `uri`: a watcher created just after start misses
 * changes made before it is ready, so the file is rewritten (unchanged) until one is seen.
 */
async function watcherReady(uri: vscode.Uri): Promise<void> {
  const watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG}`);
  let seen = false;
  const subs = [watcher.onDidChange(() => (seen = true)), watcher.onDidCreate(() => (seen = true))];
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    for (let i = 0; i < 100 && !seen; i++) {
      await vscode.workspace.fs.writeFile(uri, bytes);
      await new Promise((r) => setTimeout(r, 100));
    }
    ok(seen, 'a file watcher sees the config file change');
  } finally {
    for (const s of subs) s.dispose();
    watcher.dispose();
  }
}

suite('accept', () => {
  teardown(closeAll);

  test('"Accept this finding…" writes the entry, the finding disappears, and comes back when its number changes', async function () {
    if (!nodeHost) return this.skip();
    const dir = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `accept-${Date.now().toString(36)}`);
    const configUri = vscode.Uri.joinPath(dir, CONFIG);
    const before = '{\n  "rules": { "narrative-mismatch": "warning" }\n}\n';
    await vscode.workspace.fs.writeFile(configUri, encode(before));
    const reportUri = vscode.Uri.joinPath(dir, REPORT_FIXTURE);
    await vscode.workspace.fs.writeFile(
      reportUri,
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), REPORT_FIXTURE)),
    );
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(reportUri));
    const uri = editor.document.uri;
    const diags = await waitForFindings(uri, fiveMissing, 'five missing-cell findings');
    const target = missingCells(diags)[0];
    const line = target.range.start.line;

    const [action] = await acceptActions(uri, target);
    ok(action, 'the finding offers "Accept this finding…"');
    equal(action.title, 'Accept this finding…', 'title');

    // cancelled: nothing written, nothing hidden
    const cancelled = await runAndCancel(action);
    equal(cancelled.written, false, 'cancelled: written');
    equal(decode(await vscode.workspace.fs.readFile(configUri)), before, 'cancelled: the config file is as it was');
    equal(missingCells(findings(uri)).length, 5, 'cancelled: all five findings still shown');

    // accepted: the reason stands for the input box's answer
    const command = action.command!;
    const outcome = await vscode.commands.executeCommand<AcceptFindingOutcome>(
      command.command,
      ...(command.arguments ?? []),
      '本年新收已与办公室核实',
    );
    equal(outcome.written, true, 'written');
    equal(outcome.configUri, configUri.toString(), 'the config file that applies');
    const written = JSON.parse(decode(await vscode.workspace.fs.readFile(configUri)));
    deepEqual(written.rules, { 'narrative-mismatch': 'warning' }, 'the other keys are kept');
    equal(written.accept.length, 1, 'one entry');
    equal(written.accept[0].file, REPORT_FIXTURE, 'file, relative to the config file');
    equal(written.accept[0].reason, '本年新收已与办公室核实', 'reason');
    ok(editor.document.getText().indexOf('核实') < 0, 'nothing is written into the report');

    const hidden = await waitForFindings(uri, (d) => missingCells(d).length === 4, 'the accepted finding to disappear');
    ok(!missingCells(hidden).some((d) => d.range.start.line === line), 'the accepted finding is the one gone');

    // change a number of its row: the expected total changes and the finding comes back
    const text = editor.document.lineAt(line).text;
    const m = /\t(\d+)/.exec(text);
    ok(m, `a number on line ${line + 1}`);
    const at = new vscode.Range(line, m.index + 1, line, m.index + 1 + m[1].length);
    ok(await editor.edit((e) => e.replace(at, String(Number(m[1]) + 1))), 'the edit applied');
    const back = await waitForFindings(uri, (d) => missingCells(d).some((x) => x.range.start.line === line), 'the finding to come back');
    equal(missingCells(back).length, 5, 'five again');
  });

  test('an entry written into .disclosure-report.json by hand hides the finding too (the file watcher)', async function () {
    if (!nodeHost) return this.skip();
    const dir = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `accept-hand-${Date.now().toString(36)}`);
    const configUri = vscode.Uri.joinPath(dir, CONFIG);
    await vscode.workspace.fs.writeFile(configUri, encode('{}\n'));
    const reportUri = vscode.Uri.joinPath(dir, REPORT_FIXTURE);
    await vscode.workspace.fs.writeFile(
      reportUri,
      await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), REPORT_FIXTURE)),
    );
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(reportUri));
    const diags = await waitForFindings(editor.document.uri, fiveMissing, 'five missing-cell findings');
    const narrative = diags.filter((d) => codeOf(d) === 'narrative-mismatch');
    equal(narrative.length, 1, 'one narrative-mismatch finding');
    await watcherReady(configUri);
    await vscode.workspace.fs.writeFile(configUri, encode('{ "accept": [{ "code": "narrative-mismatch" }] }\n'));
    await waitForFindings(
      editor.document.uri,
      (d) => !d.some((x) => codeOf(x) === 'narrative-mismatch') && fiveMissing(d),
      'narrative-mismatch to be accepted',
    );
  });

  test('in the web worker server (no config file is read there) no acceptance is offered', async function () {
    if (nodeHost) return this.skip();
    const editor = await openReport();
    const diags = await waitForFindings(editor.document.uri, fiveMissing, 'five missing-cell findings');
    equal((await acceptActions(editor.document.uri, diags[0])).length, 0, 'accept actions');
  });
});
