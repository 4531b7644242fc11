// Custom protocol between the Disclosure Report client and server, shared by both sides.
// Plain types and method names only: the client imports this file too, so it must not pull in
// vscode-languageserver (the client bundles only vscode-languageclient).

export const SOURCE = 'disclosure-report';
export const LANGUAGE_ID = 'disclosure-report';
export const SETTINGS_SECTION = 'disclosureReport';
export const RECALCULATE_COMMAND = 'disclosureReport.recalculateTotals';
/** code action kind of "fix all": usable in editor.codeActionsOnSave */
export const FIX_ALL_KIND = 'source.fixAll.disclosure-report';

/** What the client passes in `initializationOptions`. */
export interface InitializationOptions {
  /** VS Code's display language (vscode.env.language); 'zh*' → Chinese messages, otherwise English */
  locale?: string;
  /** settings to use when the client cannot answer workspace/configuration */
  settings?: unknown;
  /** diagnostics delay after a change, in ms (default 150) */
  debounceMs?: number;
  /**
   * web: the URL of the readers' bundle (dist/web/readers.js). The web extension host starts the
   * worker from a blob: URL, so the worker cannot resolve a path against its own location.
   */
  readersUrl?: string;
  /**
   * the client answers WORKSPACE_REPORTS_REQUEST and READ_WORKSPACE_REPORT_REQUEST and sends
   * WORKSPACE_REPORT_CHANGED (client/src/workspaceFiles.ts): the server then keeps an index of the
   * workspace's reports for carry-over, stock-carry-over and duplicate-report
   */
  workspaceReports?: boolean;
}

export interface FindingCounts {
  uri: string;
  /** the document version the counts are for */
  version: number;
  error: number;
  warning: number;
  info: number;
  hint: number;
  total: number;
  /** the format's id ('2021', '2019', a custom template's), or null when the text is not recognised as a report */
  format: string | null;
}

/** request: the finding count of one open document (undefined when it is not open) */
export const FINDING_COUNT_REQUEST = 'disclosureReport/findingCount';
export interface FindingCountParams {
  uri: string;
}
/** notification sent with every publishDiagnostics, so a status bar can follow without polling */
export const FINDING_COUNT_NOTIFICATION = 'disclosureReport/findingCountChanged';

/**
 * request (no params): what the server has done so far, for tests, benchmarks and diagnosis.
 * Cheap: it never analyses, so its round trip also measures how responsive the server is.
 */
export const SERVER_STATS_REQUEST = 'disclosureReport/serverStats';
export interface ServerStats {
  /** analyses run (each document version is analysed once per settings value) */
  analyses: number;
  /** duration of the last and the longest analysis, and of all of them, in ms */
  lastAnalysisMs: number;
  maxAnalysisMs: number;
  totalAnalysisMs: number;
  /**
   * diagnostics work not yet done: debounce timers, validations running, changes waiting for their
   * settings. 0 once everything sent so far has been published (a barrier for tests)
   */
  pendingValidations: number;
  /** V8 heap in use and the documents' cached analyses (Node only; absent in a web worker) */
  heapUsedBytes?: number;
  heapTotalBytes?: number;
  externalBytes?: number;
  cachedAnalyses?: number;
}

/** result of workspace/executeCommand disclosureReport.recalculateTotals */
export interface RecalculateResult {
  /** false when the client rejected the edit or the document is not open */
  applied: boolean;
  /** number of cells changed */
  changed: number;
  /** why nothing was applied, when it was not */
  reason?: string;
}

/**
 * `Diagnostic.data` of every published diagnostic: what the finding is, for clients and tests. Code
 * actions do not read it: they find the finding again, by code and range, in the cached analysis of
 * the document's version (the server keeps no state per diagnostic).
 */
