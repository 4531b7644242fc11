// Writes new text into cells of a DOCX: only the text of those cells inside word/document.xml
// changes. The XML is edited as text at the offsets the reading pass recorded (never parsed into a
// tree and written back), and the bytes between edits are copied from the original; the zip is
// rewritten with every other entry's bytes copied as they were (zip.ts replaceEntry).
// In a cell with text: its first visible w:t gets the new text, its other w:t are emptied, and its
// line breaks, tabs and symbols (w:br, w:cr, w:tab, w:sym, w:noBreakHyphen) are removed, so the
// cell reads back as exactly the new text. In a blank cell: a run <w:r><w:t>N</w:t></w:r> goes into
// its first paragraph (after its w:pPr), with the paragraph mark's run properties (w:pPr/w:rPr)
// copied, less revision marks and hidden-text properties.
import type { TextEdit } from '../../core/index';
import type { ReportText, SourceRef } from '../model';
import { joinLines } from '../report-text';
import { mainPart } from './index';
import { type CellOffsets, type RPrRef, scanDocumentXml } from './scan';
import { replaceEntry } from './zip';

export interface DocxEdit {
  /** a 'docx' SourceRef: the w:tc to write into */
  source: SourceRef;
  text: string;
}

export class PatchError extends Error {}

/**
 * The core's edits of the report text (a quick fix, Recalculate Totals) as edits of DOCX cells: an
 * edit inside one cell's span becomes that cell's new text. An edit that is not inside one DOCX
 * cell (inserting a cell the table does not have, a line break, a supplied heading) cannot be
 * written into the document and is returned in `skipped`.
 */
export function docxEdits(rt: ReportText, edits: TextEdit[]): { edits: DocxEdit[]; skipped: TextEdit[] } {
  const lines = rt.text.split('\n');
  const skipped: TextEdit[] = [];
  const byCell = new Map<string, { span: ReportText['spans'][number]; edits: TextEdit[] }>();
  for (const e of edits) {
    const { start, end } = e.range;
    const span =
      start.line === end.line && !/[\t\n\r]/.test(e.newText)
        ? rt.spans.find((s) => s.line === start.line && s.source.kind === 'docx' && s.start <= start.character && end.character <= s.end)
        : undefined;
    if (span?.source.kind !== 'docx') {
      skipped.push(e);
      continue;
    }
    const key = `${span.source.table},${span.source.row},${span.source.cell}`;
    const group = byCell.get(key) ?? { span, edits: [] };
    group.edits.push(e);
    byCell.set(key, group);
  }
  const out: DocxEdit[] = [];
  for (const { span, edits: es } of byCell.values()) {
    let text = lines[span.line].slice(span.start, span.end);
    // right to left, so that each edit's offsets are still those of the original text
    for (const e of [...es].sort((x, y) => y.range.start.character - x.range.start.character))
      text = text.slice(0, e.range.start.character - span.start) + e.newText + text.slice(e.range.end.character - span.start);
    out.push({ source: span.source, text });
  }
  return { edits: out, skipped };
}

const DROP_RPR = new Set(['ins', 'del', 'moveFrom', 'moveTo', 'rPrChange', 'vanish', 'specVanish', 'webHidden']);

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Replacement {
  start: number;
  end: number;
  text: string;
}

function runProps(xml: string, rPr: RPrRef | undefined): string {
  if (!rPr || rPr.end < 0) return '';
  const kept = rPr.children.filter((c) => c.end > 0 && !DROP_RPR.has(c.local)).map((c) => xml.slice(c.start, c.end));
  if (!kept.length) return '';
  const q = rPr.prefix ? `${rPr.prefix}:` : '';
  return `<${q}rPr>${kept.join('')}</${q}rPr>`;
}

