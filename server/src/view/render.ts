// The one renderer of a report's tables: TableViewModel → an HTML fragment. Used by the editor's
// table view (its webview script draws with it) and by the CLI's batch HTML report, so it is pure
// (no DOM, no Node) and its output reads well as a static page: the failing cells are marked by
// class, their findings written out under each grid and in each cell's title (the hover), derived
// cells show the value they should have. All text is escaped; no inline event handlers and no
// inline styles (the webview's Content Security Policy allows neither); colours come from
// style.ts through CSS variables. Class names start with dr-; data attributes give each cell's
// table, block, row, column and range (0-based line and UTF-16 character, as LSP).
import type { Range, Severity } from '../core/index';
import { viewStrings } from './strings';
import type { BodyRow, CellView, FindingView, HeadCell, LabelCell, TableView, TableViewModel, UnplacedLine } from './types';

export interface RenderOptions {
  /** the editor's webview: the Recalculate Totals button, an "updating" mark, focusable cells */
  interactive?: boolean;
  /** prefix of element ids, for several reports on one page (default 'dr') */
  idPrefix?: string;
  /** heading level of the table titles (default 2) */
  headingLevel?: 2 | 3 | 4 | 5;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and (double- or single-quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

type Attrs = Record<string, string | number | boolean | undefined>;

function attrs(a: Attrs): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined || v === false || v === '') continue;
    out += v === true ? ` ${k}` : ` ${k}="${escapeHtml(String(v))}"`;
  }
  return out;
}

