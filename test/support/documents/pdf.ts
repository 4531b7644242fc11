// A generated report drawn as a PDF with pdfkit, in the official merged layout (layout.ts), with
// the ways real PDFs draw tables as options: borders stroked, as thin filled rectangles, or not at
// all; no bottom border where a table breaks across pages (WPS); header rows repeated on the next
// page; one text item per cell line, per glyph (drawn out of order), or values set so tight that
// pdf.js makes one item of a row's values; the vertical group labels as stacked glyphs or in a
// vertical (Identity-V) font; pages turned with /Rotate 90 and drawn sideways. Page numbers at the
// foot. The numbers come from the text, so an error planted in it is in the PDF too.
// Needs the WenQuanYi Micro Hei font (fonts-wqy-microhei); the PDFs it makes are committed
// (scripts/make-pdf-fixtures.ts), so tests and CI do not.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { rng } from '../report';
import { type LayoutOptions, type LCell, type LTable, placeCells, reportLayout } from './layout';

export const CJK_FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const FONT_NAME = 'WenQuanYiMicroHei';

export interface PdfOptions extends LayoutOptions {
  borders?: 'stroke' | 'rects' | 'none';
  /** no bottom border where a table is cut by a page break (WPS) */
  openBreak?: boolean;
  /** table 三's header rows again at the top of the page it continues on */
  repeatHeader?: boolean;
  /** one item per cell line (default), per glyph (drawn in a shuffled order), or tight value columns */
  text?: 'line' | 'glyph' | 'tight';
  /** the vertical group labels: stacked glyphs (default) or one run in a vertical (Identity-V) font */
  vertical?: 'stack' | 'font';
  /** every page turned by /Rotate 90, its content drawn sideways so it reads upright */
  rotate?: boolean;
  /** extra paragraphs in section 一, to push table 三 across a page break */
  prose?: string[];
  pageNumbers?: boolean;
  seed?: number;
}

const PORTRAIT = { w: 595.28, h: 841.89 };
const MARGIN = 56;
const BODY = 12;
const TABLE_FONT = 8;
const PAD = 2;

/** column widths (points) of each table, to fill the text width */
function widths(t: LTable, textWidth: number, opts: PdfOptions): number[] {
  const cols = placeCells(t).cols;
  if (t.id === '三') {
    if (opts.text === 'tight') {
      // values in 10 pt in columns 16.5 pt wide: two-digit neighbours stand 5.5 pt apart, under
      // pdf.js's 0.6 em, so it makes one text item of them
      const values = [...new Array(6).fill(16.5), 24];
      return [24, 50, textWidth - 74 - values.reduce((a, b) => a + b, 0), ...values];
    }
    const value = (textWidth - 24 - 50 - 160) / 7;
    const label2 = textWidth - 24 - 50 - 7 * value;
    return [24, 50, label2, ...new Array(7).fill(value)];
  }
  if (t.id === '二') return [textWidth - 3 * 100, 100, 100, 100].slice(0, cols);
  return new Array(cols).fill(textWidth / cols);
}

/** Where the tables went: for each table, the rows it has on each page it is drawn on. */
export interface PdfLayout {
  tables: { id: LTable['id']; parts: { page: number; rows: number }[] }[];
  pages: number;
}

export async function reportPdf(text: string, opts: PdfOptions = {}): Promise<Uint8Array> {
  return (await reportPdfLayout(text, opts)).bytes;
}

