// A generated report written as the HTML page a government site publishes: the article's prose as
// <p>, the tables in the official merged layout (layout.ts) with the quirks real pages have, page
// chrome around the article, and the page's bytes in UTF-8, GBK or GB18030.
import { type LayoutOptions, type LCell, type LRow, type LTable, reportLayout } from './layout';

export interface HtmlQuirks {
  /** table 三: 商业企业 over two grid columns, an empty cell under the second in every row (a spacer column) */
  spanningHeader?: boolean;
  /** table 二: a 5-column grid; the first value spans two grid columns in some rows, the second in others */
  unevenFirstColumn?: boolean;
  /** table 四: the header in <thead>, its first five cells rowspan="0" (to the end of the thead) */
  rowspanZero?: boolean;
  /** table 三: no </td> and no </tr> */
  unclosed?: boolean;
  /** every cell's text inside <p>; line breaks inside cells as <br /> */
  paragraphs?: boolean;
  /** empty cells written &nbsp; */
  nbsp?: boolean;
  /** a navigation table and menu before the article, a footer table after, scripts and styles, the article inside a layout table */
  chrome?: boolean;
}

export interface HtmlOptions extends LayoutOptions {
  encoding?: 'utf-8' | 'gbk' | 'gb18030';
  /** the charset label declared in a <meta>; null: no meta */
  meta?: string | null;
  /** how the meta declares it: <meta charset=…> (default) or <meta http-equiv="Content-Type" content="…; charset=…"> */
  metaStyle?: 'charset' | 'http-equiv';
  bom?: boolean;
  quirks?: HtmlQuirks;
  /** a sentence added at the end of section 六 (e.g. with a character only GB18030 encodes) */
  extra?: string;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function cellHtml(c: LCell, q: HtmlQuirks, close: boolean): string {
  const attrs = `${(c.rowspan ?? 1) !== 1 ? ` rowspan="${c.rowspan}"` : ''}${(c.colspan ?? 1) > 1 ? ` colspan="${c.colspan}"` : ''}`;
  let inner = c.text === '' ? (q.nbsp ? '&nbsp;' : '') : c.text.split('\n').map(esc).join('<br />');
  if (q.paragraphs && c.text !== '') inner = `<p align="center">${inner}</p>`;
  return `<td${attrs}>${inner}${close ? '</td>' : ''}`;
}

function rowsHtml(rows: LRow[], q: HtmlQuirks, close: boolean): string {
  return rows.map((r) => `<tr>${r.map((c) => cellHtml(c, q, close)).join('')}${close ? '</tr>' : ''}\n`).join('');
}

function withSpacer(t: LTable): LTable {
  const rows = t.rows.map((r) => r.map((c) => ({ ...c })));
  rows[0][1].colspan = 8; // 申请人情况
  rows[1][1].colspan = 6; // 法人或其他组织
  rows[2][0].colspan = 2; // 商业企业
  for (let i = 3; i < rows.length; i++) rows[i].splice(rows[i].length - 5, 0, { text: '' });
  return { ...t, rows };
}

function uneven(t: LTable): LTable {
  const rows: LRow[] = [];
  let n = 0;
  let k = 0;
  for (const r of t.rows) {
    if (r.length === 1) rows.push([{ ...r[0], colspan: 5 }]);
    else {
      const cells = r.slice(1);
      if (r[0].text === '信息内容') {
        n = cells.length;
        k = 0;
      }
      // three values over four grid columns: one of them spans two, which one depends on the row
      const wide = r[0].text === '信息内容' ? 1 : k++ % 2 === 0 ? 0 : 1;
      rows.push([r[0], ...cells.map((c, j) => ({ ...c, colspan: n === 3 ? (j === wide ? 2 : 1) : n === 2 ? 2 : 4 }))]);
    }
  }
  return { ...t, rows };
}

function tableHtml(t: LTable, q: HtmlQuirks): string {
  let table = t;
  if (t.id === '三' && q.spanningHeader) table = withSpacer(t);
  if (t.id === '二' && q.unevenFirstColumn) table = uneven(t);
  if (t.id === '四' && q.rowspanZero && table.rows.length === 4) {
    const head = table.rows.slice(0, 3).map((r, i) => (i === 1 ? r.map((c) => (c.rowspan === 2 ? { ...c, rowspan: 0 } : c)) : r));
    return `<table border="1" cellspacing="0"><thead>\n${rowsHtml(head, q, true)}</thead><tbody>\n${rowsHtml(table.rows.slice(3), q, true)}</tbody></table>`;
  }
  const close = !(t.id === '三' && q.unclosed);
  return `<table border="1" cellspacing="0"><tbody>\n${rowsHtml(table.rows, q, close)}</tbody></table>`;
}

const NAV = `<table class="nav" width="100%"><tr><td><a href="/">首页</a></td><td><a href="/zwgk">政务公开</a></td><td><a href="/fg">政策法规</a></td><td><a href="/hd">互动交流</a></td></tr></table>
<nav><ul><li><a href="/xxgk">信息公开目录</a></li><li><a href="/ndbg">年度报告</a></li></ul></nav>
<script>var total = 12; document.title = "二、主动公开政府信息情况";</script><style>td { font-size: 12px }</style>`;
const FOOTER = `<table class="footer" width="100%"><tr><td>主办：某某区人民政府办公室　联系电话：0379-12345678</td><td>网站标识码 4103030001　ICP备12345678号</td></tr></table>`;

function encode(s: string, enc: HtmlOptions['encoding']): Uint8Array {
  if (!enc || enc === 'utf-8') return new TextEncoder().encode(s);
  return encodeGb(s, enc);
}

/** The page for a report text (errors planted as wanted), as bytes. */
export function reportHtml(text: string, opts: HtmlOptions = {}): Uint8Array {
  const q = opts.quirks ?? {};
  const body: string[] = [];
  let first = true;
  for (const b of reportLayout(text, opts)) {
    if (b.kind === 'table') body.push(tableHtml(b.table, q));
    else if (first) body.push(`<p style="text-align: center;font-weight: bold;">${esc(b.text)}</p>`);
    else body.push(`<p>${esc(b.text)}</p>`);
    first = false;
  }
  if (opts.extra) body.push(`<p>${esc(opts.extra)}</p>`);
  let article = `<div class="TRS_Editor">\n${body.join('\n')}\n</div>`;
  if (q.chrome) article = `<table width="960" align="center"><tr><td>\n${article}\n</td></tr></table>`;
  const meta =
    opts.meta === undefined
      ? '<meta charset="utf-8">'
      : opts.meta === null
        ? ''
        : opts.metaStyle === 'http-equiv'
          ? `<meta http-equiv="Content-Type" content="text/html; charset=${opts.meta}">`
          : `<meta charset=${opts.meta}>`;
  const html = `<!DOCTYPE html>\n<html><head>${meta}<title>年度报告</title></head><body>\n${q.chrome ? NAV : ''}\n${article}\n${q.chrome ? FOOTER : ''}\n</body></html>\n`;
  const bytes = encode(html, opts.encoding);
  if (!opts.bom) return bytes;
  const out = new Uint8Array(bytes.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(bytes, 3);
  return out;
}

let gbTable: Map<number, number[]> | undefined;

/**
 * GBK / GB18030 encoding by inverting the decoder Node and browsers ship (TextDecoder), so no
 * encoder library is needed: two-byte codes for the GBK repertoire, four-byte GB18030 codes found
 * by search for the few characters outside it.
 */
export function encodeGb(s: string, enc: 'gbk' | 'gb18030'): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const d = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = d.decode(new Uint8Array([a, b]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch.charCodeAt(0))) gbTable.set(ch.charCodeAt(0), [a, b]);
      }
  }
  const out: number[] = [];
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (gbTable.has(cp)) out.push(...gbTable.get(cp)!);
    else if (enc === 'gb18030') out.push(...fourByte(ch));
    else throw new Error(`U+${cp.toString(16)} is not in GBK`);
  }
  return new Uint8Array(out);
}

function fourByte(ch: string): number[] {
  const d = new TextDecoder('gb18030');
  for (let a = 0x81; a <= 0x84; a++)
    for (let b = 0x30; b <= 0x39; b++)
      for (let c = 0x81; c <= 0xfe; c++)
        for (let e = 0x30; e <= 0x39; e++) if (d.decode(new Uint8Array([a, b, c, e])) === ch) return [a, b, c, e];
  throw new Error(`no GB18030 code for ${ch}`);
}
