#!/usr/bin/env node
import { existsSync } from 'node:fs';
// The CLI's entry point: the bundled checker in dist/cli.js (built by `npm install` via the
// prepare script, or by `npm run build`).
import { createRequire } from 'node:module';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('disclosure-report: dist/cli.js is missing: run `npm install` or `npm run build` first\n');
  process.exit(2);
}
createRequire(import.meta.url)(cli.pathname).run();
