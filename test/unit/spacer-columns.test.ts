// Spacer columns: a header cell spanning two grid columns (an HTML colspan) leaves an empty covered
// cell in every row of the copied text. A column empty in every row and without a header cell of
// its own is a spacer; under its own header it is a real column of blanks; where the two cannot be
// told apart, nothing is checked and the table says so.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, fixAllEdits } from '../../server/src/core/index';
import { withBlankColumn, withSpacerColumn, withTable4Spacer } from '../support/messy';
import { consistentTable3, consistentTable4, renderReport, rng } from '../support/report';
import { findingKeys } from './helpers';

const t3 = (text: string) => analyze(text).report.tables.find((t) => t.id === '三')!;

// grid indices of table 三's lines: 0–2 label cells, 3 自然人 … 8 其他, 9 总计; a spacer goes after
// any value column, or at the end (a trailing tab)
const SPACER_AT = [4, 5, 6, 7, 8, 9, 10];

test('property: a spacer column inserted → the clean text’s findings; fix-all changes nothing that was right', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.constantFrom('2021' as const, '2019' as const),
      fc.constantFrom(...SPACER_AT),
      fc.option(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 9 })), { nil: undefined }),
      (seed, format, at, change) => {
        const random = rng(seed);
        const table3 = consistentTable3(format, random);
        const table4 = consistentTable4(random, format);
        if (change) table3.grid[change[0] % table3.grid.length][change[1]] += change[2];
        const clean = renderReport({ table3, table4 });
        const spaced = withSpacerColumn(clean, at);
        assert.notEqual(spaced, clean);
        assert.deepEqual(findingKeys(spaced), findingKeys(clean));
        // the fix writes the same cells as on the clean text: removing the spacer from the fixed
        // text gives the fixed clean text
        const fixed = applyEdits(spaced, fixAllEdits(analyze(spaced)));
        const fixedClean = applyEdits(clean, fixAllEdits(analyze(clean)));
        assert.equal(withSpacerColumn(fixedClean, at), fixed);
        if (!change) assert.equal(fixed, spaced, 'a consistent table: fix-all changes nothing');
      },
    ),
    { seed: 20261202, numRuns: 150 },
  );
});

test('a column under its own header left blank in every row is a real column of blanks, not a spacer', () => {
  const random = rng(21);
  const table3 = consistentTable3('2021', random);
  const table4 = consistentTable4(random);
  for (const row of table3.grid) {
    row[2] = 0; // 科研机构
    row[6] = row.slice(0, 6).reduce((a, b) => a + b, 0);
  }
  const text = withBlankColumn(renderReport({ table3, table4 }), 5);
  assert.deepEqual(findingKeys(text), []);
  const one = t3(text).blocks[0].rows[0];
  assert.deepEqual(
    one.cells.map((c) => c.value),
    table3.grid[0],
  );
  assert.equal(one.cells[2].kind, 'blank');
});

test('a spacer and a blank column with no header to tell them apart: unreadable-table, no arithmetic, no fix', () => {
  const random = rng(22);
  const table3 = consistentTable3('2021', random);
  const table4 = consistentTable4(random);
  for (const row of table3.grid) {
    row[2] = 0;
    row[6] = row.slice(0, 6).reduce((a, b) => a + b, 0);
  }
  table3.grid[0][0] += 3; // a wrong figure that must not be reported on a guessed alignment
  const lines = withSpacerColumn(withBlankColumn(renderReport({ table3, table4 }), 5), 4).split('\n');
  const head = lines.findIndex((l) => l.startsWith('(本列数据'));
  lines.splice(head, 3); // no header lines
  const seven = lines.findIndex((l) => l.includes('（七）总计'));
  const cells = lines[seven].split('\t');
  assert.equal(cells[6], '0');
  cells[6] = ''; // the （七） cell of the blank column too: the column is empty in every row
  lines[seven] = cells.join('\t');
  const text = lines.join('\n');
  const a = analyze(text);
  const inThree = a.findings.filter((f) => f.table === '三');
  assert.deepEqual(
    inThree.map((f) => f.code),
    ['unreadable-table'],
  );
  assert.match(inThree[0].message.en, /which cell is which column cannot be told/);
  const fixed = applyEdits(text, fixAllEdits(a));
  assert.equal(fixed, text);
});

test('the covered cell of a two-column header in an HTML copy: the issue’s 11 false row-totals are gone', () => {
  // 商业企业 over two grid columns: the covered cell right of it in every row, header lines included
  const random = rng(23);
  const table3 = consistentTable3('2021', random);
  const table4 = consistentTable4(random);
  const text = withSpacerColumn(renderReport({ table3, table4 }), 5);
  assert.match(text, /\t商业企业\t\t科研机构/);
  assert.deepEqual(findingKeys(text), []);
  assert.deepEqual(
    t3(text).blocks[0].rows.map((r) => r.cells.map((c) => c.value)),
    table3.grid,
  );
  assert.equal(applyEdits(text, fixAllEdits(analyze(text))), text);
});

test('property: table 四 with a spacer column (under its header lines) → the clean text’s findings and fixes; without headers, nothing checked', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.constantFrom('2021' as const, '2019' as const),
      fc.integer({ min: 0, max: 15 }),
      fc.boolean(),
      fc.option(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 9 })), {
        nil: undefined,
      }),
      (seed, format, at, blank, change) => {
        const random = rng(seed);
        const table3 = consistentTable3(format, random);
        const table4 = consistentTable4(random, format);
        if (change) table4.grid[change[0]][change[1]] += change[2];
        const clean = renderReport({ table3, table4 });
        // zeros written blank (a blank 总计 is an empty-total, with or without the spacer)
        const base = withTable4Spacer(clean, -1, { blank });
        const spaced = withTable4Spacer(clean, at, { blank });
        assert.notEqual(spaced, clean);
        assert.deepEqual(findingKeys(spaced), findingKeys(base), spaced);
        const fixed = applyEdits(spaced, fixAllEdits(analyze(spaced)));
        assert.equal(applyEdits(fixed, fixAllEdits(analyze(fixed))), fixed, 'fix twice = fix once');
        if (!blank) assert.equal(withTable4Spacer(applyEdits(clean, fixAllEdits(analyze(clean))), at), fixed);
        if (!change && !blank) assert.equal(fixed, spaced, 'a consistent table: fix-all changes nothing');
        // no header lines: a blank cell inside the values cannot be told from a spacer
        if (at > 0 && at < 15) {
          const bare = analyze(withTable4Spacer(clean, at, { headers: false }));
          const four = bare.findings.filter((f) => f.table === '四');
          assert.ok(!four.some((f) => f.severity === 'error'), four.map((f) => f.code).join());
          assert.ok(
            !fixAllEdits(bare).some(
              (e) =>
                bare.report.tables.find((t) => t.id === '四')!.range.start.line <= e.range.start.line &&
                e.range.start.line <= bare.report.tables.find((t) => t.id === '四')!.range.end.line,
            ),
          );
        }
      },
    ),
    { seed: 20261204, numRuns: 200 },
  );
});