export interface DiagnosticData {
  /** the document version the diagnostic was computed for */
  version: number;
  /** the finding has a quick fix */
  fixable: boolean;
  /** the quick fix is the preferred one (LSP isPreferred) */
  preferred: boolean;
  /** the quick fix recalculates a derived cell (part of Recalculate Totals) */
  recalculates: boolean;
  table?: string;
  row?: string;
  column?: string;
  expected?: number;
  actual?: number;
}

/**
 * Node flags the client starts the server with (client/src/extension.ts; the bench uses them too).
 * The server holds little live data (open texts, a few cached analyses) but makes many short-lived
 * objects per analysis; V8's defaults size the heap for throughput on the machine's memory and keep
 * it committed. These keep 1,000 open reports under ~100 MB RSS with no measurable loss of speed
 * (--optimize-for-size, tried first, made a 10,000-line report 3-4× slower). A 100,000-line report
 * needs ~60 MB to analyse; larger documents are not analysed in the editor (MAX_DOCUMENT_CHARS).
 */
export const SERVER_EXEC_ARGV = ['--max-semi-space-size=4', '--max-old-space-size=256'] as const;

/** client command: opens the table view of a report beside its editor (arguments: [uri?]) */
export const OPEN_TABLE_VIEW_COMMAND = 'disclosureReport.openTableView';
/**
 * request: the table view's model (server/src/view/types.ts) of the document's current version,
 * from the same analysis the diagnostics use; null when the document is not open. The client
 * asks again on every disclosureReport/findingCountChanged of the document (a version analysed)
 * and drops an answer older than the one it shows.
 */
export const TABLE_MODEL_REQUEST = 'disclosureReport/tableModel';
export interface TableModelParams {
  uri: string;
}
export type { TableViewModel } from './view/types';

/**
 * URI scheme of a PDF, DOCX or HTML document shown as its report text (a read-only view, client/src/documents.ts).
 * The view's path is the original's, so its basename (`report.pdf`) names the original in the
 * Problems panel; its query is the original's URI.
 */
export const DOCUMENT_SCHEME = 'disclosure-report-document';
/** client command: opens a .pdf/.docx/.html/.htm file as its report text (arguments: [uri?]) */
export const OPEN_DOCUMENT_COMMAND = 'disclosureReport.openAsReport';
/** the files "Open as Disclosure Report" offers itself for */
export const DOCUMENT_EXTENSIONS = ['pdf', 'docx', 'html', 'htm'] as const;
/** bytes the client sends at most (the readers' own limit, DEFAULT_LIMITS.maxBytes) */
export const MAX_DOCUMENT_BYTES = 100 * 1024 * 1024;

/**
 * request: a document's bytes → its report text, by the readers (loaded on first use). What the
 * file is comes from its bytes; `name` is for messages only.
 */
export const CONVERT_DOCUMENT_REQUEST = 'disclosureReport/convertDocument';
export interface ConvertDocumentParams {
  /** the file's name (basename), for messages */
  name: string;
  /** the file's bytes, base64 (toBase64) */
  data: string;
}
export type ConvertDocumentResult =
  | { ok: true; text: string; source: 'pdf' | 'docx' | 'html' | 'text'; pageCount?: number; warnings: string[] }
  /** reason: the readers' UnreadableReason ('scanned', 'encrypted', 'legacy-word', …); message: what to do */
  | { ok: false; reason: string; message: string };

/**
 * request: Recalculate Totals on a DOCX: the document's bytes → the same bytes with every derived
 * cell (总计, （七）, blank totals) written into word/document.xml; nothing is written by the server,
 * the client writes `data` after the user confirms. `uri` is the view's, for the settings that apply.
 */
export const RECALCULATE_DOCUMENT_REQUEST = 'disclosureReport/recalculateDocument';
export interface RecalculateDocumentParams {
  uri: string;
  name: string;
  data: string;
}
export type RecalculateDocumentResult =
  /** changed: cells written; skipped: fixes that are not inside one cell of the document (a missing cell), left out; data: absent when changed is 0 */
  { ok: true; changed: number; skipped: number; data?: string } | { ok: false; message: string };

