// `npm run bench`: the checker's speed on this machine, in one process run. Prints a table and
// writes bench/results.md (date, machine). Benchmarks, not tests: nothing here fails the build;
// each row says whether its target (issue 5) is met.
//   BENCH_QUICK=1  fewer repetitions (a smoke run)
//   BENCH_SKIP=cli,server,build  skip parts
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { analyze as analyzeFn } from '../server/src/core/index';
import { SERVER_EXEC_ARGV } from '../server/src/protocol';
import { generateSizedReport, withWrongSevenTotal } from '../test/support/report';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = resolve(ROOT, 'test/fixtures/samples');
// Time the core as it ships (bundled and minified by esbuild, as in dist/), not through the tsx
// loader the tests use: that path measures up to 2× slower than the code users run.
const coreBundle = join(ROOT, 'bench/tmp/core.mjs');
await build({
  entryPoints: [join(ROOT, 'server/src/core/index.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: coreBundle,
  logLevel: 'error',
});
const { analyze } = (await import(pathToFileURL(coreBundle).href)) as { analyze: typeof analyzeFn };
const QUICK = process.env.BENCH_QUICK === '1';
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));

interface Row {
  what: string;
  measured: string;
  target: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const notes: string[] = [];
function row(what: string, measured: string, target: string, ok: boolean | null) {
  rows.push({ what, measured, target, ok });
  console.log(`${ok === null ? '  ' : ok ? 'ok' : '!!'} ${what.padEnd(44)} ${measured.padEnd(34)} ${target}`);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** median time of fn in ms: warm up, then run until `runs` samples or `budgetMs` is spent */
function time(fn: () => unknown, runs: number, budgetMs: number, warmup = Math.min(50, runs)): number {
  for (let i = 0; i < warmup; i++) fn();
  const xs: number[] = [];
  const start = performance.now();
  while (xs.length < runs && (xs.length < 5 || performance.now() - start < budgetMs)) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

/** The floor every checker pays: split the text into lines and the lines into tab cells. */
let sink = 0;
function barePass(text: string): number {
  let cells = 0;
  for (const line of text.split(/\r\n|\r|\n/)) cells += line.split('\t').length;
  sink += cells;
  return cells;
}

const fmtMs = (ms: number) =>
  ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : ms < 1000 ? `${ms.toFixed(ms < 10 ? 2 : 1)} ms` : `${(ms / 1000).toFixed(2)} s`;
const fmtKB = (b: number) => `${(b / 1024).toFixed(0)} KB`;

// ------------------------------------------------------------------ 1. samples
console.log('\n# samples: full check (median) vs a bare split into lines and cells');
const sampleFiles = existsSync(SAMPLES)
  ? readdirSync(SAMPLES)
      .filter((f) => f.endsWith('.txt'))
      .sort()
  : [];
if (!sampleFiles.length) notes.push(`no samples found in ${SAMPLES}`);
for (const f of sampleFiles) {
  const text = readFileSync(join(SAMPLES, f), 'utf8');
  const runs = QUICK ? 200 : 2000;
  // interleave three rounds so drift (GC, frequency) hits both sides alike
  const full: number[] = [];
  const bare: number[] = [];
  for (let round = 0; round < 3; round++) {
    full.push(time(() => analyze(text), runs, QUICK ? 300 : 1500));
    bare.push(time(() => barePass(text), runs * 2, QUICK ? 150 : 600));
  }
  const a = median(full);
  const b = median(bare);
  const ratio = a / b;
  row(
    `sample ${f} (${(text.length / 1024).toFixed(1)} K chars)`,
    `${fmtMs(a)}; bare ${fmtMs(b)}; ×${ratio.toFixed(1)}`,
    '≤ 1 ms and ≤ 5× bare',
    a <= 1 && ratio <= 5,
  );
}

// ------------------------------------------------------------------ 2. scaling
console.log('\n# generated reports: time per size');
const sizes = [100, 1000, 10000, 100000];
const perSize: { lines: number; ms: number }[] = [];
for (const n of sizes) {
  const text = generateSizedReport({ lines: n, seed: 7 });
  const lines = text.split('\n').length;
  const runs = n <= 1000 ? (QUICK ? 50 : 300) : n <= 10000 ? (QUICK ? 7 : 31) : QUICK ? 3 : 9;
  const ms = time(() => analyze(text), runs, QUICK ? 1000 : 5000, n >= 100000 ? 2 : 5);
  const b = time(() => barePass(text), runs, 1000, 3);
  perSize.push({ lines, ms });
  const target = n === 10000 ? '≤ 50 ms' : '';
  row(
    `generated ${n.toLocaleString('en')} lines (${(text.length / 1024).toFixed(0)} K chars)`,
    `${fmtMs(ms)}; ${((ms * 1000) / lines).toFixed(2)} µs/line; ×${(ms / b).toFixed(1)} bare`,
    target,
    n === 10000 ? ms <= 50 : null,
  );
}
// growth: the exponent of time ~ lines^e between 1,000 and 100,000 lines (1.0 = linear)
const p1 = perSize.find((p) => p.lines >= 1000)!;
const p3 = perSize[perSize.length - 1];
const exponent = Math.log(p3.ms / p1.ms) / Math.log(p3.lines / p1.lines);
const perLine = perSize.map((p) => (p.ms * 1000) / p.lines);
const spread = Math.max(...perLine.slice(1)) / Math.min(...perLine.slice(1));
row(
  'growth 1,000 → 100,000 lines',
  `exponent ${exponent.toFixed(2)}; µs/line spread ×${spread.toFixed(2)}`,
  'linear (exponent ≈ 1)',
  exponent <= 1.15,
);

// ------------------------------------------------------------------ 3. bundles (built fresh)
if (!SKIP.has('build')) {
  console.log('\n# build');
  const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
  if (b.status !== 0) notes.push('`node esbuild.mjs` failed: bundle sizes and CLI/server rows use whatever dist/ holds');
}
console.log('\n# bundle sizes');
const bundles = [
  ...['node', 'web'].flatMap((d) =>
    existsSync(join(ROOT, 'dist', d))
      ? readdirSync(join(ROOT, 'dist', d))
          .filter((f) => f.endsWith('.js') || f.endsWith('.cjs'))
          .map((f) => `dist/${d}/${f}`)
      : [],
  ),
  'dist/cli.js',
].filter((f) => existsSync(join(ROOT, f)));
for (const f of bundles) {
  const size = statSync(join(ROOT, f)).size;
  // the readers' own bundles (pdf.js inside) load on first use only, off the text path: no target
  if (/readers\.c?js$/.test(f)) row(`bundle ${f} (readers, loaded on first use)`, fmtKB(size), '', null);
  else row(`bundle ${f}`, fmtKB(size), '≤ 600 KiB', size <= 600 * 1024);
}

// ------------------------------------------------------------------ 4. the CLI over 1,000 reports
async function benchCli() {
  const cli = join(ROOT, 'bin/disclosure-report.js');
  if (!existsSync(join(ROOT, 'dist/cli.js'))) {
    row('CLI, 1,000 reports', 'TODO: dist/cli.js missing', '≤ 3 s wall', null);
    return;
  }
  const dir = mkdtempSync(join(os.tmpdir(), 'dr-bench-cli-'));
  try {
    let bytes = 0;
    for (let i = 0; i < 1000; i++) {
      let text = generateSizedReport({ lines: 90 + (i % 7) * 20, seed: 1000 + i });
      // every third report has a wrong total, so the run writes findings too
      if (i % 3 === 0) text = withWrongSevenTotal(text);
      bytes += Buffer.byteLength(text);
      writeFileSync(join(dir, `report-${String(i).padStart(4, '0')}.txt`), text);
    }
    const runOnce = () =>
      new Promise<{ ms: number; code: number | null; out: string }>((res) => {
        const t = performance.now();
        const child = spawn(process.execPath, [cli, '--format', 'json', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.resume();
        child.on('close', (code) => res({ ms: performance.now() - t, code, out }));
      });
    const runs: number[] = [];
    let last: { code: number | null; out: string } | undefined;
    for (let i = 0; i < (QUICK ? 1 : 3); i++) {
      const r = await runOnce();
      runs.push(r.ms);
      last = r;
    }
    const ms = median(runs);
    let files = 0;
    try {
      files = JSON.parse(last!.out).files.length;
    } catch {
      notes.push('the CLI run did not print valid JSON');
    }
    row(
      `CLI --format json, 1,000 reports (${(bytes / 1e6).toFixed(1)} MB)`,
      `${fmtMs(ms)} wall (exit ${last!.code}, ${files} files)`,
      '≤ 3 s wall',
      ms <= 3000 && files === 1000,
    );
    // Node's own start, for scale
    const t = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    notes.push(`a bare \`node -e 0\` takes ${fmtMs(performance.now() - t)} on this machine`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (!SKIP.has('cli')) {
  console.log('\n# CLI');
  await benchCli();
}

// ------------------------------------------------------------------ 5. the language server
async function benchServer() {
  const serverJs = process.env.BENCH_SERVER ? resolve(process.env.BENCH_SERVER) : join(ROOT, 'dist/node/server.js');
  if (!existsSync(serverJs)) {
    row('server RSS, 1,000 documents open', 'TODO: dist/node/server.js missing', '≤ 100 MB', null);
    row('server change → diagnostics', 'TODO: dist/node/server.js missing', '≤ 20 ms', null);
    return;
  }
  const lsp = await import('vscode-languageserver-protocol/node');
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_ARGS ?? SERVER_EXEC_ARGV.join(' ')).split(' ').filter(Boolean), serverJs, '--stdio'],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const conn = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
  const waiting = new Map<string, { version: number; resolve: () => void }>();
  const received = new Map<string, number>();
  conn.onNotification(lsp.PublishDiagnosticsNotification.type, (p) => {
    received.set(p.uri, p.version ?? -1);
    const w = waiting.get(p.uri);
    if (w && (p.version ?? -1) >= w.version) {
      waiting.delete(p.uri);
      w.resolve();
    }
  });
  conn.onRequest(lsp.ConfigurationRequest.type, (p) => p.items.map(() => ({})));
  conn.onRequest(lsp.RegistrationRequest.type, () => undefined);
  conn.listen();
  const diagnosticsFor = (uri: string, version: number, timeoutMs = 30000) =>
    new Promise<void>((res, rej) => {
      if ((received.get(uri) ?? -2) >= version) return res();
      const timer = setTimeout(() => rej(new Error(`no diagnostics for ${uri} v${version}; stderr: ${stderr.slice(0, 500)}`)), timeoutMs);
      waiting.set(uri, {
        version,
        resolve: () => {
          clearTimeout(timer);
          res();
        },
      });
    });
  const rss = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      return m ? Number(m[1]) * 1024 : NaN;
    } catch {
      return NaN;
    }
  };
  try {
    await conn.sendRequest(lsp.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(ROOT).toString(),
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      initializationOptions: { locale: 'en', debounceMs: 0 },
      workspaceFolders: null,
    });
    await conn.sendNotification(lsp.InitializedNotification.type, {});
    const rss0 = rss();
    const base = pathToFileURL(join(os.tmpdir(), 'dr-bench-docs')).toString();
    const texts: string[] = [];
    const t0 = performance.now();
    for (let i = 0; i < 1000; i++) {
      const text = generateSizedReport({ lines: 90 + (i % 7) * 20, seed: 5000 + i });
      texts.push(text);
      await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
        textDocument: { uri: `${base}/r${i}.txt`, languageId: 'disclosure-report', version: 1, text },
      });
    }
    await Promise.all(texts.map((_, i) => diagnosticsFor(`${base}/r${i}.txt`, 1, 120000)));
    const openMs = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 500));
    const peak = rss() / 1024 / 1024;
    // steady state: V8 returns memory to the system once the burst of opens is over and the server
    // is idle (its memory reducer runs a full GC then); sample until it settles
    let mb = peak;
    for (let i = 0; i < 30; i++) {
      await new Promise((r) => setTimeout(r, 1000));
      const now = rss() / 1024 / 1024;
      if (Math.abs(now - mb) < 0.5 && i >= 5) break;
      mb = now;
    }
    const stats = (await conn.sendRequest('disclosureReport/serverStats')) as {
      heapUsedBytes?: number;
      heapTotalBytes?: number;
      externalBytes?: number;
    };
    const mib = (n?: number) => ((n ?? 0) / 2 ** 20).toFixed(0);
    const heapMb =
      stats.heapUsedBytes !== undefined
        ? `, V8 heap ${mib(stats.heapUsedBytes)}/${mib(stats.heapTotalBytes)} MB used/total, external ${mib(stats.externalBytes)} MB`
        : '';
    row(
      'server RSS, 1,000 documents open',
      `${mb.toFixed(0)} MB settled${heapMb} (${peak.toFixed(0)} MB just after opening; idle server ${(rss0 / 1024 / 1024).toFixed(0)} MB; all diagnosed in ${fmtMs(openMs)})`,
      '≤ 100 MB',
      mb <= 100,
    );

