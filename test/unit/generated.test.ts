// What derives from the rule list and the templates agrees with them: the manifest's settings, the
// nls keys, the published JSON Schemas (all written by `npm run generate`) and docs/rules.md.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { generatedFiles, ROOT } from '../../scripts/generate';
import { RULE_CODES, TEMPLATES } from '../../server/src/core/index';

const STALE = 'is stale: run `npm run generate` and commit the result';

for (const [file, content] of Object.entries(generatedFiles())) {
  test(`${file} is what npm run generate writes from the rule list and the templates`, () => {
    const onDisk = JSON.parse(readFileSync(join(ROOT, file), 'utf8'));
    assert.deepEqual(onDisk, content, `${file} ${STALE}`);
  });
}

test('the manifest lists every rule and every built-in format, in order', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const props = pkg.contributes.configuration.properties;
  assert.deepEqual(Object.keys(props['disclosureReport.rules'].properties), RULE_CODES, `package.json ${STALE}`);
  assert.deepEqual(props['disclosureReport.format'].enum, ['auto', ...TEMPLATES.map((t) => t.id)], `package.json ${STALE}`);
  assert.deepEqual(
    pkg.contributes.jsonValidation.map((v: { url: string }) => v.url),
    ['./schemas/disclosure-report.schema.json', './schemas/template.schema.json'],
  );
});

test('docs/rules.md has one section per rule, in the list order, and its table links each', () => {
  const doc = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
  const headings = [...doc.matchAll(/^## (\S+)\s*$/gm)].map((m) => m[1]);
  assert.deepEqual(headings, RULE_CODES, 'the ## headings of docs/rules.md (ruleDocUrl links to them)');
  const linked = [...doc.matchAll(/^\| \[([a-z-]+)\]\(#([a-z-]+)\)/gm)].map((m) => {
    assert.equal(m[1], m[2], `the table's link to ${m[1]}`);
    return m[1];
  });
  assert.deepEqual(linked, RULE_CODES, "the summary table's rows");
});
