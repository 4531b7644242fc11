// patchDocx at the byte level: only the text of the edited cells in word/document.xml changes; every
// other entry of the package keeps its name, order and bytes; re-reading gives the new values.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { analyze, applyEdits, fixAllEdits } from '../../server/src/core/index';
import { readDocx } from '../../server/src/readers/docx/index';
import { docxEdits, PatchError, patchDocx } from '../../server/src/readers/docx/patch';
import { scanDocumentXml } from '../../server/src/readers/docx/scan';
import { readDirectory } from '../../server/src/readers/docx/zip';
import { type DocTable, isUnreadable, type ReadDocument } from '../../server/src/readers/model';
import { toReportText } from '../../server/src/readers/report-text';
import { findingKey } from '../support/documents/findings';
import { documentXml, docxOf, p, tbl, tc, tr, W } from '../support/documents/ooxml';

const FIXTURES = new URL('../fixtures/documents/', import.meta.url);
const manifest: { file: string; expected: string; kind: string; plant: string }[] = JSON.parse(
  readFileSync(new URL('manifest.json', FIXTURES), 'utf8'),
);

function read(bytes: Uint8Array): ReadDocument {
  const r = readDocx(bytes);
  if (isUnreadable(r)) assert.fail(r.message);
  return r;
}
const entries = (bytes: Uint8Array) => readDirectory(bytes).entries.map((e) => e.name);

/** document.xml before and after are equal once the edited cells (whole w:tc elements) are cut out of both */
function outsideCellsEqual(before: string, after: string, cells: { table: number; row: number; cell: number }[]): void {
  const cut = (xml: string) => {
    const scan = scanDocumentXml(xml, { offsets: true });
    const ranges = cells
      .map((c) => scan.cells.get(`${c.table},${c.row},${c.cell}`)!)
      .map((o) => [o.openStart, o.closeStart] as const)
      .sort((a, b) => a[0] - b[0]);
    let out = '';
    let at = 0;
    for (const [s, e] of ranges) {
      out += xml.slice(at, s);
      at = e;
    }
    return out + xml.slice(at);
  };
  assert.equal(cut(after), cut(before));
}

test('every DOCX fixture with findings: Recalculate Totals written into the document changes only the derived cells, byte for byte', () => {
  let patched = 0;
  for (const f of manifest.filter((m) => m.kind === 'docx')) {
    const bytes = new Uint8Array(readFileSync(new URL(f.file, FIXTURES)));
    const rt = toReportText(read(bytes));
    const a = analyze(rt.text);
    const fixes = fixAllEdits(a);
    const { edits, skipped } = docxEdits(rt, fixes);
    assert.deepEqual(skipped, [], f.file);
    if (!edits.length) continue;
    patched++;
    const out = patchDocx(bytes, edits);
    // the package: same entries in the same order, every one but document.xml byte-identical
    assert.deepEqual(entries(out), entries(bytes));
    const A = unzipSync(bytes);
    const B = unzipSync(out);
    for (const name of Object.keys(A)) if (name !== 'word/document.xml') assert.deepEqual(B[name], A[name], `${f.file}: ${name}`);
    // the raw bytes of every other entry (local header + data) are copied, not recompressed
    const dirA = readDirectory(bytes);
    const dirB = readDirectory(out);
    for (const [i, e] of dirA.entries.entries()) {
      if (e.name === 'word/document.xml') continue;
      const next = (d: typeof dirA, k: number) => (k + 1 < d.entries.length ? d.entries[k + 1].localOffset : d.cdStart);
      assert.deepEqual(out.subarray(dirB.entries[i].localOffset, next(dirB, i)), bytes.subarray(e.localOffset, next(dirA, i)));
    }
    outsideCellsEqual(
      strFromU8(A['word/document.xml']),
      strFromU8(B['word/document.xml']),
      edits.map((e) => e.source as { table: number; row: number; cell: number }),
    );
    // re-read: the document now says what the fixed text says
    const fixedText = applyEdits(rt.text, fixes);
    const again = toReportText(read(out));
    assert.equal(again.text, fixedText, f.file);
    const want = analyze(
      applyEdits(
        readFileSync(new URL(f.expected, FIXTURES), 'utf8'),
        fixAllEdits(analyze(readFileSync(new URL(f.expected, FIXTURES), 'utf8'))),
      ),
    );
    assert.deepEqual(analyze(again.text).findings.map(findingKey), want.findings.map(findingKey), f.file);
    assert.ok(!analyze(again.text).findings.some((x) => ['row-total', 'column-total', 'empty-total'].includes(x.code)), f.file);
  }
  assert.ok(patched >= 3);
});

