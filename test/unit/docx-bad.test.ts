// Bad input through readDocument: files recognised by content (legacy Word, RTF, zips that are not
// DOCX, HTML under a .doc name), zip bombs, truncated and damaged DOCX, oversized input, and a
// seeded fuzz loop over every DOCX fixture: always a document or a clear Unreadable, never a throw.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { readDocx } from '../../server/src/readers/docx/index';
import { readDirectory } from '../../server/src/readers/docx/zip';
import { convertDocument, isUnreadable, type ReadResult, readDocument, sizeRefusal, sniff } from '../../server/src/readers/index';
import { mutations } from '../support/documents/mutate';
import { documentXml, docxOf, p } from '../support/documents/ooxml';

const FIXTURES = new URL('../fixtures/documents/', import.meta.url);
const manifest: { file: string; kind: string }[] = JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8'));
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(name, FIXTURES)));
const ascii = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => new Uint8Array([...s].flatMap((c) => [c.charCodeAt(0), 0]));

function ole(streams: string[]): Uint8Array {
  const b = new Uint8Array(4096);
  b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  let at = 1024;
  for (const s of streams) {
    b.set(utf16le(s), at);
    at += 128;
  }
  return b;
}

test('sniff: by content, whatever the name', () => {
  const docx = fixture('docx-2021-clean.docx');
  assert.deepEqual(sniff(docx), { kind: 'docx' });
  assert.deepEqual(sniff(new Uint8Array([...ascii('junk\r\n'), ...ascii('%PDF-1.7\n...')])), { kind: 'pdf', offset: 6 });
  assert.deepEqual(sniff(zipSync({ 'xl/workbook.xml': strToU8('<x/>') })), { kind: 'zip' });
  assert.deepEqual(sniff(ole(['WordDocument'])), { kind: 'ole' });
  assert.deepEqual(sniff(ascii('<html><body>x</body></html>')), { kind: 'html', mhtml: false });
  assert.deepEqual(sniff(ascii('\ufeff  <!DOCTYPE html><p>x')), { kind: 'html', mhtml: false });
  assert.deepEqual(sniff(ascii('<meta charset="gbk"><p>x</p>')), { kind: 'html', mhtml: false });
  assert.deepEqual(sniff(ascii('MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n')), { kind: 'html', mhtml: true });
  assert.deepEqual(sniff(ascii('{\\rtf1\\ansi\\ansicpg936 ...')), { kind: 'rtf' });
  assert.deepEqual(sniff(ascii('<?xml version="1.0"?><w:wordDocument xmlns:w="x"/>')), { kind: 'word-xml' });
  assert.deepEqual(sniff(ascii('某某区2023年政府信息公开工作年度报告\n一、总体情况\n')), { kind: 'text' });
  assert.deepEqual(sniff(new Uint8Array([1, 2, 3, 0, 5])), { kind: 'binary' });
  // a truncated DOCX (no central directory) is still a DOCX: its reader then says it is damaged
  assert.deepEqual(sniff(docx.slice(0, docx.length - 200)), { kind: 'docx' });
});

test('legacy and foreign formats: a one-line message that says what to do', async () => {
  const cases: [Uint8Array, string, RegExp][] = [
    [ole(['WordDocument', '1Table']), 'legacy-word', /save it as \.docx/],
    [ole(['EncryptedInfo', 'EncryptedPackage']), 'encrypted', /password/],
    [ole(['Workbook']), 'unsupported', /spreadsheet/],
    [ascii('{\\rtf1\\ansi report}'), 'unsupported', /RTF.*\.docx/],
    [
      zipSync({ 'content.xml': strToU8('<x/>'), mimetype: strToU8('application/vnd.oasis.opendocument.text') }),
      'unsupported',
      /not a Word document/,
    ],
    [ascii('纯文本报告\n'), 'unsupported', /plain text/],
    [new Uint8Array([0, 1, 2, 3]), 'unsupported', /not a PDF, DOCX or HTML/],
  ];
  for (const [bytes, reason, message] of cases) {
    const r = await readDocument(bytes, { name: 'report.doc' });
    assert.ok(isUnreadable(r));
    assert.equal(r.unreadable, reason);
    assert.match(r.message, message);
    assert.ok(!r.message.includes('\n'));
  }
});

