// The CLI as reviewers use it: files, folders, globs, json/sarif/text, --fix keeping every other
// byte, config errors, unreadable and binary files, exit codes 0/1/2 (checks.md).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { OUTPUT_FORMATS } from '../../server/src/cli/output/index';
import { CUSTOM_ID, CUSTOM_ROW_LABEL, customReport, customTemplate } from '../support/custom-template';
import { generateReport } from '../support/report';

const XIGONG = readFileSync(new URL('../fixtures/samples/xigong-2022.txt', import.meta.url), 'utf8');

async function run(args: string[], cwd: string, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), cwd, env: { LANG: 'en_US.UTF-8', ...env } });
  return { code, stdout, stderr };
}

function dir(files: Record<string, string | Buffer>): string {
  const d = mkdtempSync(join(tmpdir(), 'dr-cli-'));
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(join(d, name, '..'), { recursive: true });
    writeFileSync(join(d, name), body);
  }
  return d;
}

test('text output: file:line:col: severity code message, exit 1 on errors', async () => {
  const d = dir({ 'x.txt': XIGONG });
  const r = await run(['check', 'x.txt'], d);
  assert.equal(r.code, 1);
  const lines = r.stdout.trim().split('\n');
  // the prose's 10 against the table's 12 (line 11), then the five missing 总计
  assert.equal(lines.length, 6);
  assert.match(lines[0], /^x\.txt:11:92: warning narrative-mismatch /);
  assert.match(lines[1], /^x\.txt:41:1: error missing-cell 一、本年新收政府信息公开申请数量: 6 value cells where 7 belong/);
  assert.match(r.stderr, /1 file\(s\) checked: 5 error\(s\), 1 warning\(s\)/);
});

test('messages follow the language (LANG or --lang), codes do not', async () => {
  const d = dir({ 'x.txt': XIGONG });
  const zh = await run(['x.txt'], d, { LANG: 'zh_CN.UTF-8' });
  assert.match(zh.stdout, /error missing-cell 一、本年新收政府信息公开申请数量：有 6 个数值，应为 7 个，缺少总计/);
  const en = await run(['--lang', 'en', 'x.txt'], d, { LANG: 'zh_CN.UTF-8' });
  assert.match(en.stdout, /value cells where 7 belong/);
});

test('json: the documented shape, LSP ranges, canonical labels', async () => {
  const d = dir({ 'r/a.txt': XIGONG });
  const r = await run(['--format', 'json', 'r'], d);
  assert.equal(r.code, 1);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.version, 1);
  assert.equal(doc.files.length, 1);
  const f = doc.files[0];
  assert.equal(f.file, 'r/a.txt');
  assert.equal(f.format, '2021');
  assert.equal(f.diagnostics.shift().code, 'narrative-mismatch');
  assert.deepEqual(
    Object.keys(f.diagnostics[0]).sort(),
    ['code', 'column', 'expected', 'message', 'range', 'row', 'severity', 'table'].sort(),
  );
  assert.deepEqual(f.diagnostics[0].range, {
    start: { line: 40, character: 0 },
    end: { line: 40, character: f.diagnostics[0].range.end.character },
  });
  assert.equal(f.diagnostics[0].table, '三');
  assert.equal(f.diagnostics[0].column, '总计');
});

test('sarif 2.1.0 with 1-based regions and rule metadata', async () => {
  const d = dir({ 'x.txt': XIGONG });
  const r = await run(['--format=sarif', 'x.txt'], d);
  const s = JSON.parse(r.stdout);
  assert.equal(s.version, '2.1.0');
  const res = s.runs[0].results;
  assert.equal(res.length, 6);
  assert.equal(res[0].ruleId, 'narrative-mismatch');
  assert.equal(res[1].ruleId, 'missing-cell');
  assert.equal(res[1].locations[0].physicalLocation.region.startLine, 41);
  assert.ok(s.runs[0].tool.driver.rules.some((x: { id: string }) => x.id === 'balance'));
});

test('--fix rewrites only derived cells and keeps BOM, CRLF and trailing tabs; a second run finds nothing', async () => {
  const crlf = `\ufeff${XIGONG.replace(/\n/g, '\r\n').replace('行政许可\t27679\t\t', '行政许可\t27679\t\t\t')}`;
  const d = dir({ 'x.txt': crlf });
  const r = await run(['--fix', 'x.txt'], d);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /x\.txt:41:\d+: fixed: inserted 12/);
  const after = readFileSync(join(d, 'x.txt'), 'utf8');
  assert.ok(after.startsWith('\ufeff'));
  const a = after.split('\r\n');
  const b = crlf.split('\r\n');
  assert.equal(a.length, b.length);
  const changed = b.map((l, i) => [l, a[i]]).filter(([x, y]) => x !== y);
  assert.equal(changed.length, 5);
  assert.ok(changed.every(([x, y]) => y.startsWith(x) && /^\t\d+$/.test(y.slice(x.length))));
  assert.ok(after.includes('行政许可\t27679\t\t\t\r\n'));
  const again = await run(['--fix', '--format', 'json', 'x.txt'], d);
  assert.equal(again.code, 0);
  assert.deepEqual(JSON.parse(again.stdout).files[0].fixes, []);
  assert.equal(readFileSync(join(d, 'x.txt'), 'utf8'), after);
});

