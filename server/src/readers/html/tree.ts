// The HTML tree as the readers see it: which elements are skipped or are blocks, an element's text
// (<br> and block boundaries as line breaks), and the HTML table algorithm that lays a <table>'s
// own rows out as a grid (rowspan/colspan, row groups, tfoot last).
import type { DefaultTreeAdapterTypes } from 'parse5';
import type { DocTable, GridCell } from '../model';

export type Node = DefaultTreeAdapterTypes.Node;
export type Element = DefaultTreeAdapterTypes.Element;

export const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'select',
  'option',
  'button',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'textarea',
  'head',
  'map',
  'audio',
  'video',
  'canvas',
]);
export const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'ul',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'td',
  'th',
  'body',
  'html',
]);

/** the grid of one table, beyond which it is left out */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

export const isElement = (n: Node): n is Element => 'tagName' in n;
export const attrOf = (e: Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

export function hidden(e: Element): boolean {
  if (e.attrs.some((a) => a.name === 'hidden')) return true;
  const style = attrOf(e, 'style');
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

export function childrenOf(n: Node): Node[] {
  if (isElement(n) && n.tagName === 'template') return [];
  return 'childNodes' in n ? (n.childNodes as Node[]) : [];
}

/** source white space (not &nbsp;, which is U+00A0 here) collapsed as a browser renders it */
export const collapse = (s: string) => s.replace(/[ \t\n\r\f]+/g, ' ');

/**
 * The text of an element: <br> and block boundaries are '\n'. Iterative (a hostile page can nest
 * elements a hundred thousand deep).
 */
export function textOf(root: Node): string {
  let out = '';
  const stack: (Node | '\n')[] = [...childrenOf(root)].reverse();
  while (stack.length) {
    const n = stack.pop()!;
    if (n === '\n') {
      if (out && !out.endsWith('\n')) out += '\n';
      continue;
    }
    if (n.nodeName === '#text') {
      out += collapse((n as DefaultTreeAdapterTypes.TextNode).value);
      continue;
    }
    if (!isElement(n)) {
      const kids = childrenOf(n);
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
      continue;
    }
    const tag = n.tagName;
    // a table inside a cell is a table of its own, never part of the cell's text
    if (SKIP.has(tag) || hidden(n) || tag === 'table') continue;
    if (tag === 'br') {
      out += '\n';
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) stack.push('\n');
    const kids = childrenOf(n);
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
    if (block && out && !out.endsWith('\n')) out += '\n';
  }
  // line breaks at the ends of a cell (a closing </p>) are no lines of its own
  return out.replace(/^\n+|\n+$/g, '');
}

interface RowGroup {
  rows: Element[];
}

/** a table's row groups in the order the HTML table model places them (tfoot last) */
export function rowGroups(table: Element): { groups: RowGroup[]; docOrder: Element[] } {
  const groups: RowGroup[] = [];
  const feet: RowGroup[] = [];
  const docOrder: Element[] = [];
  let loose: RowGroup | undefined;
  for (const c of childrenOf(table)) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') {
      if (!loose) groups.push((loose = { rows: [] }));
      loose.rows.push(c);
      docOrder.push(c);
    } else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') {
      loose = undefined;
      const g: RowGroup = { rows: childrenOf(c).filter((r): r is Element => isElement(r) && r.tagName === 'tr') };
      docOrder.push(...g.rows);
      (c.tagName === 'tfoot' ? feet : groups).push(g);
    }
  }
  return { groups: [...groups, ...feet], docOrder };
}

function spanOf(e: Element, name: 'rowspan' | 'colspan'): number {
  const v = attrOf(e, name);
  const n = v === undefined ? Number.NaN : Number.parseInt(v.trim(), 10);
  if (name === 'colspan') return Number.isFinite(n) && n >= 1 ? Math.min(n, MAX_COLSPAN) : 1;
  if (!Number.isFinite(n) || n < 0) return 1;
  return Math.min(n, MAX_ROWSPAN);
}

export function gridOf(table: Element, tableIndex: number): DocTable {
  const { groups, docOrder } = rowGroups(table);
  const rowIndex = new Map(docOrder.map((r, i) => [r, i]));
  const cells: GridCell[] = [];
  const taken: Uint8Array[] = [];
  let cols = 0;
  let y = 0;
  for (const g of groups) {
    const groupEnd = y + g.rows.length;
    for (const tr of g.rows) {
      let x = 0;
      let k = 0;
      for (const td of childrenOf(tr)) {
        if (!isElement(td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
        const cellIndex = k++;
        while (x < (taken[y]?.length ?? 0) && taken[y][x]) x++;
        const colspan = spanOf(td, 'colspan');
        let rowspan = spanOf(td, 'rowspan');
        if (rowspan === 0 || y + rowspan > groupEnd) rowspan = Math.max(1, groupEnd - y);
        for (let r = y; r < y + rowspan; r++) {
          let t = taken[r] ?? new Uint8Array(0);
          if (t.length < x + colspan) {
            const grown = new Uint8Array(Math.max(x + colspan, t.length * 2));
            grown.set(t);
            t = grown;
          }
          t.fill(1, x, x + colspan);
          taken[r] = t;
        }
        cells.push({
          row: y,
          col: x,
          rowspan,
          colspan,
          text: textOf(td),
          source: { kind: 'html', table: tableIndex, row: rowIndex.get(tr)!, cell: cellIndex },
        });
        x += colspan;
        cols = Math.max(cols, x);
      }
      y++;
    }
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { rows: y, cols, cells };
}
