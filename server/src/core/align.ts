// Table alignment: which text line is which template row, and which cell is which column.
// Real tables arrive damaged (merged cells lost, labels torn across lines, rows out of order,
// page footers, cells missing or surplus). Alignment reads what it can stand behind and records
// what it could not place (unknown lines, missing rows) instead of guessing: the rules then skip
// arithmetic that would rest on a guess.
import { classifyText, makeCell, missingCell, trimText } from './cells';
import type { Cell, Range, RawLine, RowSpec, Section, Table, TableBlock, TableId, TableRow } from './model';
import { normalizeLabel } from './structure';
import type { BlockTemplate, RowTemplate, TableTemplate, Template } from './templates/index';

const FOOTER_RE = /^(?:[-—–―－]+\s*\d+\s*[-—–―－]+|第\s*\d+\s*页.*|共\s*\d+\s*页|\d+\s*\/\s*\d+)$/;
const CHAPTER_RE = /^([一二三四五六七八九十]{1,3})、/;
const ORDINAL_RE = /（([一二三四五六七八九十])）/g;
const SUB_RE = /(\d{1,2})[.、](?=\D|$)/g;

export interface LineCells {
  line: RawLine;
  cells: Cell[];
  /** index of the last text cell (the label part ends there); -1 when the line has no text */
  last: number;
  label: string;
  labelRange?: Range;
  /** cells after the label */
  tail: Cell[];
}

/** Cells of a line; a single-cell line "行政许可 97" (PDF text with spaces) is split at the spaces. */
export function lineCells(line: RawLine): LineCells {
  let cells =
    line.cells.length === 1 && PIPE_ROW_RE.test(line.text)
      ? splitPipes(line)
      : line.cells.map((c) => makeCell(c.text, c.line, c.character));
  const nonBlank = cells.filter((c) => c.kind !== 'blank');
  if (nonBlank.length === 1 && nonBlank[0].kind === 'text') cells = splitSpaced(nonBlank[0], line) ?? cells;
  // the label is the text before the first value; text after a value is a (bad) value
  let last = -1;
  for (let i = 0; i < cells.length; i++) {
    const k = cells[i].kind;
    if (k === 'number' || k === 'annotated' || k === 'placeholder') break;
    if (k === 'text') last = i;
  }
  const labelCells = cells.slice(0, last + 1).filter((c) => c.kind !== 'blank');
  const label = normalizeLabel(labelCells.map((c) => c.raw).join(''));
  const labelRange = labelCells.length ? { start: labelCells[0].range.start, end: labelCells[labelCells.length - 1].range.end } : undefined;
  return { line, cells, last, label, labelRange, tail: cells.slice(last + 1) };
}

/** a Markdown table row: | a | b | c | (a PDF or HTML converted to Markdown) */
const PIPE_ROW_RE = /^\s*\|.*\|\s*$/;
const PIPE_RULE_RE = /^\s*\|(\s*:?-{2,}:?\s*\|)+\s*$/;

function splitPipes(line: RawLine): Cell[] {
  if (PIPE_RULE_RE.test(line.text)) return [];
  const cells: Cell[] = [];
  const text = line.text;
  let start = text.indexOf('|') + 1;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '|' && text[i - 1] !== '\\') {
      cells.push(makeCell(text.slice(start, i), line.line, start));
      start = i + 1;
    }
  }
  return cells;
}

function splitSpaced(cell: Cell, line: RawLine): Cell[] | undefined {
  const tokens: { text: string; start: number }[] = [];
  const re = /[^\s\u3000]+/g;
  const base = cell.range.start.character;
  let m: RegExpExecArray | null;
  while ((m = re.exec(cell.raw))) tokens.push({ text: m[0], start: base + m.index });
  if (tokens.length < 2) return undefined;
  let k = tokens.length;
  while (k > 0) {
    const kind = classifyText(tokens[k - 1].text).kind;
    if (kind !== 'number' && kind !== 'placeholder') break;
    k--;
  }
  const values = tokens.length - k;
  if (values === 0 || (k === 0 && values < 2)) return undefined;
  const out: Cell[] = [];
  if (k > 0) {
    const endTok = tokens[k - 1];
    const text = line.text.slice(base, endTok.start + endTok.text.length);
    out.push(makeCell(text, line.line, base));
  }
  for (let i = k; i < tokens.length; i++) out.push(makeCell(tokens[i].text, line.line, tokens[i].start));
  return out;
}

