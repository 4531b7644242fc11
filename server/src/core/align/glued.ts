// Glued digits: crawled page text that lost every separator, so a row's values run together as one
// string of digits (`（一）予以公开270020130`). A run is split into the row's columns only where
// the template's own row relations (along: 'row', e.g. 总计 = Σ parts) admit exactly one split;
// otherwise the table stays unreadable. Never a guess:
// - a cell is "0" or digits without a leading zero ("012" is never a count), at most
//   MAX_CELL_DIGITS long; a run boundary (a space, a line break) is a cell boundary;
// - the search is bounded (runs longer than the row could hold are rejected at once, and a step
//   budget says "unreadable" instead of searching on);
// - a split unique without any relation uses none; a split unique only with the row relations
//   used them: those relations always hold on it and are never reported as checked (row.glued.used);
// - every cell read so is `inferred`: no fix ever rewrites it.
// Only the layouts whose rows the row relations tie (`rows`: table 三; `flat`: table 四) are read
// this way; table 二 (`blocks`) has no relations, so its rows of several columns stay unreadable.
// Column totals and the balance are not used to choose a split: they stay checkable on the rows read.
// Glued runs stand in crawled text as a whole (a table on one line, lines without cells), or on
// lines of cells, one row a line (`gluedLine`: `（一）予以公开<TAB>270020130`); there the other lines
// are read as they are.
import { makeCell } from '../cells';
import type { Cell, Range, RawLine, Table } from '../model';
import { normalizeDigits, normalizeLabel } from '../normalize';
import { type CellRef, solveRelations } from '../relations';
import type { BlockTemplate, TableTemplate, Template } from '../templates/index';
import { type ClassifiedLine, hasValue } from './lines';
import { matchRowLabel } from './match';

/** a count cell longer than this is no count of a disclosure table (and bounds the search) */
export const MAX_CELL_DIGITS = 7;
/** search steps before the split is given up as unreadable */
export const SPLIT_BUDGET = 200_000;

/** A run of digits in the text: `start`, `end` are UTF-16 columns on `line`. */
export interface DigitRun {
  line: number;
  start: number;
  end: number;
  digits: string;
}

/** Text between runs (a label, a header, prose) followed by the runs that follow it before the next text. */
export interface GluedSegment {
  line: RawLine;
  /** the label's raw text and where it starts ('' when the runs follow other runs or the region start) */
  label: string;
  labelStart: number;
  runs: DigitRun[];
  /** a line of cells whose values ran together (gluedLine): its label cells, kept as they are */
  cells?: Cell[];
  /** a line not glued, among glued ones: read as it is */
  keep?: ClassifiedLine;
}

/** A constraint on a row of cells: cells[target] = Σ cells[parts] (indices into the split). */
export interface SumConstraint {
  target: number;
  parts: number[];
}

export type SplitResult = { kind: 'one'; cells: string[][]; used: boolean } | { kind: 'none' } | { kind: 'several' } | { kind: 'too-long' };

const GLUED = 'no cell separators: the figures run together, and no one split of them fits';
const GROUP_RE = /[0-9]+(?:[ \u3000]+[0-9]+)*/g;
const RUN_RE = /[0-9]+/g;
const NUMBERING_AFTER_RE = /^[.．、]\s*[^\d\s.．、]/;

/**
 * The segments of `text` (one line, from `from` to `to`): labels and the digit runs after each.
 * A sub-row's number glued to the digits before it (`禁止公开00000003.危及…`) is peeled off the
 * run when the label after it names a sub-row with exactly that number (`subOf`).
 */
