// The PDF reader: bytes in, a ReadDocument out (tables as grids with spans, each cell with its page
// and box; paragraphs in reading order), or why the file cannot be read. Pure: runs unchanged in
// Node and in a web worker. pdf.js is loaded on first use (pdfjs.ts).
//
// Per file: the text of every page first; the operator list (the rulings) only for the pages whose
// text looks like a table (header words, many numbers) and the page after one whose table runs to
// its foot. Ruled tables come from the lattice (lattice.ts); a table page with no rulings falls back
// to text alignment (aligned.ts); tables are stitched across pages (tables.ts); what is left is prose.
import {
  type Box,
  DEFAULT_LIMITS,
  type DocBlock,
  type DocTable,
  type GridCell,
  type ReadLimits,
  type ReadResult,
  type Unreadable,
} from '../model';
import { alignedTables, type CarriedHeader } from './aligned';
import { mapBox, type PageSpace, pageSpace } from './geometry';
import { findTables } from './lattice';
import { Deadline, openPdf, PdfError, type RawDocument } from './pdfjs';
import { furniture, onlyFurniture, type PageLines, paragraphs } from './prose';
import { rulingsFromOperators } from './rulings';
import { fillTables, isNumeric, kindOfText, type PTable, stitch } from './tables';
import { isIdeograph, linesOf, type Run, runsOf, splitAtSpaces } from './text';

export interface PdfReadOptions extends Partial<ReadLimits> {
  /** the time budget for the whole file, in ms (default 30 s) */
  timeoutMs?: number;
  /** filled with where the time went, when given (the bench) */
  stats?: PdfStats;
}

/** Milliseconds per stage of one read, and how many pages needed their drawing read. */
export interface PdfStats {
  /** loading pdf.js (first use only) and parsing the file's structure */
  open: number;
  /** pdf.js getTextContent, every page */
  text: number;
  /** pdf.js getOperatorList, the table pages only */
  operators: number;
  /** the reader's own work: rulings, lattice, cells, alignment, stitching, prose */
  layout: number;
  pages: number;
  operatorPages: number;
}

export const DEFAULT_PDF_TIMEOUT_MS = 30_000;

/** words that put a page's table under the lattice */
const TABLE_WORDS = /申请人情况|自然人|法人或其他组织|行政复议|行政诉讼|第二十条|信息内容|本年制发件数|本年新制作数量|结果维持/;
/** this many standalone numbers on a page make it a table page too */
const MANY_NUMBERS = 8;

interface PageState {
  number: number;
  space: PageSpace;
  runs: Run[];
  tables: PTable[];
  rest: Run[];
  height: number;
  needsRulings: boolean;
  failed?: string;
}

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<ReadResult> {
  const limits: ReadLimits = { ...DEFAULT_LIMITS, ...dropUndefined(options) };
  if (bytes.length > limits.maxBytes) {
    return unreadable('too-large', `the file is ${size(bytes.length)}, over the ${size(limits.maxBytes)} limit for one report: split it`);
  }
  if (!looksLikePdf(bytes)) return unreadable('corrupt', 'this is not a PDF file (no %PDF- header): check that the download is complete');
  const deadline = new Deadline(options.timeoutMs ?? DEFAULT_PDF_TIMEOUT_MS);
  const stats = options.stats;
  const started = now();
  let doc: RawDocument | undefined;
  try {
    doc = await openPdf(bytes, deadline);
    if (stats) Object.assign(stats, { open: now() - started, text: 0, operators: 0, layout: 0, pages: doc.numPages, operatorPages: 0 });
    const result = await read(doc, limits, stats);
    if (stats) stats.layout = now() - started - stats.open - stats.text - stats.operators;
    return result;
  } catch (e) {
    return failure(e, deadline);
  } finally {
    await doc?.close();
  }
}

