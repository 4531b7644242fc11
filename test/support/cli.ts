// Running the CLI in this process, as the CLI tests do: its output captured, in a folder of files.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../server/src/cli/main';

export async function runCli(args: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: { LANG: 'en_US.UTF-8', ...env } });
  return { code, stdout, stderr };
}

/** a temporary folder holding the given files (name → content) */
export function folder(files: Record<string, string | Uint8Array>): string {
  const d = mkdtempSync(join(tmpdir(), 'dr-cli-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), body);
  }
  return d;
}

export interface JsonFile {
  file: string;
  format: string | null;
  source?: string;
  error?: string;
  skipped?: string;
  warnings?: string[];
  fixSkipped?: string;
  fixes?: { newText: string; old: string }[];
  diagnostics: {
    code: string;
    severity: string;
    table?: string;
    row?: string;
    column?: string;
    expected?: number;
    actual?: number;
    page?: number;
    range: { start: { line: number; character: number } };
  }[];
}

/** a JSON finding's key as test/support/documents/findings.ts makes them */
export const jsonKey = (d: JsonFile['diagnostics'][number]) =>
  [d.code, d.table ?? '', d.row ?? '', d.column ?? '', d.expected ?? '', d.actual ?? ''].join('|');