export function segmentsOf(line: RawLine, from: number, to: number, subOf: (label: string) => number | undefined): GluedSegment[] {
  const text = line.text.slice(0, to);
  const out: GluedSegment[] = [];
  let labelStart = from;
  GROUP_RE.lastIndex = from;
  let m: RegExpExecArray | null;
  let current: GluedSegment | undefined;
  while ((m = GROUP_RE.exec(text))) {
    const gStart = m.index;
    let gEnd = gStart + m[0].length;
    // numbering glued after the runs: the label after the group starts with its last digits
    let peel = 0;
    const after = text.slice(gEnd, gEnd + 40);
    if (NUMBERING_AFTER_RE.test(after)) {
      GROUP_RE.lastIndex = gEnd;
      const next = GROUP_RE.exec(text);
      const nextLabel = text.slice(gEnd, next ? next.index : text.length);
      for (const p of [1, 2]) {
        const digits = m[0].slice(-p);
        if (!/^[1-9][0-9]*$/.test(digits) || digits.length !== p) continue;
        if (subOf(normalizeLabel(digits + nextLabel)) === Number(digits)) {
          peel = p;
          break;
        }
      }
      GROUP_RE.lastIndex = gEnd;
    }
    gEnd -= peel;
    const label = text.slice(labelStart, gStart);
    const runs: DigitRun[] = [];
    RUN_RE.lastIndex = 0;
    const group = text.slice(gStart, gEnd);
    let r: RegExpExecArray | null;
    while ((r = RUN_RE.exec(group))) {
      runs.push({ line: line.line, start: gStart + r.index, end: gStart + r.index + r[0].length, digits: r[0] });
    }
    if (label.trim() || !current) {
      current = { line, label, labelStart, runs };
      out.push(current);
    } else current.runs.push(...runs);
    labelStart = gEnd;
    if (peel) GROUP_RE.lastIndex = gStart + m[0].length;
  }
  if (text.slice(labelStart, to).trim()) out.push({ line, label: text.slice(labelStart, to), labelStart, runs: [] });
  return out.filter((s) => s.label.trim() || s.runs.length);
}

/** A count cell: "0", or digits without a leading zero, at most MAX_CELL_DIGITS. */
function isCount(s: string): boolean {
  return s.length <= MAX_CELL_DIGITS && (s === '0' || s[0] !== '0');
}

/**
 * A line of cells (not crawled text as a whole) whose row's figures ran together: after its label,
 * fewer than `per` values, all plain digits, at least `per` digits in all, and one of them no count
 * (too long, a leading zero) or the only one; or no value and the label's last cell ending in at
 * least `per` digits (the label glued to them). Its label cells and digit runs; else undefined.
 * A tab between two runs is a cell boundary, as a space is in crawled text; full-width digits are digits.
 */
export function gluedLine(lc: ClassifiedLine, per: number): GluedSegment | undefined {
  // (space-separated PDF text: a blank cell is only spaces, so a space is no sure cell boundary;
  // one run after the label has none inside it)
  if (lc.spaced && lc.values.length > 1) return undefined;
  // (blank cells before and after the values say nothing; a blank between them is a cell of its own)
  const at = lc.values.map((c) => c.kind !== 'blank');
  const vals = lc.values.slice(at.indexOf(true), at.lastIndexOf(true) + 1);
  let cells = lc.cells.slice(0, lc.labelEnd + 1);
  const last = cells[cells.length - 1];
  const tail = !vals.length && last ? /[0-9０-９]+$/.exec(last.raw) : null;
  const src = tail ? [{ raw: tail[0], range: { start: { character: last.range.end.character - tail[0].length } } }] : vals;
  const runs: DigitRun[] = src.map((c) => ({
    line: lc.line.line,
    start: c.range.start.character,
    end: c.range.start.character + c.raw.length,
    digits: normalizeDigits(c.raw),
  }));
  const digits = runs.map((r) => r.digits);
  if (!runs.length || runs.length >= per || digits.join('').length < per || !digits.every((d) => /^[0-9]+$/.test(d))) return undefined;
  if (runs.length > 1 && digits.every(isCount)) return undefined;
  if (tail) {
    const label = makeCell(last.raw.slice(0, -tail[0].length), lc.line.line, last.range.start.character);
    if (!label.raw) return undefined;
    label.kind = 'text';
    delete label.value;
    cells = [...cells.slice(0, -1), label];
  }
  return { line: lc.line, label: '', labelStart: 0, runs, cells };
}

