// Mixed formats: a 2021 report that keeps the 2019 single （六）其他处理 row in table 三. The template
// says the group may be written as one row (`oneRow`); that row stands for the three sub-rows.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, fixAllEdits } from '../../server/src/core/index';
import { parseTemplate, TEMPLATES } from '../../server/src/core/templates/index';
import { consistentTable3, consistentTable4, renderReport, rng } from '../support/report';
import { findingKey } from './helpers';

function mixed(seed: number) {
  const random = rng(seed);
  const table3 = consistentTable3('2019', random);
  const table4 = consistentTable4(random);
  return { table3, table4, text: renderReport({ format: '2021', table3, table4 }) };
}
const t3 = (text: string) => analyze(text).report.tables.find((t) => t.id === '三')!;

test('the single （六）其他处理 row under a 2021 report: read as its group, nothing missing, no finding', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const { text, table3 } = mixed(seed);
    const a = analyze(text);
    assert.equal(a.report.format, '2021');
    assert.deepEqual(
      a.findings.map((f) => f.code),
      [],
    );
    const table = t3(text);
    assert.deepEqual(table.missingRows, []);
    const six = table.blocks[0].rows.find((r) => r.spec.id === '（六）')!;
    assert.equal(six.spec.label, '（六）其他处理');
    assert.deepEqual(six.spec.standsFor, ['（六）1', '（六）2', '（六）3']);
    assert.deepEqual(
      six.cells.map((c) => c.value),
      table3.grid[table3.rowIds.indexOf('（六）')],
    );
    assert.equal(table.blocks[0].rows.length, 23);
  }
});

test('the single row counts once in （七）: a wrong figure in it breaks its row total and its column total', () => {
  const { table3, table4 } = mixed(9);
  table3.grid[table3.rowIds.indexOf('（六）')][1] += 2;
  const text = renderReport({ format: '2021', table3, table4 });
  const a = analyze(text);
  assert.deepEqual(a.findings.map((f) => `${f.code}|${f.row}|${f.column}`).sort(), [
    'column-total|（七）总计|商业企业',
    'row-total|（六）其他处理|总计',
  ]);
  const seven = a.findings.find((f) => f.code === 'column-total')!;
  assert.equal(seven.actual, table3.grid[table3.rowIds.indexOf('（七）')][1]);
  assert.equal(seven.expected, (seven.actual ?? 0) + 2);
  // fix-all recomputes the derived cells from the single row (the balance then says the detail
  // figure disagrees with 一 + 二), and a second pass changes nothing
  const fixed = applyEdits(text, fixAllEdits(a));
  assert.deepEqual(
    analyze(fixed).findings.map((f) => `${f.code}|${f.column}`),
    ['balance|商业企业', 'balance|总计'],
  );
  assert.equal(applyEdits(fixed, fixAllEdits(analyze(fixed))), fixed);
});

test('a group label with values beside another sub-row of its group is still that group’s first sub-row', () => {
  const { text } = mixed(3);
  // add the 2021 sub-row 2 after the single row: the single row is now （六）1 with its label lost
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.includes('（六）其他处理'));
  lines.splice(
    at + 1,
    0,
    ['', '', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', 0, 0, 0, 0, 0, 0, 0].join('\t'),
  );
  const table = t3(lines.join('\n'));
  const ids = table.blocks[0].rows.map((r) => r.spec.id);
  assert.ok(ids.includes('（六）1') && ids.includes('（六）2') && !ids.includes('（六）'));
  assert.deepEqual(
    table.missingRows.map((m) => m.row.id),
    ['（六）3'],
  );
});

test('without its group row and its sub-rows, the sub-rows are missing (the group row itself never is)', () => {
  const { text } = mixed(4);
  const cut = text
    .split('\n')
    .filter((l) => !l.includes('（六）其他处理'))
    .join('\n');
  assert.deepEqual(
    t3(cut).missingRows.map((m) => m.row.id),
    ['（六）1', '（六）2', '（六）3'],
  );
});

test('oneRow is template data: the built-in 2021 （六） group has it, and a custom template may set it', () => {
  const six = TEMPLATES.find((t) => t.id === '2021')!
    .tables.find((t) => t.id === '三')!
    .blocks[0].groups!.find((g) => g.id === '（六）')!;
  assert.equal(six.oneRow, true);
  const copy = structuredClone(TEMPLATES[0]) as unknown as { tables: { blocks: { groups?: { oneRow?: unknown }[] }[] }[] };
  const groups = copy.tables.flatMap((t) => t.blocks).flatMap((b) => b.groups ?? []);
  groups[0].oneRow = 'yes';
  assert.match(parseTemplate(copy).errors.join('\n'), /oneRow/);
});

test('property: a mixed report (2021, with the 2019 single （六） row) gives the findings and fixes of the same tables in a 2019 report', () => {
  const key = (text: string) =>
    analyze(text)
      .findings.filter((f) => f.table === '三' || f.table === '四')
      .map(findingKey)
      .sort();
  // each fix as its line below table 三's heading and its value: the two reports differ above that (table 二)
  const fixes = (text: string) => {
    const t3 = text.split('\n').findIndex((l) => l.startsWith('三、'));
    return fixAllEdits(analyze(text))
      .filter((e) => e.range.start.line > t3)
      .map((e) => `${e.range.start.line - t3}|${e.newText.trim()}`);
  };
  let found = 0;
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -3, max: 9 })), { maxLength: 2 }),
      (seed, changes) => {
        const { table3, table4 } = mixed(seed);
        for (const [r, c, d] of changes) {
          const row = table3.grid[r % table3.grid.length];
          row[c] = Math.max(0, row[c] + d);
        }
        const asMixed = renderReport({ format: '2021', table3, table4 });
        const as2019 = renderReport({ format: '2019', table3, table4 });
        assert.equal(analyze(asMixed).report.format, '2021');
        assert.deepEqual(key(asMixed), key(as2019));
        // the same derived cells rewritten to the same values
        assert.deepEqual(fixes(asMixed), fixes(as2019));
        if (key(asMixed).length) found++;
        if (!changes.length) assert.deepEqual(key(asMixed), []);
      },
    ),
    { seed: 20261204, numRuns: 150 },
  );
  assert.ok(found > 50, `only ${found} of 150 mixed reports had a finding to compare`);
});