test('a web page saved under a .doc name is read as HTML, and a warning says what it is', async () => {
  const page = ascii('<html><body><p>一、总体情况</p><table><tr><td>说明</td><td>申请人情况</td></tr></table></body></html>');
  const r = await readDocument(page, { name: '年度报告.doc' });
  assert.ok(!isUnreadable(r));
  assert.equal(r.source, 'html');
  assert.match(r.warnings[0], /年度报告\.doc is a web page, not a \.doc file/);
});

/** a DOCX whose document.xml is `inflated` bytes of spaces inside a paragraph, deflated (a bomb), declaring `declared` as its size */
function bomb(inflated: number, declared?: number): Uint8Array {
  const body = new Uint8Array(inflated).fill(0x20);
  body.set(ascii(documentXml('<w:p><w:r><w:t>').replace(/<w:sectPr.*$/, '')));
  const zip = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': [body, { level: 1 }] });
  if (declared !== undefined) {
    const e = readDirectory(zip).entries.find((x) => x.name === 'word/document.xml')!;
    new DataView(zip.buffer).setUint32(e.cdStart + 24, declared, true);
    new DataView(zip.buffer).setUint32(e.localOffset + 22, declared, true);
  }
  return zip;
}

test('a zip bomb declaring its size is refused before inflating: too-large', async () => {
  const b = bomb(8 * 1024 * 1024);
  // garbage where the compressed data is: had it been inflated, the answer would be 'corrupt'
  const e = readDirectory(b).entries.find((x) => x.name === 'word/document.xml')!;
  const start = e.localOffset + 30 + b[e.localOffset + 26] + b[e.localOffset + 28];
  b.fill(0xff, start, start + e.compressedSize);
  const r = await readDocument(b, { limits: { maxInflatedBytes: 1024 * 1024 } });
  assert.ok(isUnreadable(r));
  assert.equal(r.unreadable, 'too-large');
  assert.match(r.message, /declares 8388608 bytes/);
});

test('a zip bomb lying about its size is stopped once it passes the cap: too-large, whatever it declares', async () => {
  const r = await readDocument(bomb(16 * 1024 * 1024, 1000), { limits: { maxInflatedBytes: 1024 * 1024 } });
  assert.ok(isUnreadable(r));
  assert.equal(r.unreadable, 'too-large');
  assert.match(r.message, /inflates to more than the limit/);
  // and with the default 64 MB cap, a 100 MB bomb (about 100 KB of zip)
  const big = bomb(100 * 1024 * 1024, 4096);
  assert.ok(big.length < 1024 * 1024);
  const d = await readDocument(big);
  assert.ok(isUnreadable(d));
  assert.equal(d.unreadable, 'too-large');
});

