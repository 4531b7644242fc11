/// <reference types="mocha" />
// The language is picked for a report-like file name and for a plain-text document that reads
// like a report (disclosureReport.detectPlainText, on by default).
import * as vscode from 'vscode';
import { closeAll, equal, firstFindings, freshCopy, LANGUAGE_ID, ok, openReport, PLAIN_FIXTURE, waitForEvent } from '../helpers';

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
    const uri = await freshCopy(PLAIN_FIXTURE);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    ok(doc.languageId === 'plaintext' || doc.languageId === LANGUAGE_ID, `opened as ${doc.languageId}`);
    const current = () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    // A language change closes and reopens the document model: wait on those events.
    await waitForEvent(
      [vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor],
      () => current()?.languageId === LANGUAGE_ID,
      `${uri.path.split('/').pop()} to switch from plaintext to ${LANGUAGE_ID}`,
    );
    const diags = await firstFindings(uri);
    ok(diags.length > 0, 'the switched document gets findings');
  });
});
