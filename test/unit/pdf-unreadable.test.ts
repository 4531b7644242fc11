// PDFs with no checkable text, and hostile ones: each is a one-line message that says what to do,
// never a crash, never a hang — a scan, broken font encodings, encryption, damage and truncation,
// a page tree of a hundred thousand pages, deep nesting, the size, page and time limits.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isUnreadable, type ReadResult, type UnreadableReason } from '../../server/src/readers/model';
import { type PdfReadOptions, readPdf } from '../../server/src/readers/pdf/index';
import { buildPdf, nestingBomb, stream } from '../support/documents/pdf-bytes';

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/pdf/${name}`, import.meta.url)));

async function expectUnreadable(bytes: Uint8Array, reason: UnreadableReason, says: RegExp, options?: PdfReadOptions): Promise<string> {
  const r: ReadResult = await readPdf(bytes, options);
  assert.ok(isUnreadable(r), `unreadable (${reason}), got a document of ${'blocks' in r ? r.blocks.length : 0} blocks`);
  assert.equal(r.unreadable, reason, r.message);
  assert.doesNotMatch(r.message, /\n/, 'one line');
  assert.match(r.message, says);
  return r.message;
}

test('a scan (pages that are only images) says: no text layer, run OCR', async () => {
  await expectUnreadable(fixture('pdf-scan.pdf'), 'scanned', /no text layer.*OCR/);
});

test('Chinese written in a Latin font (mojibake, in pdf.js as in poppler) says: no Chinese text, re-export or OCR', async () => {
  await expectUnreadable(fixture('pdf-mojibake.pdf'), 'broken-fonts', /no Chinese text.*(re-export|OCR)/);
});

test('an encrypted report says: password-protected, save an unprotected copy', async () => {
  await expectUnreadable(fixture('pdf-encrypted.pdf'), 'encrypted', /password.*unprotected copy/);
});

test('damaged and truncated files, and files that are not PDFs, are corrupt', async () => {
  const report = fixture('pdf-open-break.pdf');
  await expectUnreadable(report.slice(0, Math.floor(report.length / 2)), 'corrupt', /damaged or truncated.*download it again/);
  const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
  garbage.set(new TextEncoder().encode('%PDF-1.7\n'));
  await expectUnreadable(garbage, 'corrupt', /damaged/);
  await expectUnreadable(new TextEncoder().encode('<html><body>报告</body></html>'), 'corrupt', /not a PDF/);
  await expectUnreadable(new Uint8Array(0), 'corrupt', /not a PDF/);
});

test('a page tree of 100,000 pages is too large at once (the page limit), without reading a page', async () => {
  const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  const bomb = buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${new Array(100_000).fill('3 0 R').join(' ')}] /Count 100000 >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream('', 'BT /F1 12 Tf 72 700 Td (x) Tj ET'),
    font,
  ]);
  const t = Date.now();
  const message = await expectUnreadable(bomb, 'too-large', /100000 pages, over the limit of 200/);
  assert.ok(Date.now() - t < 20_000, `quick: ${Date.now() - t} ms (${message})`);
});

test('nesting 100,000 deep (arrays in the page, q in its content) does not overflow the stack or hang', async () => {
  const t = Date.now();
  const r = await readPdf(nestingBomb(100_000), { timeoutMs: 20_000 });
  assert.ok(isUnreadable(r), 'nothing checkable in it');
  assert.ok(['corrupt', 'scanned'].includes(r.unreadable), r.message);
  assert.ok(Date.now() - t < 25_000, `bounded: ${Date.now() - t} ms`);
});

test('the size, page and time limits each give a one-line message', async () => {
  const report = fixture('pdf-open-break.pdf');
  await expectUnreadable(report, 'too-large', /the file is \d+ KB, over the 1 KB limit/, { maxBytes: 1000 });
  await expectUnreadable(report, 'too-large', /\d pages, over the limit of 1/, { maxPages: 1 });
  await expectUnreadable(report, 'too-large', /took longer than 0\.001 s/, { timeoutMs: 1 });
  // and within them it reads
  const ok = await readPdf(report, { maxBytes: report.length, maxPages: 10, timeoutMs: 60_000 });
  assert.ok(!isUnreadable(ok), 'readable within the limits');
});

test('the caller’s bytes are left as they were (pdf.js is given a copy)', async () => {
  const report = fixture('pdf-glyphs.pdf');
  const copy = report.slice();
  await readPdf(report);
  assert.equal(report.length, copy.length, 'not transferred');
  assert.ok(
    report.every((b, i) => b === copy[i]),
    'not changed',
  );
});
