/// <reference types="mocha" />
// "Open as Disclosure Report" on a PDF and a DOCX of the workspace: the report text opens as a
// read-only document of the report language, named by the original file, with the document's
// findings and outline; Recalculate Totals on the DOCX view writes the totals into the .docx and
// the view follows; a file changed on disk is re-converted; a scanned PDF gives a message, no view.
import { unzipSync } from 'fflate';
import * as vscode from 'vscode';
import { analyze, fixAllEdits, type TextEdit } from '../../../server/src/core/index';
import { DOCUMENT_SCHEME, OPEN_DOCUMENT_COMMAND } from '../../../server/src/protocol';
import {
  closeAll,
  codeOf,
  deepEqual,
  equal,
  freshCopy,
  hoverText,
  LANGUAGE_ID,
  ok,
  RECALCULATED_CODES,
  waitForEvent,
  waitForFindings,
  workspaceRoot,
} from '../helpers';
import workspace from '../workspace.json';

const ARITHMETIC = ['row-total', 'column-total'];
const hasPlantedTotal = (d: vscode.Diagnostic[]) => ARITHMETIC.every((c) => d.some((x) => codeOf(x) === c));

/** opens a fresh copy of a workspace document as a report: the copy and its view's document */
async function openAsReport(fixture: string): Promise<{ original: vscode.Uri; doc: vscode.TextDocument }> {
  const original = await freshCopy(fixture);
  const view = await vscode.commands.executeCommand<string | undefined>(OPEN_DOCUMENT_COMMAND, original);
  ok(typeof view === 'string', `the command opened a view of ${fixture} (got ${String(view)})`);
  const uri = vscode.Uri.parse(view, true);
  await waitForEvent(
    [vscode.workspace.onDidOpenTextDocument],
    () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === view && d.languageId === LANGUAGE_ID),
    'the view in the report language',
  );
  const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === view && d.languageId === LANGUAGE_ID);
  ok(doc, 'the view document');
  equal(uri.scheme, DOCUMENT_SCHEME, "the view's scheme");
  equal(uri.path.split('/').pop(), original.path.split('/').pop(), "the view's basename (what the Problems panel shows) is the original's");
  return { original, doc };
}

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const sorted = [...edits].sort((a, b) => b.range.start.line - a.range.start.line || b.range.start.character - a.range.start.character);
  for (const e of sorted) {
    ok(e.range.start.line === e.range.end.line, 'a one-line fix');
    const l = lines[e.range.start.line];
    lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
  }
  return lines.join('\n');
}

suite('documents', () => {
  teardown(closeAll);

  test('a PDF opens as a read-only report: its findings, its outline, named by the PDF', async () => {
    const { doc } = await openAsReport(workspace.pdf.name);
    const diags = await waitForFindings(doc.uri, hasPlantedTotal, "the PDF's row-total and column-total findings");
    deepEqual(
      diags.map(codeOf).sort(),
      analyze(doc.getText())
        .findings.map((f) => f.code)
        .sort(),
      "the view's findings are the core's on its text",
    );
    equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the view is the active editor');
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    ok((symbols?.length ?? 0) >= 6, `the outline has the six sections (got ${symbols?.length})`);
    const total = diags.find((d) => codeOf(d) === 'row-total');
    ok(total, 'a row-total finding');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, total.range.start);
    ok(
      /\d+(\s*\+\s*\d+)+\s*=/.test(hoverText(hovers ?? [])),
      `the hover on the total writes out its sum: ${hoverText(hovers ?? []).slice(0, 200)}`,
    );
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, total.range);
    deepEqual(
      (actions ?? [])
        .filter((a) => a.kind?.value.startsWith('quickfix') || a.kind?.value.includes('disclosure-report'))
        .map((a) => a.title),
      [],
      'no fix offered on the view: it would edit the view, not the PDF',
    );
  });

  test('a DOCX opens as a report; Recalculate Totals writes only the totals into the .docx and the view follows', async () => {
    const { original, doc } = await openAsReport(workspace.docx.name);
    await waitForFindings(doc.uri, hasPlantedTotal, "the DOCX's row-total and column-total findings");
    const before = doc.getText();
    const bytesBefore = await vscode.workspace.fs.readFile(original);
    const fixes = fixAllEdits(analyze(before));
    ok(fixes.length > 0, 'there is a total to recalculate');
    const result = await vscode.commands.executeCommand<{ applied: boolean; changed: number }>(
      'disclosureReport.recalculateTotals',
      doc.uri,
      { confirmed: true },
    );
    ok(result?.applied, `the totals were written: ${JSON.stringify(result)}`);
    equal(result.changed, fixes.length, 'cells written');
    await waitForEvent([vscode.workspace.onDidChangeTextDocument], () => doc.getText() !== before, 'the view to follow the .docx');
    equal(doc.getText(), applyEdits(before, fixes), 'the view is the old text with exactly the derived cells recalculated');
    const bytesAfter = await vscode.workspace.fs.readFile(original);
    const [was, now] = [unzipSync(bytesBefore), unzipSync(bytesAfter)];
    deepEqual(Object.keys(now), Object.keys(was), 'the .docx has the same parts');
    const changedParts = Object.keys(was).filter(
      (name) => now[name].length !== was[name].length || now[name].some((b, i) => b !== was[name][i]),
    );
    deepEqual(changedParts, ['word/document.xml'], 'only word/document.xml changed');
    await waitForFindings(
      doc.uri,
      (d) => !d.some((x) => RECALCULATED_CODES.includes(codeOf(x)) || ARITHMETIC.includes(codeOf(x))),
      'no arithmetic finding after Recalculate Totals',
    );
  });

  test('the view follows the file on disk', async () => {
    const { original, doc } = await openAsReport(workspace.pdf.name);
    await waitForFindings(doc.uri, hasPlantedTotal, 'the planted total');
    const before = doc.getText();
    const clean = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(workspaceRoot(), workspace.cleanPdf.name));
    await vscode.workspace.fs.writeFile(original, clean);
    await waitForEvent(
      [vscode.workspace.onDidChangeTextDocument],
      () => doc.getText() !== before,
      'the view to re-convert the changed PDF',
    );
    await waitForFindings(doc.uri, (d) => d.length === 0, 'no finding on the clean PDF');
  });

  test('a scanned PDF opens no view (a message says to run OCR); the extension keeps working', async () => {
    const original = await freshCopy(workspace.scan.name);
    const view = await vscode.commands.executeCommand<string | undefined>(OPEN_DOCUMENT_COMMAND, original);
    equal(view, undefined, 'no view');
    ok(!vscode.workspace.textDocuments.some((d) => d.uri.scheme === DOCUMENT_SCHEME && d.uri.path === original.path), 'no view document');
    const { doc } = await openAsReport(workspace.docx.name);
    await waitForFindings(doc.uri, hasPlantedTotal, 'a DOCX opened after it is checked');
  });
});
