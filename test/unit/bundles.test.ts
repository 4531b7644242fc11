// The bundles as esbuild.mjs writes them (built here into a temporary folder, so the dist/ other
// tests use is left alone): every bundle the text path loads stays ≤ 600 KiB and holds no reader
// (no pdf.js, no parse5, not the readers' own code), the readers' bundles hold them (so the check
// can fail), and the readers load on first use only — on Node by `require` of dist/readers.cjs, in a
// web worker by `importScripts` of dist/web/readers.js — and read a PDF there.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build } from 'esbuild';
import { readersBundle } from '../../scripts/esbuild-readers.mjs';
import type { Readers } from '../../server/src/loadReaders';
import { workerGlobal } from '../support/workerGlobal';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
// The limit catches what must never be on the text path: a reader (pdf.js alone is ~1.7 MB) or a heavy
// dependency (zod's classic build with every locale, ~440 KB). It was 500 KiB until the Node server,
// with the workspace index, came within 3 KB of it; 600 KiB costs ~3 ms more compile at start.
const LIMIT = 600 * 1024;
/** the bundles a text report's path loads: the extension, the language server, the CLI, the table view */
const TEXT_PATH = ['node/extension.js', 'node/server.js', 'web/extension.cjs', 'web/server.js', 'cli.js', 'webview/tableView.js'];
const READERS = ['readers.cjs', 'web/readers.js'];
/** strings of pdf.js, parse5 and the readers' entry that survive minification */
const MARKERS = ['Invalid PDF structure', 'PDFDocumentLoadingTask', 'WorkerMessageHandler', 'unexpected-null-character', 'legacy Word/WPS'];
const PDF = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/pdf/pdf-open-break.pdf')));

let out = '';
before(() => {
  out = mkdtempSync(join(tmpdir(), 'dr-bundles-'));
  const r = spawnSync(process.execPath, ['esbuild.mjs', `--outdir=${out}`], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, `node esbuild.mjs failed:\n${r.stdout}\n${r.stderr}`);
});
after(() => rmSync(out, { recursive: true, force: true }));

test('every bundle on the text path is ≤ 600 KiB and holds no reader; the readers are in their own bundles', () => {
  const sizes: Record<string, number> = {};
  for (const f of [...TEXT_PATH, ...READERS]) sizes[f] = statSync(join(out, f)).size;
  for (const f of TEXT_PATH) {
    assert.ok(sizes[f] <= LIMIT, `${f}: ${sizes[f]} bytes, over ${LIMIT}`);
    const code = readFileSync(join(out, f), 'utf8');
    const found = MARKERS.filter((m) => code.includes(m));
    assert.deepEqual(found, [], `${f} holds reader code`);
  }
  for (const f of READERS) {
    const code = readFileSync(join(out, f), 'utf8');
    assert.deepEqual(
      MARKERS.filter((m) => !code.includes(m)),
      [],
      `${f} holds the readers`,
    );
    assert.ok(sizes[f] > 1024 * 1024, `${f}: ${sizes[f]} bytes (pdf.js alone is over 1 MB)`);
  }
});

const PROBE = "export { loadReaders } from './server/src/loadReaders.ts';\n";

async function probe(env: 'node' | 'web', outfile: string, path: string): Promise<void> {
  await build({
    stdin: { contents: PROBE, resolveDir: ROOT, loader: 'ts', sourcefile: 'probe.ts' },
    bundle: true,
    outfile,
    platform: env === 'node' ? 'node' : 'browser',
    format: env === 'node' ? 'cjs' : 'iife',
    globalName: env === 'web' ? 'probe' : undefined,
    target: env === 'node' ? 'node20' : 'es2022',
    logLevel: 'silent',
    plugins: [readersBundle({ env, path })],
  });
}

async function readsThePdf(readers: Readers): Promise<void> {
  const c = await readers.convertDocument(PDF, { name: 'report.pdf' });
  assert.ok(c.ok, JSON.stringify(c));
  assert.equal(c.doc.source, 'pdf');
  assert.match(c.text.text, /一、总体情况/);
}

