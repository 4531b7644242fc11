// The PDF reader bundled for the browser (esbuild, platform browser, as the web extension and the
// worker language server are) and run in a worker-like global with no Node globals at all (no
// process, require or Buffer): it reads a report, and with scripts/esbuild-pdfjs.mjs's patch pdf.js
// posts nothing to the host and listens on nothing. Without the patch it does (so the check can
// fail), and the plugin fails a build whose pdf.js no longer has the code it patches.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { pdfjsWorkerPatch } from '../../scripts/esbuild-pdfjs.mjs';
import type { ReadResult } from '../../server/src/readers/model';
import { workerGlobal } from '../support/workerGlobal';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const ENTRY = "import { readPdf } from './server/src/readers/pdf/index.ts';\nglobalThis.readPdf = readPdf;\n";

async function bundle(plugins: Plugin[]): Promise<string> {
  const r = await build({
    stdin: { contents: ENTRY, resolveDir: ROOT, loader: 'ts', sourcefile: 'entry.ts' },
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    logLevel: 'silent',
    plugins,
  });
  return r.outputFiles[0].text;
}

async function runInWorkerGlobal(code: string, pdf: Uint8Array) {
  const { ctx, posted, listeners } = workerGlobal();
  vm.runInContext(code, ctx);
  assert.equal(vm.runInContext('typeof process + typeof require + typeof Buffer', ctx), 'undefinedundefinedundefined');
  const result = (await (ctx.readPdf as (b: Uint8Array) => Promise<ReadResult>)(pdf)) as ReadResult;
  return { result, posted, listeners };
}

const fixture = new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/pdf/pdf-open-break.pdf')));

test('bundled for the browser with the patch, the reader reads a report in a worker global and posts nothing to its host', async () => {
  const code = await bundle([pdfjsWorkerPatch({ required: true })]);
  const { result, posted, listeners } = await runInWorkerGlobal(code, fixture);
  assert.deepEqual(posted, [], 'no stray "ready" message');
  assert.deepEqual(listeners, [], 'no message listener on self');
  assert.ok('blocks' in result, JSON.stringify(result));
  const rows = result.blocks.flatMap((b) => (b.kind === 'table' ? [b.table.rows] : []));
  assert.ok(rows.includes(28), `table 三 whole across its page break: ${rows}`);
});

test('without the patch, pdf.js in a worker global announces itself to the host (what the patch prevents)', async () => {
  const code = await bundle([]);
  const { posted, listeners } = await runInWorkerGlobal(code, fixture);
  assert.ok(
    posted.some((m) => (m as { action?: string }).action === 'ready'),
    `the ready message: ${JSON.stringify(posted)}`,
  );
  assert.ok(listeners.includes('message'), 'a message listener on self');
});

test('the plugin fails the build when pdf.js no longer has the code it patches, or when a required reader is missing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pdfjs-patch-'));
  try {
    const worker = join(dir, 'node_modules/pdfjs-dist/legacy/build');
    mkdirSync(worker, { recursive: true });
    writeFileSync(join(worker, 'pdf.worker.mjs'), 'export const WorkerMessageHandler = {}; if (self.postMessage) self.postMessage(1);\n');
    const run = (contents: string, required: boolean) =>
      build({
        stdin: { contents, resolveDir: dir, loader: 'js' },
        bundle: true,
        write: false,
        platform: 'browser',
        logLevel: 'silent',
        plugins: [pdfjsWorkerPatch({ required })],
      }).then(
        () => '',
        (e: { errors: { text: string }[] }) => e.errors.map((x) => x.text).join('\n'),
      );
    assert.match(await run("import 'pdfjs-dist/legacy/build/pdf.worker.mjs';", false), /found it 0 times/);
    assert.match(await run('export const x = 1;', true), /no pdf\.js worker module was bundled/);
    assert.equal(await run('export const x = 1;', false), '', 'a bundle without the reader does not need it');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
