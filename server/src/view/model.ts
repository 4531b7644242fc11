// tableViewModel(analysis, version, lang): the report's tables as the published format draws them,
// with every cell and what the checker found on it (types.ts says what each field means). Header
// structure and row labels come from the format template plus layout.ts; the cells, their values
// and ranges from the analysis. Rows and lines the checker could not place are listed apart
// (`unplaced`), never drawn as if their place were known; a template row absent from the text is
// drawn with empty cells, marked absent, and listed too.
import {
  type Analysis,
  type BlockTemplate,
  type Cell,
  derivedCells,
  type Finding,
  type Lang,
  type Table,
  type TableId,
  type TableRow,
  type TableTemplate,
  templateById,
} from '../core/index';
import { attachFindings, countInto, tableIdOf, zero } from './findings';
import { LEVEL_SEPARATOR, TABLE_LAYOUT, type TableLayout } from './layout';
import { headRows, mergeRuns, type PathNode, resolveSpans } from './merge';
import {
  type BodyRow,
  type CellView,
  type DataRow,
  type LabelCell,
  TABLE_VIEW_SCHEMA,
  type TableStatus,
  type TableView,
  type TableViewModel,
} from './types';

export type * from './types';

export interface TableViewOptions {
  /** false: checking is off for the document; the model carries no findings */
  checked?: boolean;
  /** the findings to show (default: the analysis's) */
  findings?: readonly Finding[];
}

/** A template block, or one rebuilt from the report where the format has no template here. */
interface CanonBlock {
  id: string;
  label: string;
  columns: { id: string; label: string; derived?: boolean }[];
  rows: { id: string; label: string; group?: string; derived?: boolean }[];
  groups: { id: string; label: string }[];
}

function canonBlocks(table: Table, tpl: TableTemplate | undefined): CanonBlock[] {
  if (tpl) {
    return tpl.blocks.map((b: BlockTemplate) => ({
      id: b.id,
      label: b.label,
      columns: b.columns.map((c) => ({ id: c.id, label: c.label, derived: c.derived })),
      rows: drawnRows(b, table.blocks.find((x) => x.id === b.id)?.rows ?? []),
      groups: (b.groups ?? []).map((g) => ({ id: g.id, label: g.label })),
    }));
  }
  // no template: the rows found, then the rows reported missing, in the report's order
  return table.blocks.map((b) => ({
    id: b.id,
    label: b.label,
    columns: b.columns.map((c) => ({ id: c.id, label: c.label, derived: c.derived })),
    rows: [...b.rows.map((r) => r.spec), ...table.missingRows.filter((m) => m.block === b.id).map((m) => m.row)],
    groups: b.groups ?? [],
  }));
}

/**
 * The template's rows as the report has them: a group the report writes as one row (`oneRow`: the
 * 2019 single （六）其他处理 kept under a 2021 table; align reads it as a row standing for its
 * sub-rows) is drawn as that one row, in the place of its sub-rows, which are then not there to be
 * drawn as missing.
 */
function drawnRows(b: BlockTemplate, found: readonly TableRow[]): CanonBlock['rows'] {
  const whole = new Set(found.filter((r) => r.spec.standsFor?.length).map((r) => r.spec.id));
  const rows: CanonBlock['rows'] = [];
  for (const r of b.rows) {
    if (r.group && whole.has(r.group)) {
      if (!rows.some((x) => x.id === r.group)) {
        const g = b.groups?.find((x) => x.id === r.group);
        rows.push({ id: r.group, label: g?.label ?? r.group });
      }
      continue;
    }
    rows.push({ id: r.id, label: r.label, group: r.group, derived: r.derived });
  }
  return rows;
}

// ------------------------------------------------------------------ cells

interface Builder {
  next: number;
  derived: ReadonlyMap<Cell, number | undefined>;
}

function isEmpty(cell: Cell): boolean {
  return cell.kind === 'blank' || cell.kind === 'placeholder' || cell.kind === 'missing';
}

function cellView(
  b: Builder,
  table: TableId,
  block: string,
  row: CanonBlock['rows'][number],
  column: CanonBlock['columns'][number],
  cell: Cell | undefined,
): CellView {
  const derived = (cell !== undefined && b.derived.has(cell)) || !!column.derived || !!row.derived;
  const v: CellView = {
    id: `c${++b.next}`,
    table,
    block,
    rowId: row.id,
    row: row.label,
    columnId: column.id,
    column: column.label,
    kind: cell ? cell.kind : 'absent',
    text: cell ? cell.raw : '',
    derived,
    findings: [],
  };
  if (!cell) return v;
  if (cell.value !== undefined && !cell.unsafe) v.value = cell.value;
  v.range = cell.range;
  const computed = b.derived.get(cell);
  if (computed !== undefined && (isEmpty(cell) || v.value === undefined || v.value !== computed)) v.expected = computed;
  return v;
}

