// Writes the PDF edge-case fixtures (test/fixtures/pdf/): generated reports drawn with pdfkit the
// ways real PDFs draw tables (test/support/documents/pdf.ts), beside each the text it was drawn
// from (<name>.expected.txt: its findings are what the PDF's must be), and the PDFs no report
// generator makes: a non-embedded STSong-Light page, Chinese in a Latin font (mojibake), a scan
// (an image only), an encrypted report. manifest.json lists them with what each exercises.
//   npx tsx scripts/make-pdf-fixtures.ts
// pdfkit needs the WenQuanYi Micro Hei font (installed on the development machine, not in CI): the
// PDFs are made once and committed.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { CJK_FONT, type PdfOptions, reportPdfLayout } from '../test/support/documents/pdf';
import { imageOnlyPdf, mojibakePdf, stSongPdf } from '../test/support/documents/pdf-bytes';
import { type Plant, plantedReport } from '../test/support/documents/plant';

const OUT = new URL('../test/fixtures/pdf/', import.meta.url).pathname;

/** paragraphs that push table 三 across a page break */
const PROSE = Array.from(
  { length: 16 },
  (_, i) =>
    `（${'一二三四五六七八九十'[i % 10]}）严格落实政府信息公开条例，围绕中心工作，及时准确公开各类政府信息，组织开展政务公开业务培训，通过门户网站发布信息${i + 3}条。`,
);

interface Spec {
  name: string;
  seed: number;
  format: '2021' | '2019';
  plant: Plant;
  /** table 三 must cross a page break, with data rows on both pages: as many paragraphs of PROSE as that takes */
  cross: boolean;
  options: PdfOptions;
  exercises: string;
}

const SPECS: Spec[] = [
  {
    name: 'pdf-open-break',
    seed: 11,
    format: '2021',
    plant: 'clean',
    cross: true,
    options: { openBreak: true },
    exercises: 'table 三 cut by a page break with no bottom border drawn on the first page (WPS); a group label cut by the break',
  },
  {
    name: 'pdf-thin-rects',
    seed: 12,
    format: '2021',
    plant: 'wrong-total',
    cross: true,
    options: { borders: 'rects', repeatHeader: true },
    exercises: 'borders drawn as thin filled rectangles; table 三 header rows repeated on the next page',
  },
  {
    name: 'pdf-glyphs',
    seed: 13,
    format: '2021',
    plant: 'wrong-seven',
    cross: false,
    options: { text: 'glyph' },
    exercises: 'one glyph per text item, drawn out of order',
  },
  {
    name: 'pdf-row-item',
    seed: 14,
    format: '2021',
    plant: 'blank-total',
    cross: false,
    options: { text: 'tight' },
    exercises: 'value columns so tight that pdf.js makes one text item of several cells of a row',
  },
  {
    name: 'pdf-no-rulings',
    seed: 15,
    format: '2019',
    plant: 'broken-balance',
    cross: false,
    options: { borders: 'none' },
    exercises: 'tables drawn with no rulings at all: read by text alignment',
  },
  {
    name: 'pdf-rotated',
    seed: 16,
    format: '2021',
    plant: 'clean',
    cross: true,
    options: { rotate: true },
    exercises: 'every page /Rotate 90 with its content drawn sideways (landscape); table 三 across a page',
  },
  {
    name: 'pdf-vertical-font',
    seed: 17,
    format: '2021',
    plant: 'full-width',
    cross: false,
    options: { vertical: 'font' },
    exercises: '三、本年度办理结果 in a vertical (Identity-V) font; full-width digits in the cells',
  },
];

const REPORT_LINES = [
  '某某县人民政府2022年政府信息公开工作年度报告',
  '一、总体情况',
  '本年度，本机关严格落实政府信息公开条例，主动公开政府信息。',
  '二、主动公开政府信息情况',
];

async function main() {
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT)) rmSync(`${OUT}${f}`);
  const manifest: Record<string, unknown>[] = [];
  for (const s of SPECS) {
    const { text, bytes, prose } = await draw(s);
    writeFileSync(`${OUT}${s.name}.pdf`, bytes);
    writeFileSync(`${OUT}${s.name}.expected.txt`, text);
    manifest.push({
      file: `${s.name}.pdf`,
      expected: `${s.name}.expected.txt`,
      seed: s.seed,
      format: s.format,
      plant: s.plant,
      prose,
      options: s.options,
      exercises: s.exercises,
    });
    console.log(`${s.name}.pdf ${(bytes.length / 1024).toFixed(0)} KB`);
  }
  const unreadable: [string, Uint8Array, string, string][] = [
    [
      'pdf-stsong.pdf',
      stSongPdf(REPORT_LINES),
      'readable',
      'STSong-Light not embedded, /Encoding /UniGB-UCS2-H: text only with the bundled CMaps',
    ],
    ['pdf-mojibake.pdf', mojibakePdf(REPORT_LINES), 'broken-fonts', 'Chinese written as GBK bytes in Helvetica: Latin mojibake, no CJK'],
    ['pdf-scan.pdf', imageOnlyPdf(2), 'scanned', 'two pages that are only an image: no text layer'],
    ['pdf-encrypted.pdf', await encrypted(), 'encrypted', 'a report page encrypted with a user password (pdfkit, AES)'],
  ];
  for (const [file, bytes, outcome, exercises] of unreadable) {
    writeFileSync(`${OUT}${file}`, bytes);
    manifest.push({ file, outcome, lines: outcome === 'readable' ? REPORT_LINES : undefined, exercises });
    console.log(`${file} ${(bytes.length / 1024).toFixed(1)} KB`);
  }
  writeFileSync(`${OUT}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** the report drawn with as much prose as puts table 三's break mid-table (at least 5 data rows each side), or with two paragraphs */
async function draw(s: Spec) {
  for (let n = s.cross ? 0 : 2; n <= PROSE.length; n++) {
    const text = plantedReport(s.seed, s.format, s.plant, PROSE.slice(0, n));
    const { bytes, layout } = await reportPdfLayout(text, { ...s.options, seed: s.seed });
    const t3 = layout.tables.find((t) => t.id === '三')!;
    const ok = s.cross ? t3.parts.length === 2 && t3.parts[0].rows >= 3 + 5 && t3.parts[1].rows >= 5 : t3.parts.length === 1;
    if (ok) return { text, bytes, prose: n };
  }
  throw new Error(`${s.name}: no amount of prose gives the layout wanted`);
}

async function encrypted(): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', userPassword: 'secret', ownerPassword: 'owner', pdfVersion: '1.7' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  doc.font(CJK_FONT, 'WenQuanYiMicroHei').fontSize(14);
  for (const l of REPORT_LINES) doc.text(l);
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}

await main();
