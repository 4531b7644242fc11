// The PDF reader on documents: the pdfkit edge-case fixtures (each drawn from a generated report
// whose numbers are known: scripts/make-pdf-fixtures.ts), the LibreOffice PDFs of the document
// fixtures, and the real WPS report huaian-2024.pdf. Grid level first — the right cells, spans and
// pages, every table-三 row one grid row with its seven values — then end to end: the report text of
// each PDF gives the findings of the text it was drawn from. Each fixture is also checked to
// exercise what it is there for (no bottom border at the break, borders as fills, one glyph per
// item, …), so a fixture that stopped doing so would fail here.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { analyze, type Finding } from '../../server/src/core/index';
import { TEMPLATES } from '../../server/src/core/templates/index';
import { type DocTable, isUnreadable, type ReadDocument, type ReadResult } from '../../server/src/readers/model';
import { pageSpace } from '../../server/src/readers/pdf/geometry';
import { readPdf } from '../../server/src/readers/pdf/index';
import { findTables } from '../../server/src/readers/pdf/lattice';
import { Deadline, OPS, openPdf, type RawDocument } from '../../server/src/readers/pdf/pdfjs';
import { rulingsFromOperators } from '../../server/src/readers/pdf/rulings';
import { toReportText } from '../../server/src/readers/report-text';

const PDF_DIR = new URL('../fixtures/pdf/', import.meta.url);
const DOC_DIR = new URL('../fixtures/documents/', import.meta.url);
const HUAIAN = new URL('../../../shared/samples/huaian-2024.pdf', import.meta.url);

interface Entry {
  file: string;
  expected?: string;
  format?: '2021' | '2019';
  plant?: string;
  outcome?: string;
  lines?: string[];
}
const manifest: Entry[] = JSON.parse(readFileSync(new URL('manifest.json', PDF_DIR), 'utf8'));
const generated = manifest.filter((m) => m.expected);
const libreOffice: Entry[] = (JSON.parse(readFileSync(new URL('manifest.json', DOC_DIR), 'utf8')) as (Entry & { kind: string })[]).filter(
  (m) => m.kind === 'pdf',
);

const bytesOf = (url: URL) => new Uint8Array(readFileSync(url));
const cache = new Map<string, Promise<ReadResult>>();
const read = (url: URL) => {
  if (!cache.has(url.href)) cache.set(url.href, readPdf(bytesOf(url)));
  return cache.get(url.href)!;
};
async function readable(url: URL): Promise<ReadDocument> {
  const r = await read(url);
  if (isUnreadable(r)) assert.fail(`${url.pathname}: ${r.unreadable}: ${r.message}`);
  return r;
}

const norm = (s: string) => s.normalize('NFKC').replace(/\s/g, '');
/** what identifies a label whatever its numbering and punctuation: its ideographs */
const key = (s: string) => s.replace(/[^\u4e00-\u9fff]/g, '');

/** table 三 of a generated report's text: each row's label and seven values */
function truthOf(text: string): { label: string; values: string[] }[] {
  const lines = text.split('\n');
  const first = lines.findIndex((l) => l.startsWith('一、本年新收'));
  const last = lines.findIndex((l) => l.startsWith('四、结转下年度'));
  return lines.slice(first, last + 1).map((l) => {
    const cells = l.split('\t');
    const label = cells.slice(0, 3).filter(Boolean).pop()!;
    return { label, values: cells.slice(3, 10) };
  });
}

const tables = (doc: ReadDocument) => doc.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : []));
const textOf = (t: DocTable) => t.cells.map((c) => c.text).join('|');

interface GridRow {
  row: number;
  key: string;
  values: string[];
  page: number | undefined;
}
/** each grid row of a table: the ideographs of its label cells, and its last seven anchored cells */
function gridRows(t: DocTable, n = 7): GridRow[] {
  const out: GridRow[] = [];
  for (let r = 0; r < t.rows; r++) {
    const cells = t.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
    const values = cells.slice(-n);
    const labels = cells.slice(0, Math.max(0, cells.length - n));
    out.push({ row: r, key: key(labels.map((c) => c.text).join('')), values: values.map((c) => norm(c.text)), page: t.rowPages?.[r] });
  }
  return out;
}

/** the grid row of a template label: the one row whose label ideographs end with the label's */
function rowFor(rows: GridRow[], label: string): GridRow {
  const k = key(label);
  const valueRow = (r: GridRow) => r.values.every((v) => v === '' || /^\d+(\.\d+)?$/.test(v));
  let found = rows.filter((r) => r.key.endsWith(k) && valueRow(r));
  // a label the document writes out longer than the template (（二）部分公开（区分处理的，…）)
  if (!found.length) found = rows.filter((r) => r.key.includes(k) && valueRow(r));
  assert.equal(found.length, 1, `one grid row for ${label}, found ${found.length}: ${found.map((f) => f.key).join(' / ')}`);
  return found[0];
}

