// A generated report written as a DOCX the way drafters have it in Word/WPS: the title and section
// headings as paragraphs, and the three tables in the official merged layout (layout.ts) — merged
// header 申请人情况 / 法人或其他组织 (w:gridSpan + w:vMerge), vertical group labels 三、本年度办理结果 and
// （三）…（六） (w:vMerge, text direction tbRl), soft breaks inside header cells (商业⏎企业, w:br),
// table 二's blocks, table 四's two-level header, header rows marked w:tblHeader.
import {
  AlignmentType,
  Document,
  LevelFormat,
  LevelSuffix,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextDirection,
  TextRun,
  VerticalAlign,
  VerticalMergeType,
  WidthType,
} from 'docx';
import { type LayoutOptions, type LTable, placeCells, reportLayout } from './layout';

export interface DocxOptions extends LayoutOptions {
  /**
   * Word list numbering instead of typed numbers: the section headings (一、…) by a chineseCounting
   * list, table 三's sub-row labels (1.…) by a decimal list restarted in every group
   */
  numbered?: boolean;
}

const NUMBERING = {
  config: [
    { reference: 'sections', levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', suffix: LevelSuffix.NOTHING }] },
    { reference: 'subrows', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.', suffix: LevelSuffix.NOTHING }] },
  ],
};

const FONT = { eastAsia: 'WenQuanYi Micro Hei', ascii: 'Liberation Serif', hAnsi: 'Liberation Serif' };

/** twips per grid column of each table, so that LibreOffice lays the tables out legibly on A4 */
const WIDTHS: Record<LTable['id'], number[]> = {
  二: [2700, 2100, 2100, 2100],
  三: [560, 1000, 3000, ...new Array(7).fill(640)],
  四: new Array(15).fill(600),
};

function runs(text: string, size: number): TextRun[] {
  // a cell's line breaks are soft breaks (w:br) inside one paragraph, as Word writes Shift+Enter
  return text.split('\n').map((t, i) => new TextRun({ text: t, break: i > 0 ? 1 : undefined, font: FONT, size }));
}

function table(t: LTable, numbered: boolean): Table {
  let group = 0;
  const p = placeCells(t);
  const at = new Map(p.cells.map((c) => [`${c.row},${c.col}`, c]));
  const cover: (typeof p.cells)[number][][] = Array.from({ length: p.rows }, () => []);
  for (const c of p.cells)
    for (let r = c.row; r < c.row + (c.rowspan ?? 1); r++) for (let x = c.col; x < c.col + (c.colspan ?? 1); x++) cover[r][x] = c;
  const headerRows = t.id === '三' ? 3 : t.id === '四' && t.rows.length > 3 ? 3 : 0;
  const rows: TableRow[] = [];
  for (let r = 0; r < p.rows; r++) {
    const cells: TableCell[] = [];
    for (let c = 0; c < p.cols; c++) {
      const anchor = at.get(`${r},${c}`);
      const covering = cover[r][c];
      const span = (covering?.colspan ?? 1) > 1 ? covering!.colspan : undefined;
      if (anchor) {
        const numeric = /^[\d０-９.-]*$/.test(anchor.text);
        const sub = numbered && t.id === '三' ? /^(\d+)\.(.+)$/.exec(anchor.text) : null;
        if (sub && sub[1] === '1') group++;
        cells.push(
          new TableCell({
            // an empty cell is a paragraph with no run, as Word writes it (a fix must insert a run)
            children: [
              new Paragraph({
                children: anchor.text ? runs(sub ? sub[2] : anchor.text, 18) : [],
                alignment: numeric ? AlignmentType.CENTER : AlignmentType.LEFT,
                numbering: sub ? { reference: 'subrows', level: 0, instance: group } : undefined,
              }),
            ],
            columnSpan: span,
            verticalMerge: (anchor.rowspan ?? 1) > 1 ? VerticalMergeType.RESTART : undefined,
            verticalAlign: VerticalAlign.CENTER,
            textDirection: anchor.vertical ? TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT : undefined,
          }),
        );
      } else if (covering && covering.col === c) {
        // a slot covered from above: a w:vMerge continue cell of the same width
        cells.push(new TableCell({ children: [new Paragraph({})], columnSpan: span, verticalMerge: VerticalMergeType.CONTINUE }));
      } else if (!covering) {
        cells.push(new TableCell({ children: [new Paragraph({})] }));
      }
    }
    rows.push(new TableRow({ children: cells, tableHeader: r < headerRows ? true : undefined }));
  }
  return new Table({ rows, columnWidths: WIDTHS[t.id].slice(0, p.cols), width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** The report text (generated, errors planted as wanted) as DOCX bytes. */
export async function reportDocx(text: string, opts: DocxOptions = {}): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  let first = true;
  for (const b of reportLayout(text, opts)) {
    if (b.kind === 'table') {
      children.push(table(b.table, !!opts.numbered));
      children.push(new Paragraph({}));
      continue;
    }
    const heading = /^[一二三四五六]、/.test(b.text);
    const listed = heading && opts.numbered;
    children.push(
      new Paragraph({
        children: [new TextRun({ text: listed ? b.text.slice(2) : b.text, bold: first || heading, font: FONT, size: first ? 32 : 24 })],
        numbering: listed ? { reference: 'sections', level: 0 } : undefined,
        alignment: first ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: { after: 120 },
      }),
    );
    first = false;
  }
  const doc = new Document({
    creator: 'disclosure-report test fixtures',
    title: 'report',
    ...(opts.numbered ? { numbering: NUMBERING } : {}),
    sections: [{ properties: { page: { margin: { top: 1200, bottom: 1200, left: 1200, right: 1200 } } }, children }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
