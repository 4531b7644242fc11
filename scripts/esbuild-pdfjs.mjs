// An esbuild plugin for bundles that carry the PDF reader (server/src/readers/pdf/): pdf.js's
// worker module starts itself when it is evaluated in any worker global — it posts
// {"sourceName":"worker","targetName":"main","action":"ready"} to the host and listens on `self`
// (documents.md §1.3). In the VS Code web extension host, or a language server running in a web
// worker, that stray message reaches whoever owns the worker's port. The reader runs the worker
// module in the same thread (pdf.js's "fake worker"), so the auto-start is switched off here.
// The build fails if the code to patch is not found (a pdf.js upgrade moved it): look again then.
//   import { pdfjsWorkerPatch } from './scripts/esbuild-pdfjs.mjs';
//   esbuild.build({ ..., plugins: [pdfjsWorkerPatch()] })
import { readFile } from 'node:fs/promises';

/** the condition under which pdf.worker.mjs starts itself on `self` (pdfjs-dist 5.6.205) */
export const WORKER_AUTOSTART = 'typeof self.postMessage === "function" && "onmessage" in self';
const WORKER_FILE = /pdfjs-dist[\\/]legacy[\\/]build[\\/]pdf\.worker(\.min)?\.mjs$/;

/**
 * @param {{ required?: boolean }} [options] required: fail the build if it bundles no pdf.js worker
 *   (for the bundles that must carry the PDF reader)
 * @returns {import('esbuild').Plugin}
 */
export function pdfjsWorkerPatch(options = {}) {
  return {
    name: 'pdfjs-worker-no-autostart',
    setup(build) {
      let patched = 0;
      build.onStart(() => {
        patched = 0;
      });
      build.onLoad({ filter: WORKER_FILE }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        const count = source.split(WORKER_AUTOSTART).length - 1;
        if (count !== 1) {
          return {
            errors: [
              {
                text: `pdfjs-worker-no-autostart: expected the worker's auto-start condition once in ${args.path}, found it ${count} times (pdf.js changed: find where WorkerMessageHandler calls initializeFromPort(self) and patch that)`,
              },
            ],
          };
        }
        patched++;
        return { contents: source.replace(WORKER_AUTOSTART, 'false'), loader: 'js' };
      });
      build.onEnd((result) => {
        if (options.required && patched === 0 && result.errors.length === 0) {
          return {
            errors: [
              { text: 'pdfjs-worker-no-autostart: this bundle should carry the PDF reader, but no pdf.js worker module was bundled' },
            ],
          };
        }
        return null;
      });
    },
  };
}