/** bytes → base64, in chunks (works in Node and in a web worker: btoa) */
export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** base64 → bytes; throws on what is not base64 */
export function fromBase64(data: string): Uint8Array {
  const s = atob(data);
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) bytes[i] = s.charCodeAt(i);
  return bytes;
}

/**
 * client command, the command of the "Accept this finding…" code action (arguments: [AcceptFindingArgs,
 * reason?]): asks for a reason (unless one is given), asks the server for the entry
 * (ACCEPT_ENTRY_REQUEST) and writes the config file the server names with `workspace.fs`.
 * Returns an AcceptFindingOutcome.
 */
export const ACCEPT_FINDING_COMMAND = 'disclosureReport.acceptFinding';
/** which finding: the server finds it again in the analysis of the document's current version */
export interface AcceptFindingArgs {
  uri: string;
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  /** the finding's numbers as the user saw them: a finding whose numbers changed since is not accepted */
  expected?: number;
  actual?: number;
}
/** what ACCEPT_FINDING_COMMAND did (for tests and keybindings) */
export interface AcceptFindingOutcome {
  written: boolean;
  /** the config file written (or that already held the entry) */
  configUri?: string;
  /** why nothing was written: cancelled, or the error shown */
  reason?: string;
}

/**
 * request: the `accept` entry of one finding and the config file's new text with it added. The
 * server decides everything (which finding, which file, the entry, the merged text); nothing is
 * written by the server. The file is the `.disclosure-report.json` that applies to the report, or,
 * where there is none, a new one at the root of the report's workspace folder (next to the report
 * when it is in none).
 */
export const ACCEPT_ENTRY_REQUEST = 'disclosureReport/acceptEntry';
export interface AcceptEntryParams extends AcceptFindingArgs {
  reason: string;
  /** the workspace folder holding the report, where a new config file goes */
  workspaceFolder?: string;
}
export type AcceptEntryResult =
  /** text: the config file's whole new text; unchanged: it held an equal entry already (nothing to write) */
  | { ok: true; configUri: string; text: string; created: boolean; unchanged: boolean; entry: Record<string, unknown> }
  | { ok: false; message: string };

/**
 * request (server → client, no params): the URIs of the workspace's report files: text files (.txt)
 * and documents (.pdf, .docx, .html, .htm). The server reads each with READ_WORKSPACE_REPORT_REQUEST,
 * in the background, and keeps an index of their body + year (server/src/workspaceIndex.ts).
 */
export const WORKSPACE_REPORTS_REQUEST = 'disclosureReport/workspaceReports';
/**
 * request (server → client): one file: a text file's text, a document's bytes (the params of
 * CONVERT_DOCUMENT_REQUEST: the server converts them as "Open as Disclosure Report" does, one at a
 * time), or null when it is gone, too large or not a report
 */
export const READ_WORKSPACE_REPORT_REQUEST = 'disclosureReport/readWorkspaceReport';
export interface ReadWorkspaceReportParams {
  uri: string;
}
export type ReadWorkspaceReportResult = string | ConvertDocumentParams | null;
/** a document's file (PDF, DOCX, HTML): the index reads it as bytes and converts it */
export const isDocumentUri = (uri: string): boolean => /\.(pdf|docx|html?)$/i.test(uri.replace(/[?#].*$/, ''));
/** notification (client → server): a report file (text or document) was created, changed or deleted */
export const WORKSPACE_REPORT_CHANGED = 'disclosureReport/workspaceReportChanged';
export interface WorkspaceReportChangedParams {
  uri: string;
  deleted?: boolean;
}
/** bytes of one text file the client reads for the index at most (a document: MAX_DOCUMENT_BYTES) */
export const MAX_WORKSPACE_REPORT_BYTES = 12 * 1024 * 1024;
