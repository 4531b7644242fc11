// Document symbols for the Outline view and breadcrumbs:
//   sections → sub-parts (（一）主动公开 …) and the section's table → row groups → rows.
// Table 三's rows are grouped as the printed table groups them: 一、二、 then 三、本年度办理结果
// with （一）（二）, the groups （三）–（六） and their numbered rows, and （七）总计; then 四、.
import { type DocumentSymbol, type DocumentSymbolParams, SymbolKind } from 'vscode-languageserver';
import type { Feature, ServerContext } from '../context';
import { cover, type Range, type Report, type Table, type TableBlock, type TableRow, withinLines } from '../core/index';
import { analyzedRequest } from '../guard';

const RESULTS_LABEL = '三、本年度办理结果';

function symbol(name: string, kind: SymbolKind, range: Range, selectionRange: Range, detail?: string): DocumentSymbol {
  const s: DocumentSymbol = { name, kind, range, selectionRange, children: [] };
  if (detail) s.detail = detail;
  return s;
}

/** grows a group symbol so that it covers a child */
function adopt(parent: DocumentSymbol, child: DocumentSymbol): void {
  parent.children!.push(child);
  parent.range = cover(parent.range, child.range);
}

function rowSymbol(row: TableRow): DocumentSymbol {
  const values = row.cells.map((c) => (c.kind === 'missing' ? '∅' : c.raw || '·')).join(' ');
  return symbol(row.spec.label, SymbolKind.Field, row.lineRange, row.labelRange, values);
}

/** the group （三）…（六） a numbered sub-row of table 三 belongs to */
function groupOf(row: TableRow): string | undefined {
  return row.spec.group;
}

function isResultRow(row: TableRow): boolean {
  return groupOf(row) !== undefined || /^（[一二三四五六七八九十]+）$/.test(row.spec.id);
}

export function rowSymbols(table: Table, block: TableBlock): DocumentSymbol[] {
  if (table.id !== '三') return block.rows.map(rowSymbol);
  const out: DocumentSymbol[] = [];
  let results: DocumentSymbol | undefined;
  let group: DocumentSymbol | undefined;
  let groupId: string | undefined;
  for (const row of block.rows) {
    const s = rowSymbol(row);
    if (!isResultRow(row)) {
      out.push(s);
      results = group = groupId = undefined;
      continue;
    }
    if (!results) {
      results = symbol(RESULTS_LABEL, SymbolKind.Namespace, s.range, s.selectionRange);
      out.push(results);
    }
    const g = groupOf(row);
    if (!g) {
      adopt(results, s);
      group = groupId = undefined;
      continue;
    }
    if (!group || groupId !== g) {
      group = symbol(block.groups?.find((x) => x.id === g)?.label ?? g, SymbolKind.Namespace, s.range, s.selectionRange);
      groupId = g;
      adopt(results, group);
    }
    adopt(group, s);
    results.range = cover(results.range, s.range);
  }
  return out;
}

export function tableSymbol(table: Table): DocumentSymbol {
  const s = symbol(`表${table.id} ${table.title}`.trim(), SymbolKind.Struct, cover(table.range, table.headingRange), table.headingRange);
  for (const block of table.blocks) {
    const rows = rowSymbols(table, block);
    if (block.label) {
      const first = block.headingRange ?? rows[0]?.selectionRange;
      if (!first) continue;
      const b = symbol(block.label, SymbolKind.Object, first, first);
      for (const r of rows) adopt(b, r);
      adopt(s, b);
    } else {
      for (const r of rows) adopt(s, r);
    }
  }
  return s;
}

export function documentSymbols(report: Report): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const placed = new Set<Table>();
  for (const section of report.sections) {
    const s = symbol(section.heading.trim(), SymbolKind.Module, cover(section.range, section.headingRange), section.headingRange);
    for (const sub of section.subparts) {
      const line = report.lines[sub.range.start.line]?.text ?? sub.label;
      const name = sub.label.trim() || line.trim().slice(0, 20);
      adopt(s, symbol(name, SymbolKind.Key, sub.range, { start: sub.range.start, end: sub.range.start }));
    }
    for (const table of report.tables) {
      if (!placed.has(table) && withinLines(table.range, s.range)) {
        adopt(s, tableSymbol(table));
        placed.add(table);
      }
    }
    out.push(s);
  }
  // tables outside every recognised section still get a place in the outline
  for (const table of report.tables) if (!placed.has(table)) out.push(tableSymbol(table));
  return out.sort((a, b) => a.range.start.line - b.range.start.line);
}

export const symbolsFeature: Feature = {
  name: 'symbols',
  capabilities: () => ({ documentSymbolProvider: { label: 'Disclosure Report' } }),
  register(ctx: ServerContext) {
    ctx.connection.onDocumentSymbol(
      analyzedRequest(
        ctx,
        'documentSymbol',
        null,
        (p: DocumentSymbolParams) => p.textDocument.uri,
        ({ analysis }) => documentSymbols(analysis.report),
      ),
    );
  },
};
