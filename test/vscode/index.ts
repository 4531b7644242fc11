// extensionTestsPath module for a Node extension host (@vscode/test-electron's `run()` contract):
// runs mocha on the compiled suite files next to this bundle (dist/test/vscode/suite/*.test.js).
// Used by scripts/run-vscode-tests.mjs (code-server) and scripts/run-desktop-tests.mjs (test-electron).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { runWithClosingLine } from './closing';
import { CompactReporter } from './reporter';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: CompactReporter as unknown as typeof Mocha.reporters.Base });
  const grep = process.env.DR_TEST_GREP;
  if (grep) mocha.grep(grep);
  const dir = path.resolve(__dirname, 'suite');
  for (const f of fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.test.js'))
    .sort())
    mocha.addFile(path.join(dir, f));
  return runWithClosingLine(mocha, 'vscode');
}