async function read(doc: RawDocument, limits: ReadLimits, stats: PdfStats | undefined): Promise<ReadResult> {
  const warnings: string[] = [];
  const numPages = doc.numPages;
  if (!(numPages > 0)) return unreadable('corrupt', 'the PDF has no pages: it is damaged; download it again or re-export it');
  if (numPages > limits.maxPages) {
    return unreadable(
      'too-large',
      `the PDF has ${numPages} pages, over the limit of ${limits.maxPages}: split it, keeping the report's pages`,
    );
  }

  // 1. text of every page
  const pages: PageState[] = [];
  let letters = 0;
  let ideographs = 0;
  let failedPages = 0;
  for (let n = 1; n <= numPages; n++) {
    let state: PageState;
    try {
      const t0 = now();
      const page = await doc.page(n);
      const space = pageSpace(page.view, page.rotate);
      const items = await page.text();
      page.release();
      if (stats) stats.text += now() - t0;
      const runs = runsOf(items, space.toDisplay);
      state = { number: n, space, runs, tables: [], rest: runs, height: space.height, needsRulings: false };
    } catch (e) {
      if (e instanceof PdfError && e.failure !== 'corrupt') throw e;
      failedPages++;
      state = {
        number: n,
        space: pageSpace([0, 0, 595, 842], 0),
        runs: [],
        tables: [],
        rest: [],
        height: 842,
        needsRulings: false,
        failed: String(e),
      };
      warnings.push(`page ${n} could not be read (${short(String((e as Error)?.message ?? e))}): its content is not checked`);
    }
    for (const r of state.runs) {
      for (const ch of r.text) {
        if (/\p{L}|[\ue000-\uf8ff\ufffd]/u.test(ch)) letters++;
        if (isIdeograph(ch)) ideographs++;
      }
    }
    pages.push(state);
  }
  if (failedPages === numPages)
    return unreadable('corrupt', 'no page of the PDF could be read: it is damaged; download it again or re-export it');
  if (ideographs === 0 && letters < 50) {
    return unreadable(
      'scanned',
      'the PDF has no text layer (scanned pages or images): run OCR on it (e.g. ocrmypdf -l chi_sim) and check the result',
    );
  }
  if (ideographs < 0.05 * letters || ideographs < 20) {
    return unreadable(
      'broken-fonts',
      'no Chinese text could be read from the PDF (its fonts carry no usable Unicode mapping): re-export it from the original document, or run OCR on it',
    );
  }
  for (const p of pages) {
    if (!p.failed && p.runs.length === 0 && numPages > 1)
      warnings.push(`page ${p.number} has no text (an image or a blank page): nothing on it is checked`);
  }

  // 2. rulings and ruled tables, only where the text looks like a table
  for (const p of pages) p.needsRulings = looksTabular(p.runs);
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i];
    if (!p.needsRulings || p.failed) continue;
    try {
      const t0 = now();
      const page = await doc.page(p.number);
      const ops = await page.operators();
      page.release();
      if (stats) {
        stats.operators += now() - t0;
        stats.operatorPages++;
      }
      const rulings = rulingsFromOperators(ops, p.space.toDisplay);
      if (rulings.truncated) warnings.push(`page ${p.number}: more drawing than a report's tables: only part of it was looked at`);
      const lattice = findTables(rulings.h, rulings.v);
      if (lattice.skipped) warnings.push(`page ${p.number}: tables not looked for (${lattice.skipped})`);
      const { tables, rest } = fillTables(lattice.tables, p.runs, p.number);
      p.tables = tables;
      p.rest = rest;
      // a table that runs to the foot of its page may go on on the next page, numbers or not
      const last = tables[tables.length - 1];
      if (last && i + 1 < pages.length && (last.openBottom || last.bottom > 0.75 * p.height)) pages[i + 1].needsRulings = true;
    } catch (e) {
      if (e instanceof PdfError && e.failure !== 'corrupt') throw e;
      warnings.push(
        `page ${p.number}: its drawing could not be read (${short(String((e as Error)?.message ?? e))}): its tables are read from text alignment`,
      );
    }
  }

  // 3. table pages with no ruled table where the text says one is: text alignment (a header left
  // at the foot of a page goes with the rows that open the next)
  let carry: CarriedHeader | undefined;
  for (const p of pages) {
    const previous = carry;
    carry = undefined;
    if (!p.needsRulings) continue;
    const restText = p.rest.map((r) => r.text.replace(/\s/g, '')).join('|');
    if (!kindOfText(restText) && isolatedNumbers(p.rest) < MANY_NUMBERS && !previous) continue;
    const found = alignedTables(p.rest, p.number, p.height, previous?.page === p.number - 1 ? previous : undefined);
    carry = found.trailing;
    if (found.usedCarry && previous) {
      const taken = new Set(previous.lines.flatMap((l) => l.runs));
      const before = pages[previous.page - 1];
      before.rest = before.rest.filter((r) => !taken.has(r));
    }
    if (!found.tables.length) continue;
    for (const t of found.tables) {
      t.warnings.unshift(`page ${p.number}: a table drawn without rulings was read from the alignment of its text`);
    }
    p.tables = [...p.tables, ...found.tables].sort((a, b) => a.top - b.top);
    p.rest = found.rest;
  }

  // 4. prose lines, page furniture, tables stitched across pages
  const pageLines: PageLines[] = pages.map((p) => ({
    page: p.number,
    height: p.height,
    lines: linesOf(p.rest),
    barriers: p.tables.map((t) => ({ top: t.top, bottom: t.bottom })),
  }));
  const skip = furniture(pageLines);
  const byPage = new Map(pageLines.map((p) => [p.page, p]));
  const tables = stitch(
    pages.flatMap((p) => p.tables),
    {
      below: (page, y) => onlyFurniture(byPage.get(page)!, skip, y, 'below'),
      above: (page, y) => onlyFurniture(byPage.get(page)!, skip, y, 'above'),
    },
  );
  for (const t of tables) warnings.push(...t.warnings);

  // 5. blocks in reading order
  const paras = paragraphs(pageLines, skip);
  const spaceOf = (page: number) => pages[page - 1].space;
  const blocks: { page: number; top: number; block: DocBlock }[] = [];
  paras.forEach((p, index) => {
    blocks.push({
      page: p.page,
      top: p.top,
      block: { kind: 'paragraph', text: p.text, source: { kind: 'paragraph', index, page: p.page } },
    });
  });
  for (const t of tables) blocks.push({ page: t.page, top: t.top, block: { kind: 'table', table: toDocTable(t, spaceOf) } });
  blocks.sort((a, b) => a.page - b.page || a.top - b.top);
  // paragraph indexes in the final order
  let index = 0;
  for (const b of blocks) if (b.block.kind === 'paragraph' && b.block.source?.kind === 'paragraph') b.block.source.index = index++;

  const found = new Set(tables.map((t) => t.kind).filter(Boolean));
  const tableWords = pages.some((p) => TABLE_WORDS.test(p.runs.map((r) => r.text).join('')));
  if (tableWords && !found.has('三') && pages.some((p) => /申请人情况/.test(p.runs.map((r) => r.text.replace(/\s/g, '')).join('')))) {
    warnings.push('table 三 was named in the text but could not be read as a table');
  }
  return { source: 'pdf', blocks: blocks.map((b) => b.block), warnings: [...new Set(warnings)], pageCount: numPages };
}

