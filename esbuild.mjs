// @ts-check
// Bundles every entry point of the project. Usage: node esbuild.mjs [--watch] [--no-minify] [--outdir=DIR]
// --watch (npm run watch; the Run Extension launch): rebuilds on change, unminified, with source maps.
// --outdir=DIR: write into DIR instead of dist/ (test/unit/bundles.test.ts builds into a temporary folder).
// The document readers are two bundles of their own (dist/readers.cjs, dist/web/readers.js), loaded
// on first use through server/src/loadReaders.ts (scripts/esbuild-readers.mjs): the text path never loads them.
// Node bundles (extension host, language server over IPC, CLI) are CommonJS for Node 20+;
// browser bundles (web extension, language server in a web worker) are for vscode.dev.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as esbuild from 'esbuild';
import { pdfjsWorkerPatch } from './scripts/esbuild-pdfjs.mjs';
import { READERS_GLOBAL, readersBundle } from './scripts/esbuild-readers.mjs';

const watch = process.argv.includes('--watch');
const minify = !watch && !process.argv.includes('--no-minify');
const OUT = process.argv.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) || 'dist';
// DR_BROKEN_SERVER=1 builds a server that publishes no findings (server/src/testHooks.ts), to
// prove that the VS Code suites fail when the product is broken (docs/testing.md, "The suites fail when the product is broken").
const broken = process.env.DR_BROKEN_SERVER === '1';

/** @type {esbuild.BuildOptions} */
const common = {
  bundle: true,
  minify,
  sourcemap: watch ? 'linked' : false,
  logLevel: 'warning',
  legalComments: 'none',
  // CJK text (templates, messages, l10n) as UTF-8, not \uXXXX escapes: a third of the bytes. Every
  // loader reads these files as UTF-8 (Node's require, classic workers and importScripts by spec).
  charset: 'utf8',
  define: {
    'process.env.DR_BROKEN_SERVER': JSON.stringify(broken ? '1' : ''),
    // the version the server reports (initialize's serverInfo): the package's, at build time
    __DR_VERSION__: JSON.stringify(JSON.parse(readFileSync('package.json', 'utf8')).version),
  },
};

/** @type {(esbuild.BuildOptions & { entryPoints: Record<string, string> })[]} */
const builds = [
  {
    entryPoints: { extension: 'client/src/extension.ts' },
    outdir: 'dist/node',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    entryPoints: { server: 'server/src/node.ts' },
    outdir: 'dist/node',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [readersBundle({ env: 'node', path: '../readers.cjs' })],
  },
  {
    entryPoints: { cli: 'server/src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    plugins: [readersBundle({ env: 'node', path: './readers.cjs' })],
  },
  // the readers for Node (the CLI and the Node server require it on first use); pdf.js's optional
  // native canvas is never needed (text and operator lists only)
  {
    entryPoints: { readers: 'server/src/readers/index.ts' },
    outdir: 'dist',
    outExtension: { '.js': '.cjs' },
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['@napi-rs/canvas'],
    plugins: [pdfjsWorkerPatch({ required: true })],
  },
  // .cjs: the package is "type": "module", and VS Code for the web loads a .js of such a package
  // as an ES module, which its web extension host refuses ("ESM modules are not supported")
  {
    entryPoints: { extension: 'client/src/browser.ts' },
    outdir: 'dist/web',
    outExtension: { '.js': '.cjs' },
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
  },
  {
    entryPoints: { server: 'server/src/browser.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    plugins: [readersBundle({ env: 'web', path: 'readers.js' })],
  },
  // the readers for the web worker server: a classic script it loads with importScripts on first use
  {
    entryPoints: { readers: 'server/src/readers/index.ts' },
    outdir: 'dist/web',
    platform: 'browser',
    format: 'iife',
    globalName: READERS_GLOBAL,
    target: 'es2022',
    plugins: [pdfjsWorkerPatch({ required: true })],
  },
  // the table view's webview script (the page's one script; it draws with server/src/view/render.ts)
  {
    entryPoints: { tableView: 'client/src/webview/tableView.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

for (const b of builds) b.outdir = OUT + /** @type {string} */ (b.outdir).slice('dist'.length);

const missing = builds.flatMap((b) => Object.values(b.entryPoints)).filter((f) => typeof f === 'string' && !existsSync(f));
if (missing.length) {
  console.error(`esbuild.mjs: missing entry points: ${missing.join(', ')}`);
  process.exit(1);
}

// The package is "type": "module" (chevrotain 11 is ESM-only); the bundles are CommonJS, which
// VS Code's extension host and `require` expect, so dist/ declares itself CommonJS.
mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}/package.json`, '{ "type": "commonjs" }\n');

// The table view's stylesheet: one source, server/src/view/style.ts (a static page inlines the same
// string), written as a file because the webview's Content Security Policy takes styles from files only.
async function writeTableViewCss() {
  const out = await esbuild.build({
    entryPoints: ['server/src/view/style.ts'],
    bundle: true,
    write: false,
    format: 'cjs',
    logLevel: 'warning',
  });
  const mod = { exports: {} };
  new Function('module', 'exports', out.outputFiles[0].text)(mod, mod.exports);
  const css = await esbuild.transform(mod.exports.TABLE_VIEW_CSS, { loader: 'css', minify });
  mkdirSync(`${OUT}/webview`, { recursive: true });
  writeFileSync(`${OUT}/webview/tableView.css`, css.code);
}
await writeTableViewCss();

if (watch) {
  // the lines .vscode/tasks.json's problem matcher waits for (a background task's begin and end)
  let pending = 0;
  /** @type {esbuild.Plugin} */
  const announce = {
    name: 'announce',
    setup(build) {
      build.onStart(() => {
        if (pending++ === 0) console.log('[watch] build started');
      });
      build.onEnd((r) => {
        for (const e of r.errors)
          console.error(`✘ [ERROR] ${e.text}${e.location ? ` ${e.location.file}:${e.location.line}:${e.location.column}` : ''}`);
        if (--pending === 0) console.log('[watch] build finished');
      });
    },
  };
  for (const b of builds) await (await esbuild.context({ ...common, ...b, plugins: [...(b.plugins ?? []), announce] })).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build({ ...common, ...b })));
}
