// Findings onto the table view: each on the cell it points at, else its row, its unplaced line or
// its table, else the model's list; a cell takes the worst severity of its findings.
import { codesTagged, type Finding, formatMessage, type Lang, type Range, type Severity, type TableId } from '../core/index';
import type { CellView, DataRow, FindingView, SeverityCounts, TableView, TableViewModel, UnplacedLine } from './types';

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

function findingView(f: Finding, lang: Lang): FindingView {
  const v: FindingView = { code: f.code, severity: f.severity, message: formatMessage(f, lang), range: f.range };
  if (f.expected !== undefined) v.expected = f.expected;
  if (f.actual !== undefined) v.actual = f.actual;
  return v;
}

function sameRange(a: Range | undefined, b: Range): boolean {
  return (
    !!a &&
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

function worst(findings: FindingView[]): Severity | undefined {
  return SEVERITIES.find((s) => findings.some((f) => f.severity === s));
}

/** prose findings (narrative-mismatch) name the cell they contradict but stand in the prose: the document's */
const PROSE = new Set(codesTagged('prose'));
export const tableIdOf = (f: Finding): TableId | undefined => (PROSE.has(f.code) ? undefined : f.table);

export function zero(): SeverityCounts {
  return { error: 0, warning: 0, info: 0, hint: 0 };
}

const key = (...parts: string[]) => parts.join('\u0000');

export function attachFindings(findings: readonly Finding[], lang: Lang, tables: TableView[], model: TableViewModel): void {
  const cells = new Map<string, CellView>();
  const rows = new Map<string, DataRow>();
  const missing = new Map<string, UnplacedLine>();
  for (const t of tables) {
    for (const r of t.body) {
      if (r.kind !== 'data') continue;
      for (const c of r.cells) {
        cells.set(key(t.id, c.block, c.row, c.column), c);
        rows.set(key(t.id, c.block, c.row), r);
      }
    }
    for (const u of t.unplaced) if (u.kind === 'missing-row') missing.set(key(t.id, u.block ?? '', u.label), u);
  }
  for (const f of findings) {
    const v = findingView(f, lang);
    const id = tableIdOf(f);
    const table = id ? tables.find((t) => t.id === id) : undefined;
    if (!table) {
      model.findings.push(v);
      continue;
    }
    const block = f.block ?? '';
    if (f.code === 'missing-row' && f.row) {
      const u = missing.get(key(table.id, block, f.row));
      if (u) {
        u.findings.push(v);
        continue;
      }
    }
    if (f.code === 'unknown-row') {
      const u = table.unplaced.find((x) => x.kind === 'unknown-row' && sameRange(x.range, f.range));
      if (u) {
        u.findings.push(v);
        continue;
      }
    }
    const row = f.row ? rows.get(key(table.id, block, f.row)) : undefined;
    if (f.row && f.column) {
      const cell = cells.get(key(table.id, block, f.row, f.column));
      // several cells missing: which ones is not known, so the row carries the finding
      const several = f.code === 'missing-cell' && !!row && row.cells.filter((c) => c.row === f.row && c.kind === 'missing').length > 1;
      if (cell && !several) {
        cell.findings.push(v);
        continue;
      }
    }
    if (row) row.findings.push(v);
    else table.findings.push(v);
  }
  for (const t of tables) {
    for (const r of t.body) {
      if (r.kind !== 'data') continue;
      for (const c of r.cells) {
        const w = worst(c.findings);
        if (w) c.severity = w;
      }
    }
  }
}

export function countInto(counts: SeverityCounts, findings: readonly { severity: Severity }[]): SeverityCounts {
  for (const f of findings) counts[f.severity]++;
  return counts;
}