/**
 * The splits of `runs` into `k` cells (each run one or more whole cells, in order) satisfying
 * `constraints`: at most two are looked for, as only "exactly one" matters. Each run's cells are
 * returned as strings.
 */
export function countSplits(
  runs: string[],
  k: number,
  constraints: SumConstraint[],
  limit = 2,
): { found: string[][][]; exhausted: boolean } {
  const found: string[][][] = [];
  const total = runs.reduce((s, r) => s + r.length, 0);
  if (total < k || total > k * MAX_CELL_DIGITS || runs.length > k) return { found, exhausted: false };
  // constraints checked when their last cell is placed; a target placed after all its parts is
  // read directly from the sum
  const byLast = new Map<number, SumConstraint[]>();
  for (const c of constraints) {
    const last = Math.max(c.target, ...c.parts);
    byLast.set(last, [...(byLast.get(last) ?? []), c]);
  }
  const values: number[] = new Array(k).fill(0);
  const cells: string[][] = runs.map(() => []);
  let steps = 0;
  let exhausted = false;
  /** digits left after position (run r, offset o), and runs left, decide what still fits */
  const suffix: number[] = [];
  for (let i = runs.length - 1, acc = 0; i >= 0; i--) suffix[i] = acc += runs[i].length;
  const go = (cell: number, r: number, o: number): void => {
    if (found.length >= limit || exhausted) return;
    if (++steps > SPLIT_BUDGET) {
      exhausted = true;
      return;
    }
    if (r === runs.length) {
      if (cell === k) found.push(cells.map((c) => [...c]));
      return;
    }
    const left = suffix[r] - o; // digits left
    const cellsLeft = k - cell;
    const runsLeft = runs.length - r;
    if (cellsLeft < runsLeft || left < cellsLeft || left > cellsLeft * MAX_CELL_DIGITS) return;
    const run = runs[r];
    const rest = run.length - o;
    const checks = byLast.get(cell);
    // a total whose parts are all placed: its digits are the sum's
    const direct = checks?.find((c) => c.target === cell);
    for (let len = 1; len <= Math.min(rest, MAX_CELL_DIGITS); len++) {
      const s = run.slice(o, o + len);
      if (!isCount(s)) break; // a leading zero: only "0" itself, and longer cells all start with 0
      if (direct) {
        const sum = direct.parts.reduce((a, p) => a + values[p], 0);
        if (String(sum) !== s) continue;
      }
      values[cell] = Number(s);
      if (checks && !checks.every((c) => values[c.target] === c.parts.reduce((a, p) => a + values[p], 0))) continue;
      cells[r].push(s);
      if (len === rest) go(cell + 1, r + 1, 0);
      else go(cell + 1, r, o + len);
      cells[r].pop();
      if (found.length >= limit || exhausted) return;
    }
  };
  go(0, 0, 0);
  return { found, exhausted };
}

/** The one split of `runs` into `k` cells: without relations when that is already unique, else with them. */
export function splitRuns(runs: string[], k: number, constraints: SumConstraint[]): SplitResult {
  const total = runs.reduce((s, r) => s + r.length, 0);
  if (total > k * MAX_CELL_DIGITS) return { kind: 'too-long' };
  const free = countSplits(runs, k, []);
  if (free.found.length === 1 && !free.exhausted) return { kind: 'one', cells: free.found[0], used: false };
  if (!free.found.length && !free.exhausted) return { kind: 'none' };
  if (!constraints.length) return free.exhausted ? { kind: 'too-long' } : { kind: 'several' };
  const tied = countSplits(runs, k, constraints);
  if (tied.exhausted) return { kind: 'too-long' };
  if (tied.found.length === 1) return { kind: 'one', cells: tied.found[0], used: true };
  return tied.found.length ? { kind: 'several' } : { kind: 'none' };
}