function table3(doc: ReadDocument): DocTable {
  const t3 = tables(doc).filter((t) => /申请人情况/.test(textOf(t)));
  assert.equal(t3.length, 1, 'table 三 is one table, stitched across pages');
  return t3[0];
}

/** every cell of every table has a PDF source on its row's page, with a box on that page */
function assertSources(doc: ReadDocument, pageBox: { w: number; h: number }) {
  for (const t of tables(doc)) {
    assert.equal(t.rowPages?.length, t.rows);
    for (const c of t.cells) {
      assert.equal(c.source?.kind, 'pdf');
      if (c.source?.kind !== 'pdf') continue;
      assert.equal(c.source.page, t.rowPages![c.row], 'a cell is on its row’s page');
      const b = c.source.box;
      assert.ok(
        b.x0 >= -1 && b.y0 >= -1 && b.x1 <= pageBox.w + 1 && b.y1 <= pageBox.h + 1 && b.x0 < b.x1 && b.y0 < b.y1,
        JSON.stringify(b),
      );
    }
  }
  for (const b of doc.blocks) if (b.kind === 'paragraph') assert.equal(b.source?.kind, 'paragraph');
}

const findingKey = (f: Finding) => [f.code, f.table ?? '', f.row ?? '', f.column ?? '', f.expected ?? '', f.actual ?? ''].join('|');
const findingsOf = (text: string) => analyze(text).findings.map(findingKey).sort();

async function withDoc<T>(url: URL, fn: (d: RawDocument) => Promise<T>): Promise<T> {
  const d = await openPdf(bytesOf(url), new Deadline(20_000));
  try {
    return await fn(d);
  } finally {
    await d.close();
  }
}

for (const m of [...generated, ...libreOffice]) {
  const dir = generated.includes(m) ? PDF_DIR : DOC_DIR;
  const url = new URL(m.file, dir);
  const text = readFileSync(new URL(m.expected!, dir), 'utf8');

  test(`${m.file}: every table-三 row is one grid row holding its seven values`, async () => {
    const doc = await readable(url);
    const t = table3(doc);
    const rows = gridRows(t);
    const truth = truthOf(text);
    assert.equal(truth.length, m.format === '2019' ? 23 : 25);
    for (const want of truth) {
      const got = rowFor(rows, want.label);
      assert.deepEqual(got.values, want.values.map(norm), want.label);
    }
    // table 四: one row of its fifteen values (split into three tables in the split4 layout)
    const t4Values = text
      .split('\n')
      .find((l) => /^\d+(\t\d+){14}$/.test(l.normalize('NFKC')))!
      .split('\t')
      .map(norm);
    const t4 = tables(doc).filter((x) => /行政复议|行政诉讼/.test(textOf(x)));
    const got4 = t4.flatMap((x) =>
      gridRows(x, 15)
        .filter((r) => r.values.filter((v) => /^\d+$/.test(v)).length >= 5)
        .flatMap((r) => r.values.filter((v) => v !== '')),
    );
    assert.deepEqual(got4, t4Values);
    assertSources(doc, { w: 595.3, h: 841.9 });
  });

  test(`${m.file}: its report text gives the findings of the text it was made from`, async () => {
    const doc = await readable(url);
    const rt = toReportText(doc);
    assert.deepEqual(findingsOf(rt.text), findingsOf(text));
    assert.equal(analyze(rt.text).report.format, m.format);
  });
}

// what each edge-case fixture is there for

test('pdf-open-break: table 三 crosses a page with no bottom border drawn on the first page, and comes out whole', async () => {
  const url = new URL('pdf-open-break.pdf', PDF_DIR);
  const t = table3(await readable(url));
  const pages = [...new Set(t.rowPages)];
  assert.equal(pages.length, 2, 'it spans two pages');
  const lattice = await withDoc(url, async (d) => {
    const p = await d.page(pages[0]);
    const r = rulingsFromOperators(await p.operators(), pageSpace(p.view, p.rotate).toDisplay);
    return findTables(r.h, r.v).tables;
  });
  assert.equal(lattice[lattice.length - 1].openBottom, true, 'the first page’s part has an open bottom, closed by the reader');
  assert.equal(t.rows, 28, 'three header rows and 25 data rows: none lost at the break');
});

