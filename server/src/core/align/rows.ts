// The `rows` layout (table 三): one text line per template row. Real tables arrive damaged, and
// what can be read with certainty is read: a label torn over two lines, a group label whose
// merged first sub-row lost its label, values on the line under their label, one value per line
// (PDF text in reading order), a row written with blanks only. What cannot be placed is recorded.
import type { Cell, Range, Table, TableRow, UnknownLine } from '../model';
import type { BlockTemplate, RowTemplate, TableTemplate } from '../templates/index';
import { pointRange } from '../text';
import { type ClassifiedLine, hasValue, isFooter } from './lines';
import { matchRowLabel } from './match';
import { anchorsNear, readByPosition } from './spaced';
import { alignValueCells, cellsLost, columnSpec, LOST_CHARACTER, rowSpec, shapeOf, unknownLine, wholeLine } from './values';

type Found = { row: RowTemplate; note?: string };

export function alignRows(lines: ClassifiedLine[], table: TableTemplate, out: Table): void {
  const block = table.blocks[0];
  const k = block.columns.length;
  /** the row group the labels so far named: the context of a sub-row's bare number */
  let group: string | undefined;
  const assigned = new Map<string, TableRow>();
  const labelSeen = new Map<string, Range>();
  // blank lines say nothing (pdftotext puts one between every value of a row)
  const candidates = lines.filter((lc) => !isFooter(lc) && (lc.label !== '' || lc.cells.some((c) => c.kind !== 'blank')));
  const shape = shapeOf(candidates, k);
  let pending: ClassifiedLine[] = [];
  const pendingRows = new Map<string, { row: RowTemplate; at: Range }>();
  /** rows read from a group's label alone (first sub-row id → group) */
  const byGroupLabel = new Map<string, string>();
  /** in reading order: the rows placed and the value lines no label placed (for `betweenRows`) */
  const order: Order[] = [];

  const place = (lc: ClassifiedLine, row: RowTemplate, values: Cell[], labelRange: Range | undefined, note?: string) => {
    if (assigned.has(row.id)) {
      out.unknown.push(unknownLine(lc, 'duplicate', labelRange));
      return;
    }
    let w = alignValueCells(lc, values, k, shape);
    const short = lc.spaced && values === lc.values && w.valueCount < k;
    const anchors = short ? anchorsNear(candidates, candidates.indexOf(lc), k) : undefined;
    if (short) {
      // space-separated text: a blank is only spaces, so a short row is read by position or not at all
      const read = anchors ? readByPosition(lc, anchors) : 'unsure';
      if (read === 'unsure') {
        w = { ...w, unsure: true };
        out.unsure ??= { reason: 'space-separated values not clearly under one column each (figures run together?)' };
      } else w = { cells: read, extra: [], valueCount: k };
    }
    if (cellsLost([lc], w.valueCount, w.extra.length, k)) {
      w = { ...w, unsure: true };
      out.unsure ??= { reason: LOST_CHARACTER };
    }
    const r: TableRow = {
      spec: rowSpec(row),
      lineRange: wholeLine(lc.line),
      labelRange: labelRange ?? pointRange(lc.line.line, 0),
      cells: w.cells,
      extra: w.extra,
      valueCount: w.valueCount,
    };
    if (note) r.note = note;
    if (w.unsure || shape.unsure) {
      r.uncertain = true;
      r.note =
        shape.unsure ??
        out.unsure?.reason ??
        "its cells do not fit the table's columns (spacer columns): which cell is which cannot be told";
      out.unsure ??= { reason: r.note };
    }
    ambiguity(r, block);
    assigned.set(row.id, r);
    order.push(row.id);
  };

  const singleValue = (x: ClassifiedLine | undefined): Cell | undefined => {
    if (!x || x.labelEnd >= 0) return undefined;
    const v = x.cells.filter((c) => c.kind !== 'blank');
    return v.length === 1 && v[0].kind !== 'text' ? v[0] : undefined;
  };
  for (let idx = 0; idx < candidates.length; idx++) {
    let lc = candidates[idx];
    // a lone 无 between rows, not among values one per line: a fragment of a scattered label ((四)无法提供)
    const only = lc.cells.filter((c) => c.kind !== 'blank');
    if (only.length === 1 && only[0].raw === '无' && !singleValue(candidates[idx - 1]) && !singleValue(candidates[idx + 1])) {
      lc = {
        ...lc,
        cells: [{ ...only[0], kind: 'text', value: undefined }],
        labelEnd: 0,
        label: '无',
        labelRange: only[0].range,
        values: [],
      };
    }
    let values = hasValue(lc.values);
    if (!values && lc.label && lc.values.length >= k - 1) {
      // a row written with blanks only (blank = 0): a label that names a row, then a full row of blanks
      values = matchRowLabel(lc.label, block).kind === 'row';
    }
    if (!values) {
      if (!lc.label) continue;
      // a label-only line: a header, a torn label, or a row whose values are elsewhere
      const prev = pending[pending.length - 1];
      for (const text of prev ? [lc.label, prev.label + lc.label] : [lc.label]) {
        const m = matchRowLabel(text, block, group);
        if (text === lc.label && (m.group || (m.kind === 'row' && m.row.group)))
          group = m.group ?? (m.kind === 'row' ? m.row.group : undefined);
        const at = text === lc.label ? lc.labelRange : prev?.labelRange;
        if (m.kind === 'row' && at && !labelSeen.has(m.row.id)) labelSeen.set(m.row.id, at);
        // (a row already read is the tail of its wrapped label, not a row still waiting for values)
        if (m.kind === 'row' && at && !assigned.has(m.row.id)) pendingRows.set(m.row.id, { row: m.row, at });
      }
      pending.push(lc);
      continue;
    }
    if (lc.labelEnd < 0) {
      // values without a label: attach to the label just above only when that is one whole label
      // the rows the label-only lines above name (a group heading such as （三）不予公开 names none):
      // exactly one, or the values cannot be placed
      const named = [...pendingRows.values()];
      const m = named.length === 1 ? { row: named[0].row } : undefined;
      const denseCount = lc.values.filter((c) => c.kind !== 'blank').length;
      // one value per line under the label (PDF text in reading order): exactly a row's worth
      const vertical: Cell[] = [];
      if (m && !assigned.has(m.row.id) && denseCount === 1) {
        for (let j = idx; vertical.length < k && singleValue(candidates[j]); j++) vertical.push(singleValue(candidates[j])!);
        if (vertical.length < k || singleValue(candidates[idx + k])) vertical.length = 0;
      }
      if (m && !assigned.has(m.row.id) && denseCount === k) {
        place(lc, m.row, lc.values, named[0].at, 'label on the line above');
      } else if (m && vertical.length === k) {
        place({ ...lc, cells: vertical, values: vertical }, m.row, vertical, named[0].at, 'one value per line');
        idx += k - 1;
      } else {
        const u = unknownLine(lc, 'no-label');
        out.unknown.push(u);
        // the one row the label above names, when its values run on into more rows' values
        if (m && !assigned.has(m.row.id)) order.push({ label: m.row });
        order.push({ lc, u });
      }
      pending = [];
      pendingRows.clear();
      continue;
    }
    const own = matchRowLabel(lc.label, block, group);
    // the group context: the group a label names, else the group of the sub-row it names
    if (own.group) group = own.group;
    else if (own.kind === 'row' && own.row.group) group = own.row.group;
    let found: Found | undefined = own.kind === 'row' ? own : undefined;
    let labelRange = lc.labelRange;
    if (!found && pending.length) {
      const joined = matchRowLabel(pending.map((p) => p.label).join('') + lc.label, block, group);
      if (joined.kind === 'row') {
        found = { row: joined.row, note: 'label split over lines' };
        labelRange = pending.find((p) => p.labelRange)?.labelRange ?? labelRange;
      }
    }
    if (!found && own.kind === 'group') {
      // a group label with values but no sub-row label: the merged first sub-row lost its label
      // (or, for a group that may be written as one row, the whole group: decided below)
      const first = block.rows.find((r) => r.group === group && r.sub === 1);
      if (first && !assigned.has(first.id)) {
        found = { row: first, note: `label lost: read as ${first.label}` };
        byGroupLabel.set(first.id, group!);
      }
    }
    if (found) place(lc, found.row, lc.values, labelRange, found.note);
    else out.unknown.push(unknownLine(lc, 'unmatched'));
    pending = [];
    pendingRows.clear();
  }

  for (const run of betweenRows(order, block, assigned, labelSeen)) {
    out.unknown = out.unknown.filter((u) => !run.lines.some((x) => x.u === u));
    for (let i = 0; i < run.rows.length; i++) {
      const vals = run.lines.slice(i * k, (i + 1) * k).map((x) => singleValue(x.lc)!);
      const first = run.lines[i * k].lc;
      place({ ...first, cells: vals, values: vals }, run.rows[i], vals, labelSeen.get(run.rows[i].id), run.note);
    }
  }

  const whole = oneRowGroups(block, assigned, byGroupLabel);
  const rows: TableRow[] = [];
  for (const row of block.rows) {
    const r = assigned.get(row.id);
    if (r) rows.push(r);
    else if (!row.group || !whole.has(row.group))
      out.missingRows.push({ block: block.id, row: rowSpec(row), labelSeenAt: labelSeen.get(row.id) });
  }
  out.blocks.push({
    id: block.id,
    label: block.label,
    columns: block.columns.map(columnSpec),
    rows,
    ...(block.groups ? { groups: block.groups.map((g) => ({ id: g.id, label: g.label })) } : {}),
  });
}

