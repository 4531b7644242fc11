// disclosure-report [check] [--format text|json|sarif] [--fix] [--config FILE] [--lang zh|en] PATH...
// disclosure-report convert FILE [-o OUT]   (convert.ts: a document's report text)
// The reviewers' batch checker. It runs the same core as the editor, so both always agree.
// Exit status: 0 no error-severity finding, 1 some, 2 bad usage or an unreadable file (the other
// files are still checked and reported).
//   args.ts  the command line    files.ts  finding and reading reports    output/  one file per --format
//   documents.ts  PDF, DOCX and HTML (the readers, loaded on first use)
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  analyze,
  applyAccept,
  applyEdits,
  type BatchEntry,
  type Config,
  compareReports,
  fixAllEdits,
  loadConfigFile,
  loadConfigFor,
  reportFacts,
} from '../core/index';
import { nodeHost } from '../nodeHost';
import { parseArgs, usage } from './args';
import { convertCommand } from './convert';
import { type Converted, convert, fixDocument, noFixFor, pageLookup, readFileBytes } from './documents';
import { decodeReport, expandPaths } from './files';
import { type FileResult, outputFormat } from './output/index';
import { createProgress } from './progress';

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
  /** stderr is a terminal (process.stderr.isTTY): a batch of more than a few seconds shows its progress there */
  stderrIsTTY?: boolean;
  /** the clock of the progress line, in milliseconds (default Date.now) */
  now?: () => number;
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  if (argv[0] === 'convert') return convertCommand(argv.slice(1), io);
  if (argv.includes('--help') || argv.includes('-h')) {
    io.stdout(`${usage()}\n`);
    return 0;
  }
  const opts = parseArgs(argv, io.env);
  if (typeof opts === 'string') {
    io.stderr(`disclosure-report: ${opts}\n${usage()}\n`);
    return 2;
  }
  // `checked 120/1000 files…` once the run has taken ~2 s, only on a terminal; every other stderr
  // line clears it first, so the two never share a line
  const progress = createProgress({ write: io.stderr, isTTY: io.stderrIsTTY === true, now: io.now ?? Date.now, lang: opts.lang });
  const stderr = (s: string) => {
    progress.clear();
    io.stderr(s);
  };
  let status = 0;
  let forced: Config | undefined;
  /** the folder of the config file each config came from: `accept` file globs are relative to it */
  const configDirs = new Map<Config, string>();
  if (opts.config) {
    const file = path.resolve(io.cwd, opts.config);
    const text = nodeHost.readFile(file);
    if (text === undefined) {
      stderr(`disclosure-report: cannot read config ${opts.config}\n`);
      return 2;
    }
    const r = loadConfigFile(file, text, nodeHost, opts.config);
    for (const e of r.errors) stderr(`disclosure-report: ${e}\n`);
    if (r.errors.length) status = 2;
    forced = r.config;
    configDirs.set(forced, path.dirname(file));
  }
  const configCache = new Map<string, Config>();
  const configFor = (file: string): Config => {
    if (forced) return forced;
    const dir = path.dirname(path.resolve(io.cwd, file));
    let c = configCache.get(dir);
    if (!c) {
      const r = loadConfigFor(dir, nodeHost);
      for (const e of r.errors) stderr(`disclosure-report: ${e}\n`);
      if (r.errors.length) status = 2;
      c = r.config;
      if (r.path) configDirs.set(c, path.dirname(r.path));
      configCache.set(dir, c);
    }
    return c;
  };

  const output = outputFormat(opts.format)!;
  const results: FileResult[] = [];
  // every report of the run, reduced to what the cross-report rules read (not the whole analysis)
  const batch: BatchEntry[] = [];
  const batchResults: FileResult[] = [];
  const checked = new Map<FileResult, { abs: string; config: Config }>();
  const targets = expandPaths(opts.paths, io.cwd);
  for (const [done, t] of targets.entries()) {
    progress.update(done, targets.length);
    if (t.error) {
      results.push({ file: t.file, format: null, diagnostics: [], error: t.error });
      status = 2;
      continue;
    }
    const abs = path.resolve(io.cwd, t.file);
    const file = await readFileBytes(abs);
    if (file.kind === 'error') {
      results.push({ file: t.file, format: null, diagnostics: [], error: file.error, ...(file.source ? { source: file.source } : {}) });
      status = 2;
      continue;
    }
    let text: string;
    let encoding: string | undefined;
    let bom = false;
    let invalidBytes: number | undefined;
    let doc: Extract<Converted, { ok: true }> | undefined;
    if (file.kind === 'text') {
      const read = decodeReport(file.bytes);
      if ('error' in read) {
        if (t.scanned && read.error.startsWith('binary')) {
          results.push({ file: t.file, format: null, diagnostics: [], skipped: read.error });
          continue;
        }
        results.push({ file: t.file, format: null, diagnostics: [], error: read.error });
        status = 2;
        continue;
      }
      ({ text, encoding, bom, invalidBytes } = read);
    } else {
      const c = await convert(file.bytes, t.file);
      if (!c.ok) {
        const base = { file: t.file, format: null, diagnostics: [], ...(file.source ? { source: file.source } : {}) };
        // a zip that is no Word document, met in a folder, is passed over as other binary files are
        const skipped = c.skipped || (t.scanned && file.sniffed.kind === 'zip');
        results.push(skipped ? { ...base, skipped: c.message } : { ...base, error: c.message });
        if (!skipped) status = 2;
        continue;
      }
      doc = c;
      text = c.text.text;
    }
    const config = configFor(t.file);
    let analysis = analyze(text, { config });
    const result: FileResult = {
      file: t.file,
      format: analysis.report.format,
      diagnostics: analysis.findings,
      ...(encoding ? { encoding } : {}),
      ...(output.needsAnalysis ? { analysis } : {}),
      source: doc?.text.source ?? 'text',
      ...(doc?.text.warnings.length ? { warnings: doc.text.warnings } : {}),
    };
    if (doc) result.page = pageLookup(doc.text, doc.readers);
    if (!analysis.report.format) result.skipped = 'not recognised as a disclosure report';
    for (const e of analysis.ruleErrors)
      stderr(`disclosure-report: internal error in rule ${e.code} on ${t.file}: ${e.error.split('\n')[0]}\n`);
    if (opts.fix && analysis.report.format && doc && file.kind === 'document') {
      if (doc.text.source !== 'docx') result.fixSkipped = noFixFor(doc.text.source);
      else {
        const fixed = await fixDocument(abs, file.bytes, doc, fixAllEdits(analysis), config, output.needsAnalysis === true);
        Object.assign(result, fixed.result);
        if (fixed.failed) status = 2;
      }
    } else if (opts.fix && analysis.report.format) {
      const edits = fixAllEdits(analysis);
      if (invalidBytes) {
        // writing the text back would turn the bad bytes into U+FFFD for good: leave the file as it is
        result.fixSkipped = `--fix: not rewritten: the file has ${invalidBytes} byte sequence(s) that are not valid UTF-8; fix them first (e.g. save it again as UTF-8 in an editor)`;
        result.fixes = [];
      } else if (edits.length && encoding !== 'utf-8') {
        result.error = `--fix: not rewritten: the file is ${encoding}, and only UTF-8 files are rewritten`;
        status = 2;
      } else if (edits.length) {
        const body = bom ? text.slice(1) : text;
        const fixed = applyEdits(body, edits);
        const lines = body.split(/\r\n|\r|\n/);
        result.fixes = edits.map((e) => ({
          range: e.range,
          newText: e.newText,
          old: (lines[e.range.start.line] ?? '').slice(e.range.start.character, e.range.end.character),
        }));
        try {
          fs.writeFileSync(abs, (bom ? '\ufeff' : '') + fixed);
          analysis = analyze(fixed, { config });
          result.diagnostics = analysis.findings;
          if (output.needsAnalysis) result.analysis = analysis;
        } catch (e) {
          result.error = `--fix: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`;
          status = 2;
        }
      } else result.fixes = [];
    }
    results.push(result);
    checked.set(result, { abs, config });
    if (analysis.report.format) {
      const facts = reportFacts(analysis);
      if (facts) Object.assign(result, { body: facts.body, year: facts.year });
      batch.push({ file: t.file, facts, config });
      batchResults.push(result);
    }
  }
  progress.clear();
  // carry-over, stock-carry-over, duplicate-report: all files of the run, compared by body + year
  compareReports(batch).forEach((found, i) => {
    if (!found.length) return;
    const r = batchResults[i];
    r.diagnostics = [...r.diagnostics, ...found].sort(
      (a, b) =>
        a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code),
    );
  });

  // accepted findings: left out of the counts and the exit status, listed apart (--no-accept: all shown)
  if (!opts.noAccept) {
    for (const [r, { abs, config }] of checked) {
      const dir = configDirs.get(config);
      if (!config.accept.length || dir === undefined) continue;
      const rel = path.relative(dir, abs).split(path.sep).join('/');
      const split = applyAccept(r.diagnostics, rel, config.accept);
      r.diagnostics = split.findings;
      if (split.accepted.length)
        r.accepted = split.accepted.map((a) => ({ finding: a.finding, ...(a.entry.reason ? { reason: a.entry.reason } : {}) }));
    }
  }

  const hasError = results.some((r) => r.diagnostics.some((d) => d.severity === 'error'));
  if (status === 0 && hasError) status = 1;
  output.write(results, { lang: opts.lang, stdout: io.stdout, stderr });
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
    stderrIsTTY: process.stderr.isTTY === true,
    now: () => performance.now(),
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
