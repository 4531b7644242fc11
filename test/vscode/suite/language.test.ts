/// <reference types="mocha" />
// The language is picked for a report-like file name and for a plain-text document that reads
// like a report (disclosureReport.detectPlainText, on by default).
import * as vscode from 'vscode';
import {
  closeAll,
  codeOf,
  deepEqual,
  equal,
  firstFindings,
  fiveMissing,
  freshCopy,
  LANGUAGE_ID,
  lineOf,
  missingTotalLines,
  ok,
  openReport,
  PLAIN_FIXTURE,
  waitForEvent,
  waitForFindings,
} from '../helpers';

suite('language', () => {
  teardown(closeAll);

  test('a file named like a report opens in the disclosure-report language', async () => {
    const editor = await openReport();
    equal(editor.document.languageId, LANGUAGE_ID, 'languageId');
    // the language server answers for it: the extension activated on the language
    await firstFindings(editor.document.uri);
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'disclosure-report');
    ok(ext, 'the extension under test is loaded');
    ok(ext.isActive, 'the extension is active');
  });

  test('a plain-text document that reads like a report switches to the language', async () => {
    // its name matches none of the language's file name patterns: only its content can switch it
    const patterns: string[] = (vscode.extensions.all.find((e) => e.packageJSON?.name === 'disclosure-report')?.packageJSON.contributes
      .languages[0].filenamePatterns ?? []) as string[];
    ok(patterns.length > 0, 'the manifest declares file name patterns');
    const globToRe = (g: string) => new RegExp(`^${g.replace(/[.]/g, '\\.').replace(/\*/g, '.*')}$`);
    ok(!patterns.some((p) => globToRe(p).test(PLAIN_FIXTURE)), `${PLAIN_FIXTURE} matches none of ${patterns.join(', ')}`);
    const uri = await freshCopy(PLAIN_FIXTURE);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const current = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    // A language change closes and reopens the document model: wait on those events.
    await waitForEvent(
      [vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor],
      () => current()?.languageId === LANGUAGE_ID,
      `${uri.path.split('/').pop()} to switch from plaintext to ${LANGUAGE_ID}`,
    );
    // the server checks it as it checks the report-named copy: the five missing 总计 cells
    const diags = await waitForFindings(uri, fiveMissing, 'the five missing-cell findings of the switched document');
    const switched = current()!;
    deepEqual(
      diags.map((d) => `${codeOf(d)} ${d.range.start.line}`).sort(),
      [
        ...missingTotalLines(switched).map((l) => `missing-cell ${l}`),
        `narrative-mismatch ${lineOf(switched, /受理政府信息公开申请10件/)}`,
      ].sort(),
      'findings of the switched document',
    );
  });
});
