// Property: a generated report whose rows lost their separators (crawled text: `label<TAB>270020130`,
// the label glued to the digits, table 四's 15 values as one run, full-width digits) never gives an arithmetic finding
// the clean text does not: consistent, none at all; with one number changed, only findings the clean
// text gives too. Fix-all never touches a glued line (its cells were inferred), and the property is
// not vacuous: many runs do read glued rows (a glued-digits finding).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, codesTagged, fixAllEdits } from '../../server/src/core/index';
import * as messy from '../support/messy';
import { consistentTable3, consistentTable4, renderReport, rng } from '../support/report';
import { findingKey } from './helpers';

/** findings about numbers: the arithmetic rules, the rules about a cell, and surplus cells */
const ARITHMETIC = [...new Set([...codesTagged('arithmetic'), ...codesTagged('cell'), 'extra-cell'])];

const STYLES: Record<string, (text: string) => string> = {
  'label<TAB>digits': (t) => messy.gluedRows(t),
  'label glued to digits': (t) => messy.gluedRows(t, ''),
  'label<SPACE>digits': (t) => messy.gluedRows(t, ' '),
  'table 四 as one run': messy.gluedTable4,
  'both tables': (t) => messy.gluedTable4(messy.gluedRows(t)),
  'both tables, full-width digits': (t) => messy.fullWidthTables(messy.gluedTable4(messy.gluedRows(t, ''))),
};

test('property: glued rows give no arithmetic finding the clean text does not, and no fix touches them', () => {
  assert.ok(ARITHMETIC.includes('row-total') && ARITHMETIC.includes('invalid-number') && ARITHMETIC.includes('missing-cell'));
  const read: Record<string, number> = {};
  let runs = 0;
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.constantFrom('2021' as const, '2019' as const),
      fc.constantFrom(...Object.keys(STYLES)),
      fc.constantFrom(3, 9, 20),
      fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 })), { nil: undefined }),
      (seed, format, style, max, change) => {
        runs++;
        const random = rng(seed);
        const table3 = consistentTable3(format, random, max);
        const table4 = consistentTable4(random, format);
        if (change) table3.grid[change[0] % table3.grid.length][change[1]] += change[2];
        const clean = renderReport({ table3, table4 });
        const text = STYLES[style](clean);
        const glued = messy.changedLines(clean, text);
        assert.ok(glued.length > 0);
        const a = analyze(text);
        const found = a.findings.filter((f) => ARITHMETIC.includes(f.code)).map(findingKey);
        if (!change) assert.deepEqual(found, [], style);
        const cleanKeys = new Set(analyze(clean).findings.map(findingKey));
        for (const k of found) assert.ok(cleanKeys.has(k), `${style}: ${k} is not a finding of the clean text`);
        for (const e of fixAllEdits(a)) {
          assert.ok(
            !glued.includes(e.range.start.line) && !glued.includes(e.range.end.line),
            `${style}: a fix on glued line ${e.range.start.line}`,
          );
        }
        // a glued row of the table this style glues was read
        const table = style.startsWith('table 四') ? '四' : '三';
        if (a.findings.some((f) => f.code === 'glued-digits' && f.table === table)) read[style] = (read[style] ?? 0) + 1;
      },
    ),
    { seed: 20261204, numRuns: 200 },
  );
  assert.equal(runs, 200);
  console.log(`glued rows read: ${JSON.stringify(read)}`);
  const total = Object.values(read).reduce((s, n) => s + n, 0);
  assert.ok(total > 20, `only ${total} of 200 runs read a glued row: ${JSON.stringify(read)}`);
  // each style on its own reads glued rows too (at least once: ~33 runs each, a third with small figures)
  for (const style of Object.keys(STYLES)) assert.ok((read[style] ?? 0) >= 1, `${style}: read in ${read[style] ?? 0} runs`);
});
