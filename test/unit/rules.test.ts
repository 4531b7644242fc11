// Each rule: a case that fires (with the cell it points at and what its fix needs) and one that must not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze, applyEdits, codesTagged, parseConfig, RULE_CODES, RULES, type Rule } from '../../server/src/core/index';
import { reportRules } from '../../server/src/core/rules/index';
import { base, editLine, lineOf, setCell } from './helpers';

const only = (text: string, code: string) => analyze(text).findings.filter((f) => f.code === code);
// table 三 lines: 3 label cells, then 7 values (cells 3..9); 总计 is cell 9
const V = 3;
const TOTAL = 9;

test("row-total fires at the row's 总计 with expected and actual, and its fix sets the sum", () => {
  const { text, table3 } = base();
  const i = table3.rowIds.indexOf('（一）');
  const total = table3.grid[i][6];
  const t = setCell(text, '（一）予以公开', TOTAL, String(total + 5));
  const f = only(t, 'row-total');
  assert.equal(f.length, 1);
  assert.equal(f[0].row, '（一）予以公开');
  assert.equal(f[0].column, '总计');
  assert.equal(f[0].table, '三');
  assert.deepEqual([f[0].expected, f[0].actual], [total, total + 5]);
  assert.equal(f[0].range.start.line, lineOf(t, '（一）予以公开'));
  assert.equal(f[0].related?.length, 6);
  assert.equal(f[0].fix?.preferred, true);
  assert.deepEqual(
    analyze(applyEdits(t, f[0].fix!.edits)).findings.filter((x) => x.code === 'row-total'),
    [],
  );
  assert.deepEqual(only(text, 'row-total'), []);
});

test("row-total in table 四 points at the group's 总计", () => {
  const { text, table4 } = base();
  const cells = table4.grid.flat();
  cells[9] += 2; // 未经复议直接起诉 · 总计
  const t = editLine(text, table4.grid.flat().join('\t'), () => cells.join('\t'));
  const f = only(t, 'row-total');
  assert.equal(f.length, 1);
  assert.equal(f[0].table, '四');
  assert.equal(f[0].row, '行政诉讼·未经复议直接起诉');
  assert.equal(f[0].expected, table4.grid[1][4]);
});

test('column-total fires at （七） of the column; detail changes do not also fire balance', () => {
  const { text, table3 } = base();
  const i = table3.rowIds.indexOf('（四）2');
  const v = table3.grid[i][0];
  // change a detail cell and its row total together: only the column relation breaks
  let t = setCell(text, '2.没有现成信息需要另行制作', V, String(v + 4));
  t = setCell(t, '2.没有现成信息需要另行制作', TOTAL, String(table3.grid[i][6] + 4));
  const codes = analyze(t)
    .findings.map((f) => `${f.code}:${f.column}`)
    .sort();
  assert.deepEqual(codes, ['column-total:自然人', 'column-total:总计'].sort());
  const f = only(t, 'column-total').find((x) => x.column === '自然人')!;
  assert.equal(f.row, '（七）总计');
  assert.equal(f.expected, table3.grid[table3.rowIds.indexOf('（七）')][0] + 4);
  assert.equal(f.range.start.line, lineOf(t, '（七）总计'));
});

test('balance fires at 四 of the column, offers (not prefers) 四 := 一 + 二 − （七）', () => {
  const { text, table3 } = base();
  const r1 = table3.rowIds.indexOf('一');
  let t = setCell(text, '一、本年新收', V + 1, String(table3.grid[r1][1] + 2));
  t = setCell(t, '一、本年新收', TOTAL, String(table3.grid[r1][6] + 2));
  const f = only(t, 'balance');
  assert.deepEqual(
    f.map((x) => x.column),
    ['商业企业', '总计'],
  );
  const b = f[0];
  const four = table3.grid[table3.rowIds.indexOf('四')][1];
  assert.equal(b.row, '四、结转下年度继续办理');
  assert.deepEqual([b.actual, b.expected], [four, four + 2]);
  assert.equal(b.fix?.preferred, false);
  assert.equal(b.fix?.recalculates, false);
  assert.equal(b.range.start.line, lineOf(t, '四、结转下年度'));
  // the message writes the template's relation out, in its row ids
  assert.match(b.message.zh, /^商业企业列不平衡：一 \+ 二 = \d+ \+ \d+ = \d+，但（七）\+ 四 = \d+ \+ \d+ = \d+$/);
  assert.match(b.message.en, /^商业企业 does not balance: 一 \+ 二 = \d+ \+ \d+ = \d+, but （七） \+ 四 = \d+ \+ \d+ = \d+$/);
});

