// "Disclosure Report: Open Table View": a webview beside a report's editor that draws its tables
// 二, 三 and 四 as the published format does, from the server's analysis of the current version
// (disclosureReport/tableModel; the webview never parses the text). One panel per document.
// Updates: the server's finding-count notification says a version was analysed, and the panel
// asks for its model; an answer for another version than the document's is not shown (a newer
// one follows), so the view never shows an older version than it showed. When no notification
// comes (checking off or on save only) the panel asks by itself after a pause in typing.
// Click a cell → the editor selects it; the editor's cursor → the cell is highlighted.
// Works wherever the document lives (file:, untitled:, vscode-test-web:, a converted PDF/DOCX).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  type FindingCounts,
  LANGUAGE_ID,
  OPEN_TABLE_VIEW_COMMAND,
  RECALCULATE_COMMAND,
  TABLE_MODEL_REQUEST,
  type TableModelParams,
  type TableViewModel,
} from '../../server/src/protocol';
import type { Drawn, FromWebview, Range, ToWebview } from './webview/messages';

export const TABLE_VIEW_TYPE = 'disclosureReport.tableView';
/**
 * Test hooks (not contributed, so not in the palette): the VS Code suite reads what a panel sent
 * and drew, and hands a panel a message as if its webview had sent it.
 *   testState(uri, { until?: 'render' | 'highlight', version?, line?, after?, timeoutMs? }) → TableViewTestState
 *   (render: a drawing of at least `version`; highlight: one for the cursor on `line`; both after the `after`-th)
 *   testMessage(uri, message: FromWebview) → true when a panel took it
 */
export const TABLE_VIEW_STATE_COMMAND = 'disclosureReport.tableView.testState';
export const TABLE_VIEW_MESSAGE_COMMAND = 'disclosureReport.tableView.testMessage';

/** how long after the last change the panel asks by itself when no notification came */
const FALLBACK_MS = 1000;

export interface TableViewTestState {
  uri: string;
  /** version of the last model posted to the webview */
  version?: number;
  model?: TableViewModel;
  /** what the webview last reported drawing, and how many drawings so far */
  drawn?: Drawn;
  renders: number;
  highlighted?: { cell: string | null; line: number };
  highlights: number;
  timedOut?: boolean;
}

