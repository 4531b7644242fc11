// A compact mocha reporter for both extension hosts: one line per test, then each failure's message
// and first stack lines. Every line starts with "‣ " so the runner scripts can tell the suite's
// report from the rest of the workbench's console. Uses only the runner's events (no mocha import),
// so the same code works with mocha's Node build and with its browser build.
interface Runnable {
  title: string;
  duration?: number;
  fullTitle(): string;
  parent?: { title: string };
}
interface Runner {
  on(event: 'pass', cb: (test: Runnable) => void): void;
  on(event: 'fail', cb: (test: Runnable, err: Error) => void): void;
  on(event: 'pending', cb: (test: Runnable) => void): void;
  on(event: 'end', cb: () => void): void;
}

export const MARK = '‣ ';

export class CompactReporter {
  constructor(runner: Runner) {
    const log = (s: string) => console.log(MARK + s);
    const failures: { test: Runnable; err: Error }[] = [];
    let passes = 0;
    const started = Date.now();
    const name = (t: Runnable) => `${t.parent?.title ? `${t.parent.title} › ` : ''}${t.title}`;
    runner.on('pass', (t) => {
      passes++;
      log(`✔ ${name(t)} (${t.duration ?? 0} ms)`);
    });
    runner.on('fail', (t, err) => {
      failures.push({ test: t, err });
      log(`✘ ${name(t)}`);
    });
    runner.on('pending', (t) => log(`- ${name(t)} (skipped)`));
    runner.on('end', () => {
      failures.forEach(({ test, err }, i) => {
        log(`${i + 1}) ${test.fullTitle()}`);
        for (const line of String(err?.message ?? err).split('\n')) log(`   ${line}`);
        // one frame: where in the suite it failed
        const stack = String(err?.stack ?? '')
          .split('\n')
          .filter((l) => /^\s+at /.test(l) && !/node:internal|mocha/.test(l))
          .slice(0, 1);
        for (const line of stack) log(`   ${line.trim()}`);
      });
      log(`${passes} passing, ${failures.length} failing (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    });
  }
}
