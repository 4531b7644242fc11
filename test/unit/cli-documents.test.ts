// The CLI on documents (checks.md "Documents: PDF, DOCX, HTML"): `check` on PDF, DOCX and HTML told
// by content, folders searched for them; the findings those of the text each was made from; JSON
// `source` and `page`, text output naming the PDF page, SARIF pointing at the original file; an
// unreadable document is its message and exit 2 while the other files are still checked;
// `convert FILE [-o OUT]`. The real samples: huaian-2024.pdf and shanghai-office-2019.html.
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { convertDocument } from '../../server/src/readers/index';
import { folder, type JsonFile, jsonKey, runCli } from '../support/cli';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const DOCS = join(ROOT, 'test/fixtures/documents');
const PDFS = join(ROOT, 'test/fixtures/pdf');
const SAMPLES = join(ROOT, 'test/fixtures/samples');
const HUAIAN = join(ROOT, '../shared/samples/huaian-2024.pdf');
const bytes = (file: string) => new Uint8Array(readFileSync(file));
const files = (stdout: string): JsonFile[] => JSON.parse(stdout).files;
const keys = (f: JsonFile) => f.diagnostics.map(jsonKey).sort();
const ARITHMETIC = new Set(['row-total', 'column-total', 'balance', 'missing-cell', 'extra-cell', 'empty-total']);

const manifest: { file: string; expected: string; kind: string }[] = JSON.parse(readFileSync(join(DOCS, 'manifest.json'), 'utf8'));

test('a folder of documents: each PDF, DOCX and HTML is read (by content) and gives the findings of the text it was made from', async () => {
  const r = await runCli(['check', '--format', 'json', 'test/fixtures/documents'], ROOT);
  const byName = new Map(files(r.stdout).map((f) => [f.file.split('/').pop()!, f]));
  const kinds = new Set<string>();
  for (const m of manifest) {
    const doc = byName.get(m.file);
    const txt = byName.get(m.expected);
    assert.ok(doc && txt, `${m.file} and ${m.expected} both found in the folder`);
    assert.equal(doc.error, undefined, `${m.file}: ${doc.error}`);
    assert.equal(doc.source, m.kind, m.file);
    assert.equal(txt.source, 'text');
    assert.equal(doc.format, txt.format, m.file);
    assert.deepEqual(keys(doc), keys(txt), m.file);
    kinds.add(m.kind);
  }
  assert.deepEqual([...kinds].sort(), ['docx', 'html', 'pdf']);
  assert.ok(
    manifest.some((m) => keys(byName.get(m.file)!).length > 0),
    'some fixtures have findings',
  );
  assert.equal(r.code, 1, 'errors found, nothing unreadable');
});

test('huaian-2024.pdf: read as a PDF, format 2021, every table-三 row placed, no arithmetic finding', {
  skip: !existsSync(HUAIAN),
}, async () => {
  const d = folder({});
  copyFileSync(HUAIAN, join(d, 'huaian-2024.pdf'));
  const r = await runCli(['--format', 'json', 'huaian-2024.pdf'], d);
  const [f] = files(r.stdout);
  assert.equal(f.source, 'pdf');
  assert.equal(f.format, '2021');
  assert.equal(f.error, undefined);
  assert.deepEqual(
    f.diagnostics.filter((x) => ARITHMETIC.has(x.code)),
    [],
  );
  assert.deepEqual(
    f.diagnostics.filter((x) => (x.code === 'missing-row' || x.code === 'unknown-row') && (x.table === '三' || x.table === undefined)),
    [],
  );
  // and in text, what a new user types
  const t = await runCli(['check', 'huaian-2024.pdf'], d);
  assert.match(t.stderr, /1 file\(s\) checked: 0 error\(s\)/);
  assert.equal(t.code, 0);
});

test('shanghai-office-2019.html gives the findings of shanghai-office-2019.txt', async () => {
  const r = await runCli(['--format', 'json', 'shanghai-office-2019.html', 'shanghai-office-2019.txt'], SAMPLES);
  const [html, txt] = files(r.stdout);
  assert.equal(html.source, 'html');
  assert.equal(html.format, '2019');
  assert.ok(keys(txt).length > 20, 'the text has findings');
  assert.deepEqual(keys(html), keys(txt));
});