function cellReplacements(xml: string, off: CellOffsets, text: string): Replacement[] {
  const q = off.prefix ? `${off.prefix}:` : '';
  const t = escapeXml(text);
  const space = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  const out: Replacement[] = [];
  for (const m of off.marks) out.push({ start: m.start, end: m.end, text: '' });
  if (off.texts.length) {
    off.texts.forEach((w, i) => {
      if (w.selfClosing) {
        if (i === 0) out.push({ start: w.start, end: w.end, text: `<${q}t${space}>${t}</${q}t>` });
      } else out.push({ start: w.start, end: w.end, text: i === 0 ? t : '' });
    });
    return out;
  }
  const p = off.firstP;
  if (!p) {
    if (off.closeStart < 0) throw new PatchError('the cell is an empty element with no paragraph to write into');
    out.push({ start: off.closeStart, end: off.closeStart, text: `<${q}p><${q}r><${q}t${space}>${t}</${q}t></${q}r></${q}p>` });
    return out;
  }
  const pq = /^<([^\s/>:]+:)?p[\s/>]/.exec(xml.slice(p.open.start, p.open.end))?.[1] ?? q;
  const run = `<${pq}r>${runProps(xml, p.rPr)}<${pq}t${space}>${t}</${pq}t></${pq}r>`;
  if (p.selfClosing) {
    const tag = xml.slice(p.open.start, p.open.end).replace(/\s*\/>$/, '>');
    out.push({ start: p.open.start, end: p.open.end, text: `${tag}${run}</${pq}p>` });
  } else {
    const at = p.pPrEnd ?? p.open.end;
    out.push({ start: at, end: at, text: run });
  }
  return out;
}

/** UTF-8 bytes of s[from, to) */
function utf8Length(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * The DOCX with new text in the given cells. Throws PatchError when a source is not a cell of
 * this document, two edits name one cell, or the document cannot be rewritten safely (XML that is
 * not valid UTF-8, a zip64 container); the bytes are returned unchanged when no cell's text changes.
 */
export function patchDocx(bytes: Uint8Array, edits: DocxEdit[]): Uint8Array {
  const part = mainPart(bytes);
  if (part.lossy) throw new PatchError('document.xml is not valid UTF-8: it is not rewritten');
  const utf16 = part.raw[0] === 0xff || part.raw[0] === 0xfe ? (part.raw[0] === 0xff ? 'le' : 'be') : undefined;
  const { xml } = part;
  const scan = scanDocumentXml(xml, { offsets: true });
  const current = new Map<string, string>();
  for (const b of scan.blocks)
    if (b.kind === 'table')
      for (const c of b.table.cells)
        if (c.source?.kind === 'docx') current.set(`${c.source.table},${c.source.row},${c.source.cell}`, c.text);
  const seen = new Set<string>();
  const reps: Replacement[] = [];
  for (const e of edits) {
    if (e.source.kind !== 'docx') throw new PatchError(`not a DOCX cell: ${e.source.kind}`);
    const key = `${e.source.table},${e.source.row},${e.source.cell}`;
    if (seen.has(key)) throw new PatchError(`two edits for the cell table ${e.source.table}, row ${e.source.row}, cell ${e.source.cell}`);
    seen.add(key);
    const off = scan.cells.get(key);
    if (!off) throw new PatchError(`no cell table ${e.source.table}, row ${e.source.row}, cell ${e.source.cell} in this document`);
    // already what the report text would show: the cell keeps its bytes (full-width digits included)
    const now = current.get(key);
    if (now !== undefined && joinLines(now) === joinLines(e.text)) continue;
    reps.push(...cellReplacements(xml, off, e.text));
  }
  if (!reps.length) return bytes;
  reps.sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < reps.length; i++) if (reps[i].start < reps[i - 1].end) throw new PatchError('overlapping edits');

  // copy the original bytes between edits; encode only the new text
  const enc = new TextEncoder();
  const encode = (s: string): Uint8Array => {
    if (!utf16) return enc.encode(s);
    const out = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[2 * i + (utf16 === 'le' ? 0 : 1)] = c & 0xff;
      out[2 * i + (utf16 === 'le' ? 1 : 0)] = c >> 8;
    }
    return out;
  };
  const parts: Uint8Array[] = [];
  let at = 0; // string offset
  let byteAt = 0;
  for (const r of reps) {
    const gapBytes = utf16 ? (r.start - at) * 2 : utf8Length(xml, at, r.start);
    parts.push(part.raw.subarray(byteAt, byteAt + gapBytes));
    byteAt += gapBytes;
    byteAt += utf16 ? (r.end - r.start) * 2 : utf8Length(xml, r.start, r.end);
    parts.push(encode(r.text));
    at = r.end;
  }
  parts.push(part.raw.subarray(byteAt));
  const size = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(size);
  let p = 0;
  for (const x of parts) {
    out.set(x, p);
    p += x.length;
  }
  return replaceEntry(bytes, part.dir, part.entry, out);
}