    // change → diagnostics on a typical report, debounce set to 0 (initializationOptions)
    const uri = `${base}/typing.txt`;
    let text = readFileSync(join(SAMPLES, 'xigong-2022.txt'), 'utf8');
    let version = 1;
    await conn.sendNotification(lsp.DidOpenTextDocumentNotification.type, {
      textDocument: { uri, languageId: 'disclosure-report', version, text },
    });
    await diagnosticsFor(uri, version);
    const lat: number[] = [];
    for (let i = 0; i < (QUICK ? 30 : 200); i++) {
      version++;
      text = text.replace(/^(行政许可\t)(\d+)/m, (_, a, n) => `${a}${(Number(n) + 1) % 100000}`);
      const t = performance.now();
      await conn.sendNotification(lsp.DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
      await diagnosticsFor(uri, version);
      lat.push(performance.now() - t);
    }
    const p95 = [...lat].sort((a, b) => a - b)[Math.floor(lat.length * 0.95)];
    row(
      'server change → diagnostics (xigong-2022, debounce 0)',
      `${fmtMs(median(lat))} median, p95 ${fmtMs(p95)}`,
      '≤ 20 ms',
      median(lat) <= 20,
    );
    await conn.sendRequest(lsp.ShutdownRequest.type);
    await conn.sendNotification(lsp.ExitNotification.type);
  } catch (e) {
    row('server', `failed: ${(e as Error).message.slice(0, 200)}`, '', false);
  } finally {
    conn.dispose();
    setTimeout(() => child.kill(), 1000).unref();
  }
}
if (!SKIP.has('server')) {
  console.log('\n# language server');
  await benchServer();
}

// ------------------------------------------------------------------ results.md
const cpu = os.cpus();
const machine = `${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.platform()} ${os.release()}, Node ${process.version}`;
const md = [
  '# Benchmarks',
  '',
  `Measured ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC by \`npm run bench\`${QUICK ? ' (BENCH_QUICK: fewer runs)' : ''}.`,
  '',
  `Machine: ${machine}.`,
  '',
  '| | what | measured | target |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.ok === null ? '' : r.ok ? 'ok' : '**missed**'} | ${r.what} | ${r.measured} | ${r.target} |`),
  '',
  '"bare" is a split of the same text into lines and tab cells, timed in the same run. Generated reports',
  'come from test/support/report.ts (consistent 2021-format reports built from the template data; size grows with prose and an',
  'appendix of tables). The growth exponent is log(t100k/t1k)/log(100); 1.00 is linear.',
  ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
  '',
];
mkdirSync(join(ROOT, 'bench'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results.md'), md.join('\n'));
console.log(`\n${machine}\nwritten: bench/results.md${sink < 0 ? '' : ''}`);