function isFooter(lc: LineCells): boolean {
  if (lc.line.text.length > 40) return false;
  const t = trimText(lc.line.text);
  return t.length < 24 && FOOTER_RE.test(t.replace(/\s+/g, ' '));
}

function hasValue(cells: Cell[]): boolean {
  return cells.some((c) => c.kind === 'number' || c.kind === 'annotated' || c.kind === 'placeholder');
}

function wholeLine(line: RawLine): Range {
  return { start: { line: line.line, character: 0 }, end: { line: line.line, character: line.text.length } };
}

// ---------------------------------------------------------------- value windows

interface TableShape {
  /** blanks stand for zero somewhere between numbers: the grid is positional */
  sparse: boolean;
  /** most common cell count of the table's row lines */
  width: number;
}

function shapeOf(lines: LineCells[], k: number): TableShape {
  let sparse = false;
  const widths = new Map<number, number>();
  for (const lc of lines) {
    if (!hasValue(lc.tail)) continue;
    widths.set(lc.cells.length, (widths.get(lc.cells.length) ?? 0) + 1);
    const t = lc.tail;
    let first = -1;
    let last = -1;
    for (let i = 0; i < t.length; i++) {
      if (t[i].kind !== 'blank') {
        if (first < 0) first = i;
        last = i;
      }
    }
    for (let i = first + 1; i < last; i++) if (t[i].kind === 'blank') sparse = true;
  }
  let width = 0;
  let best = 0;
  for (const [w, n] of widths) if (n > best || (n === best && w > width)) [width, best] = [w, n];
  return { sparse, width: width >= k ? width : 0 };
}

/** The row's value cells, aligned to k columns: present cells, then 'missing' cells at the end. */
function windowOf(lc: LineCells, tail: Cell[], k: number, shape: TableShape): { cells: Cell[]; extra: Cell[]; present: number } {
  let t = tail;
  if (shape.sparse && shape.width && lc.cells.length === shape.width && lc.last < shape.width - k) {
    t = lc.cells.slice(shape.width - k);
  } else {
    // not on the table's grid (merged cells lost, or a dense table): blanks before the first value
    // are spacers; blanks after the last count only while the row would otherwise be short (a
    // blank 总计 at the end of the line)
    t = [...tail];
    while (t.length && t[0].kind === 'blank') t.shift();
    while (t.length > k && t[t.length - 1].kind === 'blank') t.pop();
  }
  const present = t.length;
  const cells = t.slice(0, k);
  const extra = t.slice(k);
  if (cells.length < k) {
    const lastCell = cells[cells.length - 1];
    const at = lastCell ? lastCell.range.end.character : lc.line.text.length;
    while (cells.length < k) cells.push(missingCell(lc.line.line, at));
  }
  return { cells, extra, present };
}

// ---------------------------------------------------------------- row matching

interface MatchContext {
  group?: string;
}

type RowMatch = { row: RowTemplate; note?: string } | undefined;

function stripNumbering(label: string): string {
  return label.replace(CHAPTER_RE, '').replace(ORDINAL_RE, '').replace(SUB_RE, '');
}

function numbering(label: string): { chapter?: string; ordinal?: string; sub?: number } {
  const chapter = CHAPTER_RE.exec(label)?.[1];
  // the last （X） and the last "N." / "N、" of the label
  let ordinal: string | undefined;
  let sub: number | undefined;
  let m: RegExpExecArray | null;
  if (label.includes('（')) {
    ORDINAL_RE.lastIndex = 0;
    while ((m = ORDINAL_RE.exec(label))) ordinal = `（${m[1]}）`;
  }
  SUB_RE.lastIndex = 0;
  while ((m = SUB_RE.exec(label))) sub = Number(m[1]);
  return { chapter, ordinal, sub };
}

/**
 * Label matching is pure given the label and the group context, and real reports repeat the same
 * few dozen labels (and the server re-reads the same document at every pause in typing), so the
 * answers are memoised per template block, in a bounded map.
 */
const matchMemo = new WeakMap<BlockTemplate, Map<string, { group?: string; result: RowMatch | 'group' }>>();
const MATCH_MEMO_SIZE = 4096;

function matchRow(label: string, block: BlockTemplate, ctx: MatchContext, updateCtx: boolean): RowMatch | 'group' {
  if (!label) return undefined;
  let memo = matchMemo.get(block);
  if (!memo) matchMemo.set(block, (memo = new Map()));
  const key = `${ctx.group ?? ''}\u0000${label}`;
  let hit = memo.get(key);
  if (!hit) {
    if (memo.size >= MATCH_MEMO_SIZE) memo.clear();
    hit = matchRowUncached(label, block, ctx.group);
    memo.set(key, hit);
  }
  if (updateCtx && hit.group) ctx.group = hit.group;
  return hit.result;
}

