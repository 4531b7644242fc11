// The checks across reports (batch rules carry-over, stock-carry-over, duplicate-report): the
// reports of one run (the CLI's files) or of a workspace (the editor), each reduced to its facts
// (facts.ts). Reports are indexed by body + year once, so a batch is linear in its size: each
// report looks up the one report of its body for the year before. Two reports of the same body
// and year are both told (duplicate-report) and neither is compared across years.
import type { Config } from '../config';
import type { Finding, Severity } from '../model';
import { carryOver } from '../rules/carry-over';
import { duplicateReport } from '../rules/duplicate-report';
import { stockCarryOver } from '../rules/stock-carry-over';
import type { BatchRule } from '../rules/types';
import type { CellFact, ReportFacts } from './facts';

export { bodyAndYear, type CellFact, type ReportFacts, reportFacts, type StockFact } from './facts';

export interface BatchEntry {
  /** how findings name the report (the path as given on the command line, a URI in the editor) */
  file: string;
  /** how messages name the report (default: `file`; the editor gives a URI's file name) */
  name?: string;
  facts?: ReportFacts;
  /** the report's own configuration: its rule settings apply to its findings */
  config?: Config;
}

const nameOf = (e: BatchEntry) => e.name ?? e.file;
const keyOf = (body: string, year: number) => `${body}\u0000${year}`;

function severityOf(rule: BatchRule, config: Config | undefined): Severity | undefined {
  const s = config?.rules[rule.code];
  return s === 'off' ? undefined : (s ?? rule.severity);
}

/** Every cross-report finding, per entry (the same order as `entries`). */
export function compareReports(entries: readonly BatchEntry[]): Finding[][] {
  const out: Finding[][] = entries.map(() => []);
  const byKey = new Map<string, number[]>();
  entries.forEach((e, i) => {
    if (!e.facts) return;
    const k = keyOf(e.facts.body, e.facts.year);
    const list = byKey.get(k);
    if (list) list.push(i);
    else byKey.set(k, [i]);
  });
  entries.forEach((e, i) => {
    const facts = e.facts;
    if (!facts) return;
    const same = byKey.get(keyOf(facts.body, facts.year))!;
    if (same.length > 1) {
      const sev = severityOf(duplicateReport, e.config);
      if (sev)
        out[i].push(
          duplicate(
            e,
            same.filter((j) => j !== i).map((j) => entries[j]),
            sev,
          ),
        );
      return;
    }
    const prev = byKey.get(keyOf(facts.body, facts.year - 1));
    if (prev?.length !== 1) return;
    const last = entries[prev[0]];
    const co = severityOf(carryOver, e.config);
    if (co) out[i].push(...carry(facts, last, co));
    const st = severityOf(stockCarryOver, e.config);
    if (st) out[i].push(...stock(facts, last, st));
  });
  return out;
}

function duplicate(e: BatchEntry, others: BatchEntry[], severity: Severity): Finding {
  const f = e.facts!;
  const names = others.map(nameOf).join(', ');
  return {
    code: duplicateReport.code,
    severity,
    message: {
      zh: `${names} 也是${f.body}${f.year}年度的报告：两者均不与其他年度比较`,
      en: `${names} is also ${f.body}'s report for ${f.year}: neither is compared with other years`,
    },
    range: f.titleRange,
    related: others.map((o) => ({ file: o.file, range: o.facts!.titleRange, label: `${o.facts!.body} ${o.facts!.year}` })),
  };
}

const comparable = (c: CellFact | undefined): c is CellFact & { value: number } => c?.value !== undefined;

function carry(facts: ReportFacts, last: BatchEntry, severity: Severity): Finding[] {
  const prev = last.facts!;
  const file = nameOf(last);
  const out: Finding[] = [];
  if (!facts.carriedIn || !prev.carriedOut) return out;
  facts.carriedIn.forEach((cell, i) => {
    const before = prev.carriedOut![i];
    if (!comparable(cell) || !comparable(before) || cell.value === before.value) return;
    out.push({
      code: carryOver.code,
      severity,
      message: {
        zh: `上年结转（${cell.column}）为 ${cell.value}，但 ${file}（${prev.year}年）的结转下年度继续办理为 ${before.value}`,
        en: `carried over (${cell.column}) is ${cell.value}, but ${file} (${prev.year}) carried ${before.value} over to this year`,
      },
      range: cell.range,
      table: '三',
      row: cell.row,
      column: cell.column,
      expected: before.value,
      actual: cell.value,
      related: [{ file: last.file, range: before.range, label: `${before.row} / ${before.column}`, value: before.value }],
    });
  });
  return out;
}

function stock(facts: ReportFacts, last: BatchEntry, severity: Severity): Finding[] {
  const prev = last.facts!;
  const file = nameOf(last);
  const out: Finding[] = [];
  if (!facts.stock || !prev.stock) return out;
  for (const s of facts.stock) {
    const before = prev.stock.find((p) => p.row === s.row);
    if (!before || !comparable(s.inForce) || !comparable(before.inForce) || !comparable(s.issued) || !comparable(s.repealed)) continue;
    const expected = before.inForce.value + s.issued.value - s.repealed.value;
    if (expected === s.inForce.value) continue;
    out.push({
      code: stockCarryOver.code,
      severity,
      message: {
        zh: `${s.row}现行有效件数为 ${s.inForce.value}，但 ${file}（${prev.year}年）的 ${before.inForce.value} + 本年制发 ${s.issued.value} − 本年废止 ${s.repealed.value} = ${expected}`,
        en: `${s.row}: ${s.inForce.value} in force, but ${file} (${prev.year}) had ${before.inForce.value}, + ${s.issued.value} issued − ${s.repealed.value} repealed = ${expected}`,
      },
      range: s.inForce.range,
      table: '二',
      block: '（一）',
      row: s.inForce.row,
      column: s.inForce.column,
      expected,
      actual: s.inForce.value,
      related: [
        {
          file: last.file,
          range: before.inForce.range,
          label: `${before.inForce.row} / ${before.inForce.column}`,
          value: before.inForce.value,
        },
        { range: s.issued.range, label: `${s.issued.row} / ${s.issued.column}`, value: s.issued.value },
        { range: s.repealed.range, label: `${s.repealed.row} / ${s.repealed.column}`, value: s.repealed.value },
      ],
    });
  }
  return out;
}
