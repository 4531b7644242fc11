// Runs a mocha instance and prints the plain closing line `<name>: N passed, N failed` the runner
// scripts read (mocha's own "N passing" is not one); rejects when a test failed or none ran. Shared
// by the Node extension host's entry (index.ts) and the web worker's (web.ts).
interface MochaLike {
  run(done: (failures: number) => void): { stats?: { passes: number } };
}

export function runWithClosingLine(mocha: MochaLike, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passes = runner.stats?.passes ?? 0;
        console.log(`${name}: ${passes} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else if (passes === 0) reject(new Error('no tests ran'));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