test('text output names the PDF page; JSON adds source and page; SARIF points at the original file', async () => {
  const d = folder({
    'r.pdf': bytes(join(DOCS, 'docx-2021-wrong-total.pdf')),
    'r.docx': bytes(join(DOCS, 'docx-2021-wrong-total.docx')),
    'r.txt': readFileSync(join(DOCS, 'docx-2021-wrong-total.expected.txt'), 'utf8'),
  });
  const t = await runCli(['check', 'r.pdf', 'r.docx'], d);
  assert.equal(t.code, 1);
  // the PDF and the DOCX are one body's report for one year: each is also told so (duplicate-report)
  const lines = t.stdout
    .trim()
    .split('\n')
    .filter((l) => !/ info duplicate-report /.test(l));
  assert.ok(lines.length >= 2);
  assert.match(lines[0], /^r\.pdf:p1: error row-total （一）予以公开 总计 is 19/);
  assert.ok(
    lines.filter((l) => l.startsWith('r.docx:')).every((l) => /^r\.docx:\d+:\d+: /.test(l)),
    'a DOCX keeps line:col of its report text',
  );

  const j = files((await runCli(['--format', 'json', 'r.pdf', 'r.docx', 'r.txt'], d)).stdout);
  assert.deepEqual(
    j.map((f) => f.source),
    ['pdf', 'docx', 'text'],
  );
  assert.ok(j[0].diagnostics.length > 0);
  assert.ok(
    j[0].diagnostics.every((x) => x.page === 1),
    JSON.stringify(j[0].diagnostics.map((x) => x.page)),
  );
  assert.ok(j[1].diagnostics.every((x) => !('page' in x)));
  // the fields a .txt has are unchanged: only source is added
  assert.deepEqual(Object.keys(j[2]), ['file', 'format', 'diagnostics', 'source']);

  const s = JSON.parse((await runCli(['--format', 'sarif', 'r.pdf', 'r.txt'], d)).stdout).runs[0].results;
  const pdf = s.filter((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
    x.locations[0].physicalLocation.artifactLocation.uri.endsWith('r.pdf'),
  );
  assert.ok(pdf.length > 0);
  for (const x of pdf) {
    assert.equal(x.locations[0].physicalLocation.region, undefined, 'no text region in a PDF');
    assert.equal(x.properties.page, 1);
    assert.equal(x.properties.source, 'pdf');
    assert.ok(x.properties.reportTextRegion.startLine > 0);
  }
  const txt = s.find((x: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
    x.locations[0].physicalLocation.artifactLocation.uri.endsWith('r.txt'),
  );
  assert.ok(txt.locations[0].physicalLocation.region.startLine > 0);
});

test('what a file is comes from its content: a PDF named .txt, a web page saved as .doc, text named .docx', async () => {
  const d = folder({
    'report.txt': bytes(join(DOCS, 'docx-2021-wrong-total.pdf')),
    'page.doc': bytes(join(DOCS, 'html-2021-quirks.html')),
    'text.docx': readFileSync(join(DOCS, 'docx-2021-wrong-total.expected.txt')),
  });
  const j = files((await runCli(['--format', 'json', 'report.txt', 'page.doc', 'text.docx'], d)).stdout);
  assert.deepEqual(
    j.map((f) => [f.source, f.format, f.error]),
    [
      ['pdf', '2021', undefined],
      ['html', '2021', undefined],
      ['text', '2021', undefined],
    ],
  );
  assert.ok(j.every((f) => f.diagnostics.length > 0));
  assert.ok(
    j[1].warnings?.some((w) => /page\.doc is a web page, not a \.doc file/.test(w)),
    JSON.stringify(j[1].warnings),
  );
  // the reader's warning is said in text output too
  const t = await runCli(['page.doc'], d);
  assert.match(t.stderr, /^page\.doc: warning: page\.doc is a web page/m);
});

test('unreadable documents: each its message, exit 2, and the other files still checked', async () => {
  const ole = new Uint8Array(2048);
  ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  const d = folder({
    'encrypted.pdf': bytes(join(PDFS, 'pdf-encrypted.pdf')),
    'mojibake.pdf': bytes(join(PDFS, 'pdf-mojibake.pdf')),
    'scan.pdf': bytes(join(PDFS, 'pdf-scan.pdf')),
    'legacy.doc': ole,
    'good.txt': readFileSync(join(DOCS, 'docx-2021-wrong-total.expected.txt')),
    'good.docx': bytes(join(DOCS, 'docx-2021-wrong-total.docx')),
  });
  const r = await runCli(['check', '.'], d);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^encrypted\.pdf: error: .*password/m);
  assert.match(r.stderr, /^mojibake\.pdf: error: no Chinese text could be read/m);
  assert.match(r.stderr, /^scan\.pdf: error: .*(scan|OCR|text layer)/im);
  assert.match(r.stderr, /^legacy\.doc: error: a legacy Word\/WPS document .*save it as \.docx/m);
  assert.match(r.stdout, /^good\.txt:\d+:\d+: error row-total/m);
  assert.match(r.stdout, /^good\.docx:\d+:\d+: error row-total/m);
  assert.match(r.stderr, /2 file\(s\) checked: 4 error\(s\), 0 warning\(s\); 4 unreadable/);
  const j = files((await runCli(['--format', 'json', 'encrypted.pdf', 'legacy.doc'], d)).stdout);
  assert.equal(j[0].source, 'pdf', 'an unreadable PDF is still said to be one');
  assert.ok(j[0].error && j[1].error);
  assert.equal(j[1].source, undefined, 'a legacy .doc is no source the readers read');
});

test('a web page with no report table found in a folder is passed over as a non-report, as a .txt is', async () => {
  const d = folder({
    'index.html': '<!doctype html><html><head><meta charset="utf-8"><title>首页</title></head><body><p>欢迎</p></body></html>',
    'notes.txt': 'shopping list\n',
    'r.docx': bytes(join(DOCS, 'docx-2021-clean.docx')),
  });
  const r = await runCli(['--format', 'json', '.'], d);
  const j = files(r.stdout);
  const page = j.find((f) => f.file === 'index.html')!;
  assert.equal(page.error, undefined);
  assert.match(page.skipped ?? '', /no report table/);
  assert.equal(page.source, 'html');
  assert.equal(j.find((f) => f.file === 'r.docx')!.diagnostics.length, 0);
  assert.equal(r.code, 0);
});

test('convert FILE prints the report text; -o writes it; text, unreadable and missing files are exit 2', async () => {
  const d = folder({
    'r.pdf': bytes(join(DOCS, 'docx-2021-wrong-total.pdf')),
    'r.txt': 'just text\n',
    'bad.pdf': bytes(join(PDFS, 'pdf-encrypted.pdf')),
  });
  const expected = await convertDocument(bytes(join(d, 'r.pdf')), { name: 'r.pdf' });
  assert.ok(expected.ok);
  const out = await runCli(['convert', 'r.pdf'], d);
  assert.equal(out.code, 0);
  assert.equal(out.stdout, expected.text.text);
  assert.match(out.stdout, /予以公开\t+(\d+\t){6}19\n/);
  const o = await runCli(['convert', 'r.pdf', '-o', 'r.report.txt'], d);
  assert.equal(o.code, 0);
  assert.equal(o.stdout, '');
  assert.equal(readFileSync(join(d, 'r.report.txt'), 'utf8'), expected.text.text);
  // and what it wrote checks as the PDF does
  const both = files((await runCli(['--format', 'json', 'r.pdf', 'r.report.txt'], d)).stdout);
  assert.deepEqual(keys(both[0]), keys(both[1]));
  for (const [args, message] of [
    [['convert', 'r.txt'], /r\.txt: plain text/],
    [['convert', 'bad.pdf'], /bad\.pdf: .*password/],
    [['convert', 'nope.pdf'], /nope\.pdf: cannot read \(ENOENT\)/],
    [['convert'], /no FILE given/],
    [['convert', 'r.pdf', '-o'], /-o needs a value/],
  ] as const) {
    const r = await runCli([...args], d);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
    assert.equal(r.stdout, '');
  }
});
