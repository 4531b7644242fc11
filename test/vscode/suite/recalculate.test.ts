/// <reference types="mocha" />
// The command "Disclosure Report: Recalculate Totals" on the active report.
import * as vscode from 'vscode';
import {
  assertOnlyTotalsInserted,
  closeAll,
  codeOf,
  equal,
  findingsAfter,
  fiveMissing,
  ok,
  openReport,
  RECALCULATED_CODES,
  waitForEvent,
  waitForFindings,
} from '../helpers';

suite('Recalculate Totals', () => {
  teardown(closeAll);

  test('is contributed as "Disclosure Report: Recalculate Totals"', async () => {
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'disclosure-report');
    ok(ext, 'the extension under test is loaded');
    const commands: { command: string; title: string; category?: string }[] = ext.packageJSON.contributes?.commands ?? [];
    const cmd = commands.find((c) => c.command === 'disclosureReport.recalculateTotals');
    ok(cmd, 'contributes.commands has disclosureReport.recalculateTotals');
    // Titles may be localized placeholders ("%key%") resolved from package.nls.json.
    const nlsBytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'package.nls.json')).then(
      (b) => b,
      () => undefined,
    );
    const nls: Record<string, string> = nlsBytes ? JSON.parse(new TextDecoder().decode(nlsBytes)) : {};
    const resolve = (s: string | undefined) => (s && /^%.+%$/.test(s) ? nls[s.slice(1, -1)] : s);
    equal(resolve(cmd.title), 'Recalculate Totals', 'title');
    equal(resolve(cmd.category), 'Disclosure Report', 'category');
  });

  test('fills every derived cell; only those cells change and no arithmetic finding is left', async () => {
    const editor = await openReport();
    const doc = editor.document;
    const uri = doc.uri;
    await waitForFindings(uri, fiveMissing, 'five missing-cell findings');
    const before = doc.getText();
    await findingsAfter(
      uri,
      async () => {
        await vscode.commands.executeCommand('disclosureReport.recalculateTotals');
        // the edit may be applied by the server (workspace/applyEdit) after the command returns
        await waitForEvent([vscode.workspace.onDidChangeTextDocument], () => doc.getText() !== before, 'the command to edit the report');
      },
      (d) => !d.some((x) => RECALCULATED_CODES.includes(codeOf(x))),
      'no row-total/column-total/empty-total/missing-cell finding after Recalculate Totals',
    );
    assertOnlyTotalsInserted(doc, before);
  });
});
