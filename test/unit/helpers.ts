// Shared test helpers: a consistent generated report and ways to damage it line by line.
import { analyze, type Finding } from '../../server/src/core/index';
import { generateReport } from '../support/report';

export function base(seed = 7, format: '2021' | '2019' = '2021') {
  return generateReport(seed, format);
}

export function lines(text: string): string[] {
  return text.split('\n');
}

/** The index of the first line containing `needle`. */
export function lineOf(text: string | string[], needle: string): number {
  const ls = Array.isArray(text) ? text : lines(text);
  const i = ls.findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`no line contains ${needle}`);
  return i;
}

/** Replaces cell `col` (0-based, counting every tab-separated cell) of the line containing `needle`. */
export function setCell(text: string, needle: string, col: number, value: string): string {
  const ls = lines(text);
  const i = lineOf(ls, needle);
  const cells = ls[i].split('\t');
  cells[col] = value;
  ls[i] = cells.join('\t');
  return ls.join('\n');
}

export function editLine(text: string, needle: string, f: (line: string) => string | string[]): string {
  const ls = lines(text);
  const i = lineOf(ls, needle);
  const r = f(ls[i]);
  ls.splice(i, 1, ...(Array.isArray(r) ? r : [r]));
  return ls.join('\n');
}

export function codes(text: string): string[] {
  return analyze(text).findings.map((f) => f.code);
}

/** What a finding says, without where: two texts of one report (one damaged, one clean) compare by it. */
export function findingKey(f: Finding): string {
  return `${f.code}|${f.table}|${f.row}|${f.column}|${f.expected}|${f.actual}`;
}

/** The findings of `text` by findingKey, sorted. */
export function findingKeys(text: string): string[] {
  return analyze(text).findings.map(findingKey).sort();
}

export function summary(f: Finding): string {
  return `${f.code}@${f.range.start.line}:${f.range.start.character} ${f.row ?? ''}/${f.column ?? ''}`;
}
