// A generated report's text (test/support/report.ts) laid out as the official forms print it:
// tables with merged cells (the 申请人情况 / 法人或其他组织 header, the vertical group labels
// 三、本年度办理结果 and （三）…（六）, table 二's four or five blocks, table 四's two-level header),
// soft breaks inside header cells (商业⏎企业), and the prose around them as paragraphs. The DOCX and
// HTML fixture writers render this layout; the report-text tests turn it into a grid directly.
// The values come from the text as written, so an error planted in the text (a wrong or blank
// cell) is in every document made from it.
import type { DocTable, GridCell } from '../../../server/src/readers/model';

export interface LCell {
  text: string;
  rowspan?: number;
  colspan?: number;
  /** the cell's text runs top to bottom (textDirection tbRl in DOCX) */
  vertical?: boolean;
}
/** a row's cells in order, placed as HTML places them (skipping slots covered from above) */
export type LRow = LCell[];
export interface LTable {
  id: '二' | '三' | '四';
  rows: LRow[];
}
export type LBlock = { kind: 'p'; text: string } | { kind: 'table'; table: LTable };

export interface LayoutOptions {
  /** table 四 as three tables (行政复议 | 行政诉讼·未经复议直接起诉 | 行政诉讼·复议后起诉) */
  split4?: boolean;
}

const T3_SUB_HEADERS = ['商业\n企业', '科研\n机构', '社会公益\n组织', '法律服务\n机构', '其他'];

/** Splits the generator's text into paragraphs and the three tables, in the official merged layout. */
export function reportLayout(text: string, opts: LayoutOptions = {}): LBlock[] {
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  const blocks: LBlock[] = [];
  let section = 0;
  for (let i = 0; i < lines.length; ) {
    const line = lines[i];
    if (!line.includes('\t')) {
      if (line.trim()) {
        blocks.push({ kind: 'p', text: line });
        const m = /^([一二三四五六])、/.exec(line);
        if (m) section = '一二三四五六'.indexOf(m[1]) + 1;
      }
      i++;
      continue;
    }
    const run: string[][] = [];
    while (i < lines.length && lines[i].includes('\t')) run.push(lines[i++].split('\t'));
    if (section === 2) blocks.push({ kind: 'table', table: table2(run) });
    else if (section === 3) blocks.push({ kind: 'table', table: table3(run) });
    else if (section === 4) for (const t of table4(run, !!opts.split4)) blocks.push({ kind: 'table', table: t });
    else throw new Error(`a table outside sections 二–四 (section ${section})`);
  }
  return blocks;
}

function table2(run: string[][]): LTable {
  const rows: LRow[] = [];
  let n = 0; // value columns of the current block
  for (const cells of run) {
    const label = cells[0];
    if (label.startsWith('第二十条')) rows.push([{ text: label, colspan: 4 }]);
    else if (label === '信息内容') {
      const heads = cells.slice(1).filter((c) => c !== '');
      n = heads.length;
      rows.push([{ text: label }, ...heads.map((h, k) => ({ text: h, colspan: k === n - 1 ? 4 - n : 1 }))]);
    } else {
      const values = cells.slice(1, 1 + n);
      rows.push([{ text: label }, ...values.map((v, k) => ({ text: v, colspan: k === n - 1 ? 4 - n : 1 }))]);
    }
  }
  return { id: '二', rows };
}

function table3(run: string[][]): LTable {
  const [note] = run[0].filter((c) => c !== '');
  const rows: LRow[] = [
    [
      { text: note, colspan: 3, rowspan: 3 },
      { text: '申请人情况', colspan: 7 },
    ],
    [
      { text: '自然人', rowspan: 2 },
      { text: '法人或其他组织', colspan: 5 },
      { text: '总计', rowspan: 2 },
    ],
    T3_SUB_HEADERS.map((text) => ({ text })),
  ];
  const data = run.slice(3);
  data.forEach((cells, k) => {
    const [a, b, c] = cells;
    const values = cells.slice(3).map((text) => ({ text }));
    const row: LRow = [];
    if (a && a !== '三、本年度办理结果') row.push({ text: a, colspan: 3 });
    else {
      if (a) {
        // 三、本年度办理结果 spans every row up to the next chapter row (四、结转下年度继续办理)
        let span = 1;
        while (k + span < data.length && !data[k + span][0]) span++;
        row.push({ text: a, rowspan: span, vertical: true });
      }
      if (!c) row.push({ text: b, colspan: 2 });
      else if (b) {
        let span = 1;
        while (k + span < data.length && !data[k + span][1] && data[k + span][2]) span++;
        row.push({ text: b, rowspan: span, vertical: span > 2 });
        row.push({ text: c });
      } else row.push({ text: c });
    }
    rows.push([...row, ...values]);
  });
  return { id: '三', rows };
}

const T4_HEADS = ['结果\n维持', '结果\n纠正', '其他\n结果', '尚未\n审结', '总计'];

function table4(run: string[][], split: boolean): LTable[] {
  const values = run[run.length - 1].map((text) => ({ text }));
  if (split) {
    const names = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'];
    return names.map((name, g) => ({
      id: '四' as const,
      rows: [[{ text: name, colspan: 5 }], T4_HEADS.map((text) => ({ text })), values.slice(g * 5, g * 5 + 5)],
    }));
  }
  return [
    {
      id: '四',
      rows: [
        [
          { text: '行政复议', colspan: 5 },
          { text: '行政诉讼', colspan: 10 },
        ],
        [...T4_HEADS.map((text) => ({ text, rowspan: 2 })), { text: '未经复议直接起诉', colspan: 5 }, { text: '复议后起诉', colspan: 5 }],
        [...T4_HEADS, ...T4_HEADS].map((text) => ({ text })),
        values,
      ],
    },
  ];
}

/** The grid of a laid-out table: the HTML placement algorithm (a cell skips slots covered from above). */
export function placeCells(t: LTable): { rows: number; cols: number; cells: (LCell & { row: number; col: number })[] } {
  const taken: boolean[][] = [];
  const cells: (LCell & { row: number; col: number })[] = [];
  let cols = 0;
  t.rows.forEach((row, r) => {
    taken[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (taken[r][c]) c++;
      const rs = cell.rowspan ?? 1;
      const cs = cell.colspan ?? 1;
      for (let y = r; y < r + rs; y++) for (let x = c; x < c + cs; x++) (taken[y] ??= [])[x] = true;
      cells.push({ ...cell, row: r, col: c });
      c += cs;
      cols = Math.max(cols, c);
    }
  });
  return { rows: t.rows.length, cols, cells };
}

/** The layout as the readers' grid (no sources): what a perfect reader gives back. */
export function toDocTable(t: LTable): DocTable {
  const p = placeCells(t);
  const cells: GridCell[] = p.cells.map((c) => ({
    row: c.row,
    col: c.col,
    rowspan: c.rowspan ?? 1,
    colspan: c.colspan ?? 1,
    text: c.text,
  }));
  return { rows: p.rows, cols: p.cols, cells };
}
