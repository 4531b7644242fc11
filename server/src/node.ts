// The language server on Node: VS Code starts it over IPC (--node-ipc); the protocol tests and
// other editors over stdio (--stdio). createConnection reads the transport from the arguments.
import { relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { loadReaders } from './loadReaders';
import { nodeHost } from './nodeHost';
import { startServer } from './server';
import { installFaultRule } from './testHooks';

installFaultRule(process.env.DR_FAULT_RULE);

const connection = createConnection(ProposedFeatures.all);

// a failed request to the client (or any other stray rejection) must not end the server
process.on('unhandledRejection', (reason) => {
  connection.console.error(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
});

// After a burst of analyses (a folder of reports opened at once) the heap holds garbage that V8,
// on a machine with plenty of memory, would keep for a long time: once the server has been idle
// for a moment, one full collection gives it back (1,000 open reports: ~150 MB RSS → under 100).
let gc: (() => void) | undefined;
try {
  setFlagsFromString('--expose-gc');
  gc = runInNewContext('gc') as () => void;
} catch {
  gc = undefined;
}
let sinceGc = 0;
let gcTimer: ReturnType<typeof setTimeout> | undefined;
function afterAnalysis(): void {
  if (!gc || ++sinceGc < 50) return;
  if (gcTimer) clearTimeout(gcTimer);
  gcTimer = setTimeout(() => {
    gcTimer = undefined;
    sinceGc = 0;
    gc!();
  }, 1000);
  gcTimer.unref?.();
}

startServer(connection, {
  platform: 'node',
  afterAnalysis,
  loadReaders,
  uriToPath(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  pathToUri: (path) => pathToFileURL(path).href,
  relative: (from, to) => relative(from, to).split(sep).join('/'),
  ...nodeHost,
});
