// disclosure-report [check] [--format text|json|sarif] [--fix] [--config FILE] [--lang zh|en] PATH...
// The reviewers' batch checker. It runs the same core as the editor, so both always agree.
// Exit status: 0 no error-severity finding, 1 some, 2 bad usage or an unreadable file (the other
// files are still checked and reported).
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  applyEdits,
  CONFIG_FILE_NAME,
  type Config,
  type ConfigHost,
  type Finding,
  fixAllEdits,
  formatMessage,
  type Lang,
  langOf,
  loadConfigFile,
  loadConfigFor,
  RULE_INFO,
  ruleDocUrl,
  type TextEdit,
} from './core/index';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

const USAGE = `usage: disclosure-report [check] [--format text|json|sarif] [--fix] [--config FILE] [--lang zh|en] PATH...
  PATH      a report file, a folder (searched for *.txt reports) or a glob ("reports/**/*.txt")
  --format  text (default): file:line:col: severity code message; json; sarif
  --fix     rewrite derived cells (总计, （七）, missing totals) in place; every other byte is kept
  --config  a ${CONFIG_FILE_NAME} to use instead of the one found above each report
  --lang    message language (default: from LANG / LC_ALL)
exit status: 0 no error, 1 errors found, 2 bad usage or an unreadable file`;

interface Options {
  format: 'text' | 'json' | 'sarif';
  fix: boolean;
  config?: string;
  lang: Lang;
  paths: string[];
}

function parseArgs(argv: string[], env: CliIO['env']): Options | string {
  const opts: Options = { format: 'text', fix: false, lang: langOf(env.LC_ALL || env.LC_MESSAGES || env.LANG), paths: [] };
  const args = [...argv];
  if (args[0] === 'check') args.shift();
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = (name: string): string | undefined => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = args[++i];
      if (v === undefined) throw new Error(`${name} needs a value`);
      return v;
    };
    try {
      if (a === '--fix') opts.fix = true;
      else if (a === '--format' || a.startsWith('--format=')) {
        const v = value('--format');
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return `unknown --format '${v}' (text, json or sarif)`;
        opts.format = v;
      } else if (a === '--config' || a.startsWith('--config=')) opts.config = value('--config');
      else if (a === '--lang' || a.startsWith('--lang=')) {
        const v = value('--lang');
        if (v !== 'zh' && v !== 'en') return `unknown --lang '${v}' (zh or en)`;
        opts.lang = v;
      } else if (a === '--') {
        opts.paths.push(...args.slice(i + 1));
        i = args.length;
      } else if (a.startsWith('-') && a !== '-') return `unknown option '${a}'`;
      else opts.paths.push(a);
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (!opts.paths.length) return 'no PATH given';
  return opts;
}

// ------------------------------------------------------------------ finding files

const REPORT_EXT = /\.(txt|text)$/i;
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

// ------------------------------------------------------------------ reading

export type ReadResult = { text: string; encoding: 'utf-8' | 'gb18030'; bom: boolean } | { error: string };

