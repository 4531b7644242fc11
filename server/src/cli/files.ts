// Finding the reports (files, folders searched for *.txt and documents, globs) and reading them
// (UTF-8, else GB18030, which Chinese Windows tools save; a few bad bytes in UTF-8 read as U+FFFD, as
// the editor reads them; binary files refused, saying what they are). Documents (PDF,
// DOCX, HTML; legacy .doc/.wps, to say what to do with them) are told by content: documents.ts.
import * as fs from 'node:fs';
import * as path from 'node:path';

const REPORT_EXT = /\.(txt|text|pdf|docx|html|htm|mht|mhtml|doc|wps)$/i;
const SKIP_DIRS = new Set(['node_modules', '.git', '.vscode-test', 'dist']);

function globToRegExp(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        re += glob[i + 2] === '/' ? '(?:.*/)?' : '.*';
        i += glob[i + 2] === '/' ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

function walk(dir: string, out: string[], skipped: { file: string; reason: string }[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    skipped.push({ file: dir, reason: `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(p, out, skipped);
    } else if ((e.isFile() || e.isSymbolicLink()) && REPORT_EXT.test(e.name)) out.push(p);
  }
}

export interface Target {
  file: string;
  /** found by scanning a folder or glob (non-reports are skipped quietly) rather than named */
  scanned: boolean;
  /** the path could not be used (absent, a broken link, an unreadable folder) */
  error?: string;
}

export function expandPaths(paths: string[], cwd: string): Target[] {
  const targets: Target[] = [];
  const skipped: { file: string; reason: string }[] = [];
  const missing = { push: (p: string, why = 'no such file or folder') => targets.push({ file: p, scanned: false, error: why }) };
  const seen = new Set<string>();
  const add = (file: string, scanned: boolean) => {
    const key = path.resolve(cwd, file);
    if (!seen.has(key)) {
      seen.add(key);
      targets.push({ file, scanned });
    }
  };
  for (const p of paths) {
    if (/[*?]/.test(p)) {
      const norm = p.split(path.sep).join('/');
      const firstGlob = norm.search(/[*?]/);
      const baseEnd = norm.lastIndexOf('/', firstGlob);
      const base = baseEnd >= 0 ? norm.slice(0, baseEnd) || '/' : '.';
      const files: string[] = [];
      walk(path.resolve(cwd, base), files, skipped);
      const re = globToRegExp(norm.startsWith('/') ? norm : path.posix.join(base === '.' ? '' : base, norm.slice(baseEnd + 1)));
      const matched = files
        .map((f) => path.relative(cwd, f).split(path.sep).join('/'))
        .filter((f) => re.test(f) || re.test(path.resolve(cwd, f)));
      if (!matched.length) missing.push(p);
      for (const f of matched) add(f, true);
      continue;
    }
    let st: fs.Stats;
    try {
      st = fs.statSync(path.resolve(cwd, p));
    } catch {
      let link = false;
      try {
        link = fs.lstatSync(path.resolve(cwd, p)).isSymbolicLink();
      } catch {
        /* absent */
      }
      missing.push(p, link ? 'broken symbolic link' : undefined);
      continue;
    }
    if (st.isDirectory()) {
      const files: string[] = [];
      walk(path.resolve(cwd, p), files, skipped);
      for (const f of files) add(path.relative(cwd, f) || f, true);
    } else add(p, false);
    for (const s of skipped.splice(0)) targets.push({ file: s.file, scanned: true, error: s.reason });
  }
  return targets;
}

export type ReadResult =
  | {
      text: string;
      encoding: 'utf-8' | 'gb18030';
      bom: boolean;
      /** bytes that are not UTF-8 were read as U+FFFD, as the editor reads them: how many sequences */
      invalidBytes?: number;
    }
  | { error: string };

/** what a binary file's first bytes say it is */
const MAGIC: { what: string; bytes: number[] }[] = [
  { what: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { what: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { what: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { what: 'a BMP image', bytes: [0x42, 0x4d] },
  { what: 'a zip archive', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { what: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { what: 'a 7z archive', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { what: 'a RAR archive', bytes: [0x52, 0x61, 0x72, 0x21] },
  { what: 'a legacy Office (.doc/.wps) file', bytes: [0xd0, 0xcf, 0x11, 0xe0] },
];

/**
 * A few bad sequences among valid UTF-8 (a download cut short, a bad copy) are read as the editor
 * reads them; more than this is another encoding or not text at all.
 */
function fewBad(bad: number, bytes: number): boolean {
  return bad * 50 <= bytes && bad <= Math.max(8, Math.floor(bytes / 2000));
}

export function readReport(file: string): ReadResult {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? (e as Error).message})` };
  }
  return decodeReport(buf);
}

/** a text report's bytes as text */
export function decodeReport(buf: Buffer): ReadResult {
  const magic = MAGIC.find((m) => m.bytes.every((b, i) => buf[i] === b));
  if (magic && (magic.bytes.length > 2 || buf.includes(0))) return { error: `binary file (${magic.what}), not report text` };
  if (buf.includes(0)) return { error: 'binary file (contains NUL bytes), not report text' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
    return { text, encoding: 'utf-8', bom: text.charCodeAt(0) === 0xfeff };
  } catch {
    // as VS Code opens it: each bad sequence as U+FFFD (those already in the file are not counted)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf);
    const bad = countReplacements(text) - countReplacementBytes(buf);
    if (fewBad(bad, buf.length)) return { text, encoding: 'utf-8', bom: text.charCodeAt(0) === 0xfeff, invalidBytes: bad };
    try {
      // many reports are saved in GBK/GB18030 by Chinese Windows tools
      const gb = new TextDecoder('gb18030', { fatal: true }).decode(buf);
      if (/[\u4e00-\u9fff]/.test(gb)) return { text: gb, encoding: 'gb18030', bom: false };
    } catch {
      /* fall through */
    }
    return { error: 'not UTF-8 or GB18030 text' };
  }
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** U+FFFD written in the file itself, as the valid UTF-8 bytes EF BF BD */
function countReplacementBytes(buf: Buffer): number {
  let n = 0;
  for (let i = buf.indexOf(0xef); i >= 0 && i + 2 < buf.length; i = buf.indexOf(0xef, i + 1))
    if (buf[i + 1] === 0xbf && buf[i + 2] === 0xbd) n++;
  return n;
}