test('pdf-thin-rects: borders drawn only as filled rectangles; the header repeated on the next page is not a row', async () => {
  const url = new URL('pdf-thin-rects.pdf', PDF_DIR);
  const strokes = await withDoc(url, async (d) => {
    let n = 0;
    for (let i = 1; i <= d.numPages; i++) {
      const ol = await (await d.page(i)).operators();
      ol.fnArray.forEach((fn, k) => {
        const a = ol.argsArray[k] as unknown[];
        if (fn === OPS.constructPath && [OPS.stroke, OPS.closeStroke].includes(a[0] as 20)) n++;
      });
    }
    return n;
  });
  assert.equal(strokes, 0, 'no stroked path at all');
  const t = table3(await readable(url));
  assert.equal([...new Set(t.rowPages)].length, 2);
  assert.equal(t.rows, 28);
  assert.equal(t.cells.filter((c) => c.text === '申请人情况').length, 1);
});

test('pdf-glyphs: one glyph per text item, drawn out of order', async () => {
  const items = await withDoc(new URL('pdf-glyphs.pdf', PDF_DIR), async (d) => (await d.page(1)).text());
  const glyphs = items.filter((i) => i.str.trim());
  const single = glyphs.filter((i) => [...i.str.trim()].length === 1).length;
  assert.ok(single > 0.7 * glyphs.length, `mostly single glyphs: ${single} of ${glyphs.length}`);
});

test('pdf-row-item: pdf.js makes one text item of several value cells of a row', async () => {
  const items = await withDoc(new URL('pdf-row-item.pdf', PDF_DIR), async (d) => (await d.page(1)).text());
  const items2 = await withDoc(new URL('pdf-row-item.pdf', PDF_DIR), async (d) => (d.numPages > 1 ? (await d.page(2)).text() : []));
  const merged = [...items, ...items2].filter((i) => /^[\d ]+$/.test(i.str) && i.str.replace(/ /g, '').length >= 5 && i.width > 2 * 16.5);
  assert.ok(merged.length >= 3, `items that span three or more value cells: ${merged.map((i) => i.str).join(' / ')}`);
});

test('pdf-no-rulings: no rulings on any page; the tables are read from text alignment and say so', async () => {
  const url = new URL('pdf-no-rulings.pdf', PDF_DIR);
  const lines = await withDoc(url, async (d) => {
    let n = 0;
    for (let i = 1; i <= d.numPages; i++) {
      const p = await d.page(i);
      const r = rulingsFromOperators(await p.operators(), pageSpace(p.view, p.rotate).toDisplay);
      n += r.h.length + r.v.length;
    }
    return n;
  });
  assert.equal(lines, 0);
  const doc = await readable(url);
  assert.ok(
    doc.warnings.some((w) => /without rulings/.test(w)),
    `a warning says so: ${doc.warnings.join('; ')}`,
  );
});

test('pdf-rotated: every page is /Rotate 90, drawn sideways; cell boxes are in the page’s own (portrait) user space', async () => {
  const url = new URL('pdf-rotated.pdf', PDF_DIR);
  const rotations = await withDoc(url, async (d) => {
    const rotations: number[] = [];
    for (let i = 1; i <= d.numPages; i++) rotations.push((await d.page(i)).rotate);
    return rotations;
  });
  assert.ok(rotations.length >= 2 && rotations.every((r) => r === 90), `rotations ${rotations}`);
  const doc = await readable(url);
  const t = table3(doc);
  assert.equal([...new Set(t.rowPages)].length, 2);
  // the item of a value lies inside the box its cell names (user space)
  const first = t.cells.find((c) => c.row === 3 && c.col === 3)!;
  const src = first.source;
  assert.ok(src?.kind === 'pdf', 'a PDF source');
  const box = src.box;
  const items = await withDoc(url, async (d) => (await d.page(src.page)).text());
  const it = items.find(
    (i) =>
      i.str === first.text &&
      box &&
      i.transform[4] >= box.x0 - 1 &&
      i.transform[4] <= box.x1 + 1 &&
      i.transform[5] >= box.y0 - 1 &&
      i.transform[5] <= box.y1 + 1,
  );
  assert.ok(it, `an item "${first.text}" inside ${JSON.stringify(box)}`);
  // the text runs along user-space y (sideways on the unrotated page)
  assert.ok(Math.abs(it.transform[0]) < 0.01 && Math.abs(it.transform[1]) > 1, `a sideways text matrix: ${it.transform}`);
});

