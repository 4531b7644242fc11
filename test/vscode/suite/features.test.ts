/// <reference types="mocha" />
// Outline, hover, quick fix and fix-all, through the commands VS Code itself uses for them.
import * as vscode from 'vscode';
import {
  assertOnlyTotalsInserted,
  changedLines,
  closeAll,
  codeOf,
  deepEqual,
  equal,
  findingsAfter,
  fiveMissing,
  hoverText,
  lineOf,
  ok,
  openReport,
  RECALCULATED_CODES,
  waitForFindings,
} from '../helpers';

function flatten(symbols: vscode.DocumentSymbol[], depth = 0): { name: string; depth: number; symbol: vscode.DocumentSymbol }[] {
  return symbols.flatMap((s) => [{ name: s.name, depth, symbol: s }, ...flatten(s.children ?? [], depth + 1)]);
}

async function applyAction(action: vscode.CodeAction): Promise<void> {
  ok(action.edit || action.command, `code action "${action.title}" has an edit or a command`);
  if (action.edit) ok(await vscode.workspace.applyEdit(action.edit), `edit of "${action.title}" applied`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

suite('features', () => {
  teardown(closeAll);

  test('outline: sections, tables and rows through executeDocumentSymbolProvider', async () => {
    const editor = await openReport();
    const doc = editor.document;
    await waitForFindings(doc.uri, fiveMissing, 'five missing-cell findings');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    ok(symbols && symbols.length > 0, 'document symbols are returned');
    ok('children' in symbols[0], 'hierarchical document symbols (not a flat list)');
    const all = flatten(symbols);
    for (const heading of [
      '总体情况',
      '主动公开政府信息情况',
      '收到和处理政府信息公开申请情况',
      '行政复议、行政诉讼情况',
      '存在的主要问题及改进情况',
      '其他需要报告的事项',
    ]) {
      ok(
        all.some((s) => s.name.includes(heading)),
        `a symbol for the section "${heading}"; got ${all
          .filter((s) => s.depth === 0)
          .map((s) => s.name)
          .join(' | ')}`,
      );
    }
    const maxDepth = Math.max(...all.map((s) => s.depth));
    ok(maxDepth >= 2, `sections contain tables and row groups (depth ${maxDepth + 1})`);
    // The section of table 三 covers the rows of that table.
    const section3 = all.find((s) => s.name.includes('收到和处理政府信息公开申请情况'));
    ok(section3, 'section 三');
    const row = lineOf(doc, /^一、本年新收政府信息公开申请数量/);
    ok(section3.symbol.range.contains(new vscode.Position(row, 0)), `section 三's range contains line ${row + 1}`);
    ok(section3.symbol.children.length > 0, 'section 三 has children');
  });

  test('hover on a 总计 cell writes out its sum', async () => {
    const editor = await openReport();
    const doc = editor.document;
    await waitForFindings(doc.uri, fiveMissing, 'five missing-cell findings');
    const line = lineOf(doc, /[(（]七[)）]\s*总计/);
    const text = doc.lineAt(line).text;
    const character = text.lastIndexOf('12');
    ok(character > 0, 'the （七）总计 line ends in 12');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      doc.uri,
      new vscode.Position(line, character + 1),
    );
    ok(hovers && hovers.length > 0, `a hover at line ${line + 1}, column ${character + 2}`);
    const shown = hoverText(hovers);
    ok(/\d+(?:\s*\+\s*\d+)+\s*=\s*12\b/.test(shown), `the hover writes the sum out (… + … = 12); got:\n${shown}`);
  });

  test('quick fix of a missing-cell finding inserts the total and the finding goes away', async () => {
    const editor = await openReport();
    const doc = editor.document;
    const uri = doc.uri;
    const diags = await waitForFindings(uri, fiveMissing, 'five missing-cell findings');
    const line = lineOf(doc, /^一、本年新收政府信息公开申请数量/);
    const target = diags.find((d) => d.range.start.line === line);
    ok(target, `a missing-cell finding on line ${line + 1}`);
    const before = doc.getText();
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      target.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = (actions ?? []).find(
      (a) =>
        a.kind &&
        vscode.CodeActionKind.QuickFix.contains(a.kind) &&
        (a.diagnostics?.some((d) => codeOf(d) === 'missing-cell' && d.range.start.line === line) ||
          a.edit?.entries().some(([, edits]) => edits.some((e) => e.range.start.line === line))),
    );
    ok(fix, `a quick fix for the finding; got: ${(actions ?? []).map((a) => a.title).join(' | ') || '(none)'}`);
    const after = await findingsAfter(
      uri,
      () => applyAction(fix),
      (d) => !d.some((x) => x.range.start.line === line) && d.filter((x) => codeOf(x) === 'missing-cell').length === 4,
      `the finding on line ${line + 1} to go (four missing-cell left)`,
    );
    equal(after.length, 5, "findings left: four missing-cell and the prose's narrative-mismatch");
    const changes = changedLines(before, doc.getText());
    deepEqual(
      changes.map((c) => c.line),
      [line],
      'changed lines',
    );
    equal(changes[0].after, `${changes[0].before}\t12`, `line ${line + 1} after the fix`);
  });

  test('source.fixAll.disclosure-report inserts every missing total', async () => {
    const editor = await openReport();
    const doc = editor.document;
    const uri = doc.uri;
    await waitForFindings(uri, fiveMissing, 'five missing-cell findings');
    const before = doc.getText();
    const whole = new vscode.Range(0, 0, doc.lineCount, 0);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      whole,
      'source.fixAll.disclosure-report',
    );
    const fixAll = (actions ?? []).find((a) => a.kind?.value === 'source.fixAll.disclosure-report');
    ok(
      fixAll,
      `a source.fixAll.disclosure-report action; got: ${(actions ?? []).map((a) => `${a.title} (${a.kind?.value})`).join(' | ') || '(none)'}`,
    );
    await findingsAfter(
      uri,
      () => applyAction(fixAll),
      (d) => !d.some((x) => RECALCULATED_CODES.includes(codeOf(x))),
      'no arithmetic finding after fix-all',
    );
    assertOnlyTotalsInserted(doc, before);
  });
});
