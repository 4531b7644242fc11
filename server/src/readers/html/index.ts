// HTML (or MHTML) → ReadDocument. parse5 builds the tree as a browser does (implied </td> and
// </tr>, implicit <tbody>, foster parenting); then one walk in document order:
// - a <table> is a grid of its own rows only (tr children of the table, its thead, tbodies and
//   tfoot — tfoot last, as the HTML table model places it), laid out by the HTML table algorithm:
//   a cell skips slots taken from above, colspan is clamped to 1..1000, rowspan to 0..65534 and to
//   the end of its row group, rowspan="0" runs to the end of the row group;
// - a table that holds another table, or a cell of long prose, is page layout: its cells are read
//   as flow (prose and the tables inside), not as a grid;
// - cell text: <br> and block elements (p, div, li, …) are line breaks, source white space is a
//   space, &nbsp; and U+3000 are spaces;
// - prose: the text outside tables, a paragraph per block element, in order; script, style,
//   noscript, template, nav, select, hidden elements are not read.
// Report tables are picked by their header words in report-text.ts, so navigation and footer
// tables fall away there. No report table at all: 'no-report' (saying so when the page has images,
// which is how some sites publish their tables).
import { type DefaultTreeAdapterTypes, parse } from 'parse5';
import { DEFAULT_LIMITS, type DocBlock, type ReadLimits, type ReadResult } from '../model';
import { tableIdOf } from '../report-text';
import { decodeHtml } from './charset';
import { mhtmlHtml } from './mhtml';
import { BLOCK, childrenOf, collapse, type Element, gridOf, hidden, isElement, type Node, rowGroups, SKIP, textOf } from './tree';

/** decoded text beyond which a page is refused (a report page is well under 1 MB) */
const MAX_HTML_CHARS = 32 * 1024 * 1024;
/** the tables inside e that are not inside another table inside e, in document order */
function outermostTables(e: Element): Element[] {
  const out: Element[] = [];
  const stack = [...childrenOf(e)].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.tagName === 'table') {
      out.push(n);
      continue;
    }
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  return out;
}

function containsTable(e: Element): boolean {
  const stack = [...childrenOf(e)];
  while (stack.length) {
    const n = stack.pop()!;
    if (isElement(n)) {
      if (n.tagName === 'table') return true;
      stack.push(...childrenOf(n));
    }
  }
  return false;
}

/** a cell of long prose in several blocks: the table is the page's layout, not data */
function holdsProse(table: Element): boolean {
  const { docOrder } = rowGroups(table);
  for (const tr of docOrder)
    for (const td of childrenOf(tr)) {
      if (!isElement(td)) continue;
      const blocks = childrenOf(td).filter((c) => isElement(c) && BLOCK.has(c.tagName)).length;
      if (blocks >= 2 && textOf(td).length > 200) return true;
    }
  return false;
}

interface Walk {
  blocks: DocBlock[];
  para: string;
  tableCount: number;
  images: number;
  title?: string;
}

function flush(w: Walk): void {
  if (w.para.trim()) w.blocks.push({ kind: 'paragraph', text: w.para });
  w.para = '';
}