/**
 * A row one cell short whose last value equals the sum of the others could be a row with its
 * 总计 present and one part missing: its columns cannot be told, so it is marked uncertain.
 */
function ambiguity(r: TableRow, block: BlockTemplate): void {
  const k = block.columns.length;
  if (r.valueCount !== k - 1 || !block.columns[k - 1].derived) return;
  const vals = r.cells
    .slice(0, k - 1)
    .map((c) => (c.kind === 'number' ? c.value! : c.kind === 'blank' || c.kind === 'placeholder' ? 0 : NaN));
  const last = vals[vals.length - 1];
  const rest = vals.slice(0, -1).reduce((a, b) => a + b, 0);
  if (last > 0 && last === rest) {
    r.uncertain = true;
    r.note = 'one cell short, and its last value is the sum of the others: which cell is missing cannot be told';
  }
}

/**
 * A group the template lets be written as one row (`oneRow`: the 2019 single （六）其他处理 under a
 * 2021 table): when the line read from the group's label alone is the group's only line, it is
 * the whole group, standing for its sub-rows (read as their sum; none of them is missing). Either
 * reading gives the same sums, so nothing rests on the choice; with any other sub-row present,
 * the line stays the first sub-row whose label was lost.
 */
function oneRowGroups(block: BlockTemplate, assigned: Map<string, TableRow>, byGroupLabel: Map<string, string>): Set<string> {
  const whole = new Set<string>();
  for (const [firstId, groupId] of byGroupLabel) {
    const g = block.groups?.find((x) => x.id === groupId);
    if (!g?.oneRow) continue;
    const subs = block.rows.filter((r) => r.group === groupId);
    if (subs.some((r) => r.id !== firstId && assigned.has(r.id))) continue;
    const r = assigned.get(firstId);
    if (!r) continue;
    r.spec = { id: g.id, label: g.label, standsFor: subs.map((s) => s.id) };
    if (!r.uncertain) r.note = `the group written as one row: read as the sum of its ${subs.length} sub-rows`;
    whole.add(groupId);
  }
  return whole;
}

