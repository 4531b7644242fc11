// "Open as Disclosure Report": a PDF, DOCX or HTML file shown as its report text, a read-only
// document of the report language (squiggles, outline, hovers like any report). The client only
// moves bytes and shows text: it reads the file with workspace.fs (so it works in VS Code for the
// web too), the server converts it (disclosureReport/convertDocument, the readers loaded there on
// first use) and the text is served under DOCUMENT_SCHEME by a TextDocumentContentProvider. The
// view's URI has the original's path (its basename, `report.pdf`, names it in the Problems panel)
// and the original's URI as its query. A FileSystemWatcher on the original re-converts it when it
// changes on disk. On a DOCX, Recalculate Totals asks the server for the patched bytes
// (disclosureReport/recalculateDocument), confirms with a modal dialog and writes them.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  CONVERT_DOCUMENT_REQUEST,
  type ConvertDocumentParams,
  type ConvertDocumentResult,
  DOCUMENT_SCHEME,
  fromBase64,
  LANGUAGE_ID,
  MAX_DOCUMENT_BYTES,
  OPEN_DOCUMENT_COMMAND,
  RECALCULATE_DOCUMENT_REQUEST,
  type RecalculateDocumentParams,
  type RecalculateDocumentResult,
  type RecalculateResult,
  toBase64,
} from '../../server/src/protocol';
import { isDocumentName } from './detect';

/** the view of a document: DOCUMENT_SCHEME, the original's path, the original's URI as query */
export function viewUriOf(original: vscode.Uri): vscode.Uri {
  return vscode.Uri.from({ scheme: DOCUMENT_SCHEME, path: original.path, query: original.toString() });
}

export function originalOf(view: vscode.Uri): vscode.Uri {
  return vscode.Uri.parse(view.query, true);
}

const basename = (uri: vscode.Uri) => uri.path.split('/').pop() ?? uri.path;

interface View {
  original: vscode.Uri;
  text: string;
  /** conversions started; only the newest one's result is shown */
  seq: number;
  watcher?: vscode.Disposable;
}

type Converted = { ok: true; text: string; warnings: string[] } | { ok: false; message: string };

export interface RecalculateOptions {
  /** skip the modal confirmation (the VS Code suite: a modal dialog cannot be answered there) */
  confirmed?: boolean;
}

export class DocumentViews implements vscode.TextDocumentContentProvider {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly views = new Map<string, View>();

  constructor(private readonly client: () => Promise<BaseLanguageClient | undefined>) {}

  dispose(): void {
    for (const view of this.views.values()) view.watcher?.dispose();
    this.views.clear();
    this.changed.dispose();
  }

