// Documents in the CLI (checks.md "Documents: PDF, DOCX, HTML"): a file is a document by its content
// (sniff), never by its name; the readers (a bundle of their own, dist/readers.cjs) are loaded the
// first time one is met, so a batch of .txt reports never loads them. A document becomes its report
// text, which the same core checks; `--fix` writes a DOCX's derived cells into the .docx itself.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Config, type Finding, type TextEdit } from '../core/index';
import { loadReaders, type Readers } from '../loadReaders';
import { DEFAULT_LIMITS, type ReportText, type SourceKind } from '../readers/model';
import { type Sniffed, sniff } from '../readers/sniff';
import type { FileResult } from './output/index';

/** what the readers take (everything but text, and binary that is not a known container) */
const DOCUMENT_KINDS = new Set<Sniffed['kind']>(['pdf', 'docx', 'zip', 'ole', 'html', 'rtf', 'word-xml']);
const SOURCE_OF: Partial<Record<Sniffed['kind'], SourceKind>> = { pdf: 'pdf', docx: 'docx', html: 'html' };

export type Bytes =
  /** a text report: the existing path (files.ts decodes it) */
  | { kind: 'text'; bytes: Buffer }
  /** a document: its bytes, what it is, and its source kind when it is one the readers read */
  | { kind: 'document'; bytes: Uint8Array; sniffed: Sniffed; source?: SourceKind }
  | { kind: 'error'; error: string; source?: SourceKind };

const HEAD = 64 * 1024;

/**
 * A file's bytes and whether it is a document. A file over the size limit (100 MB) is refused
 * from its head alone, never read whole; a document is told by its content (sniff).
 */
export async function readFileBytes(file: string): Promise<Bytes> {
  try {
    const size = fs.statSync(file).size;
    if (size > DEFAULT_LIMITS.maxBytes) {
      const head = Buffer.alloc(HEAD);
      const fd = fs.openSync(file, 'r');
      let n: number;
      try {
        n = fs.readSync(fd, head, 0, HEAD, 0);
      } finally {
        fs.closeSync(fd);
      }
      const s = sniff(head.subarray(0, n));
      if (DOCUMENT_KINDS.has(s.kind)) {
        const readers = await loadReaders();
        return { kind: 'error', error: readers.sizeRefusal(size)!.message, source: SOURCE_OF[s.kind] };
      }
      // no report is that large as text either (the largest real ones are ~100 KB)
      return {
        kind: 'error',
        error: `the file is ${Math.round(size / 1024 / 1024)} MB, over the ${DEFAULT_LIMITS.maxBytes / 1024 / 1024} MB limit for one report: not read`,
      };
    }
    const bytes = fs.readFileSync(file);
    const s = sniff(bytes);
    if (!DOCUMENT_KINDS.has(s.kind)) return { kind: 'text', bytes };
    return { kind: 'document', bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), sniffed: s, source: SOURCE_OF[s.kind] };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { kind: 'error', error: code === 'EISDIR' ? 'is a folder' : `cannot read (${code ?? (e as Error).message})` };
  }
}

export type Converted =
  | { ok: true; text: ReportText; readers: Readers }
  /**
   * skipped: readable, but not a report (as a .txt that is none); else unreadable (exit 2). A page
   * whose tables are pictures is a report that cannot be read, not a non-report: unreadable.
   */
  | { ok: false; message: string; skipped: boolean };

/** a document's report text, or why it has none */
export async function convert(bytes: Uint8Array, file: string): Promise<Converted> {
  const readers = await loadReaders();
  const r = await readers.convertDocument(bytes, { name: path.basename(file) });
  if (!r.ok) {
    const { unreadable, message } = r.unreadable;
    return { ok: false, message, skipped: unreadable === 'no-report' && !/picture|image/.test(message) };
  }
  return { ok: true, text: r.text, readers };
}

/** the 1-based PDF page of each finding (undefined elsewhere) */
export function pageLookup(rt: ReportText, readers: Readers): ((d: Finding) => number | undefined) | undefined {
  if (rt.source !== 'pdf') return undefined;
  return (d) => readers.pageAt(rt, d.range.start);
}

/**
 * `--fix` on a DOCX: the recomputed derived cells written into the .docx itself (readers/docx/patch.ts:
 * only the text of those cells inside word/document.xml changes, every other byte of the package is
 * kept), then the written file read and checked again. An edit that is not inside one cell (a cell
 * the table lacks) cannot be written: said, and left as its finding. The file is not touched when
 * the document cannot be rewritten safely, or when nothing changes.
 */
export async function fixDocument(
  abs: string,
  bytes: Uint8Array,
  doc: Extract<Converted, { ok: true }>,
  edits: TextEdit[],
  config: Config,
  keepAnalysis: boolean,
): Promise<{ result: Partial<FileResult>; failed: boolean }> {
  const { readers, text: rt } = doc;
  if (!edits.length) return { result: { fixes: [] }, failed: false };
  const { edits: cells, skipped } = readers.docxEdits(rt, edits);
  const lines = rt.text.split('\n');
  const fixes = edits
    .filter((e) => !skipped.includes(e))
    .map((e) => ({
      range: e.range,
      newText: e.newText,
      old: (lines[e.range.start.line] ?? '').slice(e.range.start.character, e.range.end.character),
    }));
  const result: Partial<FileResult> = { fixes };
  if (skipped.length)
    result.fixSkipped = `--fix: ${skipped.length} derived cell(s) not written: the table has no cell for them (add the cell in Word or WPS)`;
  if (!cells.length) return { result, failed: false };
  let patched: Uint8Array;
  try {
    patched = readers.patchDocx(bytes, cells);
  } catch (e) {
    return { result: { error: `--fix: the document is not rewritten: ${(e as Error).message}` }, failed: true };
  }
  try {
    fs.writeFileSync(abs, patched);
  } catch (e) {
    return { result: { error: `--fix: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` }, failed: true };
  }
  const again = await convert(patched, abs);
  if (!again.ok)
    return { result: { ...result, error: `--fix: the rewritten document cannot be read back: ${again.message}` }, failed: true };
  const analysis = analyze(again.text.text, { config });
  result.diagnostics = analysis.findings;
  result.page = pageLookup(again.text, readers);
  if (keepAnalysis) result.analysis = analysis;
  return { result, failed: false };
}

/** what `--fix` does not do for a document that is not a DOCX */
export function noFixFor(source: SourceKind): string {
  return source === 'pdf'
    ? '--fix changes nothing in a PDF: correct the source document (.docx/.wps) and export the PDF again'
    : '--fix changes nothing in a web page: correct the page where it is edited';
}
