// Writes the document fixtures (test/fixtures/documents/): generated reports as DOCX (the official
// merged layout), as PDF converted from those DOCX by LibreOffice, and as HTML pages with the
// quirks real sites have; beside each, the text it was made from (<name>.expected.txt) — the
// findings of a document must equal those of its text. manifest.json lists them.
//   npx tsx scripts/make-document-fixtures.ts
// LibreOffice (soffice) is installed on the development machine, not in CI: the PDFs are made once
// and committed; without soffice the script keeps the PDFs already there and says so.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { reportDocx } from '../test/support/documents/docx';
import { type HtmlOptions, reportHtml } from '../test/support/documents/html';
import { type Plant, plantedReport } from '../test/support/documents/plant';

const OUT = new URL('../test/fixtures/documents/', import.meta.url).pathname;

/** enough prose before the tables that table 三 breaks across a page in the PDF */
const LONG_PROSE = [
  '（一）主动公开。严格落实政府信息公开条例，围绕中心工作，及时准确公开各类政府信息，全年通过门户网站发布信息若干条。',
  '组织开展政务公开业务培训，参训人员若干人次，工作人员业务能力进一步提升，依申请公开办理流程进一步规范。',
  '（二）依申请公开。进一步规范依申请公开办理流程，做到依法答复、按时答复，答复文书格式统一、说理充分。',
  '（三）政府信息管理。加强政府信息管理，对现行有效文件进行清理，动态更新政策文件库，完善保密审查机制。',
  '（四）政府信息公开平台建设。加强政府网站信息内容保障，全年开展网站自查，整改发现的问题，政务新媒体规范运行。',
  '（五）监督保障。将政务公开工作纳入绩效考核，开展社会评议，对发现的问题督促整改到位，定期通报工作进展。',
  '积极回应社会关切，召开新闻发布会，回应热点问题，政策解读与文件同步起草、同步审批、同步发布。',
  '完善政府信息公开保密审查机制，坚持先审查后公开、一事一审，全年未发生泄密事件，公开质量进一步提高。',
  '推进基层政务公开标准化规范化，编制公开事项标准目录，在政务服务中心设置政务公开专区，方便群众查阅。',
  '加强政策文件的解读和宣传，通过图解、视频、问答等形式解读政策，提高政策知晓度，扩大公众参与。',
];

interface Entry {
  file: string;
  expected: string;
  kind: 'docx' | 'pdf' | 'html';
  seed: number;
  format: '2021' | '2019';
  plant: Plant;
  made: string;
}

interface DocxSpec {
  name: string;
  seed: number;
  format: '2021' | '2019';
  plant: Plant;
  split4?: boolean;
  longProse?: boolean;
  /** converted to PDF too (four of the six: the committed set stays small) */
  pdf?: boolean;
  /** section headings and table 三's sub-row numbers by Word list numbering, not typed */
  numbered?: boolean;
}

const DOCX: DocxSpec[] = [
  { name: 'docx-2021-clean', seed: 1, format: '2021', plant: 'clean', longProse: true, pdf: true },
  { name: 'docx-2019-clean-split4', seed: 2, format: '2019', plant: 'clean', split4: true, pdf: true },
  { name: 'docx-2021-wrong-total', seed: 3, format: '2021', plant: 'wrong-total', pdf: true },
  { name: 'docx-2021-blank-total', seed: 4, format: '2021', plant: 'blank-total', longProse: true, pdf: true },
  { name: 'docx-2021-broken-balance', seed: 5, format: '2021', plant: 'broken-balance' },
  { name: 'docx-2021-wrong-seven', seed: 6, format: '2021', plant: 'wrong-seven' },
  { name: 'docx-2021-numbered', seed: 11, format: '2021', plant: 'wrong-total', numbered: true },
];

interface HtmlSpec {
  name: string;
  seed: number;
  format: '2021' | '2019';
  plant: Plant;
  opts: HtmlOptions;
  made: string;
}

const ALL_QUIRKS = {
  spanningHeader: true,
  unevenFirstColumn: true,
  rowspanZero: true,
  unclosed: true,
  paragraphs: true,
  nbsp: true,
  chrome: true,
} as const;

const HTML: HtmlSpec[] = [
  {
    name: 'html-2021-quirks',
    seed: 7,
    format: '2021',
    plant: 'wrong-total',
    opts: { quirks: ALL_QUIRKS },
    made: 'UTF-8 with <meta charset>; 商业企业 over two grid columns with a spacer column, table 二 on a 5-column grid with uneven colspans, table 四 header in <thead> with rowspan="0", table 三 without </td></tr>, <p>/<br> in cells, &nbsp; cells, nav/menu/script/style, the article in a layout table, a footer table with numbers',
  },
  {
    name: 'html-2019-gbk',
    seed: 8,
    format: '2019',
    plant: 'blank-total',
    opts: { encoding: 'gbk', meta: 'gb2312', quirks: { paragraphs: true, nbsp: true, chrome: true } },
    made: 'GBK bytes with <meta charset=gb2312>, 2019 format, <p>/<br> and &nbsp; in cells, page chrome',
  },
  {
    name: 'html-2021-gb18030',
    seed: 9,
    format: '2021',
    plant: 'full-width',
    opts: { encoding: 'gb18030', meta: null, extra: '本报告由㐀某某编制。', quirks: { spanningHeader: true, nbsp: true } },
    made: 'GB18030 bytes with no charset declared (a four-byte character in the prose), full-width digits in every value, a spacer column',
  },
  {
    name: 'html-2021-bom',
    seed: 10,
    format: '2021',
    plant: 'broken-balance',
    opts: { bom: true, meta: null, split4: true, quirks: { unevenFirstColumn: true, paragraphs: true } },
    made: 'UTF-8 with a BOM and no meta, table 四 as three tables, table 二 with uneven colspans',
  },
];