/** text that holds a table's header words, or many numbers standing apart (not inside sentences) */
function looksTabular(runs: Run[]): boolean {
  const text = runs.map((r) => r.text.replace(/\s/g, '')).join('');
  return TABLE_WORDS.test(text) || isolatedNumbers(runs) >= MANY_NUMBERS;
}

/** numbers with at least 1.2 em of space on both sides on their line: values in a table's cells */
function isolatedNumbers(runs: Run[]): number {
  let n = 0;
  for (const line of linesOf(runs)) {
    const toks = line.runs.flatMap(splitAtSpaces);
    for (let i = 0; i < toks.length; i++) {
      if (!isNumeric(toks[i].text)) continue;
      const em = 1.2 * toks[i].size;
      const leftFree = i === 0 || toks[i].box.x0 - toks[i - 1].box.x1 >= em;
      const rightFree = i === toks.length - 1 || toks[i + 1].box.x0 - toks[i].box.x1 >= em;
      if (leftFree && rightFree) n++;
    }
  }
  return n;
}

function toDocTable(t: PTable, spaceOf: (page: number) => PageSpace): DocTable {
  const cells: GridCell[] = t.cells.map((c) => ({
    row: c.row,
    col: c.col,
    rowspan: c.rowspan,
    colspan: c.colspan,
    text: c.text,
    source: { kind: 'pdf', page: c.page, box: userBox(c.box, spaceOf(c.page)) },
  }));
  return { rows: t.rows, cols: t.cols, cells, rowPages: t.rowPages };
}

function userBox(b: { x0: number; top: number; x1: number; bottom: number }, space: PageSpace): Box {
  return mapBox(space.toUser, b);
}

function failure(e: unknown, deadline: Deadline): Unreadable {
  if (e instanceof PdfError) {
    if (e.failure === 'encrypted') {
      return unreadable(
        'encrypted',
        'the PDF is password-protected: open it with its password and save or print an unprotected copy, then check that',
      );
    }
    if (e.failure === 'timeout') {
      return unreadable(
        'too-large',
        `reading the PDF took longer than ${deadline.ms / 1000} s (it is malformed or far more complex than a report): re-export it`,
      );
    }
    return unreadable('corrupt', `the PDF is damaged or truncated (${short(e.message)}): download it again or re-export it`);
  }
  return unreadable(
    'corrupt',
    `the PDF could not be read (${short(String((e as Error)?.message ?? e))}): download it again or re-export it`,
  );
}

function unreadable(reason: Unreadable['unreadable'], message: string): Unreadable {
  return { unreadable: reason, message };
}

function looksLikePdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

function dropUndefined(o: PdfReadOptions): Partial<ReadLimits> {
  const out: Partial<ReadLimits> = {};
  if (o.maxBytes !== undefined) out.maxBytes = o.maxBytes;
  if (o.maxPages !== undefined) out.maxPages = o.maxPages;
  if (o.maxInflatedBytes !== undefined) out.maxInflatedBytes = o.maxInflatedBytes;
  return out;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());
const size = (n: number) =>
  n < 1024 * 1024 ? `${Math.ceil(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0)} MB`;
const short = (s: string) => (s.length > 120 ? `${s.slice(0, 117)}…` : s).replace(/\s+/g, ' ');