export async function reportPdfLayout(text: string, opts: PdfOptions = {}): Promise<{ bytes: Uint8Array; layout: PdfLayout }> {
  if (!existsSync(CJK_FONT)) throw new Error(`${CJK_FONT} is needed to draw PDF fixtures (apt-get install fonts-wqy-microhei)`);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: false,
    compress: true,
    info: { Title: 'fixture', Producer: 'pdfkit' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()));
  doc.registerFont('cjk', CJK_FONT, FONT_NAME);
  // the vertical font must be another font object: the collection's monospaced face
  doc.registerFont('cjk-v', CJK_FONT, 'WenQuanYiMicroHeiMono');
  const page = opts.rotate ? { w: PORTRAIT.h, h: PORTRAIT.w } : PORTRAIT;
  const textWidth = page.w - 2 * MARGIN;
  const bottom = page.h - MARGIN;
  const random = rng(opts.seed ?? 1);
  let y = MARGIN;
  let pageNo = 0;
  let verticalFontId: number | undefined;
  const layout: PdfLayout = { tables: [], pages: 0 };

  const newPage = () => {
    if (pageNo > 0 && opts.pageNumbers !== false) footer();
    doc.addPage({ size: 'A4', margin: 0 });
    pageNo++;
    if (opts.rotate) {
      (doc.page.dictionary.data as Record<string, unknown>).Rotate = 90;
      // landscape display (X, Y) → pdfkit's portrait coordinates (Y, H − X)
      doc.transform(0, -1, 1, 0, 0, PORTRAIT.h);
    }
    y = MARGIN;
  };
  const footer = () => {
    doc.font('cjk').fontSize(10);
    const s = `- ${pageNo} -`;
    doc.text(s, (page.w - doc.widthOfString(s)) / 2, page.h - MARGIN / 2, { lineBreak: false });
  };

  /** draws a string as text items the way opts.text asks */
  const draw = (s: string, x: number, yy: number, size: number) => {
    doc.font('cjk').fontSize(size);
    if (opts.text !== 'glyph' || s.length < 2) {
      doc.text(s, x, yy, { lineBreak: false });
      return;
    }
    const chars = [...s];
    const xs: number[] = [];
    let at = x;
    for (const ch of chars) {
      xs.push(at);
      at += doc.widthOfString(ch);
    }
    const order = chars.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    for (const i of order) doc.text(chars[i], xs[i], yy, { lineBreak: false });
  };

  /** wraps a string to a width, breaking anywhere (CJK), at explicit \n too */
  const wrap = (s: string, width: number, size: number): string[] => {
    doc.font('cjk').fontSize(size);
    const out: string[] = [];
    for (const part of s.split('\n')) {
      if (/^[\d０-９.,-]+$/.test(part)) {
        // a number is never broken
        out.push(part);
        continue;
      }
      let line = '';
      for (const ch of part) {
        if (line && doc.widthOfString(line + ch) > width) {
          out.push(line);
          line = '';
        }
        line += ch;
      }
      out.push(line);
    }
    return out;
  };

  const paragraph = (s: string, title: boolean) => {
    const size = title ? 18 : BODY;
    const pitch = size * 1.6;
    const indent = title ? 0 : 2 * size;
    const lines = wrap(s, textWidth - indent, size);
    // a wrapped first line re-wrapped without the indent on the following lines
    const all: string[] = [];
    if (title) all.push(...lines);
    else {
      const first = wrap(s, textWidth - indent, size)[0];
      all.push(first, ...wrap(s.slice(first.length), textWidth, size).filter((l) => l !== ''));
    }
    all.forEach((l, i) => {
      if (y + pitch > bottom) newPage();
      doc.font('cjk').fontSize(size);
      const x = title ? (page.w - doc.widthOfString(l)) / 2 : MARGIN + (i === 0 ? indent : 0);
      draw(l, x, y, size);
      y += pitch;
    });
    y += title ? size : 0;
  };

  const table = (t: LTable) => {
    const p = placeCells(t);
    const ws = widths(t, textWidth, opts);
    const xs = [MARGIN];
    for (const w of ws) xs.push(xs[xs.length - 1] + w);
    const pitch = TABLE_FONT * 1.35;
    // only the narrow first column's label (三、本年度办理结果) is set vertically; the group labels
    // （三）…（六） wrap in their column, as WPS prints them
    type Cell = LCell & { row: number; col: number };
    const isVertical = (c: Cell) => !!c.vertical && c.col === 0;
    const linesOf = (c: Cell) => {
      const w = xs[c.col + (c.colspan ?? 1)] - xs[c.col] - 2 * PAD;
      return isVertical(c) ? [...c.text.replace(/\n/g, '')] : wrap(c.text, w, TABLE_FONT);
    };
    // row heights: the tallest single-row cell; a spanning horizontal cell's lines spread over its rows
    const heights: number[] = new Array(p.rows).fill(pitch + 2 * PAD + 2);
    for (const c of p.cells) if ((c.rowspan ?? 1) === 1) heights[c.row] = Math.max(heights[c.row], linesOf(c).length * pitch + 2 * PAD);
    for (const c of p.cells) {
      const rs = c.rowspan ?? 1;
      if (rs === 1 || isVertical(c)) continue;
      const need = linesOf(c).length * pitch + 2 * PAD;
      const have = heights.slice(c.row, c.row + rs).reduce((a, b) => a + b, 0);
      if (need > have) heights[c.row + rs - 1] += need - have;
    }
    const headerRows = t.id === '三' ? 3 : 0;
    const headerHeight = heights.slice(0, headerRows).reduce((a, b) => a + b, 0);

    // rows onto pages: each part of the table is one page's piece of it
    interface Part {
      rows: number[];
      tops: Map<number, number>;
      repeat: boolean;
      bottom: number;
    }
    const parts: Part[] = [];
    let part: Part = { rows: [], tops: new Map(), repeat: false, bottom: y };
    parts.push(part);
    let at = y;
    for (let r = 0; r < p.rows; r++) {
      if (at + heights[r] > bottom && part.rows.length) {
        const repeat = !!opts.repeatHeader && headerRows > 0 && r > headerRows;
        at = MARGIN + (repeat ? headerHeight : 0);
        part = { rows: [], tops: new Map(), repeat, bottom: at };
        parts.push(part);
      }
      part.rows.push(r);
      part.tops.set(r, at);
      at += heights[r];
      part.bottom = at;
    }
    const partOf = (r: number) => parts.findIndex((q) => q.tops.has(r));
    layout.tables.push({ id: t.id, parts: parts.map((q, k) => ({ page: pageNo + k, rows: q.rows.length })) });

    parts.forEach((q, k) => {
      if (k > 0) newPage();
      const last = k === parts.length - 1;
      if (q.repeat) {
        let top = MARGIN;
        for (let h = 0; h < headerRows; h++) {
          for (const c of p.cells.filter((c) => c.row === h)) {
            const rs = c.rowspan ?? 1;
            slice(c, top, top + heights.slice(h, h + rs).reduce((a, b) => a + b, 0), linesOf(c), true);
          }
          top += heights[h];
        }
      }
      for (const c of p.cells) {
        const rs = c.rowspan ?? 1;
        const rows = Array.from({ length: rs }, (_, i) => c.row + i).filter((r) => partOf(r) === k);
        if (!rows.length) continue;
        const top = q.tops.get(rows[0])!;
        const bot = q.tops.get(rows[rows.length - 1])! + heights[rows[rows.length - 1]];
        // the lines that fall on this page's slice of the cell
        const all = linesOf(c);
        const before = Array.from({ length: rs }, (_, i) => c.row + i)
          .filter((r) => partOf(r) < k)
          .reduce((s, r) => s + heights[r], 0);
        const fits = (h: number) => Math.max(0, Math.floor((h - (isVertical(c) ? 0 : 2 * PAD)) / pitch));
        const skip = before ? fits(before) : 0;
        const mine = partOf(c.row + rs - 1) === k ? all.slice(skip) : all.slice(skip, skip + fits(bot - top));
        const atBreak = !last && Math.abs(q.bottom - bot) < 0.5;
        slice(c, top, bot, mine, !(opts.openBreak && atBreak));
      }
      y = q.bottom;
    });
    y += BODY;

    function slice(c: Cell, top: number, bot: number, lines: string[], closed: boolean) {
      const x0 = xs[c.col];
      const x1 = xs[c.col + (c.colspan ?? 1)];
      box(x0, top, x1, bot, closed);
      if (isVertical(c) && opts.vertical === 'font') {
        if (lines.length) verticalText(lines.join(''), (x0 + x1) / 2, top + PAD);
        return;
      }
      const numeric = /^[\d０-９.-]*$/.test(c.text);
      const size = numeric && t.id === '三' && opts.text === 'tight' ? 10 : TABLE_FONT;
      let ty = numeric ? top + (bot - top - lines.length * pitch) / 2 : top + PAD;
      for (const l of lines) {
        if (l) {
          doc.font('cjk').fontSize(size);
          const w = doc.widthOfString(l);
          draw(l, isVertical(c) || numeric ? (x0 + x1 - w) / 2 : x0 + PAD, ty, size);
        }
        ty += pitch;
      }
    }

    function box(x0: number, top: number, x1: number, bot: number, closed: boolean) {
      if (opts.borders === 'none') return;
      line(x0, top, x1, top);
      line(x0, top, x0, bot);
      line(x1, top, x1, bot);
      if (closed) line(x0, bot, x1, bot);
    }

    function line(ax: number, ay: number, bx: number, by: number) {
      if (opts.borders === 'rects') {
        const t = 0.6;
        if (ay === by) doc.rect(ax, ay - t / 2, bx - ax, t).fill('#000');
        else doc.rect(ax - t / 2, ay, t, by - ay).fill('#000');
      } else doc.moveTo(ax, ay).lineTo(bx, by).lineWidth(0.5).stroke('#000');
      doc.fillColor('#000');
    }
  };

  const verticalText = (s: string, cx: number, top: number) => {
    doc.font('cjk-v').fontSize(TABLE_FONT);
    // in a vertical font the glyphs run down from the origin, centred on it
    doc.text(s, cx, top, { lineBreak: false });
    verticalFontId ??= (doc as unknown as { _font: { dictionary: { id: number } } })._font.dictionary.id;
  };

  newPage();
  const blocks = reportLayout(text, opts);
  blocks.forEach((b, i) => {
    if (b.kind === 'p') paragraph(b.text, i === 0);
    else table(b.table);
  });
  if (opts.pageNumbers !== false) footer();
  doc.end();
  await done;
  let bytes: Uint8Array = new Uint8Array(Buffer.concat(chunks));
  if (verticalFontId !== undefined) bytes = verticalEncoding(bytes, verticalFontId);
  layout.pages = pageNo;
  return { bytes, layout };
}

/** The vertical font: its Type0 dictionary's /Identity-H becomes /Identity-V (same length: offsets stay). */
function verticalEncoding(bytes: Uint8Array, id: number): Uint8Array {
  const s = Buffer.from(bytes).toString('latin1');
  const start = s.indexOf(`\n${id} 0 obj`);
  if (start < 0) throw new Error('vertical font object not found');
  const end = s.indexOf('endobj', start);
  const obj = s.slice(start, end);
  if (!obj.includes('/Identity-H')) throw new Error('vertical font has no /Identity-H');
  return new Uint8Array(Buffer.from(s.slice(0, start) + obj.replace('/Identity-H', '/Identity-V') + s.slice(end), 'latin1'));
}
