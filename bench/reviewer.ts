// `npm run bench` (last part): the reviewer's batch. 1,000 reports of 300 bodies × 3–4 years,
// checked with and without the cross-report rules (carry-over must not make a batch quadratic:
// ≤ 1.3×), and the share of a report's check time spent reading its prose (narrative-mismatch: ≤ 10%).
// Writes its section into bench/results.md (after bench.ts has written the file).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import type * as Core from '../server/src/core/index';
import { chain } from '../test/support/chain';
import { generateProse } from '../test/support/prose';
import { rng } from '../test/support/report';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// the core as it ships: bundled and minified (the tsx loader measures up to 2× slower)
const bundle = async (entry: string, out: string) => {
  await build({
    entryPoints: [join(ROOT, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile: join(ROOT, out),
    logLevel: 'error',
  });
  return import(pathToFileURL(join(ROOT, out)).href);
};
const core = (await bundle('server/src/core/index.ts', 'bench/tmp/core-reviewer.mjs')) as typeof Core;
const QUICK = process.env.BENCH_QUICK === '1';

// 300 bodies: 100 with four years (2020–2023), 200 with three (2021–2023) = 1,000 reports, each with
// prose restating its figures among distractors
const texts: string[] = [];
for (let b = 0; b < 300; b++) {
  const agency = `某市第${b + 1}区人民政府`;
  const years = b < 100 ? [2020, 2021, 2022, 2023] : [2021, 2022, 2023];
  for (const y of chain(agency, years, b + 1)) {
    const prose = generateProse(rng(b * 10 + y.year), {
      agency,
      year: y.year,
      table3: y.table3,
      table4: y.table4!,
      normativeInForce: y.format === '2021' ? y.stock.行政规范性文件[2] : undefined,
    });
    texts.push(y.text.replace('（一）主动公开。全年主动公开政府信息若干条。', prose.paragraphs.join('\n\n')));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function timeBatch(cross: boolean): number {
  const start = performance.now();
  const entries: Core.BatchEntry[] = [];
  texts.forEach((t, i) => {
    const a = core.analyze(t);
    if (cross) entries.push({ file: `r${i}.txt`, facts: core.reportFacts(a) });
  });
  if (cross) core.compareReports(entries);
  return performance.now() - start;
}
const runs = QUICK ? 3 : 7;
timeBatch(true);
timeBatch(false);
const withCross: number[] = [];
const without: number[] = [];
for (let i = 0; i < runs; i++) {
  without.push(timeBatch(false));
  withCross.push(timeBatch(true));
}
const tWith = median(withCross);
const tWithout = median(without);
const ratio = tWith / tWithout;

// the prose reading alone, over the same reports' parsed text
const reports = texts.map((t) => core.analyze(t).report);
const proseRuns: number[] = [];
for (let i = 0; i < runs; i++) {
  const s = performance.now();
  for (const r of reports) core.readStatements(r);
  proseRuns.push(performance.now() - s);
}
const share = median(proseRuns) / tWithout;
const found = texts.reduce((n, t) => n + core.analyze(t).findings.length, 0);

const ms = (x: number) => `${x.toFixed(0)} ms`;
const lines = [
  '## Reviewer batch (bench/reviewer.ts)',
  '',
  '| | what | measured | target |',
  '|---|---|---|---|',
  `| ${ratio <= 1.3 ? 'ok' : '**missed**'} | 1,000 reports (300 bodies × 3–4 years): check + carry-over / stock / duplicate vs check alone | ${ms(tWith)} vs ${ms(tWithout)} = ×${ratio.toFixed(2)} | ≤ 1.3× |`,
  `| ${share <= 0.1 ? 'ok' : '**missed**'} | narrative reading's share of the check time (the same 1,000 reports, prose with true statements and distractors) | ${(share * 100).toFixed(1)} % (${ms(median(proseRuns))}) | ≤ 10 % |`,
  '',
  `Median of ${runs} runs each, in one process, the core bundled as it ships; ${found} findings in the batch (the generated reports are consistent: 0 expected).`,
  '',
];
console.log(lines.join('\n'));
const file = join(ROOT, 'bench/results.md');
const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
const head = old.split('\n## Reviewer batch')[0].replace(/\n+$/, '\n');
writeFileSync(file, `${head}\n${lines.join('\n')}`);
