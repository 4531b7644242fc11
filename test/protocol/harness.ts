// A JSON-RPC client for the protocol tests: starts the BUNDLED language server
// (dist/node/server.js, or $DR_SERVER) as a real child process over stdio and records what it
// sends: diagnostics, messages, edits it asks the client to apply.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  type ApplyWorkspaceEditParams,
  ApplyWorkspaceEditRequest,
  type ClientCapabilities,
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DidSaveTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  type FileEvent,
  InitializedNotification,
  InitializeRequest,
  type InitializeResult,
  LogMessageNotification,
  type LogMessageParams,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  type PublishDiagnosticsParams,
  type Registration,
  RegistrationRequest,
  ShowMessageNotification,
  type ShowMessageParams,
  ShowMessageRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import {
  LANGUAGE_ID,
  READ_WORKSPACE_REPORT_REQUEST,
  type ReadWorkspaceReportResult,
  SERVER_EXEC_ARGV,
  WORKSPACE_REPORT_CHANGED,
  WORKSPACE_REPORTS_REQUEST,
} from '../../server/src/protocol';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SERVER = process.env.DR_SERVER ? resolve(process.env.DR_SERVER) : join(ROOT, 'dist/node/server.js');
export const SAMPLE_PATH = join(ROOT, 'test/fixtures/samples/xigong-2022.txt');
export const SAMPLE = readFileSync(SAMPLE_PATH, 'utf8');
export { LANGUAGE_ID };

export interface StartOptions {
  locale?: string;
  /** answer workspace/configuration with this `disclosureReport` object (and declare the capability) */
  settings?: unknown;
  /** delay every workspace/configuration answer (a server busy waiting for its settings) */
  configurationDelayMs?: number;
  /** what workspace/applyEdit answers */
  applyEdits?: boolean;
  debounceMs?: number;
  /** extra environment variables of the server process (e.g. DR_FAULT_RULE) */
  env?: Record<string, string>;
  /** another server bundle than SERVER (a DR_BROKEN_SERVER build, for example) */
  server?: string;
  /**
   * the workspace's report files, URI → text, as the client answers the server's
   * disclosureReport/workspaceReports and readWorkspaceReport requests (initializationOptions
   * workspaceReports: true); tests may change the map, then call reportChanged()
   */
  workspaceReports?: Map<string, ReadWorkspaceReportResult>;
}