test('folders and globs; non-reports found in a folder are skipped and said so', async () => {
  const d = dir({
    'a/r1.txt': generateReport(1).text,
    'a/b/r2.txt': generateReport(2, '2019').text,
    'a/notes.txt': 'shopping list\nmilk\n',
    'a/image.png': Buffer.from([0x89, 0x50, 0, 1]),
  });
  const r = await run(['--format', 'json', 'a'], d);
  assert.equal(r.code, 0, r.stderr);
  const files = JSON.parse(r.stdout).files;
  assert.deepEqual(files.map((f: { file: string }) => f.file).sort(), ['a/b/r2.txt', 'a/notes.txt', 'a/r1.txt']);
  assert.equal(files.find((f: { file: string }) => f.file === 'a/notes.txt').skipped, 'not recognised as a disclosure report');
  assert.equal(files.find((f: { file: string }) => f.file === 'a/b/r2.txt').format, '2019');
  const g = await run(['--format', 'json', 'a/**/*.txt'], d);
  assert.equal(JSON.parse(g.stdout).files.length, 3);
  const g2 = await run(['--format', 'json', 'a/*.txt'], d);
  assert.deepEqual(
    JSON.parse(g2.stdout)
      .files.map((f: { file: string }) => f.file)
      .sort(),
    ['a/notes.txt', 'a/r1.txt'],
  );
});

test('unreadable, binary and missing files: a clear error, exit 2, the others still checked', async () => {
  const d = dir({ 'good.txt': XIGONG, 'bin.txt': Buffer.from([0x31, 0, 0x32]), 'bad.txt': Buffer.from([0xff, 0xfe, 0xfd, 0x80, 0x80]) });
  symlinkSync(join(d, 'nowhere.txt'), join(d, 'dangling.txt'));
  const r = await run(['good.txt', 'bin.txt', 'bad.txt', 'dangling.txt', 'absent.txt'], d);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bin\.txt: error: binary file/);
  assert.match(r.stderr, /bad\.txt: error: not UTF-8 or GB18030 text/);
  assert.match(r.stderr, /dangling\.txt: error: broken symbolic link/);
  assert.match(r.stderr, /absent\.txt: error: no such file or folder/);
  assert.equal(r.stdout.trim().split('\n').length, 6, 'good.txt still checked');
});

test('a GB18030 report is read; --fix refuses to rewrite it rather than change its encoding', async () => {
  const gb = readFileSync(new URL('../fixtures/gb18030-missing-total.txt', import.meta.url));
  const d = dir({ 'gb.txt': gb });
  const r = await run(['--format', 'json', 'gb.txt'], d);
  const f = JSON.parse(r.stdout).files[0];
  assert.equal(f.encoding, 'gb18030');
  assert.equal(f.format, '2021');
  assert.deepEqual(
    f.diagnostics.map((x: { code: string; row: string }) => [x.code, x.row]),
    [['missing-cell', '（一）予以公开']],
  );
  const fx = await run(['--fix', 'gb.txt'], d);
  assert.equal(fx.code, 2);
  assert.match(fx.stderr, /only UTF-8 files are rewritten/);
  assert.deepEqual(readFileSync(join(d, 'gb.txt')), gb);
});

test('config: found above the report; --config overrides; invalid config is exit 2 with a readable message', async () => {
  const d = dir({
    'p/.disclosure-report.json': JSON.stringify({ rules: { 'missing-cell': 'warning' } }),
    'p/q/x.txt': XIGONG,
    'bad.json': '{"rules":{"balance":"loud"}}',
  });
  const r = await run(['p/q/x.txt'], d);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /warning missing-cell/);
  const off = dir({ 'off.json': JSON.stringify({ rules: { 'missing-cell': 'off', 'narrative-mismatch': 'off' } }) });
  writeFileSync(join(off, 'x.txt'), XIGONG);
  const r2 = await run(['--config', 'off.json', 'x.txt'], off);
  assert.equal(r2.code, 0);
  assert.equal(r2.stdout, '');
  const r3 = await run(['--config', 'bad.json', 'p/q/x.txt'], d);
  assert.equal(r3.code, 2);
  assert.match(r3.stderr, /bad\.json: rules\.balance: Invalid option/);
});

