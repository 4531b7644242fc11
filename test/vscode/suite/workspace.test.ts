/// <reference types="mocha" />
// Carry-over across the workspace's reports in the editor (issue 10 item 1): two consecutive years
// of one body written into the workspace; this year's report open shows carry-over against last
// year's file; last year's file fixed and written: gone (the client's file watcher → the server's
// index); last year's report opened and broken again without saving: back (an open document wins
// over its file). The hover on this year's 上年结转 cell shows last year's value and file.
import * as vscode from 'vscode';
import { chain } from '../../support/chain';
import { codeOf, equal, hoverText, ok, waitForFindings, workspaceRoot } from '../helpers';

const CARRIED_IN = '二、上年结转';
const CARRIED_OUT = '四、结转下年度继续办理';
const encode = (s: string) => new TextEncoder().encode(s);
const carryOvers = (ds: vscode.Diagnostic[]) => ds.filter((d) => codeOf(d) === 'carry-over');

/** the text with values `cols` (0–6, 6 = 总计) of the table 三 row labelled `label` changed by `by` */
function bump(text: string, label: string, cols: number[], by: number): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith(label));
  const parts = lines[i].split('\t');
  for (const c of cols) parts[parts.length - 7 + c] = String(Number(parts[parts.length - 7 + c]) + by);
  lines[i] = parts.join('\t');
  return lines.join('\n');
}

suite('carry-over across the workspace', () => {
  teardown(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  test("this year's report against last year's file: fixed on disk, gone; broken in an open editor, back", async () => {
    // a body of its own (letters only: a digit next to 年 would be read as a year)
    const tag = Array.from(Date.now().toString(36), (c) => String.fromCharCode(97 + (parseInt(c, 36) % 26))).join('');
    const body = `测试${tag}县人民政府`;
    const [y22, y23] = chain(body, [2022, 2023], 41);
    const broken = bump(y23.text, CARRIED_IN, [1, 6], 2);
    const dir = vscode.Uri.joinPath(workspaceRoot(), 'carry', tag);
    await vscode.workspace.fs.createDirectory(dir);
    const u22 = vscode.Uri.joinPath(dir, `${body}2022年度报告.txt`);
    const u23 = vscode.Uri.joinPath(dir, `${body}2023年度报告.txt`);
    await vscode.workspace.fs.writeFile(u22, encode(y22.text));
    await vscode.workspace.fs.writeFile(u23, encode(broken));
    const doc = await vscode.workspace.openTextDocument(u23);
    await vscode.window.showTextDocument(doc);

    const ds = await waitForFindings(u23, (d) => carryOvers(d).length === 2, "carry-over against last year's file");
    const [first] = carryOvers(ds);
    const line = doc.lineAt(first.range.start.line).text;
    ok(line.startsWith(CARRIED_IN), `on the 上年结转 line, not: ${line}`);
    equal(first.relatedInformation?.[0]?.location.uri.toString(), u22.toString(), "related: last year's file");

    // the hover on the 总计 cell of 上年结转: last year's value and file
    const total = carryOvers(ds)[1];
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', u23, total.range.start);
    const lastTotal = y22.text
      .split('\n')
      .find((l) => l.startsWith(CARRIED_OUT))!
      .split('\t')
      .pop();
    const hover = hoverText(hovers);
    ok(
      hover.includes(`${body}2022年度报告.txt`) && new RegExp(`/ 总计[)）]: ${lastTotal}$`, 'm').test(hover),
      `hover shows last year's value and file: ${hover}`,
    );

    // last year's numbers fixed in its file: the diagnostic disappears
    await vscode.workspace.fs.writeFile(u22, encode(bump(y22.text, CARRIED_OUT, [1, 6], 2)));
    await waitForFindings(u23, (d) => carryOvers(d).length === 0, "no carry-over once last year's file is fixed");

    // last year's report open and changed back, unsaved: the open text counts
    const last = await vscode.workspace.openTextDocument(u22);
    await vscode.window.showTextDocument(last, vscode.ViewColumn.Beside);
    const n = y22.text.split('\n').findIndex((l) => l.startsWith(CARRIED_OUT));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(u22, last.lineAt(n).range, y22.text.split('\n')[n]);
    ok(await vscode.workspace.applyEdit(edit), 'the edit applied');
    await waitForFindings(u23, (d) => carryOvers(d).length === 2, 'carry-over back while last year is edited');
    await last.save();
  });
});
