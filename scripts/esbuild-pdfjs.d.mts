import type { Plugin } from 'esbuild';
/** the condition under which pdf.worker.mjs starts itself on `self` (pdfjs-dist 5.6.205) */
export const WORKER_AUTOSTART: string;
/** switches off pdf.js's worker auto-start in a bundle; `required`: fail a bundle that carries no pdf.js worker */
export function pdfjsWorkerPatch(options?: { required?: boolean }): Plugin;
