// The workspace's report files for the server's index (server/src/workspaceIndex.ts, the checks
// across reports): the client lists them (workspace.findFiles), reads them (workspace.fs, so VS
// Code for the web works too) and forwards its file watcher's events. Report text files (.txt files
// whose first lines look like a report, detect.ts) as their text; PDF, DOCX and HTML files (up to
// MAX_DOCUMENT_BYTES, as "Open as Disclosure Report") as their bytes, which the server converts.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  MAX_DOCUMENT_BYTES,
  MAX_WORKSPACE_REPORT_BYTES,
  READ_WORKSPACE_REPORT_REQUEST,
  type ReadWorkspaceReportParams,
  type ReadWorkspaceReportResult,
  toBase64,
  WORKSPACE_REPORT_CHANGED,
  WORKSPACE_REPORTS_REQUEST,
  type WorkspaceReportChangedParams,
} from '../../server/src/protocol';
import { isDocumentName, looksLikeReport } from './detect';

const GLOB = '**/*.{txt,pdf,docx,html,htm}';
/** the server's own cap (MAX_FILES in server/src/workspaceIndex.ts) */
const MAX_FILES = 2000;

/** UTF-8, else GB18030 (the CLI reads both) */
function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** registers the client's half; call before the client starts (the server asks once initialized) */
export function registerWorkspaceFiles(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
  client.onRequest(WORKSPACE_REPORTS_REQUEST, async () =>
    (await vscode.workspace.findFiles(GLOB, undefined, MAX_FILES)).map((u) => u.toString()),
  );
  client.onRequest(READ_WORKSPACE_REPORT_REQUEST, async ({ uri }: ReadWorkspaceReportParams): Promise<ReadWorkspaceReportResult> => {
    try {
      const u = vscode.Uri.parse(uri, true);
      const name = u.path.split('/').pop() ?? '';
      const document = isDocumentName(name);
      if ((await vscode.workspace.fs.stat(u)).size > (document ? MAX_DOCUMENT_BYTES : MAX_WORKSPACE_REPORT_BYTES)) return null;
      if (document) return { name, data: toBase64(await vscode.workspace.fs.readFile(u)) };
      const text = decode(await vscode.workspace.fs.readFile(u));
      return looksLikeReport(text) ? text : null;
    } catch {
      return null;
    }
  });
  const watcher = vscode.workspace.createFileSystemWatcher(GLOB);
  const send = (deleted: boolean) => (u: vscode.Uri) => {
    const params: WorkspaceReportChangedParams = deleted ? { uri: u.toString(), deleted } : { uri: u.toString() };
    if (client.isRunning()) client.sendNotification(WORKSPACE_REPORT_CHANGED, params).catch(() => undefined);
  };
  context.subscriptions.push(watcher, watcher.onDidCreate(send(false)), watcher.onDidChange(send(false)), watcher.onDidDelete(send(true)));
}
