// @ts-check
// Bundles the in-VS-Code test suite (test/vscode) for both extension hosts:
//   dist/test/vscode/index.js + suite/*.test.js   Node extension host (mocha loaded from node_modules)
//   dist/test/web/index.cjs                       web worker extension host (mocha's browser build inside),
//                                                 from an entry generated here: every suite/*.test.ts, then web.ts
// The product bundles come from esbuild.mjs; the runners call this before every run (~0.2 s).
// Usage: node scripts/build-tests.mjs

import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * The web bundle's entry: mocha set up first, then every suite file (imports run in order, so each
 * registers its tests), then web.ts's run(). Generated, so no suite file can be left out on the web.
 * @param {string[]} suite the suite files' names
 */
export function webEntry(suite) {
  return [
    `import './web-setup';`,
    ...suite.sort().map((f) => `import './suite/${f.replace(/\.ts$/, '')}';`),
    `export { run } from './web';`,
  ].join('\n');
}

export async function buildTests() {
  const suite = readdirSync(path.join(root, 'test/vscode/suite')).filter((f) => f.endsWith('.test.ts'));
  rmSync(path.join(root, 'dist/test'), { recursive: true, force: true });
  /** @type {import('esbuild').BuildOptions} */
  const common = { absWorkingDir: root, bundle: true, sourcemap: 'inline', logLevel: 'warning', external: ['vscode'] };
  await Promise.all([
    esbuild.build({
      ...common,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode', 'mocha'],
      entryPoints: ['test/vscode/index.ts', ...suite.map((f) => `test/vscode/suite/${f}`)],
      outbase: 'test/vscode',
      outdir: 'dist/test/vscode',
    }),
    esbuild.build({
      ...common,
      platform: 'browser',
      format: 'cjs',
      target: 'es2022',
      stdin: { contents: webEntry(suite), resolveDir: path.join(root, 'test/vscode'), sourcefile: 'web-entry.ts', loader: 'ts' },
      outfile: 'dist/test/web/index.cjs',
      // .cjs: the web extension host loads a module as ESM (which it cannot) when the extension's
      // package.json says "type": "module", unless the file name ends in .cjs
      // mocha's browser build is UMD: hide the extension host's CommonJS module/exports from it,
      // or it replaces this bundle's exports (run) with the mocha instance.
      define: { module: 'undefined', exports: 'undefined' },
    }),
  ]);
  // The root package.json says "type": "module"; these bundles are CommonJS.
  writeFileSync(path.join(root, 'dist/test/package.json'), '{ "type": "commonjs" }\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildTests();
  console.log('built dist/test/vscode (node) and dist/test/web (browser)');
}