test('pdf-vertical-font: 三、本年度办理结果 in an Identity-V font is read down its column, in its cell', async () => {
  const url = new URL('pdf-vertical-font.pdf', PDF_DIR);
  const items = await withDoc(url, async (d) => {
    const all = [];
    for (let i = 1; i <= d.numPages; i++) all.push(...(await (await d.page(i)).text()));
    return all;
  });
  assert.ok(
    items.some((i) => i.vertical && i.str === '三、本年度办理结果'),
    'the label is one item of a vertical font',
  );
  const t = table3(await readable(url));
  const label = t.cells.find((c) => c.text === '三、本年度办理结果');
  assert.ok(label && label.col === 0 && label.rowspan === 22, `one cell spanning the 22 rows of 三: ${JSON.stringify(label)}`);
});

test('huaian-2024.pdf (WPS): table 三 spans pages 4–5 as one table; every row is one grid row with seven numbers', {
  skip: !existsSync(HUAIAN),
}, async () => {
  const doc = await readable(HUAIAN);
  assert.equal(doc.pageCount, 6);
  assert.deepEqual(doc.warnings, []);
  const t = table3(doc);
  assert.deepEqual([...new Set(t.rowPages)], [4, 5]);
  const rows = gridRows(t);
  const block = TEMPLATES.find((x) => x.id === '2021')!.tables.find((x) => x.id === '三')!.blocks[0];
  for (const spec of block.rows) {
    const r = rowFor(rows, spec.label);
    assert.equal(r.values.filter((v) => /^\d+$/.test(v)).length, 7, spec.label);
  }
  // three rows as poppler prints them
  assert.deepEqual(rowFor(rows, '一、本年新收政府信息公开申请数量').values, ['3001', '53', '0', '0', '61', '4', '3119']);
  assert.deepEqual(rowFor(rows, '（七）总计').values, ['2932', '53', '0', '0', '61', '4', '3050']);
  assert.deepEqual(rowFor(rows, '四、结转下年度继续办理').values, ['103', '0', '0', '0', '0', '0', '103']);
  assert.equal(rowFor(rows, '2.没有现成信息需要另行制作').page, 5, 'the rows after the break are on page 5');
  // the group label cut by the break (（四）无 / 法提供) is one cell again
  assert.ok(
    t.cells.some((c) => norm(c.text) === '(四)无法提供' && c.rowspan === 3),
    'the group label cut by the break is one cell of three rows',
  );
  // table 四: fifteen values
  const t4 = tables(doc).find((x) => /行政复议/.test(textOf(x)))!;
  assert.deepEqual(gridRows(t4, 15).at(-1)!.values, ['72', '64', '178', '37', '351', '13', '4', '8', '1', '26', '12', '1', '1', '6', '20']);
  assertSources(doc, { w: 595, h: 842 });
  // the title first, as one line; page numbers are not text
  const paras = doc.blocks.filter((b) => b.kind === 'paragraph');
  assert.equal(norm(paras[0].kind === 'paragraph' ? paras[0].text : ''), '淮安市人民政府2024年政府信息公开工作年度报告');
  assert.ok(!paras.some((p) => p.kind === 'paragraph' && /^-\s*\d+\s*-$/.test(p.text)), 'no page number is a paragraph');
});

test('huaian-2024.pdf end to end: format 2021, every table-三 row placed, no arithmetic finding', {
  skip: !existsSync(HUAIAN),
}, async () => {
  const rt = toReportText(await readable(HUAIAN));
  const a = analyze(rt.text);
  assert.equal(a.report.format, '2021');
  const t3 = a.report.tables.find((t) => t.id === '三')!;
  assert.equal(t3.blocks[0].rows.length, 25);
  assert.deepEqual(t3.missingRows, []);
  assert.deepEqual(t3.unknown, []);
  assert.ok(
    t3.blocks[0].rows.every((r) => r.valueCount === 7 && !r.uncertain),
    'every row has its seven values, none uncertain',
  );
  assert.deepEqual(
    a.findings.filter((f) => ['row-total', 'column-total', 'balance', 'missing-cell', 'extra-cell'].includes(f.code)).map(findingKey),
    [],
  );
});

test('pdf-stsong: a non-embedded STSong-Light font with /UniGB-UCS2-H reads as its text (the bundled CMaps)', async () => {
  const m = manifest.find((x) => x.file === 'pdf-stsong.pdf')!;
  const doc = await readable(new URL(m.file, PDF_DIR));
  const paras = doc.blocks.flatMap((b) => (b.kind === 'paragraph' ? [norm(b.text)] : []));
  assert.deepEqual(paras, m.lines!.map(norm));
});
