// `npm run fuzz`: the robustness suite of test/unit/fuzz.test.ts, long. FUZZ_RUNS sets the number
// of mutated documents (default 5000), FUZZ_SEED the seed (default: a new one each run, printed so a
// failure can be replayed), FUZZ_MB the size of the repeated-tables file (default 20), FUZZ_DOC_FILES
// the number of mutated PDF/DOCX/HTML files the CLI reads (default 300).
import { defineRobustnessSuite } from '../support/fuzz-suite';

const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;
console.log(`fuzz seed ${seed} (replay with FUZZ_SEED=${seed})`);
defineRobustnessSuite({
  runs: Number(process.env.FUZZ_RUNS ?? 5000),
  seed,
  bigMB: Number(process.env.FUZZ_MB ?? 20),
  limitMs: 5000,
  cliFiles: Number(process.env.FUZZ_CLI_FILES ?? 5000),
  documentFiles: Number(process.env.FUZZ_DOC_FILES ?? 300),
});