/** writes a file only when its content changes, so regenerating does not churn committed bytes */
function put(name: string, bytes: Uint8Array | string, same?: (old: Uint8Array) => boolean): boolean {
  const path = join(OUT, name);
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  if (existsSync(path)) {
    const old = new Uint8Array(readFileSync(path));
    if (same ? same(old) : Buffer.compare(old, data) === 0) return false;
  }
  writeFileSync(path, data);
  return true;
}

/** two DOCX with the same parts but for their time stamps (docProps/core.xml, zip mtimes) are the same fixture */
function sameDocx(a: Uint8Array, b: Uint8Array): boolean {
  try {
    const x = unzipSync(a);
    const y = unzipSync(b);
    const names = Object.keys(x).filter((n) => n !== 'docProps/core.xml');
    return (
      names.length === Object.keys(y).filter((n) => n !== 'docProps/core.xml').length &&
      names.every((n) => y[n] && strFromU8(x[n]) === strFromU8(y[n]))
    );
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  const haveSoffice = !soffice.error && soffice.status === 0;
  const entries: Entry[] = [];
  const toConvert: string[] = [];
  const keep = new Set(['manifest.json', '.gitattributes']);
  for (const d of DOCX) {
    const text = plantedReport(d.seed, d.format, d.plant, d.longProse ? LONG_PROSE : undefined);
    const expected = `${d.name}.expected.txt`;
    put(expected, text);
    const docx = await reportDocx(text, { split4: d.split4, numbered: d.numbered });
    const changed = put(`${d.name}.docx`, docx, (old) => sameDocx(old, docx));
    keep.add(expected).add(`${d.name}.docx`);
    if (d.pdf) {
      keep.add(`${d.name}.pdf`);
      if (changed || !existsSync(join(OUT, `${d.name}.pdf`))) toConvert.push(`${d.name}.docx`);
    }
    const made = `docx package, official merged layout${d.split4 ? ', table 四 as three tables' : ''}${d.longProse ? ', long prose (table 三 crosses a page in the PDF)' : ''}${d.numbered ? ', section headings and table 三 sub-row numbers by Word list numbering' : ''}`;
    entries.push({ file: `${d.name}.docx`, expected, kind: 'docx', seed: d.seed, format: d.format, plant: d.plant, made });
    if (d.pdf)
      entries.push({
        file: `${d.name}.pdf`,
        expected,
        kind: 'pdf',
        seed: d.seed,
        format: d.format,
        plant: d.plant,
        made: `LibreOffice from ${d.name}.docx`,
      });
  }
  for (const h of HTML) {
    const text = plantedReport(h.seed, h.format, h.plant);
    const expected = `${h.name}.expected.txt`;
    put(expected, text);
    put(`${h.name}.html`, reportHtml(text, h.opts));
    keep.add(expected).add(`${h.name}.html`);
    entries.push({ file: `${h.name}.html`, expected, kind: 'html', seed: h.seed, format: h.format, plant: h.plant, made: h.made });
  }
  put('manifest.json', `${JSON.stringify(entries, null, 2)}\n`);
  for (const f of readdirSync(OUT)) if (!keep.has(f)) rmSync(join(OUT, f));

  if (!toConvert.length) console.log('PDFs up to date');
  else if (!haveSoffice) console.log(`soffice not found: PDFs not made for ${toConvert.join(', ')} (the committed ones are kept)`);
  else {
    // one call for all files (LibreOffice's start-up is most of the time); a profile of its own so a
    // LibreOffice running elsewhere on the machine does not hold the lock
    const r = spawnSync(
      'soffice',
      [
        '-env:UserInstallation=file:///tmp/disclosure-report-lo-profile',
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        OUT,
        ...toConvert.map((f) => join(OUT, f)),
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr}`);
    const missing = toConvert.map((f) => f.replace(/\.docx$/, '.pdf')).filter((f) => !existsSync(join(OUT, f)));
    if (missing.length) throw new Error(`soffice made no ${missing.join(', ')}`);
    console.log(`${toConvert.length} PDFs converted with ${soffice.stdout.trim()}`);
  }
  console.log(`${entries.length} fixtures in ${OUT}`);
}

await main();
