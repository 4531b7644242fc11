// Property: take a consistent generated report, change one cell, and exactly the relations that
// the change breaks are reported, each at its own cell. The oracle is plain arithmetic on the grid,
// independent of the checker's alignment and relation code. 'mixed' is a 2021 report keeping the
// 2019 single （六）其他处理 row in table 三 (its grid is a 2019 table 三's, under 2021 sections and table 二).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze, applyEdits, codesTagged, fixAllEdits } from '../../server/src/core/index';
import { TEMPLATES } from '../../server/src/core/templates/index';
import { consistentTable3, consistentTable4, type Grid, renderReport, rng } from '../support/report';

const COLS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
const T4_ROWS = ['行政复议', '行政诉讼·未经复议直接起诉', '行政诉讼·复议后起诉'];
type Pick = '2021' | '2019' | 'mixed';
const table3Format = (p: Pick) => (p === 'mixed' ? '2019' : p);
const reportFormat = (p: Pick) => (p === 'mixed' ? '2021' : p);

function oracle3(format: '2021' | '2019', grid: Grid): Set<string> {
  const block = TEMPLATES.find((t) => t.id === format)!.tables.find((t) => t.id === '三')!.blocks[0];
  const ids = block.rows.map((r) => r.id);
  const label = (id: string) => block.rows[ids.indexOf(id)].label;
  const g = (id: string, c: number) => grid[ids.indexOf(id)][c];
  const rel = block.relations!.find((r) => r.code === 'column-total')!;
  const detail = rel.kind === 'sum' ? rel.parts : [];
  const out = new Set<string>();
  ids.forEach((id) => {
    if (g(id, 6) !== [0, 1, 2, 3, 4, 5].reduce((s, c) => s + g(id, c), 0)) out.add(`row-total|三|${label(id)}|总计`);
  });
  for (let c = 0; c < 7; c++) {
    if (g('（七）', c) !== detail.reduce((s, id) => s + g(id, c), 0)) out.add(`column-total|三|（七）总计|${COLS[c]}`);
    if (g('一', c) + g('二', c) !== g('（七）', c) + g('四', c)) out.add(`balance|三|四、结转下年度继续办理|${COLS[c]}`);
  }
  return out;
}

function oracle4(grid: Grid): Set<string> {
  const out = new Set<string>();
  grid.forEach((row, r) => {
    if (row[4] !== row[0] + row[1] + row[2] + row[3]) out.add(`row-total|四|${T4_ROWS[r]}|总计`);
  });
  return out;
}

test('one changed cell: exactly the broken relations, each at its own cell', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.constantFrom<Pick>('2021', '2019', 'mixed'),
      fc.boolean(),
      fc.nat(),
      fc.nat(),
      fc.integer({ min: 1, max: 9 }),
      (seed, format, inTable4, rowPick, colPick, delta) => {
        const random = rng(seed);
        const t3 = consistentTable3(table3Format(format), random);
        const t4 = consistentTable4(random);
        const grid = inTable4 ? t4.grid : t3.grid;
        const r = rowPick % grid.length;
        const c = colPick % grid[0].length;
        grid[r][c] += delta;
        const text = renderReport({ format: reportFormat(format), table3: t3, table4: t4 });
        const a = analyze(text);
        assert.equal(a.report.format, reportFormat(format));
        const expected = new Set([...oracle3(table3Format(format), t3.grid), ...oracle4(t4.grid)]);
        const actual = new Set(a.findings.map((f) => `${f.code}|${f.table}|${f.row}|${f.column}`));
        assert.deepEqual([...actual].sort(), [...expected].sort());
        // and each finding sits on the changed cell's row or on the total it breaks
        for (const f of a.findings) {
          const line = text.split('\n')[f.range.start.line];
          assert.equal(line.slice(f.range.start.character, f.range.end.character), String(f.actual));
        }
        assert.ok(expected.size >= 1);
      },
    ),
    { seed: 20261127, numRuns: 300 },
  );
});

test('damaging only derived cells (changed, blank, placeholder, deleted trailing 总计): one fix-all restores the text', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      fc.constantFrom<Pick>('2021', '2019', 'mixed'),
      fc.array(fc.tuple(fc.nat(), fc.constantFrom('change', 'blank', 'dash', 'delete')), { minLength: 1, maxLength: 6 }),
      fc.constantFrom('\n', '\r\n'),
      (seed, format, damage, eol) => {
        const random = rng(seed);
        const t3 = consistentTable3(table3Format(format), random);
        const t4 = consistentTable4(random);
        const original = renderReport({ format: reportFormat(format), table3: t3, table4: t4, eol });
        const lines = original.split(eol);
        const seven = t3.rowIds.indexOf('（七）');
        const firstRow = lines.findIndex((l) => l.startsWith('一、本年新收'));
        for (const [pick, how] of damage) {
          const r = pick % t3.rowIds.length;
          const line = firstRow + r;
          const cells = lines[line].split('\t');
          // derived: the row's 总计 (last cell), or any cell of the （七） row
          const col = r === seven ? 3 + (pick % 7) : 9;
          if (cells.length < 10) continue; // its 总计 was deleted already
          if (how === 'delete') {
            // a row one short whose last value is the sum of the others is ambiguous by design (no fix)
            const v = cells.slice(3, 9).map(Number);
            const ambiguous = v[5] > 0 && v[5] === v[0] + v[1] + v[2] + v[3] + v[4];
            if (col === 9 && !ambiguous) cells.pop();
          } else cells[col] = how === 'blank' ? '' : how === 'dash' ? '—' : String((Number(cells[col]) || 0) + 1 + (pick % 5));
          lines[line] = cells.join('\t');
        }
        const damaged = lines.join(eol);
        const once = applyEdits(damaged, fixAllEdits(analyze(damaged)));
        const left = analyze(once).findings.map((f) => f.code);
        assert.deepEqual(
          left.filter((c) => codesTagged('fix-all').includes(c)),
          [],
        );
        assert.equal(once, original);
        assert.equal(applyEdits(once, fixAllEdits(analyze(once))), once, 'fix twice = fix once');
      },
    ),
    { seed: 7, numRuns: 200 },
  );
});