function dataRow(
  b: Builder,
  table: TableId,
  block: CanonBlock,
  spec: CanonBlock['rows'][number],
  row: TableRow | undefined,
  labels: LabelCell[],
): DataRow {
  const cells = block.columns.map((c, i) => cellView(b, table, block.id, spec, c, row?.cells[i]));
  const r: DataRow = {
    kind: 'data',
    block: block.id,
    rowId: spec.id,
    labels,
    cells,
    lines: row ? [row.lineRange.start.line] : [],
    findings: [],
  };
  if (!row) r.absent = true;
  if (row?.uncertain) r.uncertain = true;
  if (row?.note) r.note = row.note;
  return r;
}

// ------------------------------------------------------------------ the three layouts

function rowsById(table: Table, block: string): Map<string, TableRow> {
  return new Map((table.blocks.find((x) => x.id === block)?.rows ?? []).map((r) => [r.spec.id, r]));
}

/** table 三: one text line per row; row labels grouped (三、本年度办理结果 → （三）不予公开 → 1.…) */
function rowsLayout(b: Builder, table: Table, block: CanonBlock, layout: TableLayout, view: TableView): void {
  const colIds = block.columns.map((c) => c.id);
  const colSpans = resolveSpans(layout.columnGroups, colIds);
  const colPaths = block.columns.map((c, i) => [
    ...colSpans.filter((s) => s.a <= i && i <= s.b).map((s) => ({ key: `g:${s.label}`, text: s.label })),
    { key: `c:${c.id}`, text: c.label },
  ]);
  view.head = headRows(
    colPaths,
    block.columns.map((c) => ({ column: c.id, derived: c.derived })),
  );

  const rowIds = block.rows.map((r) => r.id);
  const rowSpans = resolveSpans(layout.rowGroups, rowIds);
  const groupLabel = new Map(block.groups.map((g) => [g.id, g.label]));
  const present = rowsById(table, block.id);
  const rowPaths = block.rows.map((r, i) => [
    ...rowSpans.filter((s) => s.a <= i && i <= s.b).map((s) => ({ key: `s:${s.label}`, text: s.label })),
    ...(r.group && groupLabel.has(r.group) ? [{ key: `g:${r.group}`, text: groupLabel.get(r.group)! }] : []),
    { key: `r:${r.id}`, text: r.label },
  ]);
  const { runs, depth } = mergeRuns(rowPaths);
  const labels: LabelCell[][] = block.rows.map(() => []);
  for (const run of runs) {
    const cell: LabelCell = { kind: run.leaf ? 'row' : 'group', text: run.node.text, colSpan: run.depth, rowSpan: run.length };
    const row = present.get(block.rows[run.start].id);
    if (run.leaf && row) cell.range = row.labelRange;
    labels[run.start].push(cell);
  }
  view.labelColumns = depth;
  view.valueColumns = block.columns.length;
  if (view.head.length) view.head[0].unshift({ text: layout.corner ?? '', colSpan: depth, rowSpan: view.head.length });
  view.body = block.rows.map((spec, i) => dataRow(b, table.id, block, spec, present.get(spec.id), labels[i]));
}

/** table 四: the template's rows laid side by side on one line, each under its own header group */
function flatLayout(b: Builder, table: Table, block: CanonBlock, view: TableView): void {
  const paths: PathNode[][] = [];
  const leaves: { column: string; derived?: boolean }[] = [];
  for (const r of block.rows) {
    const levels = r.label.split(LEVEL_SEPARATOR).filter(Boolean);
    const prefix = levels.map((text, i) => ({ key: `p:${levels.slice(0, i + 1).join(LEVEL_SEPARATOR)}`, text }));
    for (const c of block.columns) {
      paths.push([...prefix, { key: `c:${r.id}:${c.id}`, text: c.label }]);
      leaves.push({ column: c.id, derived: c.derived || r.derived });
    }
  }
  view.head = headRows(paths, leaves);
  view.labelColumns = 0;
  view.valueColumns = paths.length;
  const present = rowsById(table, block.id);
  const rows = block.rows.map((spec) => dataRow(b, table.id, block, spec, present.get(spec.id), []));
  const found = block.rows.map((spec) => present.get(spec.id)).filter((r): r is TableRow => !!r);
  const line: DataRow = {
    kind: 'data',
    block: block.id,
    rowId: '',
    labels: [],
    cells: rows.flatMap((r) => r.cells),
    lines: [...new Set(found.map((r) => r.lineRange.start.line))].sort((x, y) => x - y),
    findings: [],
  };
  if (!found.length) line.absent = true;
  if (found.some((r) => r.uncertain)) line.uncertain = true;
  const notes = found.map((r) => r.note).filter(Boolean);
  if (notes.length) line.note = [...new Set(notes)].join('; ');
  view.body = [line];
}

