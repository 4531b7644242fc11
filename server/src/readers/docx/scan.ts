// word/document.xml → blocks (paragraphs and table grids), in one streaming pass (saxes, with
// namespaces), as documents.md §2.1 describes:
// - tables: w:tbl pushes a table (nested tables stay separate: an outer cell never absorbs an inner
//   table's text); w:gridBefore skips grid columns at a row's start; w:gridSpan (and the legacy
//   w:hMerge) widen a cell; w:vMerge restart starts a vertical merge and w:vMerge continue — or no
//   value, ECMA-376's default — continues the cell above in the same grid column; a row deleted as a
//   tracked change is left out;
// - text: w:t; w:br and w:cr are line breaks; each paragraph after a cell's first starts a new line;
//   w:tab and w:ptab are spaces (a w:tab inside w:tabs is a tab stop, not text); w:noBreakHyphen is
//   '-'; w:sym is its character;
// - skipped: deleted text (w:del, w:delText, w:moveFrom), field codes (w:instrText; field results
//   are kept), runs hidden by w:vanish, mc:Fallback (mc:Choice is kept: the same text box twice
//   otherwise), ruby text (w:rt), the placeholder text of an empty content control (w:showingPlcHdr);
// - descended into: w:sdt/w:sdtContent anywhere (around runs, cells, rows), w:customXml, w:smartTag,
//   w:hyperlink, w:ins, w:moveTo, w:fldSimple, text boxes (their paragraphs are paragraphs of their
//   own, or lines of the cell they sit in).
// With `offsets`, each cell's text positions in the XML are recorded for patch.ts (which edits the
// XML text by these offsets and never re-serialises it).
// Why one long file: scanDocumentXml is a single saxes pass whose open/close/text handlers share one
// state (the open tables, cells, runs and skip depth); split, the state would be passed everywhere.
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type { DocBlock, DocTable, GridCell, SourceRef } from '../model';
import { W_NS } from './ns';
import type { ListCounter } from './numbering';

export { W_NS };

const MC_NS = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

/** where a cell's text sits in document.xml (UTF-16 offsets into the XML string) */
export interface CellOffsets {
  /** each visible w:t of the cell, in order: its content [start, end), or for <w:t/> the whole tag */
  texts: { start: number; end: number; selfClosing?: boolean }[];
  /** visible w:br, w:cr, w:tab, w:ptab, w:sym, w:noBreakHyphen elements of the cell: whole tags */
  marks: { start: number; end: number }[];
  /** the cell's first paragraph */
  firstP?: {
    /** the w:p start tag: [start, end) */
    open: { start: number; end: number };
    selfClosing: boolean;
    /** the end of its w:pPr, when it has one (a run goes after it) */
    pPrEnd?: number;
    /** its w:pPr/w:rPr: the element and its direct children */
    rPr?: RPrRef;
  };
  /** the start of the cell's <w:tc> */
  openStart: number;
  /** the start of the cell's </w:tc> (-1 for <w:tc/>) */
  closeStart: number;
  /** the prefix bound to the main namespace on the cell's tag ('w' almost always; '' for a default namespace) */
  prefix: string;
}

export interface RPrRef {
  start: number;
  end: number;
  prefix: string;
  children: { local: string; start: number; end: number }[];
}

export interface ScanResult {
  blocks: DocBlock[];
  warnings: string[];
  /** `${table},${row},${cell}` → offsets (only with `offsets`) */
  cells: Map<string, CellOffsets>;
  /** pictures and embedded objects (w:drawing, w:pict, w:object): a table pasted as one has no text */
  pictures: number;
  /** w:altChunk: content embedded as another part (HTML, RTF), not read */
  altChunks: number;
}

interface Tc {
  index: number;
  span: number;
  vMerge?: 'restart' | 'continue';
  hMergeContinue: boolean;
  lines: string[];
  paragraphs: number;
  off?: CellOffsets;
}

interface Tr {
  index: number;
  gridBefore: number;
  deleted: boolean;
  cells: Tc[];
  tcCount: number;
  cur?: Tc;
}

interface Tbl {
  index: number;
  rows: Tr[];
  trCount: number;
  cur?: Tr;
  block: { kind: 'table'; table: DocTable };
}

interface Para {
  text: string;
  /** the cell the paragraph belongs to (undefined: the body) */
  cell?: Tc;
  /** w:pPr: its style and its list numbering */
  style?: string;
  numId?: string;
  ilvl?: number;
}

/** a paragraph that may carry list numbering, in document order, and where its label would go */
interface NumberedRef {
  style?: string;
  numId?: string;
  ilvl?: number;
  apply?: (label: string) => void;
}

