// `npm run bench` (after bench.ts), or `npm run bench:pdf`: the PDF reader's speed, beside poppler's
// `pdftotext -layout` over the same files in the same run. Writes bench/pdf-results.md.
// The reader is timed as it ships: one esbuild bundle (minified) of the reader, the report-text step
// and the core. The PDFs: ≥ 50 reports drawn at bench time with pdfkit from the report generator
// (every drawing option of test/support/documents/pdf.ts, both formats), plus the committed ones
// (test/fixtures/pdf, the LibreOffice PDFs of test/fixtures/documents, huaian-2024.pdf).
//   BENCH_QUICK=1       fewer PDFs and repetitions
//   BENCH_SKIP=pdf      skip this bench
//   BENCH_PDF_PROFILE=1 also profile the batch run (node --cpu-prof) and print where the time goes
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type { analyze } from '../server/src/core/index';
import type { readPdf } from '../server/src/readers/pdf/index';
import type { toReportText } from '../server/src/readers/report-text';
import { type PdfOptions, reportPdf } from '../test/support/documents/pdf';
import { type Plant, plantedReport } from '../test/support/documents/plant';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TMP = join(ROOT, 'bench/tmp');
const QUICK = process.env.BENCH_QUICK === '1';
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
if (SKIP.has('pdf')) {
  console.log('bench/pdf.ts: skipped (BENCH_SKIP=pdf)');
  process.exit(0);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const fmtMs = (ms: number) => (ms < 1000 ? `${ms.toFixed(ms < 10 ? 1 : 0)} ms` : `${(ms / 1000).toFixed(2)} s`);
interface Row {
  what: string;
  measured: string;
  target: string;
  ok: boolean | null;
}
const rows: Row[] = [];
const notes: string[] = [];
function row(what: string, measured: string, target: string, ok: boolean | null) {
  rows.push({ what, measured, target, ok });
  console.log(`${ok === null ? '  ' : ok ? 'ok' : '!!'} ${what.padEnd(52)} ${measured.padEnd(40)} ${target}`);
}

// ------------------------------------------------------------------ the reader as shipped
mkdirSync(TMP, { recursive: true });
const ENTRY = [
  "export { readPdf } from '../../server/src/readers/pdf/index.ts';",
  "export { toReportText } from '../../server/src/readers/report-text.ts';",
  "export { analyze } from '../../server/src/core/index.ts';",
].join('\n');
async function bundle(outfile: string, minify: boolean) {
  await build({
    stdin: { contents: ENTRY, resolveDir: TMP, loader: 'ts', sourcefile: 'pdf-entry.ts' },
    bundle: true,
    minify,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'error',
    // pdf.js's optional native canvas is not bundled, as in the shipped bundles
    external: ['@napi-rs/canvas'],
  });
}
const readerBundle = join(TMP, 'pdf-reader.mjs');
await bundle(readerBundle, true);
interface Reader {
  readPdf: typeof readPdf;
  toReportText: typeof toReportText;
  analyze: typeof analyze;
}
const reader = (await import(pathToFileURL(readerBundle).href)) as Reader;

// ------------------------------------------------------------------ the PDFs
const PDF_DIR = join(TMP, 'pdf');
rmSync(PDF_DIR, { recursive: true, force: true });
mkdirSync(PDF_DIR, { recursive: true });
const VARIANTS: PdfOptions[] = [
  {},
  { openBreak: true },
  { borders: 'rects', repeatHeader: true },
  { text: 'glyph' },
  { text: 'tight' },
  { borders: 'none' },
  { rotate: true },
  { vertical: 'font' },
];
const PLANTS: Plant[] = ['clean', 'wrong-total', 'blank-total', 'broken-balance', 'wrong-seven', 'full-width'];
const PROSE = Array.from(
  { length: 12 },
  (_, i) =>
    `（${i + 1}）严格落实政府信息公开条例，围绕中心工作，及时准确公开各类政府信息，组织开展政务公开业务培训，全年发布信息${i + 7}条。`,
);
const generatedCount = QUICK ? 16 : 56;
const started = performance.now();
for (let i = 0; i < generatedCount; i++) {
  const format = i % 3 === 2 ? '2019' : '2021';
  const text = plantedReport(100 + i, format, PLANTS[i % PLANTS.length], PROSE.slice(0, i % 13));
  writeFileSync(
    join(PDF_DIR, `gen-${String(i).padStart(2, '0')}.pdf`),
    await reportPdf(text, { ...VARIANTS[i % VARIANTS.length], seed: i }),
  );
}
console.log(`# ${generatedCount} report PDFs drawn with pdfkit in ${fmtMs(performance.now() - started)}`);
const committed = [
  ...['test/fixtures/pdf', 'test/fixtures/documents'].flatMap((d) =>
    readdirSync(join(ROOT, d))
      .filter((f) => f.endsWith('.pdf') && !/scan|mojibake|encrypted/.test(f))
      .map((f) => join(ROOT, d, f)),
  ),
  ...(existsSync(join(ROOT, '../shared/samples/huaian-2024.pdf')) ? [join(ROOT, '../shared/samples/huaian-2024.pdf')] : []),
];
const files = [...readdirSync(PDF_DIR).map((f) => join(PDF_DIR, f)), ...committed];
const bytes = files.map((f) => new Uint8Array(readFileSync(f)));
console.log(
  `# ${files.length} PDFs (${generatedCount} generated, ${committed.length} committed), ${(bytes.reduce((s, b) => s + b.length, 0) / 1024 / 1024).toFixed(1)} MB`,
);

// ------------------------------------------------------------------ 1. warm, per report
console.log('\n# warm process: per report');
let unreadable = 0;
const totals = { open: 0, text: 0, operators: 0, layout: 0, pages: 0, operatorPages: 0 };
const readTimes: number[] = [];
const fullTimes: number[] = [];
const rounds = QUICK ? 2 : 4;
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < files.length; i++) {
    const stats = { open: 0, text: 0, operators: 0, layout: 0, pages: 0, operatorPages: 0 };
    const t0 = performance.now();
    const doc = await reader.readPdf(bytes[i], { stats });
    const t1 = performance.now();
    if ('unreadable' in doc) {
      if (round === 0) {
        unreadable++;
        notes.push(`unreadable: ${files[i]}: ${doc.message}`);
      }
      continue;
    }
    reader.analyze(reader.toReportText(doc).text);
    const t2 = performance.now();
    if (round === 0) continue; // the first round warms up
    readTimes.push(t1 - t0);
    fullTimes.push(t2 - t0);
    for (const k of Object.keys(totals) as (keyof typeof totals)[]) totals[k] += stats[k];
  }
}
const readMedian = median(readTimes);
row('reader, median per report (warm)', fmtMs(readMedian), '', null);
row('reader + report text + check, median per report', fmtMs(median(fullTimes)), '', null);
const all = totals.open + totals.text + totals.operators + totals.layout;
const pct = (x: number) => `${((100 * x) / all).toFixed(0)} %`;
row(
  'where the reader’s time goes (warm)',
  `text ${pct(totals.text)}, drawing ${pct(totals.operators)}, open ${pct(totals.open)}, own ${pct(totals.layout)}`,
  '',
  null,
);
row(
  'pages whose drawing was read (all)',
  `${totals.operatorPages} of ${totals.pages}`,
  'only table pages',
  totals.operatorPages < totals.pages,
);
const huaian = files.findIndex((f) => f.endsWith('huaian-2024.pdf'));
if (huaian >= 0) {
  const stats = { open: 0, text: 0, operators: 0, layout: 0, pages: 0, operatorPages: 0 };
  await reader.readPdf(bytes[huaian], { stats });
  row(
    'huaian-2024.pdf: pages whose drawing was read',
    `${stats.operatorPages} of ${stats.pages}`,
    'its 3 table pages',
    stats.operatorPages === 3,
  );
}
if (unreadable) row('unreadable among them', String(unreadable), '0', unreadable === 0);