export interface TestServer {
  connection: ProtocolConnection;
  child: ChildProcess;
  initializeResult: InitializeResult;
  diagnostics: PublishDiagnosticsParams[];
  messages: ShowMessageParams[];
  /** window/logMessage (connection.console.*) */
  logs: LogMessageParams[];
  appliedEdits: ApplyWorkspaceEditParams[];
  /** client/registerCapability requests the server made */
  registrations: Registration[];
  notifications: { method: string; params: unknown }[];
  /** settings answered to workspace/configuration; tests may replace them */
  settings: unknown;
  open(uri: string, text: string, version?: number): Promise<void>;
  /** workspace/didChangeConfiguration carrying { disclosureReport: settings } */
  changeConfiguration(settings: unknown): Promise<void>;
  change(uri: string, version: number, text: string): Promise<void>;
  save(uri: string): Promise<void>;
  close(uri: string): Promise<void>;
  /** disclosureReport/workspaceReportChanged: a workspace report file changed (or was deleted) */
  reportChanged(uri: string, deleted?: boolean): Promise<void>;
  /** the URIs the server asked to read (disclosureReport/readWorkspaceReport), in order */
  reportReads: string[];
  /** workspace/didChangeWatchedFiles: these files changed */
  filesChanged(uris: string[]): Promise<void>;
  /** resolves when the server has asked for the settings (workspace/configuration) `count` times in all */
  configurationRequested(count?: number): Promise<void>;
  /**
   * The quiescence barrier: resolves once the server has no diagnostics work left for what was sent
   * before the call (serverStats.pendingValidations is 0), so an absence of diagnostics is a fact,
   * not a timing. Rejects after `timeoutMs`.
   */
  quiescent(timeoutMs?: number): Promise<void>;
  /** resolves with the first publishDiagnostics for `uri` (already received or future) that matches */
  waitForDiagnostics(uri: string, match?: (p: PublishDiagnosticsParams) => boolean, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stop(): Promise<void>;
}

export function fileUri(name: string): string {
  return pathToFileURL(join(ROOT, 'test/fixtures', name)).toString();
}

export async function startServer(options: StartOptions = {}): Promise<TestServer> {
  const bundle = options.server ?? SERVER;
  if (!existsSync(bundle)) throw new Error(`${bundle} does not exist: build first with \`node esbuild.mjs\``);
  const child = spawn(process.execPath, [...SERVER_EXEC_ARGV, bundle, '--stdio'], {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: options.env ? { ...process.env, ...options.env } : process.env,
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));

  const diagnostics: PublishDiagnosticsParams[] = [];
  const messages: ShowMessageParams[] = [];
  const logs: LogMessageParams[] = [];
  const appliedEdits: ApplyWorkspaceEditParams[] = [];
  const registrations: Registration[] = [];
  const notifications: { method: string; params: unknown }[] = [];
  const waiters: { uri: string; match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  let configurationRequests = 0;
  const configurationWaiters: { count: number; resolve: () => void }[] = [];

  const server = {} as TestServer;
  server.settings = options.settings;

  connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
    diagnostics.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.match(p)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  connection.onNotification(ShowMessageNotification.type, (p) => void messages.push(p));
  connection.onNotification(LogMessageNotification.type, (p) => void logs.push(p));
  connection.onNotification(
    'disclosureReport/findingCountChanged',
    (params: unknown) => void notifications.push({ method: 'disclosureReport/findingCountChanged', params }),
  );
  connection.onRequest(ConfigurationRequest.type, async (p) => {
    configurationRequests++;
    for (const w of configurationWaiters.filter((x) => x.count <= configurationRequests)) {
      configurationWaiters.splice(configurationWaiters.indexOf(w), 1);
      w.resolve();
    }
    if (options.configurationDelayMs) await new Promise((r) => setTimeout(r, options.configurationDelayMs));
    return p.items.map((item) => (item.section === 'disclosureReport' ? (server.settings ?? {}) : null));
  });
  connection.onRequest(ApplyWorkspaceEditRequest.type, (p) => {
    appliedEdits.push(p);
    return options.applyEdits === false ? { applied: false, failureReason: 'test refused' } : { applied: true };
  });
  const reportReads: string[] = [];
  const reports = options.workspaceReports;
  if (reports) {
    connection.onRequest(WORKSPACE_REPORTS_REQUEST, () => [...reports.keys()]);
    connection.onRequest<ReadWorkspaceReportResult, unknown>(READ_WORKSPACE_REPORT_REQUEST, (p: { uri: string }) => {
      reportReads.push(p.uri);
      return reports.get(p.uri) ?? null;
    });
  }
  connection.onRequest(RegistrationRequest.type, (p) => void registrations.push(...p.registrations));
  connection.onRequest(ShowMessageRequest.type, (p) => {
    messages.push(p);
    return null;
  });
  connection.listen();

  const capabilities: ClientCapabilities = {
    workspace: {
      configuration: options.settings !== undefined,
      applyEdit: true,
      workspaceEdit: { documentChanges: true },
      didChangeConfiguration: { dynamicRegistration: false },
      didChangeWatchedFiles: { dynamicRegistration: true },
    },
    textDocument: {
      publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      hover: { contentFormat: ['markdown', 'plaintext'] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      codeAction: {
        isPreferredSupport: true,
        codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } },
      },
    },
  };
  const initializeResult = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(join(ROOT, 'test/fixtures')).toString(),
    capabilities,
    initializationOptions: { locale: options.locale ?? 'en', debounceMs: options.debounceMs, workspaceReports: !!reports },
    workspaceFolders: null,
  });
  await connection.sendNotification(InitializedNotification.type, {});

  Object.assign(server, {
    connection,
    child,
    initializeResult,
    diagnostics,
    messages,
    logs,
    appliedEdits,
    registrations,
    notifications,
    open: (uri: string, text: string, version = 1) =>
      connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: LANGUAGE_ID, version, text } }),
    change: (uri: string, version: number, text: string) =>
      connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] }),
    save: (uri: string) => connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } }),
    close: (uri: string) => connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } }),
    reportReads,
    reportChanged: (uri: string, deleted?: boolean) => connection.sendNotification(WORKSPACE_REPORT_CHANGED, { uri, deleted }),
    filesChanged: (uris: string[]) =>
      connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: uris.map((uri): FileEvent => ({ uri, type: FileChangeType.Changed })),
      }),
    changeConfiguration: (settings: unknown) =>
      connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { disclosureReport: settings } }),
    configurationRequested(count = 1) {
      if (configurationRequests >= count) return Promise.resolve();
      return new Promise<void>((resolve) => configurationWaiters.push({ count, resolve }));
    },
    async quiescent(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        // answered after every message sent before it: the notifications above have reached the server
        const stats = (await connection.sendRequest('disclosureReport/serverStats')) as { pendingValidations: number };
        if (stats.pendingValidations === 0) return;
        if (Date.now() > deadline)
          throw new Error(`the server still has ${stats.pendingValidations} validations pending after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 5));
      }
    },
    waitForDiagnostics(uri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 5000) {
      const seen = diagnostics.find((p) => p.uri === uri && match(p));
      if (seen) return Promise.resolve(seen);
      return new Promise<PublishDiagnosticsParams>((resolvePromise, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `no matching diagnostics for ${uri} within ${timeoutMs} ms (got versions ${diagnostics
                  .filter((p) => p.uri === uri)
                  .map((p) => p.version)
                  .join(', ')}); server stderr: ${stderr}`,
              ),
            ),
          timeoutMs,
        );
        waiters.push({
          uri,
          match,
          resolve: (p) => {
            clearTimeout(timer);
            resolvePromise(p);
          },
        });
      });
    },
    async stop() {
      const exited = new Promise<number | null>((r) =>
        child.exitCode !== null ? r(child.exitCode) : child.once('exit', (code) => r(code)),
      );
      let code: number | null | 'timeout' = child.exitCode;
      if (code === null) {
        const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 3000).unref());
        await Promise.race([connection.sendRequest(ShutdownRequest.type), exited, timeout]);
        if (child.exitCode === null) await connection.sendNotification(ExitNotification.type).catch(() => undefined);
        code = await Promise.race([exited, timeout]);
      }
      connection.dispose();
      if (code === 'timeout') {
        child.kill();
        throw new Error('the server did not exit after shutdown/exit');
      }
      if (code !== 0) throw new Error(`the server exited with ${code}; stderr: ${stderr}`);
    },
  });
  return server;
}

/** Applies LSP text edits to a text (edits must not overlap). */
export function applyTextEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => Math.min((starts[p.line] ?? text.length) + p.character, text.length);
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** 0-based number of the first line that contains `needle` */
export function lineOf(text: string, needle: string, from = 0): number {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = from; i < lines.length; i++) if (lines[i].includes(needle)) return i;
  throw new Error(`no line contains ${needle}`);
}

/** a pause, for simulating a user's typing cadence (never to wait for a result: see quiescent()) */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
