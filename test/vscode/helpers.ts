// Helpers for the in-VS-Code suite. Only the `vscode` API: the same code runs in the Node
// extension host (code-server, test-electron) and in the web worker extension host (test-web).
// Every wait is on an event, bounded by a timeout; no bare sleeps.
import * as vscode from 'vscode';
import { codesTagged } from '../../server/src/core/rules/index';
import { LANGUAGE_ID, SOURCE } from '../../server/src/protocol';
import workspace from './workspace.json';

export { LANGUAGE_ID, SOURCE };
/** The sample under a report-like name (opens in the language by its file name). */
export const REPORT_FIXTURE = workspace.report.name;
/** The same text under a plain name (must be switched to the language by its content). */
export const PLAIN_FIXTURE = workspace.plain.name;
/** the codes Recalculate Totals clears (the rules tagged fix-all) */
export const RECALCULATED_CODES = codesTagged('fix-all');
/** How long a wait for the language server may take (cold start of the server included). */
export const WAIT_MS = 15000;
/** After one wait timed out (a broken build), later waits are short, so the run fails fast. */
const WAIT_AFTER_TIMEOUT_MS = 4000;
// kept on globalThis: in the Node extension host each suite file is a bundle with its own helpers
const state = globalThis as typeof globalThis & { __drLastWaitTimedOut?: boolean };

export class AssertionError extends Error {}

export function ok(value: unknown, message: string): asserts value {
  if (!value) throw new AssertionError(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected) {
    throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

export function deepEqual(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${what}:\n  expected ${e}\n  got      ${a}`);
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  ok(folder, 'a workspace folder is open');
  return folder.uri;
}

let copies = 0;
const runId = Date.now().toString(36);

/**
 * A fresh copy of a fixture of the workspace folder, under `scratch/`, so that no test sees
 * another test's edits. The copy keeps the fixture's name behind a counter, so a report-like name
 * stays report-like.
 */
export async function freshCopy(fixture: string): Promise<vscode.Uri> {
  const root = workspaceRoot();
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, fixture));
  const dir = vscode.Uri.joinPath(root, 'scratch', runId);
  await vscode.workspace.fs.createDirectory(dir);
  const uri = vscode.Uri.joinPath(dir, `${++copies}-${fixture}`);
  await vscode.workspace.fs.writeFile(uri, bytes);
  return uri;
}

/** Opens a fresh copy of the report fixture in an editor. */
export async function openReport(fixture = REPORT_FIXTURE): Promise<vscode.TextEditor> {
  const uri = await freshCopy(fixture);
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/** Saves what a test changed (the copies are throw-away) and closes every editor: no dialogs. */
export async function closeAll(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && !doc.isUntitled) await doc.save();
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

function describe(diags: readonly vscode.Diagnostic[]): string {
  if (!diags.length) return '(none)';
  return diags.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ');
}

export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  if (c === undefined) return '';
  if (typeof c === 'object') return String(c.value);
  return String(c);
}

/** The sample's expected state before any fix: five missing-cell findings. */
export const fiveMissing = (d: vscode.Diagnostic[]): boolean => d.filter((x) => codeOf(x) === 'missing-cell').length === 5;

/** Our findings for a document (other extensions' diagnostics are ignored). */
export function findings(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/**
 * Resolves with the findings as soon as `accept` holds for them: checked at once (unless
 * `onlyAfterChange`) and on every diagnostics change of `uri`. Rejects after `timeoutMs` with
 * what was seen last.
 */
export function waitForFindings(
  uri: vscode.Uri,
  accept: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  { timeoutMs = state.__drLastWaitTimedOut ? WAIT_AFTER_TIMEOUT_MS : WAIT_MS, onlyAfterChange = false } = {},
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const diags = findings(uri);
      if (accept(diags)) {
        done();
        state.__drLastWaitTimedOut = false;
        resolve(diags);
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      done();
      state.__drLastWaitTimedOut = true;
      reject(new AssertionError(`timed out after ${timeoutMs} ms waiting for ${what}; findings now: ${describe(findings(uri))}`));
    }, timeoutMs);
    const done = () => {
      sub.dispose();
      clearTimeout(timer);
    };
    if (!onlyAfterChange) check();
  });
}

/** Waits for the first non-empty set of findings of `uri`. */
export function firstFindings(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
  return waitForFindings(uri, (d) => d.length > 0, `the first findings of ${uri.path.split('/').pop()}`);
}

/**
 * Subscribes to diagnostics changes of `uri`, then runs `action`, then waits until `accept` holds
 * for findings published after the action started (so an old, already published set never counts).
 */
export async function findingsAfter(
  uri: vscode.Uri,
  action: () => Thenable<unknown>,
  accept: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<vscode.Diagnostic[]> {
  const waiting = waitForFindings(uri, accept, what, { onlyAfterChange: true });
  await action();
  return waiting;
}

/** Waits until `predicate()` holds, re-checking whenever one of `events` fires. */
export function waitForEvent(events: vscode.Event<unknown>[], predicate: () => boolean, what: string, timeoutMs = WAIT_MS): Promise<void> {
  return new Promise((resolve, reject) => {
    const subs: vscode.Disposable[] = [];
    const done = () => {
      for (const s of subs) s.dispose();
      clearTimeout(timer);
    };
    const check = () => {
      if (predicate()) {
        done();
        resolve();
      }
    };
    for (const ev of events) subs.push(ev(check));
    const timer = setTimeout(() => {
      done();
      reject(new AssertionError(`timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    check();
  });
}