test('missing-cell: a row one cell short gets a fix inserting the computed 总计; two short gets none', () => {
  const { text, table3 } = base();
  const t = editLine(text, '3.补正后申请内容仍不明确', (l) => l.split('\t').slice(0, -1).join('\t'));
  const f = only(t, 'missing-cell');
  assert.equal(f.length, 1);
  assert.equal(f[0].row, '3.补正后申请内容仍不明确');
  const expected = table3.grid[table3.rowIds.indexOf('（四）3')][6];
  assert.equal(f[0].expected, expected);
  assert.equal(f[0].fix?.edits[0].newText, `\t${expected}`);
  assert.deepEqual(analyze(applyEdits(t, f[0].fix!.edits)).findings, []);
  const t2 = editLine(text, '3.补正后申请内容仍不明确', (l) => l.split('\t').slice(0, -2).join('\t'));
  const f2 = only(t2, 'missing-cell');
  assert.equal(f2.length, 1);
  assert.equal(f2[0].fix, undefined);
  assert.deepEqual(only(text, 'missing-cell'), []);
});

test('missing-cell: one short with the last value equal to the sum of the others is ambiguous: no fix', () => {
  const { text } = base();
  const t = editLine(text, '1.信访举报投诉类申请', (l) => [...l.split('\t').slice(0, 3), '2', '1', '0', '0', '0', '3'].join('\t'));
  const f = only(t, 'missing-cell');
  assert.equal(f.length, 1);
  assert.equal(f[0].fix, undefined);
  assert.match(f[0].message.en, /cannot be told/);
});

test('extra-cell points at the surplus cells', () => {
  const { text } = base();
  const t = editLine(text, '2.重复申请', (l) => `${l}\t5\t6`);
  const f = only(t, 'extra-cell');
  assert.equal(f.length, 1);
  const line = t.split('\n')[f[0].range.start.line];
  assert.equal(line.slice(f[0].range.start.character, f[0].range.end.character), '5\t6');
  assert.deepEqual(only(text, 'extra-cell'), []);
});

test('empty-total: a blank or placeholder 总计 / （七） with the computed value', () => {
  const { text, table3 } = base();
  const t = setCell(setCell(text, '3.危及', TOTAL, ''), '（七）总计', V + 2, '—');
  const f = only(t, 'empty-total');
  assert.deepEqual(
    f.map((x) => [x.row, x.column]),
    [
      ['3.危及“三安全一稳定”', '总计'],
      ['（七）总计', '科研机构'],
    ],
  );
  assert.equal(f[1].expected, table3.grid[table3.rowIds.indexOf('（七）')][2]);
  assert.equal(f[0].severity, 'warning');
  // a blank detail cell is zero, not a finding
  assert.deepEqual(only(setCell(text, '3.危及', V, table3.grid[table3.rowIds.indexOf('（三）3')][0] === 0 ? '' : '0'), 'empty-total'), []);
});

test('invalid-number: text, unit, negative count, fraction, unsafe number; 本年增/减 may be negative', () => {
  const { text } = base();
  const cases: [string, RegExp][] = [
    ['约5', /not a number/],
    ['5件', /unit or remark/],
    ['-2', /cannot be negative/],
    ['1.5', /whole number/],
    ['99999999999999999999', /too large/],
  ];
  for (const [value, re] of cases) {
    const f = only(setCell(text, '8.属于行政查询事项', V + 3, value), 'invalid-number');
    assert.equal(f.length, 1, value);
    assert.match(f[0].message.en, re);
    assert.equal(f[0].column, '社会公益组织');
  }
  assert.deepEqual(only(base(7, '2019').text, 'invalid-number'), []); // contains 本年增/减 = -1
});