function matchRowUncached(
  label: string,
  block: BlockTemplate,
  ctxGroup: string | undefined,
): { group?: string; result: RowMatch | 'group' } {
  const num = numbering(label);
  const groups = block.groups ?? [];
  const group =
    (num.ordinal ? groups.find((g) => g.id === num.ordinal) : undefined) ?? groups.find((g) => g.match.some((m) => label.includes(m)));
  return { group: group?.id, result: matchRowIn(label, block, num, group, ctxGroup) };
}

function matchRowIn(
  label: string,
  block: BlockTemplate,
  num: ReturnType<typeof numbering>,
  group: { id: string } | undefined,
  ctxGroup: string | undefined,
): RowMatch | 'group' {
  let best: RowTemplate | undefined;
  let bestScore = 0;
  let bare: string | undefined; // the label without its numbering, computed when a row needs it
  for (const row of block.rows) {
    let score = 0;
    for (const m of row.match) if (m.length > score && label.includes(m)) score = m.length;
    if (row.exact?.includes((bare ??= stripNumbering(label)))) score = 100;
    if (score > bestScore) {
      best = row;
      bestScore = score;
    }
  }
  if (best) return { row: best };
  if (num.sub !== undefined) {
    const g = group?.id ?? ctxGroup;
    const row = block.rows.find((r) => r.group === g && r.sub === num.sub);
    if (row) return { row, note: 'label incomplete: read by its number' };
  }
  if (num.ordinal) {
    const row = block.rows.find((r) => r.ordinal === num.ordinal);
    if (row) return { row };
    if (group) return 'group';
  }
  if (num.chapter) {
    const row = block.rows.find((r) => r.chapter === num.chapter);
    if (row) return { row };
  }
  if (group) return 'group';
  return undefined;
}

function spec(row: RowTemplate): RowSpec {
  const r: RowSpec = { id: row.id, label: row.label };
  if (row.derived) r.derived = true;
  if (row.group) r.group = row.group;
  if (row.sub !== undefined) r.sub = row.sub;
  return r;
}

// ---------------------------------------------------------------- layouts

