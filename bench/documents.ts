// `npm run bench:documents`: the DOCX and HTML readers' speed, warm, per report — read the bytes,
// make the report text (the path `convert` and the editor take), and the same plus the core's
// check; where the time goes (phases timed alone); and a DOCX fix written back (patchDocx).
// Target (issue 8): ≤ 20 ms per report, warm. Writes bench/documents-results.md.
//   BENCH_QUICK=1  fewer repetitions
//   BENCH_SKIP=documents  skip this bench (npm run bench runs it after bench/pdf.ts)
// The readers and the core are timed as they ship: one esbuild bundle, minified (not through tsx).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type * as Entry from './documents-entry';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = join(ROOT, 'test/fixtures/documents');
const QUICK = process.env.BENCH_QUICK === '1';
if ((process.env.BENCH_SKIP ?? '').split(',').includes('documents')) {
  console.log('bench/documents.ts: skipped (BENCH_SKIP=documents)');
  process.exit(0);
}
const bundle = join(ROOT, 'bench/tmp/documents.mjs');
await build({
  entryPoints: [join(ROOT, 'bench/documents-entry.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: bundle,
  logLevel: 'error',
});
const R = (await import(pathToFileURL(bundle).href)) as typeof Entry;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
function time(fn: () => unknown, runs = QUICK ? 30 : 200, budgetMs = QUICK ? 400 : 2500): number {
  for (let i = 0; i < Math.min(20, runs); i++) fn();
  const xs: number[] = [];
  const start = performance.now();
  while (xs.length < runs && (xs.length < 5 || performance.now() - start < budgetMs)) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}
const ms = (x: number) => (x < 1 ? `${(x * 1000).toFixed(0)} µs` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const kb = (b: number) => `${(b / 1024).toFixed(0)} KB`;

interface Row {
  file: string;
  size: string;
  convert: number;
  check: number;
  phases: string;
}
const rows: Row[] = [];

const files = readdirSync(FIXTURES)
  .filter((f) => /\.(docx|html)$/.test(f))
  .sort()
  .map((f) => join(FIXTURES, f));
files.push(join(ROOT, 'test/fixtures/samples/shanghai-office-2019.html'));

console.log('# warm, median per report: read + report text | + check (analyze) | phases');
for (const path of files) {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const bytes = new Uint8Array(readFileSync(path));
  const isDocx = name.endsWith('.docx');
  const convert = () => {
    const d = isDocx ? R.readDocx(bytes) : R.readHtml(bytes);
    if (R.isUnreadable(d)) throw new Error(`${name}: ${d.message}`);
    return R.toReportText(d);
  };
  const tConvert = time(convert);
  const tCheck = time(() => R.analyze(convert().text));
  let phases: string;
  if (isDocx) {
    const part = R.mainPart(bytes);
    const tZip = time(() => R.mainPart(bytes));
    const tScan = time(() => R.scanDocumentXml(part.xml));
    const scan = R.scanDocumentXml(part.xml);
    const doc = { source: 'docx' as const, blocks: scan.blocks, warnings: [] };
    const tText = time(() => R.toReportText(doc));
    const tOffsets = time(() => R.scanDocumentXml(part.xml, { offsets: true }));
    phases = `unzip+inflate ${ms(tZip)} · XML pass ${ms(tScan)} (with offsets ${ms(tOffsets)}) · report text ${ms(tText)} · document.xml ${kb(part.xml.length * 1)}`;
  } else {
    const dec = R.decodeHtml(bytes);
    const tDecode = time(() => R.decodeHtml(bytes));
    const tParse = time(() => R.parse(dec.text));
    const d = R.readHtml(bytes);
    const tText = R.isUnreadable(d) ? 0 : time(() => R.toReportText(d as Entry.ReadDocument));
    phases = `decode (${dec.encoding}) ${ms(tDecode)} · parse5 ${ms(tParse)} · walk ≈ ${ms(Math.max(0, tConvert - tDecode - tParse - tText))} · report text ${ms(tText)}`;
  }
  rows.push({ file: name, size: kb(bytes.length), convert: tConvert, check: tCheck, phases });
  console.log(
    `${tConvert <= 20 ? 'ok' : '!!'} ${name.padEnd(34)} ${kb(bytes.length).padStart(6)}  ${ms(tConvert).padStart(8)} | ${ms(tCheck).padStart(8)} | ${phases}`,
  );
}

// a fix written back: read, check, map the fixes to cells, patch the package
const fixFile = join(FIXTURES, 'docx-2021-wrong-seven.docx');
const fixBytes = new Uint8Array(readFileSync(fixFile));
const tFix = time(() => {
  const rt = R.toReportText(R.readDocx(fixBytes) as Entry.ReadDocument);
  const { edits } = R.docxEdits(rt, R.fixAllEdits(R.analyze(rt.text)));
  return R.patchDocx(fixBytes, edits);
});
console.log(`\n${tFix <= 20 ? 'ok' : '!!'} Recalculate Totals into docx-2021-wrong-seven.docx (read, check, patch, zip): ${ms(tFix)}`);

// a report ten times longer (more prose, the same tables): the cost per byte
const bigText = R.bigReport();
const big = await R.reportDocx(bigText);
const tBig = time(() => R.toReportText(R.readDocx(big) as Entry.ReadDocument), QUICK ? 10 : 50);
console.log(`   a DOCX with 400 prose paragraphs (${kb(big.length)}): read + report text ${ms(tBig)}`);

const worst = Math.max(...rows.map((r) => r.convert));
const cpu = os.cpus();
const machine = `${cpu[0]?.model ?? 'unknown cpu'}, ${cpu.length} cores, Node ${process.version}`;
const md = [
  '# DOCX and HTML readers',
  '',
  `Measured ${new Date().toISOString().replace('T', ' ').slice(0, 16)} UTC by \`npm run bench:documents\`${QUICK ? ' (BENCH_QUICK)' : ''}; ${machine}.`,
  'Warm medians per report, the readers and the core bundled and minified as they ship. Target: ≤ 20 ms per report.',
  '',
  '| | file | size | read + report text | + check | where the time goes |',
  '|---|---|---|---|---|---|',
  ...rows.map(
    (r) => `| ${r.convert <= 20 ? 'ok' : '**missed**'} | ${r.file} | ${r.size} | ${ms(r.convert)} | ${ms(r.check)} | ${r.phases} |`,
  ),
  '',
  `- slowest report: ${ms(worst)} (target ≤ 20 ms: ${worst <= 20 ? 'met' : 'missed'})`,
  `- Recalculate Totals written into a DOCX (read, check, fixes mapped to cells, patch, zip rewritten): ${ms(tFix)}`,
  `- a DOCX with 400 prose paragraphs (${kb(big.length)}): read + report text ${ms(tBig)}`,
  '',
];
writeFileSync(join(ROOT, 'bench/documents-results.md'), md.join('\n'));
console.log('\nwritten: bench/documents-results.md');
