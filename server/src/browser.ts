// The language server in a web worker (vscode.dev, github.dev): no file system, so
// `.disclosure-report.json` is not read there; the editor settings still apply.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { loadReaders } from './loadReaders';
import { startServer } from './server';

declare const self: DedicatedWorkerGlobalScope;

const reader = new BrowserMessageReader(self);
const writer = new BrowserMessageWriter(self);
const connection = createConnection(reader, writer);

startServer(connection, { platform: 'browser', loadReaders });