/** 0-based number of the first line matching `pattern`. */
export function lineOf(doc: vscode.TextDocument, pattern: RegExp): number {
  for (let i = 0; i < doc.lineCount; i++) if (pattern.test(doc.lineAt(i).text)) return i;
  throw new AssertionError(`no line matches ${pattern}`);
}

/** The five lines of the sample whose 总计 cell is missing (0-based), found by their text. */
export function missingTotalLines(doc: vscode.TextDocument): number[] {
  return [
    lineOf(doc, /^一、本年新收政府信息公开申请数量/),
    lineOf(doc, /^二、上年结转政府信息公开申请数量/),
    lineOf(doc, /[(（]一[)）]\s*予以公开/),
    lineOf(doc, /[(（]二[)）]\s*部分公开/),
    lineOf(doc, /[(（]三[)）]\s*不予\s*$|[(（]三[)）]\s*不予\t/),
  ];
}

/** Text of a hover's contents, whatever form they take. */
export function hoverText(hovers: vscode.Hover[]): string {
  const parts: string[] = [];
  for (const h of hovers) {
    for (const c of h.contents) {
      if (typeof c === 'string') parts.push(c);
      else if (c instanceof vscode.MarkdownString) parts.push(c.value);
      else if (c && typeof c === 'object' && 'value' in c) parts.push(String((c as { value: unknown }).value));
    }
  }
  return parts.join('\n');
}

/** Sets a user setting of the extension and returns a function that restores it. */
export async function setSetting(key: string, value: unknown): Promise<() => Promise<void>> {
  const config = vscode.workspace.getConfiguration('disclosureReport');
  const before = config.inspect(key)?.globalValue;
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  return async () => {
    await vscode.workspace.getConfiguration('disclosureReport').update(key, before, vscode.ConfigurationTarget.Global);
  };
}

/** The sum of the number cells of a row: the value its 总计 cell must get. */
export function rowSum(text: string): number {
  return text
    .split('\t')
    .filter((c) => /^\d+$/.test(c.trim()))
    .reduce((s, c) => s + Number(c), 0);
}

/** The lines that differ between two texts, and what each became. */
export function changedLines(before: string, after: string): { line: number; before: string; after: string }[] {
  const a = before.split('\n');
  const b = after.split('\n');
  equal(b.length, a.length, 'number of lines after the edit');
  return a.flatMap((text, i) => (text === b[i] ? [] : [{ line: i, before: text, after: b[i] }]));
}

/** Asserts that exactly the five rows gained "\t<row sum>" and nothing else changed. */
export function assertOnlyTotalsInserted(doc: vscode.TextDocument, before: string): void {
  const changes = changedLines(before, doc.getText());
  deepEqual(
    changes.map((c) => c.line),
    missingTotalLines(doc),
    'changed lines (0-based)',
  );
  for (const c of changes) {
    equal(c.after, `${c.before}\t${rowSum(c.before)}`, `line ${c.line + 1}`);
  }
}