function classes(...names: (string | false | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

/** data-line/-char/-end-line/-end-char of a range, or nothing */
function rangeAttrs(r: Range | undefined): Attrs {
  if (!r) return {};
  return { 'data-line': r.start.line, 'data-char': r.start.character, 'data-end-line': r.end.line, 'data-end-char': r.end.character };
}

const TABLE_NUMBER: Record<string, string> = { 二: '2', 三: '3', 四: '4' };

/** the id of a table's section element (status links point at it) */
export function tableAnchor(id: string, prefix = 'dr'): string {
  return `${prefix}-t${TABLE_NUMBER[id] ?? encodeURIComponent(id)}`;
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'info', 'hint'];

// ------------------------------------------------------------------ status

export function renderStatus(model: TableViewModel, options: RenderOptions = {}): string {
  const s = viewStrings(model.lang);
  const prefix = options.idPrefix ?? 'dr';
  const format = model.format
    ? `${escapeHtml(model.format)}${model.formatName ? ` ${escapeHtml(model.formatName)}` : ''} <span class="dr-muted">(${escapeHtml(s.formatFrom[model.formatSource])})</span>`
    : `<span class="dr-muted">${escapeHtml(s.formatUnknown)}</span>`;
  const items = model.status.tables.map((t) => {
    const worst = SEVERITY_ORDER.find((sev) => t[sev] > 0);
    const others = t.info + t.hint;
    let detail: string;
    if (!t.found) detail = s.notFound;
    else if (t.unreadable) detail = s.unreadable;
    else if (!model.checked) detail = '';
    else detail = t.error || t.warning || others ? s.counts(t.error, t.warning) + (others ? `, ${s.others(others)}` : '') : s.ok;
    const link = t.found
      ? `<a href="#${escapeHtml(tableAnchor(t.id, prefix))}">${escapeHtml(s.table(t.id))}</a>`
      : escapeHtml(s.table(t.id));
    const unplaced = t.unplaced ? ` <span class="dr-muted">· ${escapeHtml(s.unplaced)} ${t.unplaced}</span>` : '';
    return `<li${attrs({ class: classes('dr-status-table', worst && `dr-has-${worst}`, !t.found && 'dr-not-found', t.unreadable && 'dr-unreadable'), 'data-table': t.id })}>${link} <span class="dr-count">${escapeHtml(detail)}</span>${unplaced}</li>`;
  });
  const doc = model.status.document;
  const docCount = doc.error + doc.warning + doc.info + doc.hint;
  if (docCount) {
    items.push(
      `<li class="${classes('dr-status-table', doc.error ? 'dr-has-error' : doc.warning ? 'dr-has-warning' : 'dr-has-info')}">${escapeHtml(s.documentFindings)} <span class="dr-count">${escapeHtml(s.counts(doc.error, doc.warning))}</span></li>`,
    );
  }
  const button = options.interactive
    ? ` <button type="button" class="dr-button" data-command="recalculate">${escapeHtml(s.recalculate)}</button>`
    : '';
  const updating = options.interactive ? ` <span class="dr-updating">${escapeHtml(s.updating)}</span>` : '';
  const notChecked = model.checked ? '' : `<p class="dr-note">${escapeHtml(s.notChecked)}</p>`;
  const legend = model.tables.some((t) => t.body.length)
    ? `<p class="dr-legend">${(['derived', 'error', 'warning', 'missing', 'absent'] as const)
        .map((k) => `<span class="dr-swatch dr-swatch-${k}">${escapeHtml(s.legend[k])}</span>`)
        .join(' ')}</p>`
    : '';
  return (
    `<header class="dr-status">` +
    (model.title ? `<div class="dr-report-title">${escapeHtml(model.title)}</div>` : '') +
    `<div class="dr-status-line"><span class="dr-format"><span class="dr-status-key">${escapeHtml(s.format)}</span> ${format}</span>` +
    ` <span class="dr-muted dr-version">${escapeHtml(s.version(model.version))}</span>${updating}${button}</div>` +
    (items.length ? `<ul class="dr-status-tables">${items.join('')}</ul>` : '') +
    legend +
    notChecked +
    `</header>`
  );
}

// ------------------------------------------------------------------ cells

function severityLabel(model: TableViewModel, sev: Severity): string {
  return viewStrings(model.lang).severity[sev];
}

function findingLine(model: TableViewModel, f: FindingView): string {
  return `[${severityLabel(model, f.severity)}] ${f.code}: ${f.message}`;
}

function cellTitle(model: TableViewModel, c: CellView): string {
  const s = viewStrings(model.lang);
  const lines = [`${c.row} · ${c.column}`];
  if (c.derived) lines.push(s.derived);
  if (c.kind === 'missing') lines.push(s.missingCell);
  if (c.kind === 'absent') lines.push(s.absentRow);
  if (c.expected !== undefined) lines.push(s.shouldBe(c.expected));
  for (const f of c.findings) lines.push(findingLine(model, f));
  return lines.join('\n');
}

function renderCell(model: TableViewModel, c: CellView, options: RenderOptions): string {
  const cls = classes(
    'dr-cell',
    `dr-k-${c.kind}`,
    c.derived && 'dr-derived',
    c.severity && `dr-${c.severity}`,
    c.expected !== undefined && 'dr-wrong',
  );
  const a: Attrs = {
    class: cls,
    colspan: c.colSpan && c.colSpan > 1 ? c.colSpan : undefined,
    'data-cell': c.id,
    'data-table': c.table,
    'data-block': c.block,
    'data-row': c.rowId,
    'data-col': c.columnId,
    ...rangeAttrs(c.range),
    title: cellTitle(model, c),
    tabindex: options.interactive && c.range ? 0 : undefined,
  };
  const value = c.text ? `<span class="dr-value">${escapeHtml(c.text)}</span>` : '';
  const expected = c.expected !== undefined ? `<span class="dr-expected">→ ${c.expected}</span>` : '';
  return `<td${attrs(a)}>${value}${expected}</td>`;
}

function renderHead(cell: HeadCell, extra?: string): string {
  const leaf = cell.column !== undefined;
  return `<th${attrs({
    class: classes('dr-head', extra, cell.derived && 'dr-derived'),
    colspan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowspan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
    scope: leaf ? 'col' : extra === 'dr-corner' ? undefined : 'colgroup',
    'data-col': cell.column,
  })}>${escapeHtml(cell.text)}</th>`;
}

function renderLabel(l: LabelCell): string {
  return `<th${attrs({
    class: classes('dr-label', l.kind === 'group' && 'dr-group'),
    scope: l.kind === 'group' ? 'rowgroup' : 'row',
    colspan: l.colSpan > 1 ? l.colSpan : undefined,
    rowspan: l.rowSpan > 1 ? l.rowSpan : undefined,
    ...rangeAttrs(l.range),
  })}>${escapeHtml(l.text)}</th>`;
}

function renderRow(model: TableViewModel, table: TableView, r: BodyRow, options: RenderOptions): string {
  const width = table.labelColumns + table.valueColumns;
  if (r.kind === 'heading') {
    return `<tr class="dr-row-heading"><th${attrs({ class: 'dr-block-heading', colspan: width > 1 ? width : undefined, scope: 'colgroup', 'data-block': r.block, ...rangeAttrs(r.range) })}>${escapeHtml(r.text)}</th></tr>`;
  }
  if (r.kind === 'columns') {
    return `<tr${attrs({ class: 'dr-row-columns', 'data-block': r.block })}>${r.cells.map((c) => renderHead(c)).join('')}</tr>`;
  }
  const s = viewStrings(model.lang);
  const worst = SEVERITY_ORDER.find((sev) => r.findings.some((f) => f.severity === sev));
  const title = [
    r.absent ? s.absentRow : '',
    r.uncertain ? s.uncertainRow : '',
    r.note ?? '',
    ...r.findings.map((f) => findingLine(model, f)),
  ]
    .filter(Boolean)
    .join('\n');
  return `<tr${attrs({
    class: classes('dr-row', r.absent && 'dr-absent', r.uncertain && 'dr-uncertain', worst && `dr-row-${worst}`),
    'data-block': r.block,
    'data-row': r.rowId,
    'data-lines': r.lines.join(' '),
    title: title || undefined,
  })}>${r.labels.map(renderLabel).join('')}${r.cells.map((c) => renderCell(model, c, options)).join('')}</tr>`;
}

// ------------------------------------------------------------------ lists under the grid

function renderFinding(model: TableViewModel, f: FindingView, cell?: string): string {
  return `<li${attrs({ class: classes('dr-finding', `dr-sev-${f.severity}`), 'data-cell': cell, ...rangeAttrs(f.range) })}><span class="dr-sev">${escapeHtml(severityLabel(model, f.severity))}</span> <code class="dr-code">${escapeHtml(f.code)}</code> <span class="dr-msg">${escapeHtml(f.message)}</span></li>`;
}

function renderUnplaced(model: TableViewModel, u: UnplacedLine): string {
  const s = viewStrings(model.lang);
  const where = u.range ? `<span class="dr-muted">${escapeHtml(s.line(u.range.start.line + 1))}</span> ` : '';
  const label = u.label ? `<span class="dr-unplaced-label">${escapeHtml(u.label)}</span> ` : '';
  const text = u.text && u.text !== u.label ? `<code class="dr-line-text">${escapeHtml(u.text)}</code> ` : '';
  const findings = u.findings.length ? `<ul class="dr-findings">${u.findings.map((f) => renderFinding(model, f)).join('')}</ul>` : '';
  return `<li${attrs({ class: classes('dr-unplaced-line', `dr-${u.kind}`), 'data-reason': u.reason, ...rangeAttrs(u.range) })}>${where}${label}${text}<span class="dr-muted">${escapeHtml(s.unplacedReason[u.reason])}</span>${findings}</li>`;
}

function before(a: Range, b: Range): number {
  return a.start.line - b.start.line || a.start.character - b.start.character;
}

/** the table's findings on cells and rows and its own, in document order */
function gridFindings(table: TableView): { f: FindingView; cell?: string }[] {
  const out: { f: FindingView; cell?: string }[] = [];
  for (const r of table.body) {
    if (r.kind !== 'data') continue;
    for (const c of r.cells) for (const f of c.findings) out.push({ f, cell: c.id });
    for (const f of r.findings) out.push({ f });
  }
  for (const f of table.findings) out.push({ f });
  return out.sort((x, y) => before(x.f.range, y.f.range));
}

// ------------------------------------------------------------------ tables

export function renderTable(model: TableViewModel, table: TableView, options: RenderOptions = {}): string {
  const s = viewStrings(model.lang);
  const level = options.headingLevel ?? 2;
  const prefix = options.idPrefix ?? 'dr';
  const heading = `<h${level}${attrs({ class: 'dr-table-title', ...rangeAttrs(table.range) })}>${escapeHtml(s.table(table.id))} <span class="dr-table-name">${escapeHtml(table.title)}</span></h${level}>`;
  const parts = [heading];
  if (!table.found) parts.push(`<p class="dr-note">${escapeHtml(s.notFound)}</p>`);
  else if (table.unreadable) parts.push(`<p class="dr-note dr-note-warning">${escapeHtml(s.unreadable)}</p>`);
  if (table.body.length) {
    const head = table.head.length
      ? `<thead>${table.head.map((row) => `<tr>${row.map((c, i) => renderHead(c, i === 0 && table.labelColumns > 0 && row === table.head[0] ? 'dr-corner' : undefined)).join('')}</tr>`).join('')}</thead>`
      : '';
    const body = `<tbody>${table.body.map((r) => renderRow(model, table, r, options)).join('')}</tbody>`;
    parts.push(`<div class="dr-grid-wrap"><table${attrs({ class: 'dr-grid', 'data-table': table.id })}>${head}${body}</table></div>`);
  }
  if (table.unplaced.length) {
    parts.push(
      `<div class="dr-unplaced"><h${level + 1} class="dr-list-title">${escapeHtml(s.unplaced)}</h${level + 1}><ul>${table.unplaced.map((u) => renderUnplaced(model, u)).join('')}</ul></div>`,
    );
  }
  const findings = gridFindings(table);
  if (findings.length) {
    parts.push(
      `<div class="dr-table-findings"><h${level + 1} class="dr-list-title">${escapeHtml(s.findings)}</h${level + 1}><ul class="dr-findings">${findings.map((x) => renderFinding(model, x.f, x.cell)).join('')}</ul></div>`,
    );
  }
  return `<section${attrs({ class: classes('dr-table', !table.found && 'dr-not-found'), id: tableAnchor(table.id, prefix), 'data-table': table.id })}>${parts.join('')}</section>`;
}

/** The whole view: the status of the tables, then each table. */
export function renderTableView(model: TableViewModel, options: RenderOptions = {}): string {
  const s = viewStrings(model.lang);
  const level = options.headingLevel ?? 2;
  const tables = model.tables.map((t) => renderTable(model, t, options)).join('');
  const doc = model.findings.length
    ? `<section class="dr-document-findings"><h${level} class="dr-list-title">${escapeHtml(s.documentFindings)}</h${level}><ul class="dr-findings">${model.findings.map((f) => renderFinding(model, f)).join('')}</ul></section>`
    : '';
  return `<div${attrs({ class: classes('dr-view', options.interactive && 'dr-interactive'), lang: model.lang === 'zh' ? 'zh-CN' : 'en', 'data-version': model.version })}>${renderStatus(model, options)}${tables}${doc}</div>`;
}