const cellXml = (bytes: Uint8Array) => {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
  return xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>') + 8);
};
const source = (cell: number, row = 0, table = 0) => ({ kind: 'docx' as const, table, row, cell });

test('a cell with text: its first w:t gets the new text, its other w:t are emptied, its breaks and symbols go', () => {
  const bytes = docxOf(
    tbl(
      tr(tc(p('a')) + tc('<w:p><w:r><w:t>1</w:t><w:br/><w:t>2</w:t></w:r></w:p><w:p><w:r><w:sym w:char="F0B4"/><w:t>3</w:t></w:r></w:p>')),
    ),
  );
  const out = patchDocx(bytes, [{ source: source(1), text: '<42&>' }]);
  assert.equal(
    cellXml(out),
    cellXml(bytes)
      .replace('<w:t>1</w:t><w:br/><w:t>2</w:t>', '<w:t>&lt;42&amp;&gt;</w:t><w:t></w:t>')
      .replace('<w:sym w:char="F0B4"/><w:t>3</w:t>', '<w:t></w:t>'),
  );
  const t = read(out).blocks.find((b) => b.kind === 'table') as { table: DocTable };
  assert.equal(t.table.cells[1].text, '<42&>\n');
});

test('a blank cell: a run goes into its first paragraph after w:pPr, with the paragraph mark run properties less revision and hidden marks', () => {
  const blank =
    '<w:p><w:pPr><w:jc w:val="center"/><w:rPr><w:rFonts w:eastAsia="宋体"/><w:ins w:id="9" w:author="a" w:date="2020-01-01T00:00:00Z"/><w:vanish/><w:sz w:val="18"/></w:rPr></w:pPr></w:p><w:p/>';
  const bytes = docxOf(
    tbl(tr(tc(p('总计')) + tc(blank) + tc('<w:p/>') + tc('<w:p w:rsidR="00AB"><w:pPr><w:jc w:val="left"/></w:pPr></w:p>'))),
  );
  const out = patchDocx(bytes, [
    { source: source(1), text: '12' },
    { source: source(2), text: '3' },
    { source: source(3), text: '4' },
  ]);
  assert.equal(
    cellXml(out),
    cellXml(bytes)
      .replace(
        '</w:pPr></w:p><w:p/>',
        '</w:pPr><w:r><w:rPr><w:rFonts w:eastAsia="宋体"/><w:sz w:val="18"/></w:rPr><w:t>12</w:t></w:r></w:p><w:p/>',
      )
      .replace('<w:tc><w:p/></w:tc>', '<w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc>')
      .replace('<w:jc w:val="left"/></w:pPr></w:p>', '<w:jc w:val="left"/></w:pPr><w:r><w:t>4</w:t></w:r></w:p>'),
  );
  const t = (read(out).blocks.find((b) => b.kind === 'table') as { table: DocTable }).table;
  assert.deepEqual(
    t.cells.map((c) => c.text),
    ['总计', '12\n', '3', '4'],
  );
});

test('a cell with no paragraph, a self-closing w:t, another namespace prefix: still only that cell changes', () => {
  const xml = `<?xml version="1.0"?><ns0:document xmlns:ns0="${W}"><ns0:body><ns0:tbl><ns0:tr><ns0:tc><ns0:tcPr/></ns0:tc><ns0:tc><ns0:p><ns0:r><ns0:t/></ns0:r></ns0:p></ns0:tc></ns0:tr></ns0:tbl></ns0:body></ns0:document>`;
  const bytes = docxOf('', { rawXml: xml });
  const out = patchDocx(bytes, [
    { source: source(0), text: '5' },
    { source: source(1), text: '6' },
  ]);
  assert.equal(
    strFromU8(unzipSync(out)['word/document.xml']),
    xml
      .replace('<ns0:tcPr/></ns0:tc>', '<ns0:tcPr/><ns0:p><ns0:r><ns0:t>5</ns0:t></ns0:r></ns0:p></ns0:tc>')
      .replace('<ns0:t/>', '<ns0:t>6</ns0:t>'),
  );
});