interface Run {
  hidden: boolean;
}

/** gridSpan/gridBefore values beyond which a hostile file is clamped */
const MAX_SPAN = 1000;

const SKIP_W = new Set([
  'del',
  'delText',
  'moveFrom',
  'instrText',
  'rt',
  'tblPr',
  'tblGrid',
  'sectPr',
  'footnotePr',
  'endnotePr',
  // tracked changes of properties hold the old properties (an old numbering, an old vanish)
  'pPrChange',
  'rPrChange',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'sectPrChange',
  'numberingChange',
]);

function offValue(v: string | undefined): boolean {
  return v === '0' || v === 'false' || v === 'off';
}

/** an attribute by its local name, whatever its prefix (w:val, val) */
function attr(tag: SaxesTagPlain, local: string): string | undefined {
  const a = tag.attributes;
  const direct = a[`w:${local}`] ?? a[local];
  if (direct !== undefined) return direct;
  for (const k in a) if (k.endsWith(`:${local}`)) return a[k];
  return undefined;
}

function intAttr(tag: SaxesTagPlain, local: string): number | undefined {
  const v = attr(tag, local);
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** w:sym's w:char: a hex code, often in the private use area F0xx of a symbol font */
function symChar(tag: SaxesTagPlain): string {
  const hex = attr(tag, 'char');
  if (!hex || !/^[0-9a-fA-F]{1,6}$/.test(hex)) return '';
  let cp = Number.parseInt(hex, 16);
  if (cp >= 0xf000 && cp <= 0xf0ff) cp -= 0xf000;
  if (cp < 0x20 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return '';
  return String.fromCodePoint(cp);
}

export class ScanError extends Error {}

export interface ScanOptions {
  /** record each cell's text offsets (for patch.ts) */
  offsets?: boolean;
  /** Word's list numbering (numbering.xml, styles.xml), asked for once, when a paragraph has a style or w:numPr */
  numbering?: () => ListCounter | undefined;
}

export function scanDocumentXml(xml: string, opts: ScanOptions = {}): ScanResult {
  const withOffsets = !!opts.offsets;
  // namespaces are resolved here, not by saxes (its resolution is a third of its time): a scope
  // opens only where an element declares a prefix, which in a Word document is the root
  const parser = new SaxesParser({ xmlns: false, position: true });
  let ns = new Map<string, string>([['xml', 'http://www.w3.org/XML/1998/namespace']]);
  const nsScopes: { depth: number; ns: Map<string, string> }[] = [];
  const blocks: DocBlock[] = [];
  const warnings: string[] = [];
  const cellOffsets = new Map<string, CellOffsets>();
  const tables: Tbl[] = [];
  const paras: Para[] = [];
  const runs: Run[] = [];
  const sdtPlaceholder: boolean[] = [];
  let tableCount = 0;
  let paragraphIndex = 0;
  // the element depth (open elements) and the depth at which a skipped subtree began
  let depth = 0;
  let skipAt = -1;
  let suppressText = 0;
  let inTabs = 0;
  let inT: { start: number; cell?: Tc } | undefined;
  let pendingText = '';
  let pPrStart = -1;
  let rPrOfPPr: RPrRef | undefined;
  let rPrDepth = -1;
  let pictures = 0;
  let altChunks = 0;
  const numberedRefs: NumberedRef[] = [];
  let numberedCount = 0;
  const done: Tbl[] = [];
  /** the open elements: the local name of a WordprocessingML element, '' for any other */
  const stack: string[] = [];
  let failure: string | undefined;

  const curTbl = () => tables[tables.length - 1];
  const curCell = (): Tc | undefined => curTbl()?.cur?.cur;
  const curPara = () => paras[paras.length - 1];
  const isW = (uri: string | undefined) => uri === W_NS[0] || uri === W_NS[1];
  const tagStart = (end: number) => xml.lastIndexOf('<', end - 1);
  const closeStart = (end: number) => xml.lastIndexOf('</', end - 1);
  const prefixOf = (name: string) => (name.includes(':') ? name.slice(0, name.indexOf(':')) : '');
  const parent = (k = 1): string | undefined => stack[stack.length - 1 - k];

  const append = (s: string) => {
    const p = curPara();
    if (!p || suppressText || runs[runs.length - 1]?.hidden) return false;
    p.text += s;
    return true;
  };

  const mark = (start: number, end: number) => {
    const cell = curPara()?.cell;
    if (withOffsets && cell?.off) cell.off.marks.push({ start, end });
  };

  parser.on('error', (e) => {
    failure ??= e.message;
    throw new ScanError(e.message);
  });

  parser.on('opentag', (tag) => {
    const tag_ = tag as SaxesTagPlain;
    depth++;
    const attrs = tag_.attributes;
    let declares = false;
    for (const k in attrs) {
      if (k === 'xmlns' || k.startsWith('xmlns:')) {
        if (!declares) {
          nsScopes.push({ depth, ns });
          ns = new Map(ns);
          declares = true;
        }
        ns.set(k === 'xmlns' ? '' : k.slice(6), attrs[k]);
      }
    }
    const name = tag_.name;
    const colon = name.indexOf(':');
    const local = colon < 0 ? name : name.slice(colon + 1);
    const uri = ns.get(colon < 0 ? '' : name.slice(0, colon));
    if (colon > 0 && uri === undefined) throw new ScanError(`unbound namespace prefix "${name.slice(0, colon)}" on <${name}>`);
    const w = isW(uri);
    stack.push(w ? local : '');
    if (skipAt >= 0) return;
    const end = parser.position;
    if (uri === MC_NS) {
      if (local === 'Fallback') skipAt = depth;
      return;
    }
    if (!w) return;
    if (SKIP_W.has(local)) {
      // w:trPr/w:del: the row was deleted as a tracked change
      if (local === 'del' && parent() === 'trPr') {
        const r = curTbl()?.cur;
        if (r) r.deleted = true;
      }
      skipAt = depth; // its closetag (at once for a self-closing tag) ends the skip
      return;
    }
    switch (local) {
      case 'tbl': {
        const table: DocTable = { rows: 0, cols: 0, cells: [] };
        const t: Tbl = { index: tableCount++, rows: [], trCount: 0, block: { kind: 'table', table } };
        tables.push(t);
        blocks.push(t.block);
        break;
      }
      case 'tr': {
        const t = curTbl();
        if (!t) break;
        t.cur = { index: t.trCount++, gridBefore: 0, deleted: false, cells: [], tcCount: 0 };
        t.rows.push(t.cur);
        break;
      }
      case 'gridBefore': {
        const r = curTbl()?.cur;
        if (r && parent() === 'trPr') r.gridBefore = Math.max(0, Math.min(MAX_SPAN, intAttr(tag_, 'val') ?? 0));
        break;
      }
      case 'tc': {
        const r = curTbl()?.cur;
        if (!r) break;
        r.cur = { index: r.tcCount++, span: 1, hMergeContinue: false, lines: [], paragraphs: 0 };
        if (withOffsets) r.cur.off = { texts: [], marks: [], openStart: tagStart(end), closeStart: -1, prefix: prefixOf(tag_.name) };
        r.cells.push(r.cur);
        break;
      }
      case 'gridSpan': {
        const c = curCell();
        if (c && parent() === 'tcPr') c.span = Math.max(1, Math.min(MAX_SPAN, intAttr(tag_, 'val') ?? 1));
        break;
      }
      case 'vMerge': {
        const c = curCell();
        if (c && parent() === 'tcPr') c.vMerge = attr(tag_, 'val') === 'restart' ? 'restart' : 'continue';
        break;
      }
      case 'hMerge': {
        const c = curCell();
        if (c && parent() === 'tcPr') c.hMergeContinue = attr(tag_, 'val') !== 'restart';
        break;
      }
      case 'p': {
        const cell = curCell();
        paras.push({ text: '', cell });
        if (cell) {
          cell.paragraphs++;
          if (withOffsets && cell.off && !cell.off.firstP) {
            const start = tagStart(end);
            cell.off.firstP = { open: { start, end }, selfClosing: tag_.isSelfClosing };
          }
        }
        break;
      }
      case 'pPr':
        pPrStart = end;
        break;
      case 'rPr':
        if (parent() === 'pPr' && withOffsets) {
          const cell = curPara()?.cell;
          if (cell?.off?.firstP && !cell.off.firstP.pPrEnd && cell.paragraphs === 1) {
            rPrOfPPr = { start: tagStart(end), end: tag_.isSelfClosing ? end : -1, prefix: prefixOf(tag_.name), children: [] };
            rPrDepth = depth;
            if (!tag_.isSelfClosing) break;
            cell.off.firstP.rPr = rPrOfPPr;
            rPrOfPPr = undefined;
            rPrDepth = -1;
          }
        }
        break;
      case 'pStyle':
        if (parent() === 'pPr' && curPara()) curPara().style = attr(tag_, 'val');
        break;
      case 'numId':
        if (parent() === 'numPr' && parent(2) === 'pPr' && curPara()) curPara().numId = attr(tag_, 'val');
        break;
      case 'ilvl':
        if (parent() === 'numPr' && parent(2) === 'pPr' && curPara()) curPara().ilvl = intAttr(tag_, 'val');
        break;
      case 'tabs':
        inTabs++;
        break;
      case 'r':
        runs.push({ hidden: false });
        break;
      case 'vanish':
      case 'specVanish':
        if (parent() === 'rPr' && parent(2) === 'r' && runs.length) runs[runs.length - 1].hidden = !offValue(attr(tag_, 'val'));
        break;
      case 'sdt':
        sdtPlaceholder.push(false);
        break;
      case 'drawing':
      case 'pict':
      case 'object':
        pictures++;
        break;
      case 'altChunk':
        altChunks++;
        break;
      case 'showingPlcHdr':
        if (parent() === 'sdtPr' && sdtPlaceholder.length) sdtPlaceholder[sdtPlaceholder.length - 1] = !offValue(attr(tag_, 'val'));
        break;
      case 'sdtContent':
        if (sdtPlaceholder[sdtPlaceholder.length - 1]) suppressText++;
        break;
      case 't':
        if (parent() === 'r' || parent() === 'ruby' || parent() === 'rubyBase') {
          inT = { start: end, cell: curPara()?.cell };
          pendingText = '';
          if (tag_.isSelfClosing) {
            // <w:t/>: nothing to append; as a patch target its whole tag is replaced
            if (withOffsets && inT.cell?.off && !suppressText && !runs[runs.length - 1]?.hidden)
              inT.cell.off.texts.push({ start: tagStart(end), end, selfClosing: true });
            inT = undefined;
          }
        }
        break;
      case 'br':
      case 'cr':
        if (parent() === 'r' && append('\n')) mark(tagStart(end), end);
        break;
      case 'tab':
        if (!inTabs && parent() === 'r' && append(' ')) mark(tagStart(end), end);
        break;
      case 'ptab':
        if (parent() === 'r' && append(' ')) mark(tagStart(end), end);
        break;
      case 'noBreakHyphen':
        if (parent() === 'r' && append('-')) mark(tagStart(end), end);
        break;
      case 'sym': {
        const ch = symChar(tag_);
        if (ch && parent() === 'r' && append(ch)) mark(tagStart(end), end);
        break;
      }
    }
    // record the direct children of the first paragraph's w:pPr/w:rPr
    if (rPrOfPPr && depth === rPrDepth + 1) rPrOfPPr.children.push({ local, start: tagStart(end), end: tag_.isSelfClosing ? end : -1 });
  });

  parser.on('text', (t) => {
    if (inT && skipAt < 0) pendingText += t;
  });
  parser.on('cdata', (t) => {
    if (inT && skipAt < 0) pendingText += t;
  });

  parser.on('closetag', (tag) => {
    const tag_ = tag as SaxesTagPlain;
    const end = parser.position;
    const local = stack.pop() ?? '';
    const d = depth--;
    if (nsScopes.length && nsScopes[nsScopes.length - 1].depth === d) ns = nsScopes.pop()!.ns;
    if (skipAt >= 0) {
      if (d === skipAt) skipAt = -1;
      return;
    }
    if (!local) return;
    if (rPrOfPPr && d === rPrDepth + 1) {
      const last = rPrOfPPr.children[rPrOfPPr.children.length - 1];
      if (last && last.end < 0) last.end = end;
    }
    switch (local) {
      case 't':
        if (inT && !tag_.isSelfClosing) {
          const cell = inT.cell;
          if (append(pendingText) && withOffsets && cell?.off) cell.off.texts.push({ start: inT.start, end: closeStart(end) });
          inT = undefined;
        }
        break;
      case 'rPr':
        if (rPrOfPPr && d === rPrDepth) {
          rPrOfPPr.end = end;
          const cell = curPara()?.cell;
          if (cell?.off?.firstP) cell.off.firstP.rPr = rPrOfPPr;
          rPrOfPPr = undefined;
          rPrDepth = -1;
        }
        break;
      case 'pPr': {
        const cell = curPara()?.cell;
        if (withOffsets && cell?.off?.firstP && cell.paragraphs === 1 && pPrStart >= 0 && !cell.off.firstP.pPrEnd)
          cell.off.firstP.pPrEnd = end;
        pPrStart = -1;
        break;
      }
      case 'tabs':
        inTabs--;
        break;
      case 'r':
        runs.pop();
        break;
      case 'sdt':
        sdtPlaceholder.pop();
        break;
      case 'sdtContent':
        if (sdtPlaceholder[sdtPlaceholder.length - 1]) suppressText--;
        break;
      case 'p': {
        const p = paras.pop();
        if (!p) break;
        const ref: NumberedRef | undefined =
          p.numId !== undefined || p.style !== undefined ? { style: p.style, numId: p.numId, ilvl: p.ilvl } : undefined;
        if (p.numId !== undefined && p.numId !== '0') numberedCount++;
        if (p.cell) {
          const cell = p.cell;
          const k = cell.lines.push(p.text) - 1;
          if (ref && p.text.trim()) ref.apply = (label) => (cell.lines[k] = label + cell.lines[k]);
        } else if (p.text.trim()) {
          const source: SourceRef = { kind: 'paragraph', index: paragraphIndex++ };
          const block: DocBlock = { kind: 'paragraph', text: p.text, source };
          blocks.push(block);
          if (ref) ref.apply = (label) => (block.text = label + block.text);
        }
        if (ref) numberedRefs.push(ref);
        break;
      }
      case 'tc': {
        const r = curTbl()?.cur;
        if (r?.cur) {
          if (withOffsets && r.cur.off) {
            r.cur.off.closeStart = tag_.isSelfClosing ? -1 : closeStart(end);
            cellOffsets.set(`${curTbl()!.index},${r.index},${r.cur.index}`, r.cur.off);
          }
          r.cur = undefined;
        }
        break;
      }
      case 'tr': {
        const t = curTbl();
        if (t) t.cur = undefined;
        break;
      }
      case 'tbl': {
        // laid out at the end, once list numbers are in the cells' text
        const t = tables.pop();
        if (t) done.push(t);
        break;
      }
    }
  });

  try {
    parser.write(xml).close();
  } catch (e) {
    throw new ScanError(failure ?? (e as Error).message);
  }
  if (tables.length) throw new ScanError('a table is not closed');
  if (numberedRefs.length && opts.numbering) {
    const counter = opts.numbering();
    if (counter)
      for (const ref of numberedRefs) {
        const at = counter.resolve(ref.numId, ref.ilvl, ref.style);
        const label = at && counter.next(at.numId, at.ilvl);
        if (label && ref.apply) ref.apply(label);
      }
    else if (numberedCount)
      warnings.push(
        `${numberedCount} paragraph${numberedCount > 1 ? 's are' : ' is'} numbered by Word's list numbering, but the document's numbering.xml cannot be read: those numbers (一、, （一）, 1.) are not in the text`,
      );
  }
  for (const t of done) place(t);
  if (altChunks)
    warnings.push(
      `the document embeds ${altChunks} part${altChunks > 1 ? 's' : ''} of other content (w:altChunk, e.g. pasted HTML) that ${altChunks > 1 ? 'are' : 'is'} not read: open it in Word or WPS and save it again to make it part of the document`,
    );
  return { blocks, warnings, cells: cellOffsets, pictures, altChunks };
}

/** lays a table's rows out on its grid: gridBefore, gridSpan, hMerge, vMerge */
function place(t: Tbl): void {
  const table = t.block.table;
  const cells: GridCell[] = [];
  let prev: (GridCell | undefined)[] = [];
  let gridRow = 0;
  let cols = 0;
  for (const row of t.rows) {
    if (row.deleted) continue;
    const cur: (GridCell | undefined)[] = [];
    let col = row.gridBefore;
    let last: GridCell | undefined;
    for (const tc of row.cells) {
      const text = tc.lines.join('\n');
      const source: SourceRef = { kind: 'docx', table: t.index, row: row.index, cell: tc.index };
      if (tc.hMergeContinue && last) {
        last.colspan += tc.span;
        if (text.trim()) last.text = last.text ? `${last.text}\n${text}` : text;
        for (let c = col; c < col + tc.span; c++) cur[c] = last;
        col += tc.span;
        continue;
      }
      const above = prev[col];
      if (tc.vMerge === 'continue' && above && above.col === col) {
        above.rowspan = gridRow - above.row + 1;
        if (text.trim()) above.text = above.text ? `${above.text}\n${text}` : text;
        for (let c = col; c < col + Math.max(tc.span, above.colspan); c++) cur[c] = above;
        col += Math.max(tc.span, above.colspan);
        last = above;
        continue;
      }
      const cell: GridCell = { row: gridRow, col, rowspan: 1, colspan: tc.span, text, source };
      cells.push(cell);
      for (let c = col; c < col + tc.span; c++) cur[c] = cell;
      col += tc.span;
      last = cell;
    }
    cols = Math.max(cols, col);
    prev = cur;
    gridRow++;
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  table.rows = gridRow;
  table.cols = cols;
  table.cells = cells;
}
