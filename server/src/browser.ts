// The language server in a web worker (vscode.dev, github.dev): no file system, so
// `.disclosure-report.json` is not read there; the editor settings still apply.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { loadReaders } from './loadReaders';
import { startServer } from './server';

declare const self: DedicatedWorkerGlobalScope & Record<string, unknown>;

/** the global the readers' web bundle sets (READERS_GLOBAL of scripts/esbuild-readers.mjs) */
const READERS_GLOBAL = '__disclosureReportReaders';

const reader = new BrowserMessageReader(self);
const writer = new BrowserMessageWriter(self);
const connection = createConnection(reader, writer);

let readersUrl: string | undefined;
startServer(connection, {
  platform: 'browser',
  initialize(options) {
    if (typeof options.readersUrl === 'string') readersUrl = options.readersUrl;
  },
  // VS Code's web extension host starts this worker from a blob: URL, against which the bundle's
  // own relative load of readers.js cannot resolve: load it from the URL the client sent first
  loadReaders() {
    if (readersUrl && self[READERS_GLOBAL] === undefined) self.importScripts(readersUrl);
    return loadReaders();
  },
});
