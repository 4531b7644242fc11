// The Disclosure Report language server, independent of its transport: node.ts runs it over
// IPC or stdio, browser.ts in a web worker. Capabilities come from the one feature list below.
import {
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type ServerCapabilities,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { AnalysisCache } from './analysisCache';
import type { AnalyzedDocument, Feature, ServerContext, ServerEnv } from './context';
import { analyze, applyAccept, type Lang, langOf, renderBlankReport, TEMPLATES } from './core/index';
import { acceptFeature } from './features/accept';
import { codeActionsFeature } from './features/codeActions';
import { commandsFeature } from './features/commands';
import { configFeature } from './features/config';
import { diagnosticsFeature } from './features/diagnostics';
import { documentsFeature } from './features/documents';
import { foldingFeature } from './features/folding';
import { hoverFeature } from './features/hover';
import { statusFeature } from './features/status';
import { symbolsFeature } from './features/symbols';
import { tableViewFeature } from './features/tableView';
import { workspaceIndexFeature } from './features/workspaceIndex';
import type { InitializationOptions } from './protocol';
import { SettingsResolver } from './settings';
import { configureLanguage } from './strings';
import { WorkspaceIndex } from './workspaceIndex';

export type { ServerEnv } from './context';

/** package.json's version, defined at build time by esbuild.mjs */
declare const __DR_VERSION__: string | undefined;
const VERSION = typeof __DR_VERSION__ === 'string' ? __DR_VERSION__ : '0.0.0-dev';

/** Every feature of the server, in one list: capabilities and handlers both come from here. */
export const FEATURES: Feature[] = [
  configFeature,
  diagnosticsFeature,
  symbolsFeature,
  foldingFeature,
  hoverFeature,
  codeActionsFeature,
  acceptFeature,
  commandsFeature,
  statusFeature,
  tableViewFeature,
  documentsFeature,
  workspaceIndexFeature,
];

function mergeCapabilities(parts: ServerCapabilities[]): ServerCapabilities {
  const result: ServerCapabilities = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const prev = (result as Record<string, unknown>)[key];
      (result as Record<string, unknown>)[key] =
        prev && typeof prev === 'object' && value && typeof value === 'object' ? { ...prev, ...value } : value;
    }
  }
  return result;
}

export function startServer(connection: Connection, env: ServerEnv, features: Feature[] = FEATURES): void {
  const store = new AnalysisCache((message) => connection.console.error(message), env.afterAnalysis);
  const resolver = new SettingsResolver(connection, env);
  const workspace = new WorkspaceIndex();
  const listeners: (() => void)[] = [];
  let initParams: InitializeParams | undefined;
  let lang: Lang = 'en';
  let debounceMs = 150;

  const ctx: ServerContext = {
    connection,
    documents: store.documents,
    env,
    get lang() {
      return lang;
    },
    get clientCapabilities() {
      return initParams?.capabilities ?? {};
    },
    get debounceMs() {
      return debounceMs;
    },
    settingsFor: (uri) => resolver.settingsFor(uri),
    analysisOf: (document, settings) => store.analysisOf(document, settings),
    get stats() {
      return store.stats;
    },
    workspace,
    findingsOf({ document, analysis, settings: { config, acceptFile } }) {
      if (!workspace.enabled) return analysis.findings;
      if (store.documents.get(document.uri)) workspace.setOpen(document.uri, analysis);
      const across = workspace.findings(document.uri, config);
      if (!across.length) return analysis.findings;
      return [...analysis.findings, ...applyAccept(across, acceptFile, config.accept).findings];
    },
    async analyze(uri, token): Promise<AnalyzedDocument | undefined> {
      const document = store.documents.get(uri);
      if (!document) return undefined;
      const settings = await resolver.settingsFor(uri);
      // the document may have changed while the settings were fetched: use the newest version
      const current = store.documents.get(uri);
      // a request the client cancelled meanwhile (it typed on) does not start an analysis
      if (!current || token?.isCancellationRequested) return undefined;
      return { document: current, analysis: store.analysisOf(current, settings), settings };
    },
    invalidateSettings(pushed?: unknown) {
      if (pushed !== undefined && pushed !== null) resolver.setGlobalSettings(pushed);
      resolver.clear();
      for (const listener of listeners) listener();
    },
    onSettingsChanged(listener) {
      listeners.push(listener);
    },
  };

  connection.onInitialize((params): InitializeResult => {
    initParams = params;
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    lang = langOf(options.locale ?? params.locale);
    configureLanguage(lang);
    if (typeof options.debounceMs === 'number' && options.debounceMs >= 0) debounceMs = options.debounceMs;
    resolver.init(params);
    env.initialize?.(options);
    const capabilities = mergeCapabilities([
      {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
          save: { includeText: false },
        },
      },
      ...features.map((f) => f.capabilities?.(params) ?? {}),
    ]);
    return { capabilities, serverInfo: { name: 'disclosure-report', version: VERSION } };
  });

  connection.onInitialized(() => {
    for (const f of features) f.initialized?.(ctx);
    // warm the core up on a report rendered from each template (one clean, one with a broken
    // total), so the user's first report is checked by JIT-compiled code rather than stalling
    // the server for a cold first pass (measured: ~100-200 ms on a 10,000-line report)
    setTimeout(() => {
      try {
        for (const { id } of TEMPLATES) {
          const text = renderBlankReport(id);
          analyze(text);
          // and a long one: long reports take code paths (and heap sizes) a short one does not
          analyze(text.replace(/\t0$/m, '\t1') + '\n（一）说明。'.repeat(2000));
        }
      } catch (e) {
        connection.console.error(`warm-up failed: ${e instanceof Error ? e.message : String(e)}`);
      }
    }, 0);
  });

  for (const f of features) f.register(ctx);
  store.documents.listen(connection);
  connection.listen();
}