test('bad usage is exit 2 with the usage text', async () => {
  const d = dir({});
  for (const args of [[], ['--format', 'xml', 'a.txt'], ['--frobnicate', 'a.txt']]) {
    const r = await run(args, d);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /usage: disclosure-report/);
  }
  assert.equal((await run(['--help'], d)).code, 0);
});

test("a user's custom format from .disclosure-report.json templates: detected, checked with its own labels, forced by format", async () => {
  const { text, expected } = customReport();
  const d = dir({
    '.disclosure-report.json': JSON.stringify({ templates: ['./formats/provincial.json'] }),
    'formats/provincial.json': JSON.stringify(customTemplate()),
    'reports/r.txt': text,
    'plain/.disclosure-report.json': JSON.stringify({ templates: ['../formats/provincial.json'], format: CUSTOM_ID }),
    // another body: two reports of one body and year in a run would be a duplicate-report
    'plain/r.txt': generateReport(5).text.replace('某某区人民政府2023年', '另一区人民政府2023年'),
  });
  const r = await run(['--format', 'json', 'reports/r.txt', 'plain/r.txt'], d);
  assert.equal(r.stderr, '');
  assert.equal(r.code, 1);
  const [detected, forced] = JSON.parse(r.stdout).files;
  assert.equal(detected.format, CUSTOM_ID, 'its marker phrase selects the custom format');
  assert.deepEqual(
    detected.diagnostics
      .filter((f: { code: string }) => f.code === 'row-total')
      .map((f: { row: string; expected: number }) => [f.row, f.expected]),
    [[CUSTOM_ROW_LABEL, expected]],
  );
  assert.equal(forced.format, CUSTOM_ID, 'format names the custom id');
  assert.deepEqual(forced.diagnostics, [], 'a consistent report of the same shape is clean under it');
  // --config FILE from another folder: its templates are read relative to FILE
  const viaFlag = await run(['--format', 'json', join(d, 'reports/r.txt'), '--config', join(d, 'plain/.disclosure-report.json')], tmpdir());
  assert.equal(JSON.parse(viaFlag.stdout).files[0].format, CUSTOM_ID, '--config reads the templates relative to that file');
  // and with no config at all, the same text is an official 2021 report
  const alone = JSON.parse((await run(['--format', 'json', 'r.txt'], dir({ 'r.txt': text }))).stdout).files[0];
  assert.equal(alone.format, '2021');
  assert.deepEqual(
    alone.diagnostics.filter((f: { code: string }) => f.code === 'row-total').map((f: { row: string }) => f.row),
    ['（一）予以公开'],
  );
});

test('a bad custom template is reported by path and key, exit 2, and the built-in formats still apply', async () => {
  const bad = customTemplate() as { tables: { layout: string }[] };
  bad.tables[0].layout = 'grid';
  const d = dir({
    '.disclosure-report.json': JSON.stringify({ templates: ['bad.json', 'missing.json', 'broken.json'], format: CUSTOM_ID }),
    'bad.json': JSON.stringify(bad),
    'broken.json': '{ "id": ',
    'x.txt': XIGONG,
  });
  const r = await run(['--format', 'json', 'x.txt'], d);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\.json \(.*\.disclosure-report\.json: templates\.0\): tables\.0\.layout: /);
  assert.match(r.stderr, /missing\.json \(.*templates\.1\): cannot read the file/);
  assert.match(r.stderr, /broken\.json \(.*templates\.2\): not valid JSON/);
  assert.match(r.stderr, new RegExp(`format: unknown format '${CUSTOM_ID}' \\(known: auto, 2021, 2019\\)`));
  const file = JSON.parse(r.stdout).files[0];
  assert.equal(file.format, '2021');
  assert.equal(file.diagnostics.filter((f: { code: string }) => f.code === 'missing-cell').length, 5);
});

test('every output format of the registry is listed in the usage and accepted by --format', async () => {
  const d = dir({ 'x.txt': XIGONG });
  const help = await run(['--help'], d);
  for (const f of OUTPUT_FORMATS) {
    assert.ok(help.stdout.includes(f.name) && help.stdout.includes(f.summary), `usage lists ${f.name}`);
    const r = await run(['--format', f.name, 'x.txt'], d);
    assert.equal(r.code, 1, `${f.name}: the five errors, not bad usage (${r.stderr.slice(0, 200)})`);
    assert.ok(r.stdout.includes('missing-cell'), `${f.name} output names the findings`);
  }
});
