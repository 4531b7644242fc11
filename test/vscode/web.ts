// extensionTestsPath module for the WEB extension host (VS Code for the web, scripts/run-web-tests.mjs).
// Bundled with mocha's browser build; imports run in order, so mocha is set up before the suite
// files register their tests. Built with define {module:'undefined', exports:'undefined'} (mocha's
// UMD wrapper would otherwise replace this bundle's exports, see ../shared/e2e/FINDINGS.md).
import './web-setup';
import './suite/diagnostics.test';
import './suite/features.test';
import './suite/language.test';
import './suite/recalculate.test';
import './suite/tableView.test';

declare const mocha: { run(done: (failures: number) => void): { stats?: { passes: number } } };

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const passes = runner.stats?.passes ?? 0;
        console.log(`web: ${passes} passed, ${failures} failed`);
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else if (passes === 0) reject(new Error('no tests ran'));
        else resolve();
      });
    } catch (err) {
      reject(err);
    }
  });
}
