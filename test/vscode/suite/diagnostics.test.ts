/// <reference types="mocha" />
// The sample's findings and their ranges, and rule settings taking effect without a reload.
import * as vscode from 'vscode';
import {
  closeAll,
  codeOf,
  deepEqual,
  equal,
  findingsAfter,
  fiveMissing,
  missingTotalLines,
  ok,
  openReport,
  setSetting,
  waitForFindings,
} from '../helpers';

suite('diagnostics', () => {
  teardown(closeAll);

  test('the sample has exactly five missing-cell errors, on the rows without a 总计', async () => {
    const editor = await openReport();
    const doc = editor.document;
    const all = await waitForFindings(doc.uri, fiveMissing, 'five missing-cell findings');
    // besides them, only the prose's 10 against the table's 12 (narrative-mismatch, a warning at the 10)
    const prose = all.filter((d) => codeOf(d) !== 'missing-cell');
    deepEqual(
      prose.map((d) => [
        codeOf(d),
        d.severity,
        doc.getText(d.range),
        doc.lineAt(d.range.start.line).text.includes('受理政府信息公开申请10件'),
      ]),
      [['narrative-mismatch', vscode.DiagnosticSeverity.Warning, '10', true]],
      'the other findings',
    );
    const diags = all.filter((d) => codeOf(d) === 'missing-cell');
    const summary = diags.map((d) => `${codeOf(d)} ${d.range.start.line}`).sort();
    const expected = missingTotalLines(doc)
      .map((l) => `missing-cell ${l}`)
      .sort();
    deepEqual(summary, expected, 'findings (code, 0-based line)');
    for (const d of diags) {
      const line = doc.lineAt(d.range.start.line);
      equal(d.severity, vscode.DiagnosticSeverity.Error, `severity of the finding on line ${line.lineNumber + 1}`);
      equal(d.source, 'disclosure-report', 'source');
      equal(d.range.end.line, d.range.start.line, 'a finding stays on its line');
      ok(
        d.range.start.character <= line.text.length && d.range.end.character <= line.text.length,
        `range ${d.range.start.character}-${d.range.end.character} lies within line ${line.lineNumber + 1}`,
      );
      ok(d.message.length > 0, 'a message');
      // a missing-cell finding points at the whole row (checks.md): from its start to its last cell
      equal(d.range.start.character, 0, `start of the finding on line ${line.lineNumber + 1}`);
      equal(d.range.end.character, line.text.replace(/\s+$/, '').length, `end of the finding on line ${line.lineNumber + 1}`);
    }
  });

  test('turning a rule off removes its findings, and turning it back on restores them, without a reload', async () => {
    const editor = await openReport();
    const uri = editor.document.uri;
    await waitForFindings(uri, fiveMissing, 'five missing-cell findings');
    let restore: (() => Promise<void>) | undefined;
    try {
      await findingsAfter(
        uri,
        async () => {
          restore = await setSetting('rules', { 'missing-cell': 'off' });
        },
        (d) => !d.some((x) => codeOf(x) === 'missing-cell'),
        'the missing-cell findings to disappear after setting disclosureReport.rules {"missing-cell":"off"}',
      );
    } finally {
      if (restore) {
        await findingsAfter(uri, restore, fiveMissing, 'the missing-cell findings to come back after the setting was reset');
      }
    }
  });

  test('a rule set to "warning" changes the severity of its findings', async () => {
    const editor = await openReport();
    const uri = editor.document.uri;
    await waitForFindings(uri, fiveMissing, 'five missing-cell findings');
    let restore: (() => Promise<void>) | undefined;
    try {
      const diags = await findingsAfter(
        uri,
        async () => {
          restore = await setSetting('rules', { 'missing-cell': 'warning' });
        },
        (d) => fiveMissing(d) && d.every((x) => x.severity === vscode.DiagnosticSeverity.Warning),
        'five missing-cell warnings after setting disclosureReport.rules {"missing-cell":"warning"}',
      );
      equal(diags.length, 6, "number of findings: the five and the prose's narrative-mismatch");
    } finally {
      if (restore) {
        await findingsAfter(
          uri,
          restore,
          (d) => fiveMissing(d) && d.every((x) => codeOf(x) !== 'missing-cell' || x.severity === vscode.DiagnosticSeverity.Error),
          'the missing-cell findings to be errors again after the setting was reset',
        );
      }
    }
  });
});
