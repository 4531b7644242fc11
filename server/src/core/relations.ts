// The arithmetic of a table, generic over the template's relations: every instance of every
// relation (a row total in each row, a column total in each column, the balance in each column),
// and the value each derived cell should have (solved in dependency order, so （七）'s own 总计 is
// computed after the （七） row and the detail rows' 总计).
import type { Cell, Table, TableBlock, TableRow } from './model';
import type { BlockTemplate, Relation, Template } from './templates/index';

export interface CellRef {
  row: TableRow;
  col: number;
  cell: Cell;
}

export interface SumInstance {
  kind: 'sum';
  code: 'row-total' | 'column-total';
  table: Table;
  block: TableBlock;
  target: CellRef;
  parts: CellRef[];
  /** parts that are absent from the text (missing rows), counted as 0 */
  absentParts: string[];
}

export interface BalanceInstance {
  kind: 'balance';
  code: 'balance';
  table: Table;
  block: TableBlock;
  column: number;
  left: CellRef[];
  right: CellRef[];
  fixTarget: CellRef;
}

export type Instance = SumInstance | BalanceInstance;

/** The arithmetic of a report: every relation instance and the solved value of each derived cell. */
export interface Arithmetic {
  instances: Instance[];
  /** derived cell → the value recomputed from the non-derived cells (absent when not computable) */
  computed: Map<Cell, number>;
  /** the derived cells: targets of a sum relation */
  derived: Set<Cell>;
  /** the sum instance that defines each derived cell (used by hovers and the fixes) */
  definedBy: Map<Cell, SumInstance>;
}

function blockTemplate(template: Template, table: Table, block: TableBlock): BlockTemplate | undefined {
  return template.tables.find((t) => t.id === table.id)?.blocks.find((b) => b.id === block.id);
}

/**
 * The table's rows are known incompletely (values that could not be placed, or labels whose
 * values are elsewhere): sums over all rows would rest on a guess.
 */
export function tableIsUncertain(table: Table): boolean {
  return !!table.unsure || table.unknown.some((u) => u.reason !== 'duplicate') || table.missingRows.some((m) => m.labelSeenAt);
}

export function rowIsUncertain(row: TableRow, columns: number): boolean {
  if (row.uncertain) return true;
  if (row.extra.length) return true;
  // more than the derived cell missing: which column is absent is a guess
  return row.valueCount < columns - 1;
}

export function solveRelations(template: Template, tables: Table[]): Arithmetic {
  const math: Arithmetic = { instances: [], computed: new Map(), derived: new Set(), definedBy: new Map() };
  for (const table of tables) {
    for (const block of table.blocks) {
      const tpl = blockTemplate(template, table, block);
      if (!tpl?.relations) continue;
      const colIndex = new Map(tpl.columns.map((c, i) => [c.id, i]));
      const rowById = new Map(block.rows.map((r) => [r.spec.id, r]));
      for (const rel of tpl.relations) addInstances(math, table, block, tpl, rel, colIndex, rowById);
    }
  }
  for (const inst of math.instances) {
    if (inst.kind === 'sum') {
      math.derived.add(inst.target.cell);
      if (!math.definedBy.has(inst.target.cell)) math.definedBy.set(inst.target.cell, inst);
    }
  }
  solve(math);
  return math;
}

function addInstances(
  math: Arithmetic,
  table: Table,
  block: TableBlock,
  tpl: BlockTemplate,
  rel: Relation,
  colIndex: Map<string, number>,
  rowById: Map<string, TableRow>,
): void {
  const ref = (row: TableRow, col: number): CellRef => ({ row, col, cell: row.cells[col] });
  if (rel.kind === 'sum' && rel.along === 'row') {
    const t = colIndex.get(rel.target)!;
    const parts = rel.parts.map((p) => colIndex.get(p)!);
    for (const row of block.rows) {
      math.instances.push({
        kind: 'sum',
        code: rel.code,
        table,
        block,
        target: ref(row, t),
        parts: parts.map((c) => ref(row, c)),
        absentParts: [],
      });
    }
  } else if (rel.kind === 'sum') {
    const target = rowById.get(rel.target);
    if (!target) return;
    // a row standing for absent parts (a group written as one row) counts once, for all of them
    const standing = new Map<string, TableRow>();
    for (const r of block.rows) for (const p of r.spec.standsFor ?? []) if (!rowById.has(p)) standing.set(p, r);
    for (let c = 0; c < tpl.columns.length; c++) {
      const parts: CellRef[] = [];
      const absent: string[] = [];
      const counted = new Set<TableRow>();
      for (const p of rel.parts) {
        const r = rowById.get(p) ?? standing.get(p);
        if (r && counted.has(r)) continue;
        if (r) {
          counted.add(r);
          parts.push(ref(r, c));
        } else absent.push(p);
      }
      math.instances.push({ kind: 'sum', code: rel.code, table, block, target: ref(target, c), parts, absentParts: absent });
    }
  } else {
    const left = rel.left.map((id) => rowById.get(id));
    const right = rel.right.map((id) => rowById.get(id));
    const fix = rowById.get(rel.fixTarget);
    if (left.some((r) => !r) || right.some((r) => !r) || !fix) return;
    for (let c = 0; c < tpl.columns.length; c++) {
      math.instances.push({
        kind: 'balance',
        code: 'balance',
        table,
        block,
        column: c,
        left: left.map((r) => ref(r!, c)),
        right: right.map((r) => ref(r!, c)),
        fixTarget: ref(fix, c),
      });
    }
  }
}

/** A usable stated value: numbers (plain or annotated), blank/placeholder as 0; else undefined. */
export function statedValue(cell: Cell): number | undefined {
  if (cell.unsafe) return undefined;
  if (cell.kind === 'missing' || cell.kind === 'text') return undefined;
  return cell.value;
}

/** A derived cell that says nothing (blank, placeholder or missing): its computed value stands in. */
export function isEmptyDerived(cell: Cell): boolean {
  return cell.kind === 'blank' || cell.kind === 'placeholder' || cell.kind === 'missing';
}

/** The value a relation check uses for a cell: derived cells that are empty take their computed value. */
export function valueForChecks(math: Arithmetic, cell: Cell): number | undefined {
  if (math.derived.has(cell) && isEmptyDerived(cell)) return math.computed.get(cell);
  return statedValue(cell);
}

function solve(math: Arithmetic): void {
  // a column sum over a table whose rows are known incompletely would compute from a guess
  const sums = math.instances.filter(
    (i): i is SumInstance => i.kind === 'sum' && !(i.code === 'column-total' && tableIsUncertain(i.table)),
  );
  let changed = true;
  for (let round = 0; changed && round <= sums.length; round++) {
    changed = false;
    for (const inst of sums) {
      const target = inst.target.cell;
      if (math.computed.has(target)) continue;
      // a value computed from a row whose reading is uncertain would be a guess: no fix rests on it
      const k = inst.block.columns.length;
      if (inst.target.row.uncertain || inst.parts.some((p) => rowIsUncertain(p.row, k))) continue;
      let total = 0;
      let ok = true;
      for (const p of inst.parts) {
        const v = math.derived.has(p.cell) ? math.computed.get(p.cell) : statedValue(p.cell);
        if (v === undefined) {
          ok = false;
          break;
        }
        total += v;
      }
      if (ok && Number.isSafeInteger(total)) {
        math.computed.set(target, total);
        changed = true;
      }
    }
  }
}

export function emptyArithmetic(): Arithmetic {
  return { instances: [], computed: new Map(), derived: new Set(), definedBy: new Map() };
}
