// The document readers (server/src/readers/), loaded on first use: the one place outside the
// readers that imports them. Bundled, they are not part of the importing bundle: esbuild.mjs
// (scripts/esbuild-readers.mjs) makes this import a `require` of dist/readers.cjs on Node (the CLI,
// the Node language server) and an `importScripts` of dist/web/readers.js in the web worker
// language server. Unbundled (tsx, the tests) it is a plain dynamic import.
export type Readers = typeof import('./readers/index');

let loading: Promise<Readers> | undefined;

/** the readers, loaded once per process; a failed load is tried again on the next call */
export function loadReaders(): Promise<Readers> {
  if (!loading) {
    loading = import('./readers/index');
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
