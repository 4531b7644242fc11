// What every feature of the server gets: the connection, the open documents, the analysis of each
// document version (computed once, shared), the settings that apply to a document and the display
// language. Features are small modules listed once in server.ts.
import type {
  CancellationToken,
  ClientCapabilities,
  Connection,
  InitializeParams,
  ServerCapabilities,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Config, Finding, Lang } from './core/index';
import type { InitializationOptions, ServerStats } from './protocol';
import type * as Readers from './readers/index';
import type { ValidateMode } from './settings';
import type { WorkspaceIndex } from './workspaceIndex';

/** What differs between the Node server and the web worker server. */
export interface ServerEnv {
  /** 'node' or 'browser' */
  platform: 'node' | 'browser';
  /**
   * Reads a file by path, or undefined when it does not exist. Absent in the browser: there the
   * server has no file system and `.disclosure-report.json` is not read.
   */
  readFile?(path: string): string | undefined;
  /** the file system path of a `file:` URI (Node only) */
  uriToPath?(uri: string): string | undefined;
  dirname?(path: string): string;
  join?(dir: string, name: string): string;
  basename?(path: string): string;
  /** the path from folder `from` to `to` (Node only) */
  relative?(from: string, to: string): string;
  /** the `file:` URI of a path (Node only) */
  pathToUri?(path: string): string;
  /**
   * The document readers (PDF, DOCX, HTML → report text), loaded on first use so that a server
   * that only checks text never pays for them; absent: documents cannot be converted here.
   */
  loadReaders?(): Promise<typeof Readers>;
  /** called with the client's initializationOptions, at initialize */
  initialize?(options: InitializationOptions): void;
  /** called after every analysis (node.ts uses it to give memory back after a burst of opens) */
  afterAnalysis?(): void;
}

/** The settings that apply to one document: editor settings merged over `.disclosure-report.json`. */
export interface DocumentSettings {
  config: Config;
  validate: ValidateMode;
  /** the `.disclosure-report.json` that applied, if any */
  configFile?: string;
  /**
   * the document's path relative to that file's folder, `/`-separated, as the config's `accept`
   * file globs match it (undefined: no config file, or the document is not a file under its folder)
   */
  acceptFile?: string;
}

export interface AnalyzedDocument {
  document: TextDocument;
  analysis: Analysis;
  settings: DocumentSettings;
}

export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly env: ServerEnv;
  /** display language of messages, from initializationOptions.locale */
  readonly lang: Lang;
  readonly clientCapabilities: ClientCapabilities;
  /** diagnostics delay after a change, ms */
  readonly debounceMs: number;
  /** the settings for a document (cached until the configuration changes) */
  settingsFor(uri: string): Promise<DocumentSettings>;
  /**
   * the analysis of the document's current version; undefined when the document is not open, or
   * when `token` (the request's) was cancelled before the analysis started: stale work is skipped
   */
  analyze(uri: string, token?: CancellationToken): Promise<AnalyzedDocument | undefined>;
  /** the cached analysis of exactly this document version, computing it once */
  analysisOf(document: TextDocument, settings: DocumentSettings): Analysis;
  /**
   * drops cached settings (editor settings or config files changed) and notifies listeners;
   * `pushed` is the settings object of workspace/didChangeConfiguration, when it carried one
   */
  invalidateSettings(pushed?: unknown): void;
  onSettingsChanged(listener: () => void): void;
  /** the workspace's reports, for the checks across reports (carry-over…) */
  readonly workspace: WorkspaceIndex;
  /**
   * every finding of an open document's analysis: its own and those across reports (the
   * workspace index's, the config's `accept` applied). Records the analysis in the index.
   */
  findingsOf(analyzed: AnalyzedDocument): Finding[];
  /** analyses run so far and their durations (live object) */
  readonly stats: ServerStats;
}

/** One feature of the server: the capabilities it adds and the handlers it installs. */
export interface Feature {
  name: string;
  capabilities?(params: InitializeParams): ServerCapabilities;
  /** called once, before the connection listens; `ctx.lang` etc. are valid inside handlers */
  register(ctx: ServerContext): void;
  /** called on `initialized` (dynamic registrations) */
  initialized?(ctx: ServerContext): void;
}
