// `disclosure-report convert FILE [-o OUT]`: a document's report text (checks.md "Documents"), the
// text `check` checks and the editor shows: to stdout, or written to OUT (UTF-8). The reader's
// warnings go to stderr; an unreadable document is its one-line message and exit status 2.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { convert, readFileBytes } from './documents';
import type { CliIO } from './main';

export const CONVERT_USAGE = `usage: disclosure-report convert FILE [-o OUT]
  FILE      a report document: PDF, DOCX or HTML (told by its content)
  -o OUT    write the report text to OUT instead of stdout
exit status: 0 converted, 2 bad usage or an unreadable document`;

export async function convertCommand(argv: string[], io: CliIO): Promise<number> {
  const fail = (message: string, usage = false) => {
    io.stderr(`disclosure-report convert: ${message}\n${usage ? `${CONVERT_USAGE}\n` : ''}`);
    return 2;
  };
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${CONVERT_USAGE}\n`);
    return 0;
  }
  let out: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-o' || a === '--output') {
      out = argv[++i];
      if (out === undefined) return fail(`${a} needs a value`, true);
    } else if (a.startsWith('-o=') || a.startsWith('--output=')) out = a.slice(a.indexOf('=') + 1);
    else if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    } else if (a.startsWith('-') && a !== '-') return fail(`unknown option '${a}'`, true);
    else files.push(a);
  }
  if (files.length !== 1) return fail(files.length ? 'one FILE at a time' : 'no FILE given', true);
  const file = files[0];
  const bytes = await readFileBytes(path.resolve(io.cwd, file));
  if (bytes.kind === 'error') return fail(`${file}: ${bytes.error}`);
  if (bytes.kind === 'text')
    return fail(`${file}: plain text, not a PDF, DOCX or HTML document: it is its own report text (check it as it is)`);
  const c = await convert(bytes.bytes, file);
  if (!c.ok) return fail(`${file}: ${c.message}`);
  for (const w of c.text.warnings) io.stderr(`${file}: warning: ${w}\n`);
  if (out === undefined) {
    io.stdout(c.text.text);
    return 0;
  }
  try {
    fs.writeFileSync(path.resolve(io.cwd, out), c.text.text);
  } catch (e) {
    return fail(`cannot write ${out} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return 0;
}