/** The row relations (along: 'row') of a block as constraints over `rows` rows of its columns laid end to end. */
export function rowConstraints(block: BlockTemplate, rows = 1): { constraints: SumConstraint[]; codes: string[] } {
  const col = new Map(block.columns.map((c, i) => [c.id, i]));
  const per = block.columns.length;
  const constraints: SumConstraint[] = [];
  const codes = new Set<string>();
  for (const rel of block.relations ?? []) {
    if (rel.kind !== 'sum' || rel.along !== 'row') continue;
    codes.add(rel.code);
    for (let r = 0; r < rows; r++) {
      constraints.push({ target: r * per + col.get(rel.target)!, parts: rel.parts.map((p) => r * per + col.get(p)!) });
    }
  }
  return { constraints, codes: [...codes] };
}

/** The glued reading of a region, as lines the layouts read; or why it cannot be read. */
export interface GluedReading {
  lines: ClassifiedLine[];
  /** per synthetic line with values: what the split used (relation codes) and the run's range */
  info: Map<ClassifiedLine, GluedInfo>;
}
export interface GluedInfo {
  range: Range;
  digits: string;
  used: string[];
}

function cellsOf(runs: DigitRun[], split: string[][]): Cell[] {
  const cells: Cell[] = [];
  runs.forEach((run, i) => {
    let at = run.start;
    for (const s of split[i]) {
      const cell = makeCell(s, run.line, at);
      cell.inferred = true;
      cells.push(cell);
      at += s.length;
    }
  });
  return cells;
}

function runsRange(runs: DigitRun[]): Range {
  const a = runs[0];
  const b = runs[runs.length - 1];
  return { start: { line: a.line, character: a.start }, end: { line: b.line, character: b.end } };
}

/**
 * Reads a glued region for the `rows` and `flat` layouts: the lines `alignRows`/`alignFlat` read,
 * each value cell cut out of its run; or the reason the table cannot be read.
 */