function alignRows(lines: LineCells[], table: TableTemplate, out: Table): void {
  const block = table.blocks[0];
  const k = block.columns.length;
  const ctx: MatchContext = {};
  const assigned = new Map<string, TableRow>();
  const labelSeen = new Map<string, Range>();
  const candidates = lines.filter((lc) => !isFooter(lc));
  const shape = shapeOf(candidates, k);
  let pending: LineCells[] = [];
  const pendingRows = new Map<string, { row: RowTemplate; at: Range }>();

  const place = (lc: LineCells, row: RowTemplate, tail: Cell[], labelRange: Range | undefined, note?: string) => {
    if (assigned.has(row.id)) {
      out.unknown.push({ range: wholeLine(lc.line), labelRange: labelRange ?? wholeLine(lc.line), label: lc.label, reason: 'duplicate' });
      return;
    }
    const w = windowOf(lc, tail, k, shape);
    const r: TableRow = {
      spec: spec(row),
      lineRange: wholeLine(lc.line),
      labelRange: labelRange ?? { start: { line: lc.line.line, character: 0 }, end: { line: lc.line.line, character: 0 } },
      cells: w.cells,
      extra: w.extra,
      valueCount: w.present,
    };
    if (note) r.note = note;
    ambiguity(r, block);
    assigned.set(row.id, r);
  };

  const singleValue = (x: LineCells | undefined): Cell | undefined => {
    if (!x || x.last >= 0) return undefined;
    const v = x.cells.filter((c) => c.kind !== 'blank');
    return v.length === 1 && v[0].kind !== 'text' ? v[0] : undefined;
  };
  for (let idx = 0; idx < candidates.length; idx++) {
    const lc = candidates[idx];
    let values = hasValue(lc.tail);
    if (!values && lc.label && lc.tail.length >= k - 1) {
      // a row written with blanks only (blank = 0): a label that names a row, then a full row of blanks
      const m = matchRow(lc.label, block, {}, false);
      values = !!m && m !== 'group';
    }
    if (!values) {
      if (!lc.label) continue;
      // a label-only line: a header, a torn label, or a row whose values are elsewhere
      const prev = pending[pending.length - 1];
      for (const text of prev ? [lc.label, prev.label + lc.label] : [lc.label]) {
        const m = matchRow(text, block, ctx, text === lc.label);
        const at = text === lc.label ? lc.labelRange : prev?.labelRange;
        if (m && m !== 'group' && at && !labelSeen.has(m.row.id)) labelSeen.set(m.row.id, at);
        if (m && m !== 'group' && at) pendingRows.set(m.row.id, { row: m.row, at });
      }
      pending.push(lc);
      continue;
    }
    if (lc.last < 0) {
      // values without a label: attach to the label just above only when that is one whole label
      // the rows the label-only lines above name (a group heading such as （三）不予公开 names none):
      // exactly one, or the values cannot be placed
      const named = [...pendingRows.values()];
      const m = named.length === 1 ? { row: named[0].row } : undefined;
      const denseCount = lc.tail.filter((c) => c.kind !== 'blank').length;
      // one value per line under the label (PDF text in reading order): exactly a row's worth
      const vertical: Cell[] = [];
      if (m && !assigned.has(m.row.id) && denseCount === 1) {
        for (let j = idx; vertical.length < k && singleValue(candidates[j]); j++) vertical.push(singleValue(candidates[j])!);
        if (vertical.length < k || singleValue(candidates[idx + k])) vertical.length = 0;
      }
      if (m && !assigned.has(m.row.id) && denseCount === k) {
        place(lc, m.row, lc.tail, named[0].at, 'label on the line above');
      } else if (m && vertical.length === k) {
        place({ ...lc, cells: vertical, tail: vertical }, m.row, vertical, named[0].at, 'one value per line');
        idx += k - 1;
      } else {
        out.unknown.push({ range: wholeLine(lc.line), labelRange: wholeLine(lc.line), label: '', reason: 'no-label' });
      }
      pending = [];
      pendingRows.clear();
      continue;
    }
    let m = matchRow(lc.label, block, ctx, true);
    let labelRange = lc.labelRange;
    if ((!m || m === 'group') && pending.length) {
      const joined = matchRow(pending.map((p) => p.label).join('') + lc.label, block, ctx, false);
      if (joined && joined !== 'group') {
        m = { row: joined.row, note: 'label split over lines' };
        labelRange = pending.find((p) => p.labelRange)?.labelRange ?? labelRange;
      }
    }
    if (m === 'group') {
      // a group label with values but no sub-row label: the merged first sub-row lost its label
      const first = block.rows.find((r) => r.group === ctx.group && r.sub === 1);
      if (first && !assigned.has(first.id)) m = { row: first, note: `label lost: read as ${first.label}` };
      else m = undefined;
    }
    if (m) place(lc, m.row, lc.tail, labelRange, m.note);
    else
      out.unknown.push({
        range: wholeLine(lc.line),
        labelRange: lc.labelRange ?? wholeLine(lc.line),
        label: lc.label,
        reason: 'unmatched',
      });
    pending = [];
    pendingRows.clear();
  }

  const rows: TableRow[] = [];
  for (const row of block.rows) {
    const r = assigned.get(row.id);
    if (r) rows.push(r);
    else out.missingRows.push({ block: block.id, row: spec(row), labelSeenAt: labelSeen.get(row.id) });
  }
  out.blocks.push({
    id: block.id,
    label: block.label,
    columns: block.columns.map(colSpec),
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

function colSpec(c: BlockTemplate['columns'][number]) {
  return { id: c.id, label: c.label, kind: c.kind, derived: c.derived };
}

function alignFlat(lines: LineCells[], table: TableTemplate, out: Table): void {
  const block = table.blocks[0];
  const per = block.columns.length;
  const k = per * block.rows.length;
  // data lines: values only, or a short label ("数量", "件数") followed by at least one group of values
  const data = lines
    .filter((lc) => !isFooter(lc) && hasValue(lc.tail) && (lc.last < 0 || lc.tail.filter((c) => c.kind !== 'blank').length >= per))
    .map((lc) => (lc.last < 0 ? lc : { ...lc, cells: lc.tail }));
  const block0: TableBlock = { id: block.id, label: block.label, columns: block.columns.map(colSpec), rows: [] };
  out.blocks.push(block0);
  if (!data.length) {
    for (const row of block.rows) out.missingRows.push({ block: block.id, row: spec(row) });
    return;
  }
  // one line of 15 values, or the three groups on lines of their own
  const used: LineCells[] = [];
  let cells: Cell[] = [];
  for (const lc of data) {
    used.push(lc);
    const t = [...lc.cells];
    while (t.length && t[t.length - 1].kind === 'blank' && cells.length + t.length > k) t.pop();
    cells = cells.concat(t);
    if (cells.length >= k) break;
  }
  const shape = shapeOf(used, k);
  if (!shape.sparse) cells = cells.filter((c, i) => !(c.kind === 'blank' && i === 0));
  const lastLine = used[used.length - 1];
  const w = windowOf(lastLine, cells, k, { sparse: true, width: 0 });
  for (let r = 0; r < block.rows.length; r++) {
    const rowCells = w.cells.slice(r * per, (r + 1) * per);
    const lineOf = rowCells.find((c) => c.kind !== 'missing')?.range.start.line ?? lastLine.line.line;
    const line = used.find((u) => u.line.line === lineOf) ?? lastLine;
    block0.rows.push({
      spec: spec(block.rows[r]),
      lineRange: wholeLine(line.line),
      labelRange: { start: rowCells[0].range.start, end: rowCells[rowCells.length - 1].range.end },
      cells: rowCells,
      extra: r === block.rows.length - 1 ? w.extra : [],
      valueCount: Math.max(0, Math.min(per, w.present - r * per)),
    });
  }
}

const DECIMAL_RULE_RE = /保留\s*(\d+)\s*位小数/;

const headingCache = new WeakMap<BlockTemplate, string[]>();
/** a block's heading phrases, normalised once per template (not once per line) */
function normalizedHeadings(b: BlockTemplate): string[] {
  let h = headingCache.get(b);
  if (!h) headingCache.set(b, (h = (b.heading ?? []).map(normalizeLabel)));
  return h;
}

function alignBlocks(lines: LineCells[], table: TableTemplate, out: Table): void {
  let current: { tpl: BlockTemplate; block: TableBlock; positions?: number[] } | undefined;
  const byId = new Map<string, { tpl: BlockTemplate; block: TableBlock; positions?: number[] }>();
  for (const lc of lines) {
    if (isFooter(lc)) continue;
    const text = normalizeLabel(lc.line.text);
    const heading = table.blocks.find((b) => normalizedHeadings(b).some((h) => text.startsWith(h)));
    if (heading) {
      current = byId.get(heading.id);
      if (!current) {
        current = {
          tpl: heading,
          block: { id: heading.id, label: heading.label, columns: heading.columns.map(colSpec), rows: [], headingRange: lc.labelRange },
        };
        byId.set(heading.id, current);
      }
      continue;
    }
    // a header line: 信息内容 + column names
    if (
      /信息内容/.test(text) ||
      (current && !hasValue(lc.cells) && current.tpl.columns.some((c) => c.match.some((m) => text.includes(m))))
    ) {
      const target = current ?? undefined;
      if (target) {
        const positions: number[] = [];
        target.tpl.columns.forEach((c, i) => {
          const idx = lc.cells.findIndex((cell) => c.match.some((m) => normalizeLabel(cell.raw).includes(m)));
          positions[i] = idx;
        });
        if (positions.every((p) => p >= 0) && positions.every((p, i) => i === 0 || p > positions[i - 1])) target.positions = positions;
        const rule = DECIMAL_RULE_RE.exec(lc.line.text);
        // the same bounds as the config's decimalPlaces: "保留99999999999999999999位小数" is no rule
        if (rule && Number(rule[1]) <= 10) target.block.decimalRule = Number(rule[1]);
      }
      continue;
    }
    if (!lc.label || !hasValue(lc.tail)) continue;
    // which block's row: the current block first, then any block (a heading may be missing)
    const order = current ? [current.tpl, ...table.blocks.filter((b) => b !== current!.tpl)] : table.blocks;
    let found: { tpl: BlockTemplate; row: RowTemplate } | undefined;
    for (const tpl of order) {
      let best: RowTemplate | undefined;
      let score = 0;
      for (const r of tpl.rows) for (const m of r.match) if (m.length > score && lc.label.includes(m)) [best, score] = [r, m.length];
      if (best) {
        found = { tpl, row: best };
        break;
      }
    }
    if (!found) {
      out.unknown.push({
        range: wholeLine(lc.line),
        labelRange: lc.labelRange ?? wholeLine(lc.line),
        label: lc.label,
        reason: 'unmatched',
      });
      continue;
    }
    let entry = byId.get(found.tpl.id);
    if (!entry) {
      entry = { tpl: found.tpl, block: { id: found.tpl.id, label: found.tpl.label, columns: found.tpl.columns.map(colSpec), rows: [] } };
      byId.set(found.tpl.id, entry);
    }
    if (entry.block.rows.some((r) => r.spec.id === found!.row.id)) {
      out.unknown.push({
        range: wholeLine(lc.line),
        labelRange: lc.labelRange ?? wholeLine(lc.line),
        label: lc.label,
        reason: 'duplicate',
      });
      continue;
    }
    const k = found.tpl.columns.length;
    let cells: Cell[];
    let present: number;
    let extra: Cell[] = [];
    const pos = entry.positions;
    if (pos && lc.last < pos[0]) {
      // read each column at its header position, looking right over the header's merged span
      cells = pos.map((p, i) => {
        const end = i + 1 < pos.length ? pos[i + 1] : lc.cells.length;
        for (let j = p; j < Math.max(end, p + 1) && j < lc.cells.length; j++) if (lc.cells[j].kind !== 'blank') return lc.cells[j];
        return lc.cells[p] ?? missingCell(lc.line.line, lc.line.text.length);
      });
      present = cells.filter((c) => c.kind !== 'missing').length;
    } else {
      const t = lc.tail.filter((c, i, all) => c.kind !== 'blank' || all.slice(i).some((x) => x.kind !== 'blank'));
      while (t.length && t[0].kind === 'blank') t.shift();
      present = t.length;
      cells = t.slice(0, k);
      extra = t.slice(k);
      const at = cells.length ? cells[cells.length - 1].range.end.character : lc.line.text.length;
      while (cells.length < k) cells.push(missingCell(lc.line.line, at));
    }
    entry.block.rows.push({
      spec: spec(found.row),
      lineRange: wholeLine(lc.line),
      labelRange: lc.labelRange ?? wholeLine(lc.line),
      cells,
      extra,
      valueCount: present,
    });
  }
  for (const tpl of table.blocks) {
    const entry = byId.get(tpl.id);
    if (entry) {
      entry.block.rows.sort((a, b) => tpl.rows.findIndex((r) => r.id === a.spec.id) - tpl.rows.findIndex((r) => r.id === b.spec.id));
      out.blocks.push(entry.block);
    }
    for (const row of tpl.rows) {
      if (!entry?.block.rows.some((r) => r.spec.id === row.id)) out.missingRows.push({ block: tpl.id, row: spec(row) });
    }
  }
}

// ---------------------------------------------------------------- regions

function regionOf(
  table: TableTemplate,
  sections: Section[],
  lines: RawLine[],
): { from: number; to: number; heading?: Range; inline: boolean } | undefined {
  const s = sections.find((x) => x.index === table.section);
  if (!s) return undefined;
  const inline = s.range.start.line === s.range.end.line && lines[s.range.start.line].text.length > 400;
  return { from: s.headingRange.start.line + (inline ? 0 : 1), to: s.range.end.line, heading: s.headingRange, inline };
}

export function buildTables(lines: RawLine[], sections: Section[], template: Template): Table[] {
  const tables: Table[] = [];
  for (const t of template.tables) {
    const region = regionOf(t, sections, lines);
    if (!region) continue;
    const headingRange = region.heading ?? wholeLine(lines[region.from]);
    const endLine = lines[region.to];
    const table: Table = {
      id: t.id as TableId,
      title: t.title,
      headingRange,
      range: { start: headingRange.start, end: { line: region.to, character: endLine.text.length } },
      blocks: [],
      unknown: [],
      missingRows: [],
    };
    tables.push(table);
    const lcs: LineCells[] = [];
    let cellular = 0;
    for (let i = region.from; i <= region.to; i++) {
      const lc = lineCells(lines[i]);
      if (lc.cells.length >= 2) cellular++;
      lcs.push(lc);
    }
    if (region.inline || cellular === 0) {
      const text = region.inline ? lines[region.from].text.slice(region.heading?.end.character ?? 0) : lcs.map((l) => l.line.text).join('');
      if (/\d{4,}/.test(text) || region.inline) {
        table.unreadable = { reason: 'no cell separators: the figures run together and cannot be told apart' };
        continue;
      }
    }
    if (t.layout === 'rows') alignRows(lcs, t, table);
    else if (t.layout === 'flat') alignFlat(lcs, t, table);
    else alignBlocks(lcs, t, table);
  }
  return tables;
}
