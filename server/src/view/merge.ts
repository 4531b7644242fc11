// Merged header and row-label cells of the table view, from label paths: each column (or row)
// has a path from its outermost group to its own label; neighbours sharing a group share a cell.
import type { SpanRef } from './layout';
import type { HeadCell } from './types';

export interface PathNode {
  /** identifies the node: equal keys on neighbouring items merge into one cell */
  key: string;
  text: string;
}

export interface Run {
  level: number;
  /** index of the first item (column or row) the cell covers, and how many */
  start: number;
  length: number;
  /** levels the cell spans: 1 for a group, the rest of the depth for a leaf */
  depth: number;
  node: PathNode;
  leaf: boolean;
}

/**
 * Merged cells of a header (items = columns) or of the row labels (items = rows). Each item's path
 * runs from its outermost group to its own label (the leaf). A group covers the consecutive items
 * that share it; a leaf fills the levels below its path, so a column without a sub-group stands
 * as tall as its neighbours' groups and leaves together.
 */
export function mergeRuns(paths: PathNode[][]): { runs: Run[]; depth: number } {
  const depth = Math.max(0, ...paths.map((p) => p.length));
  const runs: Run[] = [];
  const open: (Run | undefined)[] = [];
  paths.forEach((path, i) => {
    path.forEach((node, level) => {
      const leaf = level === path.length - 1;
      const prev = open[level];
      if (!leaf && prev && !prev.leaf && prev.node.key === node.key && prev.start + prev.length === i) {
        prev.length++;
        return;
      }
      const run: Run = { level, start: i, length: 1, depth: leaf ? depth - level : 1, node, leaf };
      runs.push(run);
      open[level] = run;
      // a new cell at this level ends the cells below it
      open.length = level + 1;
    });
    // levels this item does not reach cannot continue past it
    open.length = Math.min(open.length, path.length);
  });
  return { runs, depth };
}

/** spans of a layout whose both ends exist, nested (a span that overlaps another partly is dropped) */
export function resolveSpans(spans: SpanRef[] | undefined, ids: string[]): { label: string; a: number; b: number }[] {
  const out: { label: string; a: number; b: number }[] = [];
  for (const s of spans ?? []) {
    const a = ids.indexOf(s.from);
    const b = ids.indexOf(s.to);
    if (a < 0 || b < a) continue;
    if (out.some((o) => (a < o.a && b >= o.a && b < o.b) || (a > o.a && a <= o.b && b > o.b))) continue;
    out.push({ label: s.label, a, b });
  }
  // outermost first
  return out.sort((x, y) => y.b - y.a - (x.b - x.a));
}

export function headRows(paths: PathNode[][], leaves: { column: string; derived?: boolean }[]): HeadCell[][] {
  const { runs, depth } = mergeRuns(paths);
  const head: HeadCell[][] = Array.from({ length: depth }, () => []);
  for (const r of runs) {
    const cell: HeadCell = { text: r.node.text, colSpan: r.length, rowSpan: r.depth };
    if (r.leaf) {
      cell.column = leaves[r.start].column;
      if (leaves[r.start].derived) cell.derived = true;
    }
    head[r.level].push(cell);
  }
  return head;
}
