#!/usr/bin/env node
// @ts-check
// `npm run test:desktop`: the same in-VS-Code suite (dist/test/vscode/index.js) in DESKTOP VS Code
// through @vscode/test-electron's runTests, for machines that can download VS Code (or have one).
//   - VSCODE_EXECUTABLE_PATH=/path/to/code   use that VS Code, no download
//   - otherwise test-electron downloads VS Code into .vscode-test/desktop/ (or reuses it there)
// Without network it fails fast with a clear message instead of hanging: the update host is probed
// first with short DNS/HTTP timeouts, and the download itself has an idle timeout.
// On Linux without a display run it under xvfb-run. Exit: 0 passed, 1 a test failed, 2 no VS Code.
import * as dns from 'node:dns/promises';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildTests } from './build-tests.mjs';
import { ROOT, testWorkspace } from './code-server.mjs';

process.chdir(ROOT);
const UPDATE_HOST = 'update.code.visualstudio.com';
const CACHE = path.join(ROOT, '.vscode-test/desktop');
const version = process.env.VSCODE_VERSION ?? 'stable';
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

function fail(code, message) {
  console.error(`[desktop] ${message}`);
  console.log(`[desktop] ${code === 1 ? 'FAILED' : 'NOT RUN'} (exit ${code}) in ${elapsed()}`);
  process.exit(code);
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
    }),
  ]);
}

async function canReachUpdateHost() {
  try {
    await withTimeout(dns.lookup(UPDATE_HOST), 3000, `DNS lookup of ${UPDATE_HOST}`);
    const res = await fetch(`https://${UPDATE_HOST}/api/releases/stable`, { method: 'HEAD', signal: AbortSignal.timeout(5000) });
    return { ok: res.status < 500, why: `HTTP ${res.status}` };
  } catch (err) {
    return { ok: false, why: err.cause?.code ?? err.code ?? err.message };
  }
}

const executable = process.env.VSCODE_EXECUTABLE_PATH;
const cached = fs.existsSync(CACHE) && fs.readdirSync(CACHE).some((e) => /^vscode-/.test(e));
if (executable && !fs.existsSync(executable)) fail(2, `VSCODE_EXECUTABLE_PATH=${executable} does not exist`);
if (!executable && !cached) {
  const probe = await canReachUpdateHost();
  if (!probe.ok) {
    fail(
      2,
      `cannot download VS Code: ${UPDATE_HOST} is unreachable (${probe.why}) and no VS Code is cached in ` +
        `${path.relative(ROOT, CACHE)}/. Set VSCODE_EXECUTABLE_PATH to a local VS Code, or run the same suite ` +
        'offline in the VS Code server: npm run test:vscode',
    );
  }
}

if (!fs.existsSync('dist/node/extension.js')) fail(2, 'dist/node/extension.js missing: run node esbuild.mjs first');
await buildTests();
const { runTests } = await import('@vscode/test-electron');
const workspace = testWorkspace('dr-desktop-ws-');
let code;
try {
  code = await runTests({
    version,
    cachePath: CACHE,
    vscodeExecutablePath: executable,
    timeout: 15000, // idle timeout of the download
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'dist/test/vscode/index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
} catch (err) {
  const msg = String(err?.message ?? err);
  // runTests rejects with "Test run failed with code N" when the suite ran and failed
  if (/Test run failed with code/.test(msg)) fail(1, msg);
  fail(2, `could not run desktop VS Code: ${msg}`);
} finally {
  fs.rmSync(workspace, { recursive: true, force: true });
}
console.log(`[desktop] ${code === 0 ? 'PASSED' : 'FAILED'} (exit ${code === 0 ? 0 : 1}) in ${elapsed()}`);
process.exit(code === 0 ? 0 : 1);