/** document order; tables as grids, or as flow when they are layout */
function walk(root: Node, w: Walk): void {
  const stack: (Node | { end: 'block' })[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if ('end' in n) {
      flush(w);
      continue;
    }
    if (n.nodeName === '#text') {
      w.para += collapse((n as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    if (!isElement(n)) {
      const kids = childrenOf(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      continue;
    }
    const tag = n.tagName;
    if (tag === 'head') {
      const title = childrenOf(n).find((c) => isElement(c) && c.tagName === 'title');
      if (title) w.title = textOf(title);
      continue;
    }
    if (SKIP.has(tag) || hidden(n)) continue;
    if (tag === 'img') {
      w.images++;
      continue;
    }
    if (tag === 'br') {
      w.para += '\n';
      continue;
    }
    if (tag === 'table') {
      flush(w);
      const index = w.tableCount++;
      const grid = gridOf(n, index);
      // a report table by its own cells' words stays a grid whatever it holds; any other table that
      // holds a table, or a cell of long prose, is the page's layout
      const report = tableIdOf(grid) !== undefined;
      const nested = containsTable(n);
      if (report || (!nested && !holdsProse(n))) {
        w.blocks.push({ kind: 'table', table: grid });
        countImages(n, w);
        // tables inside its cells follow it, as tables of their own
        const inner = outermostTables(n);
        for (let i = inner.length - 1; i >= 0; i--) stack.push(inner[i]);
        continue;
      }
      // layout: its cells are flow, in order
    }
    const block = BLOCK.has(tag);
    if (block) {
      flush(w);
      stack.push({ end: 'block' });
    }
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  flush(w);
}

function countImages(e: Element, w: Walk): void {
  const stack = [...childrenOf(e)];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.tagName === 'img') w.images++;
    stack.push(...childrenOf(n));
  }
}

/** the page's title when the article itself has no title line: the <title> up to 年度报告 */
function titleFromHead(w: Walk): string | undefined {
  const t = w.title?.replace(/\s+/g, ' ').trim();
  if (!t) return undefined;
  const m = /^.*?(?:政府信息公开|政务公开).*?(?:年度报告|年报)/.exec(t);
  if (!m) return undefined;
  const firstParas = w.blocks.slice(0, 12).filter((b) => b.kind === 'paragraph') as { text: string }[];
  if (firstParas.some((p) => /年度报告|年报/.test(p.text))) return undefined;
  return m[0];
}

export function readHtml(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS, opts: { mhtml?: boolean } = {}): ReadResult {
  try {
    let body = bytes;
    let hint: string | undefined;
    if (opts.mhtml) {
      const part = mhtmlHtml(bytes);
      if (!part) return { unreadable: 'no-report', message: 'the MHTML file holds no HTML part' };
      body = part.bytes;
      hint = part.charset;
    }
    if (body.length > Math.min(limits.maxBytes, MAX_HTML_CHARS * 4))
      return { unreadable: 'too-large', message: `the page is ${body.length} bytes: larger than any report page, not read` };
    const decoded = decodeHtml(body, hint);
    if (decoded.text.length > MAX_HTML_CHARS)
      return { unreadable: 'too-large', message: `the page is ${decoded.text.length} characters: larger than any report page, not read` };
    const doc = parse(decoded.text);
    const w: Walk = { blocks: [], para: '', tableCount: 0, images: 0 };
    walk(doc, w);
    const warnings = [...decoded.warnings];
    const title = titleFromHead(w);
    if (title) {
      w.blocks.unshift({ kind: 'paragraph', text: title });
      warnings.push('the article has no title line: the title was taken from the page <title>');
    }
    // paragraphs numbered in order, once the title is known
    let pi = 0;
    for (const b of w.blocks) if (b.kind === 'paragraph') b.source = { kind: 'paragraph', index: pi++ };
    const ids = new Set(w.blocks.flatMap((b) => (b.kind === 'table' ? [tableIdOf(b.table)].filter((x) => x) : [])));
    if (!ids.size)
      return {
        unreadable: 'no-report',
        message: w.images
          ? `the page holds no report table, and ${w.images} image${w.images > 1 ? 's' : ''}: its tables may be published as pictures, which cannot be read`
          : 'the page holds no report table (none with 申请人情况, 行政复议/行政诉讼 or 第二十条 in its header)',
      };
    if (w.images && ids.size < 3)
      warnings.push(
        `the page has ${w.images} image${w.images > 1 ? 's' : ''}: a table published as a picture cannot be read (found table ${[...ids].join('、')} only)`,
      );
    return { source: 'html', blocks: w.blocks, warnings };
  } catch (e) {
    return { unreadable: 'corrupt', message: `the page could not be read (${(e as Error)?.message ?? String(e)})` };
  }
}