export function readGlued(
  source: ClassifiedLine[],
  table: TableTemplate,
  bounds: { from: number; to: number; line: number }[],
  align: Align,
  /** per source line, its glued reading (gluedLine): the other lines are read as they are */
  own?: (GluedSegment | undefined)[],
): GluedReading | { unreadable: string } {
  if (table.layout === 'blocks' || table.blocks.length !== 1) {
    return { unreadable: GLUED };
  }
  const block = table.blocks[0];
  const subOf = (label: string) => {
    const m = matchRowLabel(label, block);
    return m.kind === 'row' ? m.row.sub : undefined;
  };
  const segments: GluedSegment[] = [];
  if (own) for (const [i, lc] of source.entries()) segments.push(own[i] ?? { line: lc.line, label: '', labelStart: 0, runs: [], keep: lc });
  for (const b of bounds) {
    const lc = source.find((l) => l.line.line === b.line);
    if (lc) segments.push(...segmentsOf(lc.line, b.from, b.to, subOf));
  }
  const info = new Map<ClassifiedLine, GluedInfo>();
  const per = block.columns.length;
  const kept = segments.flatMap((s) => (s.keep ? [s.keep] : []));
  if (table.layout === 'flat') {
    const runs = segments.flatMap((s) => s.runs);
    if (!runs.length) return { lines: [], info };
    // values not glued beside glued ones: which of the 15 cells they are cannot be told
    if (kept.some((k) => hasValue(k.values))) return { unreadable: GLUED };
    const { constraints, codes } = rowConstraints(block, block.rows.length);
    const r = splitRuns(
      runs.map((x) => x.digits),
      per * block.rows.length,
      constraints,
    );
    if (r.kind !== 'one') return { unreadable: GLUED };
    const cells = cellsOf(runs, r.cells);
    const line = source.find((l) => l.line.line === runs[0].line)!.line;
    const lc: ClassifiedLine = { line, cells, labelEnd: -1, label: '', values: cells };
    info.set(lc, { range: runsRange(runs), digits: runs.map((x) => x.digits).join(' '), used: r.used ? codes : [] });
    return { lines: [...kept, lc], info };
  }
  const { constraints, codes } = rowConstraints(block);
  const lines: ClassifiedLine[] = [];
  /** lines whose row relations left a few splits: the table's column relations choose among them */
  const open: { at: number; segment: GluedSegment; splits: string[][][] }[] = [];
  for (const s of segments) {
    if (s.keep) {
      lines.push(s.keep);
      continue;
    }
    const labelText = s.label;
    const labelCell = labelText.trim() ? makeCell(labelText, s.line.line, s.labelStart) : undefined;
    if (labelCell) {
      labelCell.kind = 'text';
      delete labelCell.value;
    }
    const labelCells = s.cells ?? (labelCell ? [labelCell] : []);
    const named = labelCells.filter((c) => c.kind !== 'blank');
    const label = normalizeLabel(named.map((c) => c.raw).join(''));
    const labelRange = named.length ? { start: named[0].range.start, end: named[named.length - 1].range.end } : undefined;
    if (!s.runs.length) {
      if (labelCell) lines.push({ line: s.line, cells: [labelCell], labelEnd: 0, label, labelRange, values: [] });
      continue;
    }
    const labelEnd = labelCells.length - 1;
    const digits = s.runs.map((x) => x.digits);
    let r = splitRuns(digits, per, constraints);
    let splits: string[][][] | undefined;
    if (r.kind === 'several' && constraints.length) {
      const few = countSplits(digits, per, constraints, MAX_OPEN_SPLITS + 1);
      if (!few.exhausted && few.found.length <= MAX_OPEN_SPLITS) splits = few.found;
      else r = { kind: 'too-long' };
    }
    if (r.kind !== 'one' && !splits) {
      return { unreadable: GLUED };
    }
    const values = cellsOf(s.runs, splits ? splits[0] : (r as { cells: string[][] }).cells);
    const lc: ClassifiedLine = { line: s.line, cells: [...labelCells, ...values], labelEnd, label, labelRange, values };
    info.set(lc, { range: runsRange(s.runs), digits: digits.join(' '), used: splits || (r.kind === 'one' && r.used) ? codes : [] });
    if (splits) open.push({ at: lines.length, segment: s, splits });
    lines.push(lc);
  }
  if (open.length) {
    const chosen = chooseTableWide(lines, open, table, align);
    if ('unreadable' in chosen) return chosen;
    for (const [i, o] of open.entries()) {
      const old = lines[o.at];
      const values = cellsOf(o.segment.runs, o.splits[chosen.choice[i]]);
      const lc: ClassifiedLine = { ...old, cells: [...old.cells.slice(0, old.labelEnd + 1), ...values], values };
      const oldInfo = info.get(old)!;
      info.delete(old);
      info.set(lc, { ...oldInfo, used: [...new Set([...oldInfo.used, ...chosen.used])] });
      lines[o.at] = lc;
    }
  }
  return { lines, info };
}

/** splits of one row the table-wide choice may consider; more, and the row is unreadable */
export const MAX_OPEN_SPLITS = 16;
/** combinations of open rows' splits the table-wide choice may try */
export const MAX_COMBINATIONS = 50_000;

type Align = (lines: ClassifiedLine[], table: TableTemplate, out: Table) => void;

/**
 * Rows whose row relations left a few splits: the table's column relations (along: 'column' sums,
 * the balance) that involve them choose. Exactly one combination of their splits satisfying every
 * such relation is read, and those relations are then used (never checked); none or several, or
 * too many to try: the table is unreadable. Which line is which row comes from the layout itself
 * (labels decide it, not the digits).
 */
