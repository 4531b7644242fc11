// Robustness, bounded for `npm test` (a few seconds): seeded fast-check mutations of the samples
// and of generated reports, edge-case documents, huge numbers, a 2 MB file, and the CLI over a
// folder of thousands of files with unreadable, binary, invalid and non-report files among them,
// and over a folder of mutated PDF, DOCX and HTML documents.
// `npm run fuzz` runs the same properties longer (test/fuzz/fuzz.test.ts).
import { defineRobustnessSuite } from '../support/fuzz-suite';

defineRobustnessSuite({ runs: 300, seed: 20250505, bigMB: 2, limitMs: 2000, cliFiles: 2000, documentFiles: 30 });
