// Client logic shared by the Node extension (extension.ts) and the web extension (browser.ts):
// client options, the Recalculate Totals command, the status bar item and plain-text detection;
// the workspace's report files for the server's index (workspaceFiles.ts).
// The language client itself (Node: IPC child process; web: worker) is made by each entry.
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import {
  DOCUMENT_SCHEME,
  FINDING_COUNT_NOTIFICATION,
  FINDING_COUNT_REQUEST,
  type FindingCounts,
  type InitializationOptions,
  LANGUAGE_ID,
  RECALCULATE_COMMAND,
  type RecalculateResult,
  SETTINGS_SECTION,
} from '../../server/src/protocol';
import { registerAccept } from './accept';
import { looksLikeReport } from './detect';
import { registerDocumentPrompt } from './documentPrompt';
import { type DocumentViews, type RecalculateOptions, registerDocuments } from './documents';
import { registerTableView } from './tableView';
import { registerWorkspaceFiles } from './workspaceFiles';

export function clientOptions(
  documentSelector: DocumentSelector,
  context: vscode.ExtensionContext,
  extra: Partial<InitializationOptions> = {},
): LanguageClientOptions {
  const watcher = vscode.workspace.createFileSystemWatcher('**/.disclosure-report.json');
  context.subscriptions.push(watcher);
  const initializationOptions: InitializationOptions = { locale: vscode.env.language, workspaceReports: true, ...extra };
  return {
    documentSelector,
    initializationOptions,
    synchronize: { fileEvents: watcher },
    middleware: {
      // the server needs the report's URI: take it from the menu (a vscode.Uri) or the active editor
      async executeCommand(command, args, next) {
        if (command !== RECALCULATE_COMMAND) return next(command, args);
        const uri = resolveUri(args[0]);
        if (!uri) {
          void vscode.window.showWarningMessage(vscode.l10n.t('Open a disclosure report to recalculate its totals.'));
          return undefined;
        }
        // a PDF/DOCX/HTML shown as a report: the totals go into the document itself (documents.ts)
        const result =
          uri.startsWith(`${DOCUMENT_SCHEME}:`) && documents
            ? await documents.recalculate(vscode.Uri.parse(uri, true), (args[1] ?? {}) as RecalculateOptions)
            : ((await next(command, [uri])) as RecalculateResult | null | undefined);
        if (result && !result.applied && result.reason) void vscode.window.showWarningMessage(result.reason);
        if (result?.applied && result.changed > 0) {
          vscode.window.setStatusBarMessage(vscode.l10n.t('Recalculated {0} total cell(s)', result.changed), 4000);
        }
        return result;
      },
    },
  };
}

function resolveUri(arg: unknown): string | undefined {
  if (arg instanceof vscode.Uri) return arg.toString();
  if (typeof arg === 'string' && arg) return arg;
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor.document.uri.toString();
  return undefined;
}