export function readReport(file: string): ReadResult {
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { error: code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? (e as Error).message})` };
  }
  if (buf.includes(0)) return { error: 'binary file (contains NUL bytes), not report text' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
    return { text, encoding: 'utf-8', bom: text.charCodeAt(0) === 0xfeff };
  } catch {
    try {
      // many reports are saved in GBK/GB18030 by Chinese Windows tools
      const text = new TextDecoder('gb18030', { fatal: true }).decode(buf);
      if (/[\u4e00-\u9fff]/.test(text)) return { text, encoding: 'gb18030', bom: false };
    } catch {
      /* fall through */
    }
    return { error: 'not UTF-8 or GB18030 text' };
  }
}

// ------------------------------------------------------------------ output

interface FileResult {
  file: string;
  format: string | null;
  diagnostics: Finding[];
  error?: string;
  skipped?: string;
  fixes?: { range: TextEdit['range']; newText: string; old: string }[];
  encoding?: string;
}

function diagJson(f: Finding, lang: Lang): Record<string, unknown> {
  const o: Record<string, unknown> = { code: f.code, severity: f.severity, message: formatMessage(f, lang), range: f.range };
  if (f.table !== undefined) o.table = f.table;
  if (f.block !== undefined) o.block = f.block;
  if (f.row !== undefined) o.row = f.row;
  if (f.column !== undefined) o.column = f.column;
  if (f.expected !== undefined) o.expected = f.expected;
  if (f.actual !== undefined) o.actual = f.actual;
  return o;
}

function toJson(results: FileResult[], lang: Lang): string {
  const files = results.map((r) => {
    const o: Record<string, unknown> = { file: r.file, format: r.format, diagnostics: r.diagnostics.map((d) => diagJson(d, lang)) };
    if (r.error) o.error = r.error;
    if (r.skipped) o.skipped = r.skipped;
    if (r.fixes) o.fixes = r.fixes;
    if (r.encoding && r.encoding !== 'utf-8') o.encoding = r.encoding;
    return o;
  });
  return `${JSON.stringify({ version: 1, files }, null, 2)}\n`;
}

function toSarif(results: FileResult[], lang: Lang): string {
  const level = (s: Finding['severity']) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'note');
  const run = {
    tool: {
      driver: {
        name: 'disclosure-report',
        informationUri: ruleDocUrl('').replace(/#$/, ''),
        rules: RULE_INFO.map((r) => ({
          id: r.code,
          shortDescription: { text: r.description[lang] },
          helpUri: ruleDocUrl(r.code),
          defaultConfiguration: { level: level(r.severity) },
        })),
      },
    },
    columnKind: 'utf16CodeUnits',
    results: results.flatMap((r) =>
      r.diagnostics.map((d) => ({
        ruleId: d.code,
        level: level(d.severity),
        message: { text: formatMessage(d, lang) },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { uri: r.file.split(path.sep).join('/') },
              region: {
                startLine: d.range.start.line + 1,
                startColumn: d.range.start.character + 1,
                endLine: d.range.end.line + 1,
                endColumn: d.range.end.character + 1,
              },
            },
          },
        ],
        properties: Object.fromEntries(
          Object.entries({ table: d.table, row: d.row, column: d.column, expected: d.expected, actual: d.actual }).filter(
            ([, v]) => v !== undefined,
          ),
        ),
      })),
    ),
    invocations: [
      {
        executionSuccessful: !results.some((r) => r.error),
        toolExecutionNotifications: results
          .filter((r) => r.error || r.skipped)
          .map((r) => ({ level: r.error ? 'error' : 'note', message: { text: `${r.file}: ${r.error ?? r.skipped}` } })),
      },
    ],
  };
  return `${JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2)}\n`;
}

// ------------------------------------------------------------------ main

const nodeHost: ConfigHost = {
  readFile: (p) => {
    try {
      return fs.readFileSync(p, 'utf8');
    } catch {
      return undefined;
    }
  },
  dirname: path.dirname,
  join: path.join,
};

export async function main(argv: string[], io: CliIO): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${USAGE}\n`);
    return 0;
  }
  const opts = parseArgs(argv, io.env);
  if (typeof opts === 'string') {
    io.stderr(`disclosure-report: ${opts}\n${USAGE}\n`);
    return 2;
  }
  let status = 0;
  let forced: Config | undefined;
  if (opts.config) {
    const file = path.resolve(io.cwd, opts.config);
    const text = nodeHost.readFile(file);
    if (text === undefined) {
      io.stderr(`disclosure-report: cannot read config ${opts.config}\n`);
      return 2;
    }
    const r = loadConfigFile(file, text, nodeHost, opts.config);
    for (const e of r.errors) io.stderr(`disclosure-report: ${e}\n`);
    if (r.errors.length) status = 2;
    forced = r.config;
  }
  const configCache = new Map<string, Config>();
  const configFor = (file: string): Config => {
    if (forced) return forced;
    const dir = path.dirname(path.resolve(io.cwd, file));
    let c = configCache.get(dir);
    if (!c) {
      const r = loadConfigFor(dir, nodeHost);
      for (const e of r.errors) io.stderr(`disclosure-report: ${e}\n`);
      if (r.errors.length) status = 2;
      c = r.config;
      configCache.set(dir, c);
    }
    return c;
  };

  const targets = expandPaths(opts.paths, io.cwd);
  const results: FileResult[] = [];
  for (const t of targets) {
    if (t.error) {
      results.push({ file: t.file, format: null, diagnostics: [], error: t.error });
      status = 2;
      continue;
    }
    const abs = path.resolve(io.cwd, t.file);
    const read = readReport(abs);
    if ('error' in read) {
      if (t.scanned && read.error.startsWith('binary')) {
        results.push({ file: t.file, format: null, diagnostics: [], skipped: read.error });
        continue;
      }
      results.push({ file: t.file, format: null, diagnostics: [], error: read.error });
      status = 2;
      continue;
    }
    const config = configFor(t.file);
    let analysis = analyze(read.text, { config });
    const result: FileResult = { file: t.file, format: analysis.report.format, diagnostics: analysis.findings, encoding: read.encoding };
    if (!analysis.report.format) result.skipped = 'not recognised as a disclosure report';
    for (const e of analysis.ruleErrors)
      io.stderr(`disclosure-report: internal error in rule ${e.code} on ${t.file}: ${e.error.split('\n')[0]}\n`);
    if (opts.fix && analysis.report.format) {
      const edits = fixAllEdits(analysis);
      if (edits.length && read.encoding !== 'utf-8') {
        result.error = `--fix: not rewritten: the file is ${read.encoding}, and only UTF-8 files are rewritten`;
        status = 2;
      } else if (edits.length) {
        const body = read.bom ? read.text.slice(1) : read.text;
        const fixed = applyEdits(body, edits);
        const lines = body.split(/\r\n|\r|\n/);
        result.fixes = edits.map((e) => ({
          range: e.range,
          newText: e.newText,
          old: (lines[e.range.start.line] ?? '').slice(e.range.start.character, e.range.end.character),
        }));
        try {
          fs.writeFileSync(abs, (read.bom ? '\ufeff' : '') + fixed);
          analysis = analyze(fixed, { config });
          result.diagnostics = analysis.findings;
        } catch (e) {
          result.error = `--fix: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
          status = 2;
        }
      } else result.fixes = [];
    }
    results.push(result);
  }

  const hasError = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  if (status === 0 && hasError) status = 1;

  if (opts.format === 'json') io.stdout(toJson(results, opts.lang));
  else if (opts.format === 'sarif') io.stdout(toSarif(results, opts.lang));
  else {
    let errors = 0;
    let warnings = 0;
    for (const r of results) {
      if (r.error) io.stderr(`${r.file}: error: ${r.error}\n`);
      if (r.skipped) io.stderr(`${r.file}: skipped: ${r.skipped}\n`);
      for (const f of r.fixes ?? []) {
        io.stdout(
          `${r.file}:${f.range.start.line + 1}:${f.range.start.character + 1}: fixed: ${f.old ? `${f.old} → ` : 'inserted '}${f.newText.replace(/\t/g, '')}\n`,
        );
      }
      for (const d of r.diagnostics) {
        if (d.severity === 'error') errors++;
        else if (d.severity === 'warning') warnings++;
        io.stdout(
          `${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code} ${formatMessage(d, opts.lang)}\n`,
        );
      }
    }
    const checked = results.filter((r) => !r.error && !r.skipped).length;
    const skippedCount = results.filter((r) => r.skipped).length;
    const unreadable = results.filter((r) => r.error).length;
    io.stderr(
      opts.lang === 'zh'
        ? `检查了 ${checked} 个文件：${errors} 个错误，${warnings} 个警告${skippedCount ? `；跳过 ${skippedCount} 个非年报文件` : ''}${unreadable ? `；${unreadable} 个文件无法读取` : ''}\n`
        : `${checked} file(s) checked: ${errors} error(s), ${warnings} warning(s)${skippedCount ? `; ${skippedCount} skipped (not reports)` : ''}${unreadable ? `; ${unreadable} unreadable` : ''}\n`,
    );
  }
  return status;
}

/** Runs the CLI in this process (bin/disclosure-report.js and `node dist/cli.js`). */
export function run(): void {
  // `disclosure-report … | head`: the reader went away; stop quietly instead of crashing on EPIPE
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  main(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    cwd: process.cwd(),
    env: process.env,
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`disclosure-report: internal error: ${e instanceof Error ? e.stack : e}\n`);
      process.exitCode = 2;
    },
  );
}

declare const require: { main: unknown } | undefined;
declare const module: unknown;
if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) run();