test('a damaged DOCX: truncated anywhere, a CRC that does not match, an encrypted entry, an unknown method', async () => {
  const docx = fixture('docx-2021-wrong-total.docx');
  let corrupt = 0;
  for (let k = 1; k <= 40; k++) {
    const r = await readDocument(docx.slice(0, Math.floor((docx.length * k) / 41)));
    assert.ok(isUnreadable(r));
    if (r.unreadable === 'corrupt') corrupt++;
    assert.match(r.message, /damaged|not a|Word|no end record|unsupported|plain text|PDF, DOCX/);
  }
  assert.ok(corrupt >= 30, `${corrupt} of 40 prefixes are reported damaged`);
  const dir = readDirectory(docx);
  const e = dir.entries.find((x) => x.name === 'word/document.xml')!;
  const crc = docx.slice();
  new DataView(crc.buffer).setUint32(e.cdStart + 16, (e.crc ^ 1) >>> 0, true);
  const rc = readDocx(crc);
  assert.ok(isUnreadable(rc) && rc.unreadable === 'corrupt' && /CRC/.test(rc.message));
  const enc = docx.slice();
  new DataView(enc.buffer).setUint16(e.cdStart + 8, e.flags | 1, true);
  const re = readDocx(enc);
  assert.ok(isUnreadable(re) && re.unreadable === 'encrypted');
  const method = docx.slice();
  new DataView(method.buffer).setUint16(e.cdStart + 10, 12, true);
  const rm = readDocx(method);
  assert.ok(isUnreadable(rm) && rm.unreadable === 'unsupported');
});

test('input over the size limit is refused at once, by its length alone', async () => {
  const huge = new Uint8Array(100 * 1024 * 1024 + 1);
  huge.set(ascii('%PDF-1.4'));
  const r = await readDocument(huge);
  assert.ok(isUnreadable(r));
  assert.equal(r.unreadable, 'too-large');
  assert.match(r.message, /over the 100 MB limit/);
  assert.equal(sizeRefusal(5 * 1024 * 1024 * 1024)?.unreadable, 'too-large');
  assert.equal(sizeRefusal(1000), undefined);
  const small = await readDocument(fixture('docx-2021-clean.docx'), { limits: { maxBytes: 1000 } });
  assert.ok(isUnreadable(small) && small.unreadable === 'too-large');
});

test('a readable DOCX that is no report: no-report; an empty one: no-report', async () => {
  const letter = await convertDocument(docxOf(p('会议通知') + p('请各单位于周五前报送材料。')));
  assert.ok(!letter.ok && letter.unreadable.unreadable === 'no-report');
  const empty = await convertDocument(docxOf(''));
  assert.ok(!empty.ok && empty.unreadable.unreadable === 'no-report');
});

function settled(r: ReadResult): boolean {
  return isUnreadable(r) ? typeof r.message === 'string' && r.message.length > 0 : Array.isArray(r.blocks);
}

test('fuzz: mutated bytes of every DOCX fixture, and mutated document.xml re-zipped: a document or an Unreadable, never a throw', async () => {
  const files = manifest.filter((m) => m.kind === 'docx').map((m) => m.file);
  let seed = 1;
  let readable = 0;
  let total = 0;
  for (const f of files) {
    const bytes = fixture(f);
    for (const m of mutations(bytes, seed++, 30)) {
      const r = await convertDocument(m.bytes);
      total++;
      if (r.ok) readable++;
      else assert.ok(settled(r.unreadable), `${f}: ${m.what}`);
    }
    // the XML itself damaged: the state machine sees broken markup, not just a bad CRC
    const xml = unzipSync(bytes)['word/document.xml'];
    for (const m of mutations(xml, seed++, 30)) {
      const zip = zipSync({ ...unzipSync(bytes), 'word/document.xml': m.bytes });
      const r = await convertDocument(zip);
      total++;
      if (r.ok) {
        readable++;
        assert.equal(typeof r.text.text, 'string');
      } else assert.ok(settled(r.unreadable), `${f} xml: ${m.what}`);
    }
  }
  assert.ok(total >= 300);
  assert.ok(readable > 0 && readable < total, `${readable} of ${total} mutants still read`);
});

test('fuzz: mutated bytes of a PDF made from a DOCX fixture, through readDocument: a document or an Unreadable, never a throw', async () => {
  const pdf = fixture('docx-2021-wrong-total.pdf');
  let n = 0;
  for (const m of mutations(pdf, 77, 6)) {
    const r = await convertDocument(m.bytes);
    n++;
    assert.ok(r.ok || r.unreadable.message.length > 0, m.what);
  }
  assert.equal(n, 6);
});
