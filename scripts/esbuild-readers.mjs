// @ts-check
// The document readers (server/src/readers/: pdf.js, fflate, saxes, parse5; ~2 MB) are a bundle of
// their own, loaded on first use, so the text path (the language server, the CLI on a .txt) never
// loads them and its bundles stay small. server/src/loadReaders.ts is the one place that imports
// them, with `import('./readers/index')`; this plugin, in every bundle except the readers' own,
// turns that import into the load of the readers' bundle:
// - Node ('node'): `require` of the CommonJS bundle (dist/readers.cjs), by a path relative to the
//   importing bundle (esbuild writes an external dynamic import in a CommonJS bundle as a require);
// - web worker ('web'): `importScripts` of the classic script (dist/web/readers.js, an IIFE that sets
//   the global READERS_GLOBAL), by a URL relative to the worker's own script, on first use only.
//   (VS Code for the web starts the worker from a blob: URL: server/src/browser.ts then loads the
//   bundle first from the URL the client sends, and this load, finding the global set, does nothing.)
// Any other import of the readers' entry from such a bundle fails the build: it would load them on
// the text path (a static import) or bundle them twice.
//   import { readersBundle } from './scripts/esbuild-readers.mjs';
//   esbuild.build({ ..., plugins: [readersBundle({ env: 'node', path: '../readers.cjs' })] })
import { resolve } from 'node:path';

/** the global the web bundle of the readers sets (esbuild's globalName) */
export const READERS_GLOBAL = '__disclosureReportReaders';

const ENTRY = resolve('server/src/readers/index.ts');
const LOADER = resolve('server/src/loadReaders.ts');

/**
 * @param {{ env: 'node' | 'web', path: string }} options path: the readers' bundle relative to the
 *   bundle being built (node: './readers.cjs' from dist/; web: 'readers.js' beside the worker script)
 * @returns {import('esbuild').Plugin}
 */
export function readersBundle(options) {
  return {
    name: 'readers-bundle',
    setup(build) {
      build.onResolve({ filter: /(^|\/)readers(\/index(\.ts)?)?$/ }, (args) => {
        if (!args.path.startsWith('.')) return undefined;
        let target = resolve(args.resolveDir, args.path);
        if (!target.endsWith('.ts')) target = target.endsWith('/index') ? `${target}.ts` : `${target}/index.ts`;
        if (target !== ENTRY) return undefined;
        if (args.importer !== LOADER || args.kind !== 'dynamic-import') {
          return {
            errors: [
              {
                text: `readers-bundle: ${args.importer} imports the readers (${args.path}); load them with loadReaders() from server/src/loadReaders.ts, so that the text path never pays for them`,
              },
            ],
          };
        }
        if (options.env === 'node') return { path: options.path, external: true };
        return { path: options.path, namespace: 'readers-web' };
      });
      build.onLoad({ filter: /.*/, namespace: 'readers-web' }, (args) => ({
        // evaluated on the first import() only (esbuild keeps a bundled dynamic import lazy)
        contents: [
          `if (typeof self.${READERS_GLOBAL} === 'undefined') importScripts(new URL(${JSON.stringify(args.path)}, self.location.href).href);`,
          `module.exports = self.${READERS_GLOBAL};`,
        ].join('\n'),
        loader: 'js',
      }));
    },
  };
}