/** The status bar item: the finding count of the active report. */
function registerStatusBar(
  context: vscode.ExtensionContext,
  client: BaseLanguageClient,
  analysed: vscode.EventEmitter<FindingCounts>,
): void {
  const item = vscode.window.createStatusBarItem('disclosureReport.findings', vscode.StatusBarAlignment.Right, 100);
  item.name = vscode.l10n.t('Disclosure Report findings');
  item.command = 'workbench.actions.view.problems';
  context.subscriptions.push(item);
  const counts = new Map<string, FindingCounts>();

  const render = () => {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== LANGUAGE_ID) {
      item.hide();
      return;
    }
    const c = counts.get(editor.document.uri.toString());
    if (!c) {
      item.text = `$(sync~spin) ${vscode.l10n.t('Checking report…')}`;
      item.tooltip = undefined;
    } else {
      const icon = c.error ? '$(error)' : c.warning ? '$(warning)' : c.total ? '$(info)' : '$(pass)';
      item.text = c.total ? `${icon} ${vscode.l10n.t('{0} report findings', c.total)}` : `${icon} ${vscode.l10n.t('Report OK')}`;
      item.tooltip = vscode.l10n.t(
        '{0} errors, {1} warnings, {2} other findings in this report (format {3}). Click to open the Problems view.',
        c.error,
        c.warning,
        c.info + c.hint,
        c.format ?? '?',
      );
    }
    item.show();
  };

  const refreshCounts = async (document: vscode.TextDocument | undefined) => {
    if (!document || document.languageId !== LANGUAGE_ID) return;
    try {
      const c = (await client.sendRequest(FINDING_COUNT_REQUEST, { uri: document.uri.toString() })) as FindingCounts | null;
      if (c) counts.set(c.uri, c);
    } catch {
      // the server is starting or stopping: the next notification updates the item
    }
    render();
  };

  context.subscriptions.push(
    // the client keeps one handler per notification: others (the table view) follow `analysed`
    client.onNotification(FINDING_COUNT_NOTIFICATION, (c: FindingCounts) => {
      counts.set(c.uri, c);
      render();
      analysed.fire(c);
    }),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      render();
      void refreshCounts(editor?.document);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => counts.delete(document.uri.toString())),
  );
  render();
  void refreshCounts(vscode.window.activeTextEditor?.document);
}

/** Switches plain-text documents that look like a report to the report language. */
function registerDetection(context: vscode.ExtensionContext): void {
  const detect = (document: vscode.TextDocument) => {
    if (document.languageId !== 'plaintext') return;
    if (!vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get<boolean>('detectPlainText', true)) return;
    const head = document.getText(new vscode.Range(0, 0, Math.min(document.lineCount, 10), 0));
    if (looksLikeReport(head)) void vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
  };
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(detect));
  for (const document of vscode.workspace.textDocuments) detect(document);
}

/**
 * Starts the language client once a report is open (the extension also activates for plain text,
 * only to detect reports). Until then a stand-in command starts it on demand; the language client
 * registers the real disclosureReport.recalculateTotals from the server's executeCommandProvider.
 */
export function activateCommon(context: vscode.ExtensionContext, createClient: () => BaseLanguageClient): Promise<void> {
  let client: BaseLanguageClient | undefined;
  let starting: Promise<void> | undefined;
  const analysed = new vscode.EventEmitter<FindingCounts>();
  context.subscriptions.push(analysed);
  let standIn: vscode.Disposable | undefined = vscode.commands.registerCommand(RECALCULATE_COMMAND, async (...args: unknown[]) => {
    await start();
    return vscode.commands.executeCommand(RECALCULATE_COMMAND, ...args);
  });

  const start = (): Promise<void> => {
    if (starting) return starting;
    standIn?.dispose();
    standIn = undefined;
    client = createClient();
    activeClient = client;
    registerWorkspaceFiles(context, client);
    starting = client.start().then(
      () => registerStatusBar(context, client!, analysed),
      (e: unknown) => {
        void vscode.window.showErrorMessage(vscode.l10n.t('The Disclosure Report language server failed to start: {0}', String(e)));
      },
    );
    return starting;
  };

  registerDetection(context);
  const running = async () => {
    await start();
    return client?.isRunning() ? client : undefined;
  };
  registerTableView(context, { client: running, onAnalysed: analysed.event });
  registerAccept(context, running);
  documents = registerDocuments(context, running);
  registerDocumentPrompt(context);
  const isReport = (d: vscode.TextDocument) => d.languageId === LANGUAGE_ID;
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((d) => {
      if (isReport(d)) void start();
    }),
    { dispose: () => standIn?.dispose() },
  );
  return vscode.workspace.textDocuments.some(isReport) ? start() : Promise.resolve();
}

let activeClient: BaseLanguageClient | undefined;
/** the PDF/DOCX/HTML views (documents.ts), for Recalculate Totals on one */
let documents: DocumentViews | undefined;

/** stops the language client (VS Code awaits this on deactivation) */
export async function deactivateCommon(): Promise<void> {
  const client = activeClient;
  activeClient = undefined;
  if (client?.isRunning()) await client.stop();
}