test('hidden, deleted and fallback text in a cell is not what gets replaced', () => {
  const cell =
    '<w:p><w:del w:id="1" w:author="a"><w:r><w:delText>9</w:delText></w:r></w:del><w:r><w:rPr><w:vanish/></w:rPr><w:t>8</w:t></w:r><w:r><w:t>7</w:t></w:r></w:p>';
  const bytes = docxOf(tbl(tr(tc(cell))));
  const out = patchDocx(bytes, [{ source: source(0), text: '70' }]);
  assert.equal(cellXml(out), cellXml(bytes).replace('<w:t>7</w:t>', '<w:t>70</w:t>'));
});

test('entries with data descriptors and stored entries are copied byte for byte; the edited entry gets a header of its own', () => {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    chunks.push(chunk);
  });
  const add = (name: string, data: string, stored = false) => {
    const f = stored ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    zip.add(f);
    f.push(strToU8(data), true);
  };
  add('[Content_Types].xml', '<Types/>');
  add('word/document.xml', documentXml(tbl(tr(tc(p('1'))))));
  add('word/media/image1.png', 'not really a png', true);
  add('docProps/app.xml', '<Properties/>');
  zip.end();
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  assert.ok(
    readDirectory(bytes).entries.every((e) => e.flags & 8),
    'the streaming writer uses data descriptors',
  );
  const out = patchDocx(bytes, [{ source: source(0), text: '2' }]);
  const A = readDirectory(bytes);
  const B = readDirectory(out);
  assert.deepEqual(
    B.entries.map((e) => e.name),
    A.entries.map((e) => e.name),
  );
  for (const i of [0, 2, 3]) {
    const end = (d: typeof A, k: number) => (k + 1 < d.entries.length ? d.entries[k + 1].localOffset : d.cdStart);
    assert.deepEqual(out.subarray(B.entries[i].localOffset, end(B, i)), bytes.subarray(A.entries[i].localOffset, end(A, i)));
  }
  assert.equal(B.entries[1].flags & 8, 0);
  assert.equal((read(out).blocks[0] as { table: DocTable }).table.cells[0].text, '2');
  assert.deepEqual(unzipSync(out)['word/media/image1.png'], strToU8('not really a png'));
});

test('a cell whose text is already right is left alone: no edit changes nothing, the very bytes come back', () => {
  const bytes = docxOf(tbl(tr(tc(p('12')))));
  assert.equal(patchDocx(bytes, [{ source: source(0), text: '12' }]), bytes);
  assert.equal(patchDocx(bytes, []), bytes);
});

test('edits that cannot be written are refused with a PatchError, the document untouched', () => {
  const bytes = docxOf(tbl(tr(tc(p('1')))));
  assert.throws(() => patchDocx(bytes, [{ source: { kind: 'html', table: 0, row: 0, cell: 0 }, text: '1' }]), PatchError);
  assert.throws(() => patchDocx(bytes, [{ source: source(5), text: '1' }]), PatchError);
  assert.throws(
    () =>
      patchDocx(bytes, [
        { source: source(0), text: '1' },
        { source: source(0), text: '2' },
      ]),
    PatchError,
  );
  const notUtf8 = docxOf('', {
    rawXml: new Uint8Array([...strToU8(documentXml(tbl(tr(tc(p('1')))))).slice(0, -20), 0xff, ...strToU8('</w:body></w:document>')]),
  });
  assert.throws(() => patchDocx(notUtf8, [{ source: source(0), text: '2' }]), /not valid UTF-8/);
});

test('docxEdits: the core edits of a report text as cell writes; an edit outside any DOCX cell is skipped', () => {
  const rt = toReportText(
    read(
      docxOf(
        p('三、收到和处理政府信息公开申请情况') +
          tbl(tr(tc(p('申请人情况')) + tc(p('自然人'))) + tr(tc(p('一、本年新收政府信息公开申请数量')) + tc(p('12')))),
      ),
    ),
  );
  const line = rt.text.split('\n').findIndex((l) => l.startsWith('一、'));
  const at = rt.text.split('\n')[line].indexOf('12');
  const { edits, skipped } = docxEdits(rt, [
    { range: { start: { line, character: at + 1 }, end: { line, character: at + 2 } }, newText: '5' },
    { range: { start: { line, character: at }, end: { line, character: at } }, newText: '1' },
    { range: { start: { line, character: at + 2 }, end: { line, character: at + 2 } }, newText: '\t9' },
  ]);
  assert.deepEqual(edits, [{ source: { kind: 'docx', table: 0, row: 1, cell: 1 }, text: '115' }]);
  assert.equal(skipped.length, 1);
});