/** table 二: a heading row and a column row per block (第二十条第（一）项 …), the widest block sets the width */
function blocksLayout(b: Builder, table: Table, blocks: CanonBlock[], layout: TableLayout, view: TableView): void {
  const width = Math.max(1, ...blocks.map((x) => x.columns.length));
  view.labelColumns = 1;
  view.valueColumns = width;
  view.head = [];
  const body: BodyRow[] = [];
  for (const block of blocks) {
    const found = table.blocks.find((x) => x.id === block.id);
    body.push({ kind: 'heading', block: block.id, text: block.label, ...(found?.headingRange ? { range: found.headingRange } : {}) });
    const last = block.columns.length - 1;
    const spanOf = (i: number) => (i === last ? width - last : 1);
    body.push({
      kind: 'columns',
      block: block.id,
      cells: [
        { text: layout.labelHeader ?? '', colSpan: 1, rowSpan: 1 },
        ...block.columns.map((c, i) => ({
          text: c.label,
          colSpan: spanOf(i),
          rowSpan: 1,
          column: c.id,
          ...(c.derived ? { derived: true } : {}),
        })),
      ],
    });
    const present = rowsById(table, block.id);
    for (const spec of block.rows) {
      const row = present.get(spec.id);
      const label: LabelCell = { kind: 'row', text: spec.label, colSpan: 1, rowSpan: 1, ...(row ? { range: row.labelRange } : {}) };
      const r = dataRow(b, table.id, block, spec, row, [label]);
      r.cells.forEach((c, i) => {
        if (spanOf(i) > 1) c.colSpan = spanOf(i);
      });
      body.push(r);
    }
  }
  view.body = body;
}

// ------------------------------------------------------------------ the model

const LINE_TEXT_MAX = 120;

/** a line's non-blank cells, ' · ' between them, cut to LINE_TEXT_MAX characters */
function lineText(cells: string[]): string {
  const text = cells
    .map((c) => c.trim())
    .filter(Boolean)
    .join(' · ');
  return text.length > LINE_TEXT_MAX ? `${text.slice(0, LINE_TEXT_MAX - 1)}…` : text;
}

export function tableViewModel(analysis: Analysis, version: number, lang: Lang, options: TableViewOptions = {}): TableViewModel {
  const checked = options.checked ?? true;
  const findings = checked ? (options.findings ?? analysis.findings) : [];
  const { report } = analysis;
  const template = report.format ? templateById(report.format) : undefined;
  const b: Builder = { next: 0, derived: derivedCells(analysis) };
  const ids: TableId[] = template ? template.tables.map((t) => t.id as TableId) : report.tables.map((t) => t.id);

  const tables: TableView[] = [];
  for (const id of ids) {
    const table = report.tables.find((t) => t.id === id);
    const tpl = template?.tables.find((t) => t.id === id);
    const view: TableView = {
      id,
      title: table?.title ?? tpl?.title ?? '',
      found: !!table,
      labelColumns: 0,
      valueColumns: 0,
      head: [],
      body: [],
      unplaced: [],
      findings: [],
    };
    tables.push(view);
    if (!table) continue;
    view.range = table.headingRange;
    if (table.unreadable) {
      view.unreadable = true;
      continue;
    }
    const blocks = canonBlocks(table, tpl);
    const layoutKind = tpl?.layout ?? (blocks.length > 1 ? 'blocks' : 'rows');
    const layout = TABLE_LAYOUT[id] ?? {};
    if (!blocks.length) continue;
    if (layoutKind === 'blocks') blocksLayout(b, table, blocks, layout, view);
    else if (layoutKind === 'flat') flatLayout(b, table, blocks[0], view);
    else rowsLayout(b, table, blocks[0], layout, view);
    for (const u of table.unknown) {
      const line = report.lines[u.range.start.line];
      const text = line ? lineText(line.cells.map((c) => c.text)) : '';
      view.unplaced.push({
        kind: 'unknown-row',
        reason: u.reason,
        label: u.label,
        ...(text ? { text } : {}),
        range: u.labelRange,
        findings: [],
      });
    }
    for (const m of table.missingRows) {
      view.unplaced.push({
        kind: 'missing-row',
        reason: m.labelSeenAt ? 'label-only' : 'absent',
        label: m.row.label,
        ...(m.block ? { block: m.block } : {}),
        ...(m.labelSeenAt ? { range: m.labelSeenAt } : {}),
        findings: [],
      });
    }
  }

  const model: TableViewModel = {
    schema: TABLE_VIEW_SCHEMA,
    version,
    lang,
    format: report.format,
    formatSource: report.formatSource,
    checked,
    status: { tables: [], document: zero(), total: zero() },
    tables,
    findings: [],
  };
  if (template?.name) model.formatName = template.name;
  if (report.title?.text) model.title = report.title.text;
  attachFindings(findings, lang, tables, model);

  model.status.tables = tables.map(
    (t): TableStatus => ({
      id: t.id,
      title: t.title,
      found: t.found,
      unreadable: !!t.unreadable,
      unplaced: t.unplaced.length,
      ...countInto(
        zero(),
        findings.filter((f) => tableIdOf(f) === t.id),
      ),
    }),
  );
  countInto(model.status.total, findings);
  countInto(
    model.status.document,
    findings.filter((f) => !tableIdOf(f) || !tables.some((t) => t.id === tableIdOf(f))),
  );
  return model;
}
