// Bad bytes, at the byte level: a report with a few bytes that are not UTF-8 is read as VS Code
// reads it (each bad sequence as U+FFFD), checked, and `invalid-encoding` points at the first bad
// character; --fix leaves it untouched and says why; the exit status follows the findings. Real
// binaries are still refused, saying what they are; GB18030 files are still read.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { readReport } from '../../server/src/cli/files';
import { analyze } from '../../server/src/core/index';
import { runCli as run } from '../support/cli';
import { generateReport, withWrongSevenTotal } from '../support/report';

function put(files: Record<string, Buffer>): string {
  const d = mkdtempSync(join(tmpdir(), 'dr-enc-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(d, name), body);
  return d;
}

/** The report's UTF-8 bytes with `bad` spliced in just before the first occurrence of `before`. */
function withBadBytes(text: string, before: string, bad: number[]): { bytes: Buffer; line: number; character: number } {
  const at = text.indexOf(before);
  assert.ok(at > 0);
  const head = Buffer.from(text.slice(0, at), 'utf8');
  const lines = text.slice(0, at).split('\n');
  return {
    bytes: Buffer.concat([head, Buffer.from(bad), Buffer.from(text.slice(at), 'utf8')]),
    line: lines.length - 1,
    character: lines[lines.length - 1].length,
  };
}

const { text } = generateReport(31);
/** （七）'s first value one too many: a row-total and a column-total error */
const wrong = withWrongSevenTotal(text);
assert.notEqual(wrong, text);

test('one byte that is not UTF-8 (in the prose): read, checked, invalid-encoding at that character, exit follows the findings', async () => {
  for (const bad of [[0xff], [0xc3], [0xe4, 0xb8], [0x80, 0x80, 0x80]]) {
    const clean = withBadBytes(text, '全年主动公开', bad);
    const d = put({ 'r.txt': clean.bytes, 'w.txt': withBadBytes(wrong, '全年主动公开', bad).bytes });
    const r = await run(['--format', 'json', 'r.txt'], d);
    assert.equal(r.code, 0, `only a warning: exit 0 (${bad})`);
    const f = JSON.parse(r.stdout).files[0];
    assert.equal(f.format, '2021');
    assert.equal(f.error, undefined);
    assert.deepEqual(
      f.diagnostics.map((x: { code: string }) => x.code),
      ['invalid-encoding'],
    );
    const enc = f.diagnostics[0];
    assert.deepEqual(enc.range, {
      start: { line: clean.line, character: clean.character },
      end: { line: clean.line, character: clean.character + 1 },
    });
    assert.equal(enc.severity, 'warning');
    // the same text as the editor's: U+FFFD where the bytes were
    const read = readReport(join(d, 'r.txt'));
    assert.ok(!('error' in read));
    assert.equal(read.text, new TextDecoder('utf-8').decode(clean.bytes));
    assert.equal(read.text.split('\n')[clean.line][clean.character], '\ufffd');
    // with an error too: exit 1, and both reported
    const w = await run(['w.txt'], d);
    assert.equal(w.code, 1);
    assert.match(w.stdout, /warning invalid-encoding/);
    assert.match(w.stdout, /error column-total/);
  }
});

test('a download cut short in the middle of a character: the last table still checked', async () => {
  const bytes = Buffer.from(`${text}\n附：本报告`, 'utf8');
  const cut = bytes.subarray(0, bytes.length - 1); // the last 告 loses its last byte
  const d = put({ 'cut.txt': Buffer.from(cut) });
  const r = await run(['--format', 'json', 'cut.txt'], d);
  const f = JSON.parse(r.stdout).files[0];
  assert.equal(r.code, 0);
  assert.deepEqual(
    f.diagnostics.map((x: { code: string }) => x.code),
    ['invalid-encoding'],
  );
  assert.equal(f.diagnostics[0].range.start.line, text.split('\n').length);
});

test('--fix leaves a file with bad bytes untouched and says why; the exit status still follows the findings', async () => {
  const bad = withBadBytes(wrong, '全年主动公开', [0xfe]);
  const d = put({ 'w.txt': bad.bytes });
  const r = await run(['--fix', 'w.txt'], d);
  assert.equal(r.code, 1, 'the errors remain: exit 1, not 2');
  assert.match(r.stderr, /w\.txt: --fix: not rewritten: the file has 1 byte sequence\(s\) that are not valid UTF-8/);
  assert.deepEqual(readFileSync(join(d, 'w.txt')), bad.bytes, 'not a byte changed');
  const j = JSON.parse((await run(['--fix', '--format', 'json', 'w.txt'], d)).stdout).files[0];
  assert.match(j.fixSkipped, /not rewritten/);
  assert.deepEqual(j.fixes, []);
  assert.equal(j.error, undefined);
});

test('a U+FFFD the editor shows is the same finding in the core: the editor and the CLI agree', () => {
  const bad = withBadBytes(text, '全年主动公开', [0xff]);
  const a = analyze(new TextDecoder('utf-8').decode(bad.bytes));
  assert.deepEqual(
    a.findings.map((f) => [f.code, f.range.start.line, f.range.start.character]),
    [['invalid-encoding', bad.line, bad.character]],
  );
  assert.deepEqual(analyze(text).findings, []);
});

test('real binaries are still refused, saying what they are; GB18030 is still read; many bad bytes are no text', async () => {
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]), Buffer.from(text, 'utf8')]);
  const nul = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.alloc(64)]);
  const noise = Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 37 + 11) % 256).filter((b) => b !== 0));
  const gb = readFileSync(new URL('../fixtures/gb18030-missing-total.txt', import.meta.url));
  const d = put({ 'a.png.txt': png, 'z.txt': zip, 'n.txt': nul, 'noise.txt': noise, 'gb.txt': gb });
  const r = await run(['a.png.txt', 'z.txt', 'n.txt', 'noise.txt', 'gb.txt'], d);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /a\.png\.txt: error: binary file \(a PNG image\), not report text/);
  assert.match(r.stderr, /z\.txt: error: (?:binary file \(a zip archive\)|a zip file that is not a Word document)/);
  assert.match(r.stderr, /n\.txt: error: binary file \(contains NUL bytes\)/);
  assert.match(r.stderr, /noise\.txt: error: not UTF-8 or GB18030 text/);
  assert.match(r.stdout, /gb\.txt:\d+:\d+: error missing-cell/);
  const g = readReport(join(d, 'gb.txt'));
  assert.ok(!('error' in g) && g.encoding === 'gb18030' && !g.invalidBytes);
  // a U+FFFD written in the file as valid UTF-8 is text, not a bad byte
  const d2 = put({ 'ok.txt': Buffer.from(text.replace('全年主动公开', '全年\ufffd主动公开'), 'utf8') });
  const ok = readReport(join(d2, 'ok.txt'));
  assert.ok(!('error' in ok) && ok.invalidBytes === undefined);
});
