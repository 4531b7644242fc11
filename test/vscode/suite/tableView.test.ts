/// <reference types="mocha" />
// "Disclosure Report: Open Table View" on the seed sample: the panel opens beside the report, its
// webview draws the model the server sent (read back from the webview's DOM through the panel's
// test hook), a click on a cell selects it in the editor, an edit redraws the view, and the
// editor's cursor highlights its cell. Runs on the Node and the web extension host alike.
import * as vscode from 'vscode';
import type { TableViewTestState } from '../../../client/src/tableView';
import type { CellView, TableViewModel } from '../../../server/src/view/types';
import {
  assertOnlyTotalsInserted,
  closeAll,
  deepEqual,
  equal,
  fiveMissing,
  lineOf,
  missingTotalLines,
  ok,
  openReport,
  waitForEvent,
  waitForFindings,
} from '../helpers';

const OPEN = 'disclosureReport.openTableView';
const STATE = 'disclosureReport.tableView.testState';
const MESSAGE = 'disclosureReport.tableView.testMessage';

type Wait = { until?: 'render' | 'highlight'; version?: number; line?: number; after?: number; timeoutMs?: number };

async function viewState(uri: vscode.Uri, wait: Wait, what: string): Promise<TableViewTestState> {
  const state = await vscode.commands.executeCommand<TableViewTestState | undefined>(STATE, uri.toString(), { timeoutMs: 15000, ...wait });
  ok(state, `a table view is open for ${uri.path.split('/').pop()}`);
  ok(
    !state.timedOut,
    `timed out waiting for ${what}; the view has model version ${state.version ?? '(none)'}, drew ${state.renders} time(s) (last: version ${state.drawn?.version ?? '(none)'})`,
  );
  return state;
}

function cells(model: TableViewModel | undefined): CellView[] {
  ok(model, 'the panel sent a model');
  return model.tables.flatMap((t) => t.body.flatMap((r) => (r.kind === 'data' ? r.cells : [])));
}

function cell(model: TableViewModel | undefined, rowId: string, columnId: string): CellView {
  const c = cells(model).find((x) => x.table === '三' && x.rowId === rowId && x.columnId === columnId);
  ok(c?.range, `table 三 has the cell ${rowId} / ${columnId} with a range`);
  return c;
}

/** opens the seed sample and its table view, once the view has drawn the report's current version */
async function openWithView(): Promise<{ editor: vscode.TextEditor; state: TableViewTestState }> {
  const editor = await openReport();
  await waitForFindings(editor.document.uri, fiveMissing, 'five missing-cell findings');
  await vscode.commands.executeCommand(OPEN);
  const state = await viewState(
    editor.document.uri,
    { until: 'render', version: editor.document.version },
    'the table view to draw the report',
  );
  return { editor, state };
}