function chooseTableWide(
  lines: ClassifiedLine[],
  open: { at: number; splits: string[][][] }[],
  table: TableTemplate,
  align: Align,
): { choice: number[]; used: string[] } | { unreadable: string } {
  const block = table.blocks[0];
  const per = block.columns.length;
  const scratch: Table = {
    id: table.id,
    title: table.title,
    headingRange: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    blocks: [],
    unknown: [],
    missingRows: [],
  };
  align(lines, table, scratch);
  const rowOfCell = new Map<Cell, string>();
  for (const row of scratch.blocks[0]?.rows ?? []) for (const c of row.cells) rowOfCell.set(c, row.spec.id);
  const rowOfLine = lines.map((lc) => (lc.values[0] ? rowOfCell.get(lc.values[0]) : undefined));
  const openRows = open.map((o) => rowOfLine[o.at]);
  // the other rows as aligned; a row with a cell that is no exact number (text, missing) is absent
  const fixed = new Map<string, number[]>();
  for (const row of scratch.blocks[0]?.rows ?? [])
    if (!openRows.includes(row.spec.id) && row.cells.every((c) => c.value !== undefined && !c.unsafe))
      fixed.set(
        row.spec.id,
        row.cells.map((c) => c.value!),
      );
  if (openRows.some((id) => !id)) return { unreadable: GLUED };
  const present = new Set([...fixed.keys(), ...(openRows as string[])]);
  // the column relations that involve an open row and whose rows are all present
  const checks: { code: string; left: string[]; right: string[] }[] = [];
  for (const rel of block.relations ?? []) {
    const [left, right] = rel.kind === 'balance' ? [rel.left, rel.right] : rel.along === 'column' ? [[rel.target], rel.parts] : [[], []];
    const ids = [...left, ...right];
    if (!ids.length || !ids.every((id) => present.has(id)) || !ids.some((id) => openRows.includes(id))) continue;
    checks.push({ code: rel.code, left, right });
  }
  const tooMany = open.reduce((n, o) => n * o.splits.length, 1) > MAX_COMBINATIONS;
  if (!checks.length || tooMany) {
    return { unreadable: GLUED };
  }
  const values = new Map(fixed);
  const choice: number[] = new Array(open.length).fill(0);
  let found: number[] | undefined;
  let count = 0;
  const holds = () =>
    checks.every((c) => {
      for (let col = 0; col < per; col++) {
        const side = (ids: string[]) => ids.reduce((s, id) => s + values.get(id)![col], 0);
        if (side(c.left) !== side(c.right)) return false;
      }
      return true;
    });
  const go = (i: number) => {
    if (count > 1) return;
    if (i === open.length) {
      if (holds()) {
        count++;
        found = [...choice];
      }
      return;
    }
    for (let j = 0; j < open[i].splits.length && count <= 1; j++) {
      choice[i] = j;
      values.set(openRows[i]!, open[i].splits[j].flat().map(Number));
      go(i + 1);
    }
  };
  go(0);
  if (count !== 1 || !found) {
    return { unreadable: GLUED };
  }
  return { choice: found, used: [...new Set(checks.map((c) => c.code))] };
}

/**
 * A split chosen by relations (`used`) assumes they hold; if another relation that involves such a
 * row then fails, a figure or the split is wrong and which cannot be told (a wrong 总计 can make a
 * wrong split the only one that fits): the table is unreadable, never an arithmetic error.
 */
export function splitDoubted(table: Table, template: Template): boolean {
  const v = (refs: CellRef[]) => refs.reduce((s, r) => s + (r.cell.value ?? Number.NaN), 0);
  return solveRelations(template, [table]).instances.some((i) => {
    const [a, b] = i.kind === 'sum' ? [[i.target], i.parts] : [i.left, i.right];
    if (![...a, ...b].some((r) => r.row.glued?.used.length)) return false;
    const d = v(a) - v(b);
    return d !== 0 && !Number.isNaN(d);
  });
}

/** Marks the rows the layout read from glued lines: their run, what the split used. */
export function markGlued(table: Table, info: Map<ClassifiedLine, GluedInfo>): void {
  const byCell = new Map<Cell, GluedInfo>();
  for (const [lc, i] of info) for (const c of lc.values) byCell.set(c, i);
  for (const block of table.blocks) {
    for (const row of block.rows) {
      const i = row.cells.map((c) => byCell.get(c)).find((x) => x);
      if (i) row.glued = { range: i.range, digits: i.digits, used: i.used };
    }
  }
}