test('Node: the readers are required from readers.cjs on the first loadReaders() only, and read a PDF', async () => {
  const file = join(out, 'probe.cjs');
  await probe('node', file, './readers.cjs');
  const code = readFileSync(file, 'utf8');
  assert.ok(!MARKERS.some((m) => code.includes(m)), 'the loader bundles no reader');
  const require = createRequire(import.meta.url);
  const readersPath = join(out, 'readers.cjs');
  const { loadReaders } = require(file) as { loadReaders: () => Promise<Readers> };
  assert.equal(require.cache[readersPath], undefined, 'not loaded before use');
  const first = loadReaders();
  const readers = await first;
  assert.ok(require.cache[readersPath], 'loaded on first use');
  assert.equal(await loadReaders(), readers, 'loaded once');
  await readsThePdf(readers);
});

test('web worker: the readers are loaded with importScripts beside the worker script on first use, and read a PDF', async () => {
  const file = join(out, 'web/probe.js');
  await probe('web', file, 'readers.js');
  const base = 'https://ext.invalid/extension/dist/web/';
  const w = workerGlobal({
    href: `${base}server.js`,
    load: (url) => {
      assert.ok(url.startsWith(base), url);
      return readFileSync(join(out, 'web', url.slice(base.length)), 'utf8');
    },
  });
  vm.runInContext(readFileSync(file, 'utf8'), w.ctx);
  assert.equal(vm.runInContext('typeof process + typeof require + typeof Buffer', w.ctx), 'undefinedundefinedundefined');
  assert.deepEqual(w.imported, [], 'nothing loaded before use');
  const loadReaders = vm.runInContext('probe.loadReaders', w.ctx) as () => Promise<Readers>;
  const readers = await loadReaders();
  await loadReaders();
  assert.deepEqual(w.imported, [`${base}readers.js`], 'loaded once, beside the worker script');
  await readsThePdf(readers);
  assert.deepEqual(w.posted, [], 'pdf.js posts nothing to the host');
  assert.deepEqual(w.listeners, [], 'pdf.js listens on nothing');
});

/** runs the built CLI's main() in a fresh Node: its JSON, and whether it loaded readers.cjs */
function builtCli(args: string[]): {
  json: { files: { source?: string; format: string | null; error?: string }[] };
  readersLoaded: boolean;
} {
  const script = `
    const cli = require(${JSON.stringify(join(out, 'cli.js'))});
    let stdout = '';
    cli.main(${JSON.stringify(args)}, { stdout: (s) => (stdout += s), stderr: () => {}, cwd: ${JSON.stringify(ROOT)}, env: {} }).then(() => {
      const loaded = Object.keys(require.cache).some((k) => k.endsWith('readers.cjs'));
      process.stdout.write(JSON.stringify({ json: JSON.parse(stdout), readersLoaded: loaded }));
    });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('the built CLI reads a PDF through readers.cjs, and checks a .txt without loading it', () => {
  const txt = builtCli(['--format', 'json', 'test/fixtures/samples/xigong-2022.txt']);
  assert.equal(txt.json.files[0].source, 'text');
  assert.equal(txt.readersLoaded, false, 'the text path does not load the readers');
  const pdf = builtCli(['--format', 'json', 'test/fixtures/pdf/pdf-open-break.pdf']);
  assert.equal(pdf.json.files[0].error, undefined);
  assert.equal(pdf.json.files[0].source, 'pdf');
  assert.equal(pdf.json.files[0].format, '2021');
  assert.equal(pdf.readersLoaded, true);
});

test('a bundle that imports the readers other than through loadReaders() fails to build', async () => {
  const err = await build({
    stdin: { contents: "import { sniff } from './server/src/readers/index.ts'; console.log(sniff);", resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    write: false,
    platform: 'node',
    logLevel: 'silent',
    plugins: [readersBundle({ env: 'node', path: './readers.cjs' })],
  }).then(
    () => '',
    (e: { errors: { text: string }[] }) => e.errors.map((x) => x.text).join('\n'),
  );
  assert.match(err, /load them with loadReaders\(\)/);
});
