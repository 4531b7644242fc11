/// <reference types="mocha" />
// A user's own format in the editor: a `.disclosure-report.json` naming a template file makes the
// server check a report with the template's labels; and the extension's JSON Schemas check the
// config file as it is edited. The web worker server has no file system (no config is read there):
// these run on the Node extension host only.
import * as vscode from 'vscode';
import { CUSTOM_ROW_LABEL, customReport, customTemplate } from '../../support/custom-template';
import { closeAll, codeOf, equal, ok, waitForEvent, waitForFindings, workspaceRoot } from '../helpers';

const encode = (s: string) => new TextEncoder().encode(s);
let folders = 0;
/** the extension host runs on Node (code-server, desktop), not in a web worker */
const nodeHost = typeof process === 'object' && !!process.versions?.node;

async function folderWith(files: Record<string, string>): Promise<vscode.Uri> {
  const dir = vscode.Uri.joinPath(workspaceRoot(), 'scratch', `formats-${Date.now().toString(36)}-${++folders}`);
  for (const [name, text] of Object.entries(files)) await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, name), encode(text));
  return dir;
}

suite('formats', () => {
  teardown(closeAll);

  test("a report of a user's format named in .disclosure-report.json is checked with that format's labels", async function () {
    if (!nodeHost) return this.skip();
    const { text, expected } = customReport();
    const dir = await folderWith({
      '.disclosure-report.json': JSON.stringify({ templates: ['./formats/provincial.disclosure-format.json'] }),
      'formats/provincial.disclosure-format.json': JSON.stringify(customTemplate(), null, 2),
      '某省某局2023年政府信息公开工作年度报告.txt': text,
    });
    const uri = vscode.Uri.joinPath(dir, '某省某局2023年政府信息公开工作年度报告.txt');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const diags = await waitForFindings(uri, (d) => d.some((x) => codeOf(x) === 'row-total'), 'the row-total finding of the custom format');
    const rowTotal = diags.filter((d) => codeOf(d) === 'row-total');
    equal(rowTotal.length, 1, 'one row-total finding');
    ok(rowTotal[0].message.startsWith(CUSTOM_ROW_LABEL), `named by the custom format's label: ${rowTotal[0].message}`);
    ok(rowTotal[0].message.endsWith(`add up to ${expected}`), `with the sum: ${rowTotal[0].message}`);
  });

  test('the JSON Schema the extension contributes underlines an unknown key of .disclosure-report.json', async function () {
    if (!nodeHost) return this.skip();
    const dir = await folderWith({ '.disclosure-report.json': '{\n  "rules": { "balance": "warning" },\n  "colour": "red"\n}\n' });
    const uri = vscode.Uri.joinPath(dir, '.disclosure-report.json');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const schemaSays = () => vscode.languages.getDiagnostics(uri).filter((d) => /colour/.test(d.message));
    await waitForEvent([vscode.languages.onDidChangeDiagnostics], () => schemaSays().length > 0, 'a schema diagnostic on "colour"');
    equal(schemaSays()[0].range.start.line, 2, 'on the line of the unknown key');
  });
});
