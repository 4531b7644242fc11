// The file host on Node, shared by the language server (node.ts) and the CLI: reads a file as
// UTF-8 text (undefined when it cannot be read) and Node's path functions, in the shape the core's
// ConfigHost (and the server's ServerEnv) expect.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ConfigHost } from './core/index';

export function readTextFile(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export const nodeHost: ConfigHost & { basename(path: string): string } = { readFile: readTextFile, dirname, join, basename };
