#!/usr/bin/env node
// @ts-check
// `npm test`: every suite that can run on this machine, in order, then one closing line
// "N passed, N failed" that adds them up. Exit 1 when any stage fails.
//   stages: typecheck → lint → build → unit (incl. the architecture test) → protocol → vscode (Node extension host) → web (web worker)
//           → ui (the .vsix in code-server, by mouse and keyboard)
// `npm test -- unit protocol` runs only the named stages (the build always runs first when needed).
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

// Node 20's test runner takes files, not folders or globs
const testsIn = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.test.ts'))
        .sort()
        .map((f) => `${dir}/${f}`)
    : [];
const nodeTest = (dir) => [
  'node',
  '--import',
  'tsx',
  '--test',
  '--test-reporter=spec',
  '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/count-reporter.mjs',
  '--test-reporter-destination=stdout',
  ...testsIn(dir),
];

const STAGES = [
  // the whole tree, then the core alone (no DOM, no Node types) and the readers alone (a web worker's lib)
  { name: 'typecheck', cmd: ['npm', 'run', '--silent', 'typecheck'], counts: false },
  // one formatter and linter for the whole tree (biome.json); `npm run lint -- --write` fixes what it can
  { name: 'lint', cmd: ['npx', 'biome', 'check', '.'], counts: false },
  { name: 'build', cmd: ['node', 'esbuild.mjs'], counts: false },
  { name: 'unit', cmd: nodeTest('test/unit'), counts: 'node' },
  { name: 'protocol', cmd: nodeTest('test/protocol'), counts: 'node' },
  { name: 'vscode', cmd: ['node', 'scripts/run-vscode-tests.mjs'], counts: 'plain', optionalFile: 'scripts/run-vscode-tests.mjs' },
  { name: 'web', cmd: ['node', 'scripts/run-web-tests.mjs'], counts: 'plain', optionalFile: 'scripts/run-web-tests.mjs' },
  // the packaged .vsix in code-server, driven by mouse and keyboard (~40 s); `npm run test:ui` also refreshes docs/*.png
  { name: 'ui', cmd: ['node', 'scripts/ui-smoke.mjs', '--no-screenshots'], counts: 'plain', optionalFile: 'scripts/ui-smoke.mjs' },
];

const wanted = process.argv.slice(2);
const stages = STAGES.filter((s) => (wanted.length ? wanted.includes(s.name) || s.name === 'build' : true)).filter(
  (s) => !s.optionalFile || existsSync(s.optionalFile),
);

function run(stage) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${stage.name}: ${stage.cmd.join(' ')}`);
    const child = spawn(stage.cmd[0], stage.cmd.slice(1), { stdio: ['ignore', 'pipe', 'inherit'], env: process.env });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code) => resolve({ code: code ?? 1, out, seconds: (Date.now() - started) / 1000 }));
  });
}

let passed = 0;
let failed = 0;
const summary = [];
for (const stage of stages) {
  const { code, out, seconds } = await run(stage);
  let p = 0;
  let f = 0;
  if (stage.counts === 'node') {
    const m = /^DR-COUNTS pass=(\d+) fail=(\d+)$/m.exec(out);
    if (m) [p, f] = [Number(m[1]), Number(m[2])];
  } else if (stage.counts === 'plain') {
    const all = [...out.matchAll(/^\w[\w-]*: (\d+) passed, (\d+) failed/gm)];
    const m = all.at(-1);
    if (m) [p, f] = [Number(m[1]), Number(m[2])];
  }
  if (code !== 0 && f === 0) f = 1; // a stage that failed without counting still fails the run
  passed += p;
  failed += f;
  summary.push(
    `${stage.name.padEnd(10)} ${code === 0 ? 'ok  ' : 'FAIL'} ${stage.counts ? `${p} passed, ${f} failed` : ''} (${seconds.toFixed(1)} s)`,
  );
  if (code !== 0 && (stage.name === 'build' || stage.name === 'typecheck')) {
    // later stages would only repeat the same error
    if (stage.name === 'build') break;
  }
}
console.log('\n=== summary');
for (const line of summary) console.log(line);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
