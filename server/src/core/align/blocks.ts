// The `blocks` layout (table 二): 第二十条 blocks, each introduced by a heading line and a header
// line (信息内容 + column names) whose positions say where each column's value stands, and which may
// state a decimal rule (保留4位小数). A row names its block by its label (the current block first: a
// heading may be missing).
import { missingCell } from '../cells';
import type { Cell, Table, TableBlock } from '../model';
import { normalizeLabel } from '../normalize';
import type { BlockTemplate, RowTemplate, TableTemplate } from '../templates/index';
import { type ClassifiedLine, hasValue, isFooter } from './lines';
import { matchRowLabel } from './match';
import { cellsLost, columnSpec, LOST_CHARACTER, padMissing, rowSpec, unknownLine, wholeLine } from './values';

const DECIMAL_RULE_RE = /保留\s*(\d+)\s*位小数/;

const headingCache = new WeakMap<BlockTemplate, string[]>();
/** a block's heading phrases, normalised once per template (not once per line) */
function normalizedHeadings(b: BlockTemplate): string[] {
  let h = headingCache.get(b);
  if (!h) headingCache.set(b, (h = (b.heading ?? []).map(normalizeLabel)));
  return h;
}

interface BlockEntry {
  tpl: BlockTemplate;
  block: TableBlock;
  /** the cell index of each column in the block's header line */
  positions?: number[];
}

export function alignBlocks(lines: ClassifiedLine[], table: TableTemplate, out: Table): void {
  let current: BlockEntry | undefined;
  const byId = new Map<string, BlockEntry>();
  for (const lc of lines) {
    if (isFooter(lc)) continue;
    const text = normalizeLabel(lc.line.text);
    const heading = table.blocks.find((b) => normalizedHeadings(b).some((h) => text.startsWith(h)));
    if (heading) {
      current = byId.get(heading.id);
      if (!current) {
        current = {
          tpl: heading,
          block: { id: heading.id, label: heading.label, columns: heading.columns.map(columnSpec), rows: [], headingRange: lc.labelRange },
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
      if (current) {
        const positions: number[] = [];
        current.tpl.columns.forEach((c, i) => {
          const idx = lc.cells.findIndex((cell) => c.match.some((m) => normalizeLabel(cell.raw).includes(m)));
          positions[i] = idx;
        });
        if (positions.every((p) => p >= 0) && positions.every((p, i) => i === 0 || p > positions[i - 1])) current.positions = positions;
        const rule = DECIMAL_RULE_RE.exec(lc.line.text);
        // the same bounds as the config's decimalPlaces: "保留99999999999999999999位小数" is no rule
        if (rule && Number(rule[1]) <= 10) current.block.decimalRule = Number(rule[1]);
      }
      continue;
    }
    if (!lc.label || !hasValue(lc.values)) continue;
    // which block's row: the current block first, then any block (a heading may be missing)
    const order = current ? [current.tpl, ...table.blocks.filter((b) => b !== current!.tpl)] : table.blocks;
    let found: { tpl: BlockTemplate; row: RowTemplate } | undefined;
    for (const tpl of order) {
      const m = matchRowLabel(lc.label, tpl);
      if (m.kind === 'row') {
        found = { tpl, row: m.row };
        break;
      }
    }
    if (!found) {
      out.unknown.push(unknownLine(lc, 'unmatched'));
      continue;
    }
    let entry = byId.get(found.tpl.id);
    if (!entry) {
      entry = { tpl: found.tpl, block: { id: found.tpl.id, label: found.tpl.label, columns: found.tpl.columns.map(columnSpec), rows: [] } };
      byId.set(found.tpl.id, entry);
    }
    if (entry.block.rows.some((r) => r.spec.id === found!.row.id)) {
      out.unknown.push(unknownLine(lc, 'duplicate'));
      continue;
    }
    const k = found.tpl.columns.length;
    let cells: Cell[];
    let valueCount: number;
    let extra: Cell[] = [];
    const pos = entry.positions;
    const byPosition = pos !== undefined && lc.labelEnd < pos[0];
    if (pos && byPosition) {
      // read each column at its header position, looking right over the header's merged span
      cells = pos.map((p, i) => {
        const end = i + 1 < pos.length ? pos[i + 1] : lc.cells.length;
        for (let j = p; j < Math.max(end, p + 1) && j < lc.cells.length; j++) if (lc.cells[j].kind !== 'blank') return lc.cells[j];
        return lc.cells[p] ?? missingCell(lc.line.line, lc.line.text.length);
      });
      valueCount = cells.filter((c) => c.kind !== 'missing').length;
    } else {
      const t = lc.values.filter((c, i, all) => c.kind !== 'blank' || all.slice(i).some((x) => x.kind !== 'blank'));
      while (t.length && t[0].kind === 'blank') t.shift();
      valueCount = t.length;
      cells = padMissing(t.slice(0, k), k, lc.line);
      extra = t.slice(k);
    }
    // read by header position, a damaged line is never sure: a lost tab shifts every later cell
    const lost = lc.damaged && (byPosition || cellsLost([lc], valueCount, extra.length, k));
    if (lost) out.unsure ??= { reason: LOST_CHARACTER };
    entry.block.rows.push({
      spec: rowSpec(found.row),
      lineRange: wholeLine(lc.line),
      labelRange: lc.labelRange ?? wholeLine(lc.line),
      cells,
      extra,
      valueCount,
      ...(lost ? { uncertain: true, note: LOST_CHARACTER } : {}),
    });
  }
  for (const tpl of table.blocks) {
    const entry = byId.get(tpl.id);
    if (entry) {
      entry.block.rows.sort((a, b) => tpl.rows.findIndex((r) => r.id === a.spec.id) - tpl.rows.findIndex((r) => r.id === b.spec.id));
      out.blocks.push(entry.block);
    }
    for (const row of tpl.rows) {
      if (!entry?.block.rows.some((r) => r.spec.id === row.id)) out.missingRows.push({ block: tpl.id, row: rowSpec(row) });
    }
  }
}
