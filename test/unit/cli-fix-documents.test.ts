// `check --fix` on documents (checks.md "Documents"): on a DOCX the recomputed derived cells are
// written into the .docx — only their text inside word/document.xml changes, every other part of the
// package keeps its bytes — and the file then checks clean; on a PDF or a web page nothing changes,
// and the CLI says so.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { folder, type JsonFile, runCli } from '../support/cli';

const DOCS = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/documents');
const fixture = (name: string) => new Uint8Array(readFileSync(join(DOCS, name)));
const files = (stdout: string): JsonFile[] => JSON.parse(stdout).files;

/** where two strings differ: the common prefix, and the differing middles */
function diff(a: string, b: string) {
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let q = 0;
  while (q < a.length - p && q < b.length - p && a[a.length - 1 - q] === b[b.length - 1 - q]) q++;
  return { at: p, a: a.slice(p, a.length - q), b: b.slice(p, b.length - q) };
}

/** every part but word/document.xml byte for byte the same, in the same order */
function assertOtherPartsKept(before: Uint8Array, after: Uint8Array): { before: string; after: string } {
  const A = unzipSync(before);
  const B = unzipSync(after);
  assert.deepEqual(Object.keys(B), Object.keys(A), 'the same parts, in the same order');
  for (const name of Object.keys(A)) if (name !== 'word/document.xml') assert.deepEqual(B[name], A[name], `${name} kept byte for byte`);
  return { before: strFromU8(A['word/document.xml']), after: strFromU8(B['word/document.xml']) };
}

test('--fix on a DOCX: a wrong 总计 cell gets the sum, only its text changes, and the file then checks clean', async () => {
  const original = fixture('docx-2021-wrong-total.docx');
  const d = folder({ 'r.docx': original });
  const r = await runCli(['check', '--fix', '--format', 'json', 'r.docx'], d);
  const [f] = files(r.stdout);
  assert.equal(f.error, undefined, f.error);
  assert.deepEqual(
    f.fixes?.map((x) => [x.old, x.newText]),
    [['19', '16']],
  );
  assert.deepEqual(
    f.diagnostics.filter((x) => x.severity === 'error'),
    [],
    'the findings after the fix',
  );
  assert.equal(r.code, 0);

  const fixed = new Uint8Array(readFileSync(join(d, 'r.docx')));
  const xml = assertOtherPartsKept(original, fixed);
  const change = diff(xml.before, xml.after);
  assert.deepEqual([change.a, change.b], ['9', '6'], 'one digit of one cell');
  // inside a w:t text node: the last tag before the change opens a w:t, and the node reads 19 → 16
  const tagStart = xml.before.lastIndexOf('<', change.at);
  assert.match(xml.before.slice(tagStart, xml.before.indexOf('>', tagStart) + 1), /^<w:t(\s[^>]*)?>$/);
  const node = (s: string) => s.slice(s.indexOf('>', tagStart) + 1, s.indexOf('<', change.at));
  assert.deepEqual([node(xml.before), node(xml.after)], ['19', '16']);

  // checks clean, and a second --fix changes nothing at all
  const again = await runCli(['check', '--fix', '--format', 'json', 'r.docx'], d);
  assert.equal(again.code, 0);
  assert.deepEqual(files(again.stdout)[0].fixes, []);
  assert.deepEqual(new Uint8Array(readFileSync(join(d, 'r.docx'))), fixed);
});

test('--fix on a DOCX with a blank 总计: a run with the sum goes into the blank cell, nothing else changes', async () => {
  const original = fixture('docx-2021-blank-total.docx');
  const d = folder({ 'r.docx': original });
  const before = files((await runCli(['--format', 'json', 'r.docx'], d)).stdout)[0];
  assert.ok(before.diagnostics.some((x) => x.code === 'empty-total'));
  const r = await runCli(['check', '--fix', 'r.docx'], d);
  assert.match(r.stdout, /^r\.docx:\d+:\d+: fixed: inserted (\d+)$/m);
  const value = /fixed: inserted (\d+)/.exec(r.stdout)![1];
  const xml = assertOtherPartsKept(original, new Uint8Array(readFileSync(join(d, 'r.docx'))));
  const change = diff(xml.before, xml.after);
  assert.equal(change.a, '', 'nothing of the document removed');
  assert.ok(change.b.includes(`>${value}</w:t>`), change.b);
  assert.equal((xml.after.match(/<w:r[\s>]/g) ?? []).length, (xml.before.match(/<w:r[\s>]/g) ?? []).length + 1, 'one run added');
  const after = files((await runCli(['--format', 'json', 'r.docx'], d)).stdout)[0];
  assert.deepEqual(
    after.diagnostics.filter((x) => x.code === 'empty-total' || x.severity === 'error'),
    [],
  );
});

test('--fix on a PDF or a web page changes nothing and says so for each file', async () => {
  const pdf = fixture('docx-2021-wrong-total.pdf');
  const html = fixture('html-2021-quirks.html');
  const d = folder({ 'r.pdf': pdf, 'r.html': html });
  const t = await runCli(['check', '--fix', 'r.pdf', 'r.html'], d);
  assert.equal(t.code, 1, 'their errors remain');
  assert.match(t.stderr, /^r\.pdf: --fix changes nothing in a PDF/m);
  assert.match(t.stderr, /^r\.html: --fix changes nothing in a web page/m);
  assert.doesNotMatch(t.stdout, /fixed:/);
  assert.deepEqual(new Uint8Array(readFileSync(join(d, 'r.pdf'))), pdf);
  assert.deepEqual(new Uint8Array(readFileSync(join(d, 'r.html'))), html);
  const j = files((await runCli(['check', '--fix', '--format', 'json', 'r.pdf'], d)).stdout)[0];
  assert.match(j.fixSkipped ?? '', /changes nothing in a PDF/);
  assert.equal(j.fixes, undefined);
  assert.ok(j.diagnostics.some((x) => x.code === 'row-total'));
});