test('decimal-places only where the header states a rule (or the config sets one)', () => {
  const { text } = base();
  const fee = text
    .split('\n')
    .find((l) => l.startsWith('行政事业性收费\t'))!
    .split('\t')[1]; // one decimal, e.g. 12.5
  assert.match(fee, /^\d+\.\d$/);
  const stated = editLine(text, '本年收费金额', (l) => l.replace('（单位：万元）', '（单位：万元，保留4位小数）'));
  const f = only(stated, 'decimal-places');
  assert.equal(f.length, 1);
  assert.equal(f[0].fix?.edits[0].newText, `${fee}000`);
  assert.equal(f[0].fix?.preferred, false);
  assert.deepEqual(only(text, 'decimal-places'), []);
  const byConfig = analyze(text, { config: parseConfig({ decimalPlaces: 2 }).config }).findings.filter((x) => x.code === 'decimal-places');
  assert.equal(byConfig[0]?.fix?.edits[0].newText, `${fee}0`);
});

test("missing-row: at the table's first line; offers inserting the row with zeros", () => {
  const { text } = base();
  const t = editLine(text, '4.无正当理由大量反复申请', () => []);
  const f = only(t, 'missing-row');
  assert.equal(f.length, 1);
  assert.equal(f[0].row, '4.无正当理由大量反复申请');
  assert.equal(f[0].range.start.line, lineOf(t, '三、收到和处理'));
  assert.equal(f[0].fix?.preferred, false);
  const fixed = applyEdits(t, f[0].fix!.edits);
  assert.ok(fixed.includes('\n4.无正当理由大量反复申请\t0\t0\t0\t0\t0\t0\t0\n'));
  assert.deepEqual(only(text, 'missing-row'), []);
});

test('missing-section: absent or out of order, pointing at the title', () => {
  const { text } = base();
  const t = editLine(text, '五、存在的主要问题', () => '');
  const f = only(t, 'missing-section');
  assert.equal(f.length, 1);
  assert.match(f[0].message.en, /五、存在的主要问题及改进情况/);
  assert.equal(f[0].range.start.line, 0);
  const ls = text.split('\n');
  const five = lineOf(ls, '五、存在');
  const six = lineOf(ls, '六、其他');
  [ls[five], ls[six]] = [ls[six], ls[five]];
  const g = only(ls.join('\n'), 'missing-section');
  assert.equal(g.length, 1);
  assert.match(g[0].message.en, /out of order/);
  assert.deepEqual(only(text, 'missing-section'), []);
});

test('unreadable-table: figures run together with no separators, and no one split of them fits', () => {
  const { text } = base();
  const ls = text.split('\n');
  const from = lineOf(ls, '三、收到和处理');
  const to = lineOf(ls, '四、结转下年度');
  const squashed = ls
    .slice(from + 1, to + 1)
    .join('')
    .replace(/\t/g, '');
  const t = [...ls.slice(0, from + 1), squashed, ...ls.slice(to + 1)].join('\n');
  // these digits split one way only: the table is read (glued-digits), nothing is unreadable
  assert.deepEqual(only(t, 'unreadable-table'), []);
  assert.equal(only(t, 'glued-digits').length, 25);
  // a row whose digits are far more than its seven cells can hold: no split, the table is unreadable
  const long = t.replace(/(（一）予以公开)(\d+)/, (_m, label: string, digits: string) => label + digits + '9'.repeat(200));
  assert.notEqual(long, t);
  const f = only(long, 'unreadable-table');
  assert.equal(f.length, 1);
  assert.equal(f[0].table, '三');
  assert.deepEqual(only(long, 'glued-digits'), []);
  assert.deepEqual(only(long, 'row-total'), []);
  assert.deepEqual(only(text, 'unreadable-table'), []);
});

