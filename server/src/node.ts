// The language server on Node: VS Code starts it over IPC (--node-ipc); the protocol tests and
// other editors over stdio (--stdio). createConnection reads the transport from the arguments.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { RULE_LIST } from './core/index';
import { startServer } from './server';

// TEST ONLY: DR_FAULT_RULE=<rule code> makes that rule throw on every analysis, so the protocol
// tests (test/protocol/robustness.test.ts) can prove that a failing rule is logged and the other
// findings still arrive. Never set it in normal use; an unknown code changes nothing.
const faultRule = process.env.DR_FAULT_RULE;
if (faultRule) {
  const rule = RULE_LIST.find((r) => r.code === faultRule);
  if (rule) {
    rule.check = () => {
      throw new Error(`DR_FAULT_RULE: ${faultRule} fails on purpose`);
    };
  }
}

const connection = createConnection(ProposedFeatures.all);

// a failed request to the client (or any other stray rejection) must not end the server
process.on('unhandledRejection', (reason) => {
  connection.console.error(`unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`);
});

startServer(connection, {
  platform: 'node',
  readFile(path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return undefined;
    }
  },
  uriToPath(uri) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      return fileURLToPath(uri);
    } catch {
      return undefined;
    }
  },
  dirname,
  join,
});