suite('table view', () => {
  teardown(closeAll);

  test('opens beside the report and draws the five missing 总计 cells marked', async () => {
    const { editor, state } = await openWithView();
    const doc = editor.document;
    equal(state.version, doc.version, 'the model is of the document version shown in the editor');
    const missing = cells(state.model).filter((c) => c.findings.some((f) => f.code === 'missing-cell'));
    deepEqual(
      missing.map((c) => [c.table, c.column, c.kind, c.range?.start.line]),
      missingTotalLines(doc).map((line) => ['三', '总计', 'missing', line]),
      'the model marks the five missing 总计 cells (table, column, kind, line)',
    );
    ok(state.drawn, 'the webview reported what it drew');
    equal(state.drawn.version, doc.version, 'the version drawn');
    equal(state.drawn.tables, 3, 'grids drawn (tables 二, 三, 四)');
    const drawnMissing = state.drawn.marked.filter((c) => c.column === '总计' && c.kind === 'missing');
    deepEqual(
      drawnMissing.map((c) => [c.id, c.severity, c.derived]),
      missing.map((c) => [c.id, 'error', true]),
      'the webview marks exactly those cells as errors, drawn as derived',
    );
    equal(state.drawn.marked.length, 5, 'no other cell is marked');
    ok(/5/.test(state.drawn.status), `the status counts the errors: ${state.drawn.status}`);
    const tab = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('disclosureReport.tableView'));
    ok(tab, 'a tab for the table view');
    ok(
      tab.group.viewColumn !== editor.viewColumn,
      `the view is beside the editor (columns ${tab.group.viewColumn} and ${editor.viewColumn})`,
    );
  });

  test('clicking a cell reveals and selects it in the editor', async () => {
    const { editor, state } = await openWithView();
    const doc = editor.document;
    const natural = cell(state.model, '一', '自然人');
    ok(
      await vscode.commands.executeCommand<boolean>(MESSAGE, doc.uri.toString(), { type: 'reveal', cell: natural.id }),
      'the panel took the click',
    );
    const active = vscode.window.activeTextEditor;
    ok(active && active.document.uri.toString() === doc.uri.toString(), 'the report is the active editor');
    equal(active.selection.start.line, lineOf(doc, /^一、本年新收政府信息公开申请数量/), 'selected line');
    equal(doc.getText(active.selection), '12', 'the selection is the cell');
    await waitForEvent(
      [vscode.window.onDidChangeTextEditorVisibleRanges],
      () => active.visibleRanges.some((r) => r.contains(active.selection)),
      'the cell to be scrolled into view',
    );
    // a missing cell: the caret goes where it belongs, at the end of its row
    const total = cell(state.model, '一', '总计');
    ok(
      await vscode.commands.executeCommand<boolean>(MESSAGE, doc.uri.toString(), { type: 'reveal', cell: total.id }),
      'the panel took the click',
    );
    const after = vscode.window.activeTextEditor!;
    ok(after.selection.isEmpty, 'a missing cell selects its insertion point');
    equal(after.selection.active.character, doc.lineAt(total.range!.start.line).text.length, 'at the end of the row');
    // a message that names no cell of the model is refused
    equal(
      await vscode.commands.executeCommand<boolean>(MESSAGE, doc.uri.toString(), { type: 'reveal', cell: 'nope' }),
      false,
      'unknown cell',
    );
  });

  test('an edit in the editor updates the view to the new version', async () => {
    const { editor, state } = await openWithView();
    const doc = editor.document;
    const line = lineOf(doc, /^一、本年新收政府信息公开申请数量/);
    ok(await editor.edit((b) => b.insert(doc.lineAt(line).range.end, '\t12')), 'the edit applied');
    const updated = await viewState(
      doc.uri,
      { until: 'render', version: doc.version, after: state.renders },
      'the view to draw the edited version',
    );
    equal(updated.version, doc.version, 'the model is of the edited version');
    equal(updated.drawn?.version, doc.version, 'the drawing is of the edited version');
    const total = cell(updated.model, '一', '总计');
    equal(total.text, '12', 'the inserted 总计 is in the view');
    equal(total.findings.length, 0, 'and it is no longer marked');
    equal(updated.drawn?.marked.length, 4, 'four cells are still marked');
  });

  test('the Recalculate Totals button runs the command: the five totals are written and the view clears', async () => {
    const { editor, state } = await openWithView();
    const doc = editor.document;
    const before = doc.getText();
    ok(
      await vscode.commands.executeCommand<boolean>(MESSAGE, doc.uri.toString(), { type: 'command', command: 'recalculate' }),
      'the panel took the click',
    );
    await waitForEvent([vscode.workspace.onDidChangeTextDocument], () => doc.getText() !== before, 'the command to edit the report');
    assertOnlyTotalsInserted(doc, before);
    const after = await viewState(
      doc.uri,
      { until: 'render', version: doc.version, after: state.renders },
      'the view to draw the recalculated version',
    );
    equal(after.drawn?.marked.length, 0, 'no cell is marked any more');
  });

  test('the editor cursor highlights the cell under it', async () => {
    const { editor, state } = await openWithView();
    const doc = editor.document;
    const target = cell(state.model, '（三）4', '自然人');
    const start = new vscode.Position(target.range!.start.line, target.range!.start.character);
    const before = (await viewState(doc.uri, {}, 'the view state')).highlights;
    editor.selection = new vscode.Selection(start, start);
    const moved = await viewState(
      doc.uri,
      { until: 'highlight', line: start.line, after: before },
      'the view to highlight the cell under the cursor',
    );
    equal(moved.highlighted?.cell, target.id, 'the highlighted cell');
  });
});
