// Hostile and broken documents at the CLI (issue 8, "Bad input"): a truncated and a corrupt PDF, a
// PDF of 100,000 pages, a PDF nested 100,000 deep, a DOCX zip bomb, a web page with no table, a
// report whose tables are pictures, files over 100 MB (never read whole: sparse files of 1 GB) —
// one run over all of them beside a good report: each says what is wrong in one line, nothing
// crashes or hangs, the good report is still checked, exit 2.
import assert from 'node:assert/strict';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { folder, type JsonFile, runCli } from '../support/cli';
import { buildPdf, nestingBomb, stream } from '../support/documents/pdf-bytes';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = (p: string) => new Uint8Array(readFileSync(join(ROOT, 'test/fixtures', p)));

/** a page tree of `pages` leaves (all one page object), as pdf-unreadable.test.ts builds it */
function pageBomb(pages: number): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${new Array(pages).fill('3 0 R').join(' ')}] /Count ${pages} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream('', 'BT /F1 12 Tf 72 700 Td (x) Tj ET'),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** a DOCX whose document.xml inflates to 80 MB (the cap is 64 MB) from well under 1 MB of zip */
function zipBomb(): Uint8Array {
  const xml = new Uint8Array(80 * 1024 * 1024).fill(0x20);
  xml.set(new TextEncoder().encode('<?xml version="1.0"?><w:document xmlns:w="w"><w:body>'));
  return zipSync({ '[Content_Types].xml': new TextEncoder().encode('<Types/>'), 'word/document.xml': xml }, { level: 9 });
}

const PICTURES = `<!doctype html><html><head><meta charset="utf-8"><title>某某区2023年政府信息公开工作年度报告</title></head><body>
<h1>某某区人民政府2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>全年主动公开政府信息若干条。</p>
<p>二、主动公开政府信息情况</p><p><img src="t2.png"></p><p>三、收到和处理政府信息公开申请情况</p><p><img src="t3.png"></p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p><img src="t4.png"></p><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>`;

/** a file of `size` bytes that starts with `head` and is a hole after it (no disk, no memory) */
function sparse(path: string, head: string, size: number): void {
  const fd = openSync(path, 'w');
  writeSync(fd, head);
  writeSync(fd, ' ', size - 1);
  closeSync(fd);
}

test('a folder of bad documents beside a good one: a one-line message each, no crash, no hang, the good one checked, exit 2', {
  timeout: 240_000,
}, async () => {
  const report = fixture('pdf/pdf-open-break.pdf');
  const garbage = new Uint8Array(8192).map((_, i) => (i * 7919 + 13) % 256);
  garbage.set(new TextEncoder().encode('%PDF-1.7\n'));
  const d = folder({
    'good.docx': fixture('documents/docx-2021-wrong-total.docx'),
    'truncated.pdf': report.slice(0, Math.floor(report.length / 2)),
    'corrupt.pdf': garbage,
    'pages.pdf': pageBomb(100_000),
    'nesting.pdf': nestingBomb(100_000),
    'bomb.docx': zipBomb(),
    'no-table.html':
      '<!doctype html><html><head><meta charset="utf-8"></head><body><nav>首页 | 政务公开</nav><footer>版权所有</footer></body></html>',
    'pictures.html': PICTURES,
    'scan.pdf': fixture('pdf/pdf-scan.pdf'),
  });
  sparse(join(d, 'huge.pdf'), '%PDF-1.7\n', 1024 * 1024 * 1024);
  sparse(join(d, 'huge.txt'), '2023年政府信息公开工作年度报告\n', 1024 * 1024 * 1024);

  const r = await runCli(['check', '--format', 'json', '.'], d);
  assert.equal(r.code, 2);
  assert.doesNotMatch(r.stderr, /internal error/);
  const files = new Map((JSON.parse(r.stdout).files as JsonFile[]).map((f) => [f.file, f]));
  assert.equal(files.size, 11, [...files.keys()].join(', '));
  const says: Record<string, RegExp> = {
    'truncated.pdf': /damaged or truncated/,
    'corrupt.pdf': /damaged/,
    'pages.pdf': /100000 pages, over the limit of 200/,
    'nesting.pdf': /./,
    'bomb.docx': /inflates to more than the limit|declares/,
    'pictures.html': /pictures/,
    'scan.pdf': /OCR|text layer|scan/i,
    'huge.pdf': /1024 MB, over the 100 MB limit/,
    'huge.txt': /1024 MB, over the 100 MB limit/,
  };
  for (const [name, message] of Object.entries(says)) {
    const f = files.get(name)!;
    assert.ok(f.error, `${name} is unreadable: ${JSON.stringify(f)}`);
    assert.match(f.error, message, name);
    assert.doesNotMatch(f.error, /\n/, `${name}: one line`);
  }
  assert.match(files.get('no-table.html')!.skipped ?? '', /no report table/, 'a page that is no report is passed over');
  assert.equal(files.get('pages.pdf')!.source, 'pdf');
  const good = files.get('good.docx')!;
  assert.equal(good.error, undefined);
  assert.deepEqual(good.diagnostics.map((x) => x.code).sort(), ['column-total', 'row-total']);
});
