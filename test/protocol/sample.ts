// The sample the protocol suites drive the server with (xigong-2022), what is known about it, and
// small readers of the server's answers.
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import { lineOf, SAMPLE } from './harness';

export const LINES = SAMPLE.split(/\r\n|\r|\n/);
/** the five rows of the sample that lack their 总计 cell (the `(三) 不予` line is row 1.属于国家秘密) */
export const MISSING_ROWS = [
  lineOf(SAMPLE, '一、本年新收'),
  lineOf(SAMPLE, '二、上年结转'),
  lineOf(SAMPLE, '(一) 予以公开'),
  lineOf(SAMPLE, '(二) 部分公开'),
  lineOf(SAMPLE, '(三) 不予'),
];
export const TOTAL_ROW = lineOf(SAMPLE, '(七) 总计');

export function codes(diagnostics: Diagnostic[]): string[] {
  return diagnostics.map((d) => String(d.code));
}

/** a diagnostic's message (LSP 3.18 allows markup) */
export function text(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

export function editsOf(action: CodeAction): { version: number | null; edits: TextEdit[] } {
  const changes = action.edit?.documentChanges;
  assert.ok(changes && changes.length === 1, `${action.title}: one versioned document edit`);
  const change = changes[0] as TextDocumentEdit;
  return { version: change.textDocument.version, edits: change.edits as TextEdit[] };
}
