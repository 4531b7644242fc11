// extensionTestsPath module for the WEB extension host (VS Code for the web, scripts/run-web-tests.mjs).
// scripts/build-tests.mjs bundles it behind a generated entry that imports ./web-setup (mocha's
// browser build), then every file of suite/ in order, then this module: a new suite file runs on
// both hosts without being listed anywhere. Built with define {module:'undefined',
// exports:'undefined'} (mocha's UMD wrapper would otherwise replace this bundle's exports, see
// ../shared/e2e/FINDINGS.md).
import { runWithClosingLine } from './closing';

declare const mocha: Parameters<typeof runWithClosingLine>[0];

export function run(): Promise<void> {
  return runWithClosingLine(mocha, 'web');
}