/** the note of a row whose values were read by their place between two rows (narrative does not rest on it) */
export const BETWEEN_ROWS = 'values one per line between the rows around them, their label printed elsewhere';

type Orphan = { lc: ClassifiedLine; u: UnknownLine };
/** in reading order: a row placed (its id), a label naming one row whose values ran on, a value line not placed */
type Order = string | { label: RowTemplate } | Orphan;

/**
 * `pdftotext` without -layout prints some labels far from their values: a run of lone values with
 * no label between two rows that were read (or starting under one row's label and running on), and
 * the labels listed elsewhere without values. The run is read as the template rows it covers when
 * it is exactly their values (k each), every one of them is still unread and its label was seen,
 * and nothing rests on their order: the rows placed by order alone (all, but a labelled first row)
 * are one, or all parts of one column sum and in no other column relation (the row totals hold
 * per run, and the column sum of any order is the same). Anything else stays unknown.
 */
function betweenRows(
  order: Order[],
  block: BlockTemplate,
  assigned: Map<string, TableRow>,
  labelSeen: Map<string, Range>,
): { rows: RowTemplate[]; lines: Orphan[]; note: string }[] {
  const k = block.columns.length;
  const ids = block.rows.map((r) => r.id);
  const rels = block.relations ?? [];
  const isOrphan = (x: Order | undefined): x is Orphan => typeof x === 'object' && 'lc' in x;
  const inOther = (id: string) =>
    rels.some((r) => r.along === 'column' && (r.kind === 'balance' ? [...r.left, ...r.right] : [r.target]).includes(id));
  const parts = (id: string) => rels.some((r) => r.kind === 'sum' && r.along === 'column' && r.parts.includes(id));
  const out: ReturnType<typeof betweenRows> = [];
  for (let i = 0; i < order.length; i++) {
    if (!isOrphan(order[i]) || isOrphan(order[i - 1])) continue;
    const before = order[i - 1];
    let j = i;
    while (isOrphan(order[j])) j++;
    const after = order[j];
    const lines = order.slice(i, j) as Orphan[];
    i = j;
    if (typeof after !== 'string' || lines.length % k) continue;
    const a =
      typeof before === 'string'
        ? ids.indexOf(before) + 1
        : typeof before === 'object' && 'label' in before
          ? ids.indexOf(before.label.id)
          : -1;
    const rows = block.rows.slice(a, ids.indexOf(after));
    if (a < 0 || rows.length !== lines.length / k || !rows.length || rows.some((r) => assigned.has(r.id) || !labelSeen.has(r.id))) continue;
    if (lines.some((x) => x.lc.cells.filter((c) => c.kind !== 'blank').length !== 1 || !hasValue(x.lc.cells))) continue;
    // the rows whose place only the order gives (all of them, but for a labelled first row)
    const free = typeof before === 'string' ? rows : rows.slice(1);
    if (free.length > 1 && !free.every((r) => parts(r.id) && !inOther(r.id))) continue;
    out.push({ rows, lines, note: BETWEEN_ROWS });
  }
  return out;
}
