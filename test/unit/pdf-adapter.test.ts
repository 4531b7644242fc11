// The one module that touches pdf.js (readers/pdf/pdfjs.ts): the bundled CMaps are pdfjs-dist's own;
// loading pdf.js leaves the process's builtins as they were (the legacy build's core-js replaces
// Array.prototype.push and JSON.stringify on Node 20; the language server and the CLI share the
// process); the reader works without the optional native @napi-rs/canvas (its DOMMatrix polyfill).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CMAPS } from '../../server/src/readers/pdf/cmaps';
import { DOMMatrix2D } from '../../server/src/readers/pdf/dommatrix';
import { loadPdfJs, OPS } from '../../server/src/readers/pdf/pdfjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

test('the bundled CMaps are byte for byte those of the pinned pdfjs-dist (re-run scripts/make-pdf-cmaps.mjs after an upgrade)', () => {
  const dir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
  assert.deepEqual(Object.keys(CMAPS).sort(), ['Adobe-GB1-UCS2', 'GBK-EUC-H', 'UniGB-UCS2-H', 'UniGB-UTF16-H']);
  for (const [name, b64] of Object.entries(CMAPS)) {
    assert.ok(Buffer.from(b64, 'base64').equals(readFileSync(join(dir, `${name}.bcmap`))), `${name}.bcmap differs`);
  }
});

test('loading pdf.js puts back the builtins its legacy build replaces, and checks its operator codes', async () => {
  const before = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse, self: 'self' in globalThis };
  const pdfjs = await loadPdfJs();
  assert.equal(Array.prototype.push, before.push, 'Array.prototype.push');
  assert.equal(JSON.stringify, before.stringify, 'JSON.stringify');
  assert.equal(JSON.parse, before.parse, 'JSON.parse');
  assert.equal('self' in globalThis, before.self, 'no `self` defined in Node');
  // what pdf.js only adds stays: it needs it
  assert.equal(typeof (Promise as unknown as { withResolvers?: unknown }).withResolvers, 'function');
  for (const [name, code] of Object.entries(OPS)) assert.equal(pdfjs.OPS[name], code, name);
  assert.equal(pdfjs.version, '5.6.205', 'the pinned pdf.js (its option API and operator lists change between minors)');
});

test('the DOMMatrix polyfill multiplies, inverts and maps points as a 2-D DOMMatrix does', () => {
  const m = new DOMMatrix2D([2, 0, 0, 3, 10, 20]).multiplySelf(new DOMMatrix2D([1, 0, 0, 1, 5, 5]));
  assert.deepEqual(m.toArray(), [2, 0, 0, 3, 20, 35]);
  const p = m.transformPoint({ x: 1, y: 1 });
  assert.deepEqual([p.x, p.y], [22, 38]);
  const back = m.inverse().transformPoint(p);
  assert.deepEqual([back.x, back.y], [1, 1]);
  assert.deepEqual(new DOMMatrix2D().preMultiplySelf([1, 0, 0, 1, 3, 4]).scaleSelf(2).toArray(), [2, 0, 0, 2, 3, 4]);
  assert.ok(new DOMMatrix2D([1, 0, 0, 1, 0, 0]).isIdentity, 'identity');
});

test('without the optional native @napi-rs/canvas the reader reads a PDF (the polyfill path, as in a bundle)', () => {
  const script = [
    "import { readFileSync } from 'node:fs';",
    "import { readPdf } from './server/src/readers/pdf/index.ts';",
    "const r = await readPdf(new Uint8Array(readFileSync('test/fixtures/pdf/pdf-open-break.pdf')));",
    "const t = 'blocks' in r ? r.blocks.filter((b) => b.kind === 'table').map((b) => b.table.rows) : r;",
    'console.log(JSON.stringify({ dommatrix: globalThis.DOMMatrix?.name, path2d: typeof globalThis.Path2D, tables: t }));',
  ].join('\n');
  const out = spawnSync(
    process.execPath,
    ['--require', './test/support/no-native-canvas.cjs', '--import', 'tsx', '--input-type=module', '-e', script],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    },
  );
  assert.equal(out.status, 0, out.stderr);
  const got = JSON.parse(out.stdout.trim().split('\n').pop()!);
  assert.equal(got.dommatrix, 'DOMMatrix2D', 'the polyfill, not the canvas package’s');
  assert.equal(got.path2d, 'undefined', 'the native canvas was not loaded');
  assert.ok(got.tables.includes(28), `table 三 read whole: ${JSON.stringify(got.tables)}`);
  assert.doesNotMatch(out.stderr, /napi-rs|Cannot polyfill/, 'no warning about the missing canvas');
});