interface Hooks {
  /** the running language client (started on demand) */
  client(): Promise<BaseLanguageClient | undefined>;
  /** a version of a document was analysed (the finding-count notification) */
  onAnalysed: vscode.Event<FindingCounts>;
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isRange(r: unknown): r is Range {
  const ok = (p: unknown) =>
    !!p &&
    typeof p === 'object' &&
    Number.isInteger((p as { line: unknown }).line) &&
    Number.isInteger((p as { character: unknown }).character);
  return !!r && typeof r === 'object' && ok((r as Range).start) && ok((r as Range).end);
}

class TableViewPanel {
  private model?: TableViewModel;
  private drawn?: Drawn;
  private renders = 0;
  private highlighted?: { cell: string | null; line: number };
  private highlights = 0;
  private requests = 0;
  private fallback?: ReturnType<typeof setTimeout>;
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    readonly uri: string,
    readonly panel: vscode.WebviewPanel,
    private readonly hooks: Hooks,
    private readonly sourceColumn: vscode.ViewColumn | undefined,
    private readonly onDispose: () => void,
  ) {
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m) => void this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      this.changed,
    );
  }

  private document(): vscode.TextDocument | undefined {
    return vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.uri);
  }

  private post(message: ToWebview): void {
    if (!this.disposed) void this.panel.webview.postMessage(message);
  }

  /** asks the server for the model of the document's current version and shows it if it is that version */
  async refresh(): Promise<void> {
    const client = await this.hooks.client();
    if (!client || this.disposed) return;
    const ticket = ++this.requests;
    let model: TableViewModel | null;
    try {
      model = (await client.sendRequest(TABLE_MODEL_REQUEST, { uri: this.uri } satisfies TableModelParams)) as TableViewModel | null;
    } catch {
      return; // the server is restarting: the next notification brings the model
    }
    if (this.disposed || ticket !== this.requests) return;
    if (!model) {
      // not (yet) open at the server, or a document it does not check: say so until a model comes
      if (!this.model)
        this.post({ type: 'unavailable', text: vscode.l10n.t('The language server has no tables for this document (yet).') });
      return;
    }
    const doc = this.document();
    // an answer for a version the document has left: the newer version's notification follows
    if (doc && model.version !== doc.version) return;
    if (this.model && model.version < this.model.version) return;
    this.model = model;
    this.post({ type: 'model', model });
    this.changed.fire();
  }

  /** the document changed: say a newer model is coming, and ask by itself if no notification does */
  documentChanged(version: number): void {
    this.post({ type: 'pending', version });
    if (this.fallback) clearTimeout(this.fallback);
    this.fallback = setTimeout(() => {
      this.fallback = undefined;
      if (!this.model || this.model.version < version) void this.refresh();
    }, FALLBACK_MS);
  }

  cursorMoved(position: vscode.Position): void {
    this.post({ type: 'cursor', position: { line: position.line, character: position.character } });
  }

  private async receive(m: unknown): Promise<boolean> {
    if (!m || typeof m !== 'object' || typeof (m as { type?: unknown }).type !== 'string') return false;
    const message = m as FromWebview;
    switch (message.type) {
      case 'ready': {
        // a (re)loaded webview: draw the last model again, or fetch one
        if (this.model) this.post({ type: 'model', model: this.model });
        else await this.refresh();
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri);
        if (editor) this.cursorMoved(editor.selection.active);
        return true;
      }
      case 'reveal':
        return this.reveal(message.cell, message.range);
      case 'command':
        if (message.command !== 'recalculate') return false;
        await vscode.commands.executeCommand(RECALCULATE_COMMAND, vscode.Uri.parse(this.uri));
        return true;
      case 'rendered':
        this.drawn = { ...message };
        delete (this.drawn as { type?: string }).type;
        this.renders++;
        this.changed.fire();
        return true;
      case 'highlighted':
        this.highlighted = { cell: message.cell, line: message.line };
        this.highlights++;
        this.changed.fire();
        return true;
      default:
        return false;
    }
  }

  /** selects a cell (by its id in the model shown) or a range in the editor, showing the editor */
  private async reveal(cell: string | undefined, range: Range | undefined): Promise<boolean> {
    let target: Range | undefined;
    if (typeof cell === 'string') {
      for (const t of this.model?.tables ?? []) {
        for (const r of t.body) if (r.kind === 'data') target ??= r.cells.find((c) => c.id === cell)?.range;
      }
    } else if (isRange(range)) {
      target = range;
    }
    if (!target) return false;
    const doc = this.document() ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(this.uri)));
    const r = doc.validateRange(new vscode.Range(target.start.line, target.start.character, target.end.line, target.end.character));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document === doc);
    const column =
      visible?.viewColumn ??
      this.sourceColumn ??
      (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: column, preserveFocus: false });
    editor.selection = new vscode.Selection(r.start, r.end);
    editor.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  /** test hook: the state now, or once the wanted drawing or highlight happened (bounded) */
  state(wait?: {
    until?: 'render' | 'highlight';
    version?: number;
    line?: number;
    after?: number;
    timeoutMs?: number;
  }): Promise<TableViewTestState> {
    const snapshot = (timedOut?: boolean): TableViewTestState => ({
      uri: this.uri,
      ...(this.model ? { version: this.model.version, model: this.model } : {}),
      ...(this.drawn ? { drawn: this.drawn } : {}),
      renders: this.renders,
      ...(this.highlighted ? { highlighted: this.highlighted } : {}),
      highlights: this.highlights,
      ...(timedOut ? { timedOut } : {}),
    });
    const done = () => {
      if (!wait?.until) return true;
      if (wait.until === 'render') {
        return this.renders > (wait.after ?? -1) && (wait.version === undefined || (this.drawn?.version ?? -1) >= wait.version);
      }
      return this.highlights > (wait.after ?? -1) && (wait.line === undefined || this.highlighted?.line === wait.line);
    };
    if (done()) return Promise.resolve(snapshot());
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        sub.dispose();
        resolve(snapshot(true));
      }, wait?.timeoutMs ?? 15000);
      const sub = this.changed.event(() => {
        if (!done()) return;
        clearTimeout(timer);
        sub.dispose();
        resolve(snapshot());
      });
    });
  }

  handle(message: unknown): Promise<boolean> {
    return this.receive(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    if (this.fallback) clearTimeout(this.fallback);
    for (const s of this.subscriptions) s.dispose();
    this.panel.dispose();
    this.onDispose();
  }
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri, title: string): string {
  const media = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(media, 'tableView.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(media, 'tableView.css'));
  const n = nonce();
  const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const csp = `default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${n}';`;
  const lang = /^zh/i.test(vscode.env.language) ? 'zh-CN' : 'en';
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${esc(title)}</title>
</head>
<body>
<div id="root" class="dr-root"><p class="dr-loading">${esc(vscode.l10n.t('Loading the tables…'))}</p></div>
<script nonce="${n}" src="${script}"></script>
</body>
</html>`;
}

function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string' && arg) return vscode.Uri.parse(arg);
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === LANGUAGE_ID) return editor.document.uri;
  return undefined;
}

/** Registers the command, the panels' updates and the test hooks. */
export function registerTableView(context: vscode.ExtensionContext, hooks: Hooks): void {
  const panels = new Map<string, TableViewPanel>();

  const open = async (arg?: unknown): Promise<string | undefined> => {
    const uri = uriOf(arg);
    const doc = uri ? await vscode.workspace.openTextDocument(uri).then(undefined, () => undefined) : undefined;
    if (!doc || doc.languageId !== LANGUAGE_ID) {
      void vscode.window.showWarningMessage(vscode.l10n.t('Open a disclosure report to see its tables.'));
      return undefined;
    }
    const key = doc.uri.toString();
    const existing = panels.get(key);
    if (existing) {
      existing.panel.reveal(undefined, true);
      return key;
    }
    const name = decodeURIComponent(doc.uri.path.split('/').pop() || key);
    const title = vscode.l10n.t('Tables: {0}', name);
    const panel = vscode.window.createWebviewPanel(
      TABLE_VIEW_TYPE,
      title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')] },
    );
    const source = vscode.window.visibleTextEditors.find((e) => e.document === doc)?.viewColumn;
    const view = new TableViewPanel(key, panel, hooks, source, () => panels.delete(key));
    panels.set(key, view);
    panel.webview.html = html(panel.webview, context.extensionUri, title);
    return key;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_TABLE_VIEW_COMMAND, open),
    hooks.onAnalysed((c) => void panels.get(c.uri)?.refresh()),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) panels.get(e.document.uri.toString())?.documentChanged(e.document.version);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) =>
      panels.get(e.textEditor.document.uri.toString())?.cursorMoved(e.selections[0].active),
    ),
    vscode.workspace.onDidCloseTextDocument((d) => panels.get(d.uri.toString())?.dispose()),
    vscode.commands.registerCommand(TABLE_VIEW_STATE_COMMAND, async (uri?: string, wait?: Parameters<TableViewPanel['state']>[0]) => {
      const view = uri ? panels.get(uri) : [...panels.values()].pop();
      return view ? view.state(wait) : undefined;
    }),
    vscode.commands.registerCommand(
      TABLE_VIEW_MESSAGE_COMMAND,
      async (uri: string, message: unknown) => panels.get(uri)?.handle(message) ?? false,
    ),
    {
      dispose: () => {
        for (const p of [...panels.values()]) p.dispose();
      },
    },
  );
}
