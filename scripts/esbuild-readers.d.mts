import type { Plugin } from 'esbuild';
/** the global the web bundle of the readers sets (esbuild's globalName) */
export const READERS_GLOBAL: string;
/** in a bundle other than the readers' own: server/src/loadReaders.ts's import of the readers becomes the load of their bundle at `path` */
export function readersBundle(options: { env: 'node' | 'web'; path: string }): Plugin;