// ------------------------------------------------------------------ 2. batch, beside poppler
console.log('\n# the batch: one process reading every PDF (start-up included), beside pdftotext -layout');
const listFile = join(TMP, 'pdf-files.json');
writeFileSync(listFile, JSON.stringify(files));
const batchScript = join(TMP, 'pdf-batch.mjs');
writeFileSync(
  batchScript,
  [
    "import { readFileSync } from 'node:fs';",
    'const [bundle, list] = process.argv.slice(2);',
    'const r = await import(bundle);',
    "for (const f of JSON.parse(readFileSync(list, 'utf8'))) {",
    '  const doc = await r.readPdf(new Uint8Array(readFileSync(f)));',
    "  if (!('unreadable' in doc)) r.toReportText(doc);",
    '}',
  ].join('\n'),
);
const batch = (bundleFile: string, extra: string[] = []) => {
  const t = performance.now();
  const out = spawnSync(process.execPath, [...extra, batchScript, pathToFileURL(bundleFile).href, listFile], { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`batch failed: ${out.stderr}`);
  return performance.now() - t;
};
const batchMs = median(Array.from({ length: QUICK ? 1 : 3 }, () => batch(readerBundle)));
const poppler = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
if (poppler.error) {
  row(`reader over ${files.length} PDFs, one process`, fmtMs(batchMs), '', null);
  notes.push('pdftotext (poppler-utils) is not installed: the comparison with poppler was skipped');
  console.log('   pdftotext not found: comparison skipped');
} else {
  const popplerRun = () => {
    const t = performance.now();
    for (const f of files) spawnSync('pdftotext', ['-layout', f, '/dev/null']);
    return performance.now() - t;
  };
  const popplerMs = median(Array.from({ length: QUICK ? 1 : 3 }, popplerRun));
  const ratio = batchMs / popplerMs;
  row(`reader over ${files.length} PDFs, one process`, fmtMs(batchMs), '', null);
  row(`pdftotext -layout over the same ${files.length}`, fmtMs(popplerMs), '', null);
  row('reader ÷ poppler (batch)', `×${ratio.toFixed(1)}`, '≤ 10× (aim ≤ 3×)', ratio <= 10);
  // the command as a reviewer runs it: the shipped CLI (dist/cli.js, which loads dist/readers.cjs on
  // the first PDF) over the same files in one process, start-up included
  const cliJs = join(ROOT, 'dist/cli.js');
  if (existsSync(cliJs) && existsSync(join(ROOT, 'dist/readers.cjs'))) {
    const cliRun = () => {
      const t = performance.now();
      const out = spawnSync(process.execPath, [cliJs, 'check', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 1 << 28 });
      if (out.status === 2) notes.push(`the CLI found an unreadable file: ${out.stderr.split('\n')[0]}`);
      return performance.now() - t;
    };
    const cliMs = median(Array.from({ length: QUICK ? 1 : 3 }, cliRun));
    row(`disclosure-report check over the same ${files.length} (dist/cli.js)`, fmtMs(cliMs), '', null);
    row('CLI ÷ poppler', `×${(cliMs / popplerMs).toFixed(1)}`, '≤ 10× (aim ≤ 3×)', cliMs / popplerMs <= 10);
  } else notes.push('dist/cli.js or dist/readers.cjs missing (run `node esbuild.mjs`): the CLI row was skipped');
  const perFile = (popplerMs / files.length) as number;
  row(
    'reader warm per report ÷ pdftotext per file',
    `×${(readMedian / perFile).toFixed(1)} (${fmtMs(readMedian)} vs ${fmtMs(perFile)})`,
    '',
    null,
  );
}

// ------------------------------------------------------------------ 3. profile
if (process.env.BENCH_PDF_PROFILE === '1') {
  console.log('\n# profile of the batch (node --cpu-prof, an unminified bundle)');
  const plain = join(TMP, 'pdf-reader-plain.mjs');
  await bundle(plain, false);
  const profDir = join(TMP, 'pdf-prof');
  rmSync(profDir, { recursive: true, force: true });
  batch(plain, ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
  const prof = JSON.parse(readFileSync(join(profDir, readdirSync(profDir)[0]), 'utf8')) as CpuProfile;
  for (const line of summarise(prof, plain)) console.log(`   ${line}`);
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** self time per source module of the bundle (esbuild marks each with a `// path` comment) and per pdf.js function */
function summarise(p: CpuProfile, bundleFile: string): string[] {
  const marks: { line: number; module: string }[] = [];
  readFileSync(bundleFile, 'utf8')
    .split('\n')
    .forEach((l, i) => {
      const m = /^\/\/ (\S+\.(?:m?js|ts))$/.exec(l);
      if (m) marks.push({ line: i, module: m[1].replace(/^.*node_modules\//, '') });
    });
  const moduleAt = (line: number) => {
    let lo = 0;
    let hi = marks.length - 1;
    let best = '(bundle)';
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (marks[mid].line <= line) {
        best = marks[mid].module;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  };
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  });
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const n of p.nodes) {
    const t = self.get(n.id) ?? 0;
    if (!t) continue;
    total += t;
    const inBundle = n.callFrame.url.endsWith(bundleFile.split('/').pop()!);
    const module = inBundle ? moduleAt(n.callFrame.lineNumber) : n.callFrame.url ? 'node internals' : n.callFrame.functionName;
    byModule.set(module, (byModule.get(module) ?? 0) + t);
    const fn = `${n.callFrame.functionName || '(anonymous)'} [${module.split('/').pop()}]`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + t);
  }
  const top = (m: Map<string, number>, k: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, k)
      .map(([name, t]) => `${((100 * t) / total).toFixed(1).padStart(5)} %  ${name}`);
  return ['self time by module:', ...top(byModule, 14), 'self time by function:', ...top(byFunction, 16)];
}

// ------------------------------------------------------------------ results
const machine = `${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length}, ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB, Node ${process.version}, ${os.platform()}`;
const md = [
  '# PDF bench results',
  '',
  `${new Date().toISOString().slice(0, 10)} · ${machine}${QUICK ? ' · BENCH_QUICK' : ''}`,
  '',
  '| | measured | target | |',
  '|---|---|---|---|',
  ...rows.map((r) => `| ${r.what} | ${r.measured} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'met' : '**missed**'} |`),
  '',
  ...notes.map((n) => `- ${n}`),
  '',
];
writeFileSync(join(ROOT, 'bench/pdf-results.md'), md.join('\n'));
console.log(`\n${machine}\nwritten: bench/pdf-results.md`);
