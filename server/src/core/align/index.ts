// Table alignment: which text line is which template row, and which cell is which column.
// Real tables arrive damaged (merged cells lost, labels torn across lines, rows out of order,
// page footers, cells missing or surplus). Alignment reads what it can stand behind and records
// what it could not place (unknown lines, missing rows) instead of guessing: the rules then skip
// arithmetic that would rest on a guess.
//   lines.ts   a line's cells, label and values    match.ts   which row a label names (every layout)
//   values.ts  value cells aligned to the columns  rows.ts, flat.ts, blocks.ts   one file per layout
import type { Range, RawLine, Section, Table } from '../model';
import type { TableTemplate, Template } from '../templates/index';
import { alignBlocks } from './blocks';
import { alignFlat } from './flat';
import { gluedLine, markGlued, readGlued, splitDoubted } from './glued';
import { type ClassifiedLine, classifyLine } from './lines';
import { alignRows } from './rows';
import { wholeLine } from './values';

export type { ClassifiedLine } from './lines';
export { classifyLine } from './lines';

const LAYOUTS: Record<TableTemplate['layout'], (lines: ClassifiedLine[], table: TableTemplate, out: Table) => void> = {
  rows: alignRows,
  flat: alignFlat,
  blocks: alignBlocks,
};

/** The lines of a table's section: after its heading, to the section's end (or the heading's line, for crawled one-line text). */
function regionOf(
  table: TableTemplate,
  sections: Section[],
  lines: RawLine[],
): { from: number; to: number; heading?: Range; inline: boolean; end: number } | undefined {
  const s = sections.find((x) => x.index === table.section);
  if (!s) return undefined;
  const inline = s.range.start.line === s.range.end.line && lines[s.range.start.line].text.length > 400;
  return {
    from: s.headingRange.start.line + (inline ? 0 : 1),
    to: s.range.end.line,
    heading: s.headingRange,
    inline,
    end: s.range.end.character,
  };
}

function readInto(table: Table, read: ReturnType<typeof readGlued>, t: TableTemplate, template: Template): void {
  if (!('unreadable' in read)) {
    LAYOUTS[t.layout](read.lines, t, table);
    markGlued(table, read.info);
    if (!splitDoubted(table, template)) return;
    Object.assign(table, { blocks: [], unknown: [], missingRows: [] });
  }
  table.unreadable = { reason: 'unreadable' in read ? read.unreadable : 'a split that rests on relations breaks another' };
}

export function buildTables(lines: RawLine[], sections: Section[], template: Template): Table[] {
  const tables: Table[] = [];
  for (const t of template.tables) {
    const region = regionOf(t, sections, lines);
    if (!region) continue;
    const headingRange = region.heading ?? wholeLine(lines[region.from]);
    const endLine = lines[region.to];
    const table: Table = {
      id: t.id,
      title: t.title,
      headingRange,
      range: { start: headingRange.start, end: { line: region.to, character: endLine.text.length } },
      blocks: [],
      unknown: [],
      missingRows: [],
    };
    tables.push(table);
    const classified: ClassifiedLine[] = [];
    let cellular = 0;
    for (let i = region.from; i <= region.to; i++) {
      const lc = classifyLine(lines[i]);
      if (lc.cells.length >= 2) cellular++;
      classified.push(lc);
    }
    if (region.inline || cellular === 0) {
      // figures run together: a run of digits inside a line's text (a number alone on its line is
      // one value, as pdftotext writes them one per line)
      const valueLines = classified.filter((l) => /^\s*[\d.,]+\s*$/.test(l.line.text));
      const glued =
        region.inline ||
        classified.some((l) => /\d{4,}/.test(l.line.text) && !/^\s*[\d.,]+\s*$/.test(l.line.text)) ||
        // table 四's values on one line (or a line per group) with no separator: too few lines to be one value per line
        (t.layout === 'flat' &&
          valueLines.length > 0 &&
          valueLines.length <= t.blocks[0].rows.length &&
          valueLines.some((l) => /\d{2,}/.test(l.line.text)));
      if (glued) {
        // each row's digits split into its columns where the row relations admit exactly one split
        const bounds = region.inline
          ? [{ line: region.from, from: region.heading!.end.character, to: region.end }]
          : classified.map((l) => ({ line: l.line.line, from: 0, to: l.line.text.length }));
        readInto(table, readGlued(classified, t, bounds, LAYOUTS[t.layout]), t, template);
        continue;
      }
    }
    // lines of cells whose row's figures ran together (`（一）予以公开\t270020130`): read as crawled text
    const own = t.layout === 'blocks' ? [] : classified.map((l) => gluedLine(l, t.blocks[0].columns.length));
    if (own.some(Boolean)) {
      readInto(table, readGlued(classified, t, [], LAYOUTS[t.layout], own), t, template);
      continue;
    }
    LAYOUTS[t.layout](classified, t, table);
  }
  return tables;
}