  /** reads the file and has the server convert it; never throws */
  private async convert(original: vscode.Uri): Promise<Converted> {
    const name = basename(original);
    try {
      const stat = await vscode.workspace.fs.stat(original);
      if (stat.size > MAX_DOCUMENT_BYTES) {
        const mb = (n: number) => Math.round(n / 1024 / 1024);
        return {
          ok: false,
          message: vscode.l10n.t('the file is {0} MB, over the {1} MB limit for one report', mb(stat.size), mb(MAX_DOCUMENT_BYTES)),
        };
      }
      const bytes = await vscode.workspace.fs.readFile(original);
      const client = await this.client();
      if (!client) return { ok: false, message: vscode.l10n.t('the language server is not running') };
      const params: ConvertDocumentParams = { name, data: toBase64(bytes) };
      const r = (await client.sendRequest(CONVERT_DOCUMENT_REQUEST, params)) as ConvertDocumentResult | null;
      if (!r) return { ok: false, message: vscode.l10n.t('the language server gave no answer') };
      return r.ok ? { ok: true, text: r.text, warnings: r.warnings } : { ok: false, message: r.message };
    } catch (e) {
      return { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const view = this.views.get(uri.toString());
    if (view) return view.text;
    // a view VS Code restored or opened by its URI: convert it now
    const original = originalOf(uri);
    const r = await this.convert(original);
    if (!r.ok) throw new Error(vscode.l10n.t('{0} cannot be opened as a disclosure report: {1}', basename(original), r.message));
    this.views.set(uri.toString(), { original, text: r.text, seq: 0 });
    return r.text;
  }

  /** Opens `original` as its report text; the view's URI, or undefined when it cannot be read (said in a message). */
  async open(original: vscode.Uri): Promise<vscode.Uri | undefined> {
    const name = basename(original);
    const uri = viewUriOf(original);
    const r = await this.convert(original);
    if (!r.ok) {
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} cannot be opened as a disclosure report: {1}', name, r.message));
      return undefined;
    }
    const key = uri.toString();
    const view = this.views.get(key);
    if (view) {
      view.seq++;
      this.update(uri, view, r.text);
    } else this.views.set(key, { original, text: r.text, seq: 0 });
    let doc = await vscode.workspace.openTextDocument(uri);
    if (doc.languageId !== LANGUAGE_ID) doc = await vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
    await vscode.window.showTextDocument(doc, { preview: false });
    this.watch(uri);
    if (r.warnings.length) void vscode.window.showWarningMessage(`${name}: ${r.warnings.join(' · ')}`);
    return uri;
  }

  private update(uri: vscode.Uri, view: View, text: string): void {
    if (text === view.text) return;
    view.text = text;
    this.changed.fire(uri);
  }

  /** re-converts the original; the newest conversion wins; a file that became unreadable keeps the last text */
  async refresh(uri: vscode.Uri): Promise<void> {
    const view = this.views.get(uri.toString());
    if (!view) return;
    const seq = ++view.seq;
    const r = await this.convert(view.original);
    if (seq !== view.seq || this.views.get(uri.toString()) !== view) return;
    if (r.ok) this.update(uri, view, r.text);
    else
      void vscode.window.showWarningMessage(
        vscode.l10n.t('{0} changed and cannot be read as a disclosure report any more: {1}', basename(view.original), r.message),
      );
  }

  /** follows the original on disk while its view is open */
  watch(uri: vscode.Uri): void {
    const view = this.views.get(uri.toString());
    if (!view || view.watcher) return;
    const dir = vscode.Uri.joinPath(view.original, '..');
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, basename(view.original)));
    const refresh = () => void this.refresh(uri);
    watcher.onDidChange(refresh);
    watcher.onDidCreate(refresh);
    view.watcher = watcher;
  }

  /** the view was closed: stop watching, forget its text (opening it again converts it again) */
  closed(uri: vscode.Uri): void {
    const key = uri.toString();
    const view = this.views.get(key);
    view?.watcher?.dispose();
    this.views.delete(key);
  }

  /** Recalculate Totals on a view: a DOCX takes the totals after a confirmation; a PDF or HTML is not changed. */
  async recalculate(uri: vscode.Uri, options: RecalculateOptions = {}): Promise<RecalculateResult> {
    const original = originalOf(uri);
    const name = basename(original);
    if (!/\.docx$/i.test(original.path)) {
      return {
        applied: false,
        changed: 0,
        reason: vscode.l10n.t(
          '{0} is not a DOCX: Recalculate Totals writes into DOCX documents only; the PDF or web page is not changed.',
          name,
        ),
      };
    }
    const client = await this.client();
    if (!client) return { applied: false, changed: 0, reason: vscode.l10n.t('the language server is not running') };
    const bytes = await vscode.workspace.fs.readFile(original);
    const params: RecalculateDocumentParams = { uri: uri.toString(), name, data: toBase64(bytes) };
    const r = (await client.sendRequest(RECALCULATE_DOCUMENT_REQUEST, params)) as RecalculateDocumentResult | null;
    if (!r?.ok) return { applied: false, changed: 0, reason: r?.message ?? vscode.l10n.t('the language server gave no answer') };
    if (!r.changed || !r.data) {
      void vscode.window.showInformationMessage(vscode.l10n.t('All totals are already correct: nothing to change.'));
      return { applied: true, changed: 0 };
    }
    if (!options.confirmed) {
      const write = vscode.l10n.t('Write Totals');
      const detail = [
        vscode.l10n.t('Only the text of those cells changes; every other part of the document stays as it is.'),
        r.skipped
          ? vscode.l10n.t('{0} fix(es) cannot be written into the document (a cell the table lacks): add them in Word or WPS.', r.skipped)
          : '',
      ]
        .filter(Boolean)
        .join('\n');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Write {0} recalculated total(s) into {1}?', r.changed, name),
        { modal: true, detail },
        write,
      );
      if (answer !== write) return { applied: false, changed: 0 };
    }
    // the file may have changed while the user decided: write only over the bytes the totals are for
    const now = await vscode.workspace.fs.readFile(original);
    if (now.length !== bytes.length || now.some((b, i) => b !== bytes[i])) {
      return { applied: false, changed: 0, reason: vscode.l10n.t('{0} changed on disk meanwhile: nothing was written. Try again.', name) };
    }
    await vscode.workspace.fs.writeFile(original, fromBase64(r.data));
    await this.refresh(uri);
    return { applied: true, changed: r.changed };
  }
}

/** the file a command was run on: the menu's URI, else the active tab's (a PDF has no text editor) */
function targetOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.parse(arg, true);
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input as { uri?: unknown } | undefined;
  return input?.uri instanceof vscode.Uri ? input.uri : undefined;
}

export function registerDocuments(context: vscode.ExtensionContext, client: () => Promise<BaseLanguageClient | undefined>): DocumentViews {
  const views = new DocumentViews(client);
  const fixLanguage = (doc: vscode.TextDocument) => {
    if (doc.uri.scheme !== DOCUMENT_SCHEME) return;
    views.watch(doc.uri);
    if (doc.languageId !== LANGUAGE_ID) void vscode.languages.setTextDocumentLanguage(doc, LANGUAGE_ID);
  };
  context.subscriptions.push(
    views,
    vscode.workspace.registerTextDocumentContentProvider(DOCUMENT_SCHEME, views),
    vscode.commands.registerCommand(OPEN_DOCUMENT_COMMAND, async (arg?: unknown) => {
      let target = targetOf(arg);
      if (target?.scheme === DOCUMENT_SCHEME) target = originalOf(target);
      if (!target || !isDocumentName(target.path)) {
        const picked = await vscode.window.showOpenDialog({
          canSelectMany: false,
          openLabel: vscode.l10n.t('Open as Disclosure Report'),
          filters: { [vscode.l10n.t('Report documents')]: ['pdf', 'docx', 'html', 'htm'] },
        });
        target = picked?.[0];
      }
      return target ? (await views.open(target))?.toString() : undefined;
    }),
    vscode.workspace.onDidOpenTextDocument(fixLanguage),
    vscode.workspace.onDidCloseTextDocument((doc) => {
      // a language change closes and reopens the document: only a view no longer open is forgotten
      if (doc.uri.scheme !== DOCUMENT_SCHEME) return;
      setTimeout(() => {
        if (!vscode.workspace.textDocuments.some((d) => d.uri.toString() === doc.uri.toString())) views.closed(doc.uri);
      }, 0);
    }),
  );
  for (const doc of vscode.workspace.textDocuments) fixLanguage(doc);
  return views;
}