test('config: a rule turned off is silent, a severity override applies', () => {
  const { text } = base();
  const t = setCell(text, '（一）予以公开', TOTAL, '999');
  assert.deepEqual(
    analyze(t, { config: parseConfig({ rules: { 'row-total': 'off' } }).config }).findings.map((f) => f.code),
    ['column-total'],
  );
  assert.equal(
    analyze(t, { config: parseConfig({ rules: { 'row-total': 'hint' } }).config }).findings.find((f) => f.code === 'row-total')?.severity,
    'hint',
  );
});

test('a rule that throws is reported in ruleErrors and the other rules still report', async () => {
  const { RULES } = await import('../../server/src/core/index');
  const rule = RULES.find((r) => r.code === 'row-total')!;
  assert.equal(rule.scope, 'report');
  if (rule.scope !== 'report') return;
  const original = rule.check;
  rule.check = () => {
    throw new Error('boom');
  };
  try {
    const { text } = base();
    const t = setCell(text, '（一）予以公开', TOTAL, '999');
    const a = analyze(t);
    assert.deepEqual(
      a.ruleErrors.map((e) => e.code),
      ['row-total'],
    );
    assert.match(a.ruleErrors[0].error, /boom/);
    assert.deepEqual(
      a.findings.map((f) => f.code),
      ['column-total'],
    );
  } finally {
    rule.check = original;
  }
});

test('the rule list: unique codes, every finding stamped with its rule, tags that say what fix-all clears', () => {
  assert.equal(new Set(RULE_CODES).size, RULE_CODES.length, 'codes are unique');
  for (const r of RULES) assert.ok(r.tags.length > 0, `${r.code} has tags`);
  // a report broken in many ways: totals, a blank 总计, a short row, a balance, decimals, a lost row
  const { text, table3 } = base();
  const r1 = table3.rowIds.indexOf('一');
  let t = setCell(text, '（一）予以公开', TOTAL, '999');
  t = setCell(t, '2.重复申请', TOTAL, '');
  t = editLine(t, '3.补正后申请内容仍不明确', (l) => l.split('\t').slice(0, -1).join('\t'));
  t = setCell(t, '一、本年新收', V + 1, String(table3.grid[r1][1] + 2));
  t = editLine(t, '本年收费金额', (l) => l.replace('（单位：万元）', '（单位：万元，保留4位小数）'));
  t = editLine(t, '4.无正当理由大量反复申请', () => []);
  const findings = analyze(t).findings;
  const seen = new Set(findings.map((f) => f.code));
  for (const code of ['row-total', 'column-total', 'empty-total', 'missing-cell', 'balance', 'decimal-places', 'missing-row']) {
    assert.ok(seen.has(code), `the damage produces ${code}`);
  }
  const fixAll = codesTagged('fix-all');
  for (const f of findings) {
    const rule = RULES.find((r) => r.code === f.code);
    assert.ok(rule, `${f.code} is a listed rule`);
    assert.equal(f.severity, rule.severity, `${f.code} has its rule's default severity`);
    // a fix recalculates a derived cell exactly when its rule is tagged fix-all
    if (f.fix) assert.equal(f.fix.recalculates, fixAll.includes(f.code), `${f.code}: fix.recalculates`);
  }
});

test('batch rules have room in the list but are never run by analyze', () => {
  assert.deepEqual(
    RULES.filter((r) => r.scope === 'batch').map((r) => r.code),
    ['carry-over', 'stock-carry-over', 'duplicate-report'],
  );
  const batch: Rule = {
    code: 'another-batch-rule',
    severity: 'warning',
    description: { zh: '上年结转与上一年度报告不一致', en: 'Carried-in differs from the previous report' },
    tags: ['cross-report', 'arithmetic'],
    scope: 'batch',
  };
  const rules = reportRules([...RULES, batch]);
  assert.equal(rules.length, RULES.length - 3);
  assert.ok(!rules.some((r) => r.scope !== 'report'));
  assert.ok(rules.every((r) => typeof r.check === 'function'));
});
