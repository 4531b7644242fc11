// accept (checks.md): reviewed findings left out of the counts and the exit status, listed under
// `accepted` with their reason; --no-accept shows everything; an acceptance stops applying when a
// number it names changes; file globs are relative to the config file; bad entries are reported.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { acceptedBy, analyze, globRegExp, parseConfig } from '../../server/src/core/index';
import { folder as dir, runCli as run } from '../support/cli';

const XIGONG = readFileSync(new URL('../fixtures/samples/xigong-2022.txt', import.meta.url), 'utf8');

/** accept every missing-cell finding of the sample by its row, with the value it had */
const acceptAll = (file: string) =>
  analyze(XIGONG)
    .findings.filter((f) => f.code === 'missing-cell')
    .map((f) => ({ code: f.code, file, table: f.table, row: f.row, column: f.column, expected: f.expected, reason: `checked ${f.row}` }));

test('globs: * within a folder, ** across folders, ? one character', () => {
  assert.ok(globRegExp('reports/*.txt').test('reports/x.txt'));
  assert.ok(!globRegExp('reports/*.txt').test('reports/2023/x.txt'));
  assert.ok(globRegExp('reports/**/*.txt').test('reports/2023/x.txt'));
  assert.ok(globRegExp('**/x.txt').test('x.txt'));
  assert.ok(globRegExp('./r?.txt').test('r1.txt'));
  assert.ok(!globRegExp('r.txt').test('rxtxt'), 'a dot is a dot');
});

test('every field given must match; expected/actual must be the values it had', () => {
  const f = analyze(XIGONG).findings.find((x) => x.code === 'missing-cell')!;
  const base = { code: 'missing-cell', row: f.row, expected: f.expected };
  assert.ok(acceptedBy(f, 'a.txt', [base]));
  assert.ok(acceptedBy(f, 'a.txt', [{ ...base, file: '*.txt' }]));
  assert.ok(!acceptedBy(f, 'b/a.txt', [{ ...base, file: '*.txt' }]));
  assert.ok(!acceptedBy(f, 'a.txt', [{ ...base, expected: f.expected! + 1 }]), 'another number: not accepted');
  assert.ok(!acceptedBy(f, 'a.txt', [{ ...base, actual: 3 }]), 'a field the finding lacks does not match');
  assert.ok(!acceptedBy(f, 'a.txt', [{ ...base, code: 'row-total' }]));
  assert.ok(!acceptedBy(f, undefined, [{ ...base, file: '**' }]), 'a report outside the config folder matches no file glob');
});

test('bad entries are reported by index and key; the good ones are kept', () => {
  const r = parseConfig({ accept: [{ code: 'balance', expected: 1 }, { expected: 2 }, { code: 'x', colour: 'red' }] });
  assert.equal(r.config.accept.length, 1);
  assert.ok(
    r.errors.some((e) => /accept\.1\.code/.test(e)),
    r.errors.join('\n'),
  );
  assert.ok(
    r.errors.some((e) => /accept\.2/.test(e) && /colour/.test(e)),
    r.errors.join('\n'),
  );
});

test('CLI: accepted findings leave the counts and the exit status, JSON lists them with their reason; --no-accept shows all', async () => {
  const d = dir({ 'cfg/.disclosure-report.json': JSON.stringify({ accept: acceptAll('reports/*.txt') }), 'cfg/reports/x.txt': XIGONG });
  const text = await run(['cfg/reports/x.txt'], d);
  assert.equal(text.code, 0, 'the five errors are accepted: exit 0');
  assert.deepEqual(
    text.stdout
      .trim()
      .split('\n')
      .map((l) => l.split(' ')[2]),
    ['narrative-mismatch'],
  );
  assert.match(text.stderr, /0 error\(s\), 1 warning\(s\); 5 accepted \(not listed\)/);
  const doc = JSON.parse((await run(['--format', 'json', 'cfg/reports/x.txt'], d)).stdout);
  const f = doc.files[0];
  assert.deepEqual(
    f.diagnostics.map((x: { code: string }) => x.code),
    ['narrative-mismatch'],
  );
  assert.equal(f.accepted.length, 5);
  assert.deepEqual(
    [f.accepted[0].code, f.accepted[0].row, f.accepted[0].reason],
    ['missing-cell', '一、本年新收政府信息公开申请数量', 'checked 一、本年新收政府信息公开申请数量'],
  );
  const all = await run(['--no-accept', '--format', 'json', 'cfg/reports/x.txt'], d);
  assert.equal(all.code, 1);
  const g = JSON.parse(all.stdout).files[0];
  assert.equal(g.diagnostics.length, 6);
  assert.equal(g.accepted, undefined);
});

test('CLI: an acceptance stops applying when the number changes', async () => {
  // row 一 gets one more 自然人: its missing 总计 is now 13, not the 12 that was accepted
  const changed = XIGONG.replace(/^(一、本年新收政府信息公开申请数量\t+)12\t/m, '$113\t');
  assert.notEqual(changed, XIGONG);
  const d = dir({ '.disclosure-report.json': JSON.stringify({ accept: acceptAll('**/*.txt') }), 'a/x.txt': changed });
  const doc = JSON.parse((await run(['--format', 'json', 'a'], d)).stdout);
  const f = doc.files[0];
  assert.deepEqual(
    f.diagnostics
      .filter((x: { code: string }) => x.code === 'missing-cell')
      .map((x: { row: string; expected: number }) => [x.row, x.expected]),
    [['一、本年新收政府信息公开申请数量', 13]],
  );
  assert.equal(f.accepted.length, 4);
});

test('CLI: --config names the config; its accept globs are relative to it; a bad entry is exit 2', async () => {
  const d = dir({ 'conf/review.json': JSON.stringify({ accept: acceptAll('../data/*.txt') }), 'data/x.txt': XIGONG });
  const r = await run(['--config', 'conf/review.json', 'data/x.txt'], d);
  assert.equal(r.code, 0, r.stderr);
  const bad = dir({ 'c.json': JSON.stringify({ accept: [{ expected: 1 }] }), 'x.txt': XIGONG });
  const rb = await run(['--config', 'c.json', 'x.txt'], bad);
  assert.equal(rb.code, 2);
  assert.match(rb.stderr, /c\.json: accept\.0\.code/);
});
