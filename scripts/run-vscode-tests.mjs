#!/usr/bin/env node
// @ts-check
// Runs the in-VS-Code suite (test/vscode) in the NODE extension host of a real VS Code server
// (code-server 4.139.1 = VS Code 1.139.1), offline. This folder is the extension under development
// (dist/node/extension.js, language server dist/node/server.js over IPC); the mocha suite is
// dist/test/vscode/index.js. The workbench runs in Debian's Chromium (playwright-core) and hands
// the results back through the page functions codeAutomationLog / codeAutomationExit.
//
// Usage: node scripts/run-vscode-tests.mjs [--verbose] [--grep <text>]
//   env: VSCODE_TEST_PORT (default: a free port), VSCODE_TEST_TIMEOUT_MS (default 240000),
//        DR_EXTENSION_PATH (extension folder under test, default this repository),
//        CHROMIUM_PATH (default /usr/bin/chromium)
// Installs code-server on first use (scripts/install-vscode.sh). Last line: "vscode: N passed, N failed".
// Exit: 0 all passed, 1 a test failed, 2 VS Code could not be started / no result (infrastructure).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { buildTests } from './build-tests.mjs';
import {
  attachSuite,
  createRunner,
  ensureInstalled,
  freePort,
  launchChromium,
  ROOT,
  startCodeServer,
  testWorkspace,
} from './code-server.mjs';

process.chdir(ROOT);
const verbose = process.argv.includes('--verbose');
// the extension folder under test (default: this repository)
const EXTENSION = path.resolve(process.env.DR_EXTENSION_PATH ?? ROOT);
const grepAt = process.argv.indexOf('--grep');
const grep = grepAt > 0 ? process.argv[grepAt + 1] : undefined;
const TIMEOUT_MS = Number(process.env.VSCODE_TEST_TIMEOUT_MS ?? 240000);
const run = createRunner('vscode');
const { finish } = run;

if (!ensureInstalled()) finish(2, 'could not install the VS Code server (scripts/install-vscode.sh failed)');
if (!fs.existsSync('dist/node/extension.js') || !fs.existsSync('dist/node/server.js')) {
  console.log('[vscode] dist/node missing: node esbuild.mjs');
  if (spawnSync('node', ['esbuild.mjs'], { stdio: 'inherit' }).status !== 0) finish(1, 'the product build (node esbuild.mjs) failed');
}
await buildTests();

// the extension host inherits the server's environment: test/vscode/index.ts reads DR_TEST_GREP
if (grep) process.env.DR_TEST_GREP = grep;
const workspace = testWorkspace('dr-vscode-ws-');
process.on('exit', () => fs.rmSync(workspace, { recursive: true, force: true }));
const port = await freePort(process.env.VSCODE_TEST_PORT);
const server = await startCodeServer({ port, folder: workspace, smokeTestDriver: true, log: verbose }).catch((err) =>
  finish(2, `VS Code (code-server) could not be started on 127.0.0.1:${port}: ${err.message}`),
);
console.log(`[vscode] code-server ${server.base} up after ${server.seconds.toFixed(1)}s; workspace ${workspace}`);

let browser;
let page;
let exitCode = 2;
let why;
try {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const suite = await attachSuite(page, { name: 'vscode', verbose, format });
  page.on('pageerror', (err) => verbose && console.error(`[page error] ${err.message}`));
  if (verbose) page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));

  const authority = new URL(server.base).host;
  const payload = [
    ['extensionDevelopmentPath', `vscode-remote://${authority}${EXTENSION}`],
    ['extensionTestsPath', `vscode-remote://${authority}${path.join(EXTENSION, 'dist/test/vscode/index.js')}`],
  ];
  const gotoStarted = Date.now();
  await page.goto(`${server.base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  console.log(`[vscode] workbench loaded in ${((Date.now() - gotoStarted) / 1000).toFixed(1)}s, running the suite in the extension host`);

  ({ exitCode, why } = await suite.outcome(run, TIMEOUT_MS, 'extension host'));
} catch (err) {
  why = `infrastructure error: ${err.message}`;
} finally {
  if (exitCode !== 0) {
    fs.mkdirSync('test-results', { recursive: true });
    if (page) await page.screenshot({ path: 'test-results/vscode-failure.png' }).catch(() => {});
    server.keepLog('test-results/vscode-code-server.log');
    // the server's reasons for not loading the extension, if any
    const log = fs.existsSync('test-results/vscode-code-server.log') ? fs.readFileSync('test-results/vscode-code-server.log', 'utf8') : '';
    for (const m of new Set(
      log.match(/^.*(is not compatible with Code|ESM modules are not supported|Cannot activate|failed to activate).*$/gim) ?? [],
    )) {
      console.log(`  [code-server] ${m.replace(/^\[[^\]]*\]\s*/, '')}`);
    }
    console.log('[vscode] saved test-results/vscode-failure.png and test-results/vscode-code-server.log');
  }
  await browser?.close().catch(() => {});
  await server.stop();
}
finish(exitCode, why);
