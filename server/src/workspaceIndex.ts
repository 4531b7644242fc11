// The workspace's reports for the checks across reports in the editor (carry-over,
// stock-carry-over, duplicate-report: the core's compareReports, as the CLI). Two layers of each
// report's facts (body + year from its title, the carry-over cells): the disk layer, from the
// files the client reads for the server (features/workspaceIndex.ts), and the open-document
// layer, from the analysis of each open document's current version; an open document wins over
// its disk copy. A document opened through "Open as Disclosure Report" (DOCUMENT_SCHEME, the
// original's URI as query) is its original file's report: both are kept under the original's URI
// (`reportKey`), so they never count as two reports. Only facts are kept, never analyses or texts. When a report's facts change, the
// open reports they bear on (same body; the same year or the year after) are told (`onAffected`),
// so their diagnostics are published again. Off (no finding across reports) unless the client
// reads the workspace's files for the server (initializationOptions.workspaceReports).
import {
  type Analysis,
  analyze,
  type BatchEntry,
  type CellFact,
  type Config,
  compareReports,
  contains,
  type Finding,
  type Position,
  type ReportFacts,
  reportFacts,
} from './core/index';
import { DOCUMENT_SCHEME, isDocumentUri } from './protocol';

/** the disk layer holds at most this many files and characters (about 12 MB of UTF-8 Chinese) */
export const MAX_FILES = 2000;
export const MAX_CHARS = 4_000_000;

/** how messages and hovers name a report: its URI's file name */
export function fileName(uri: string): string {
  const base =
    uri
      .replace(/[?#].*$/, '')
      .replace(/\/+$/, '')
      .split('/')
      .pop() ?? uri;
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

/**
 * the index's key of a report: its URI, or for the view of a document (DOCUMENT_SCHEME, built by
 * client/src/documents.ts viewUriOf) the original file's URI, its query
 */
export function reportKey(uri: string): string {
  if (!uri.startsWith(`${DOCUMENT_SCHEME}:`)) return uri;
  const q = uri.indexOf('?');
  if (q < 0) return uri;
  const query = uri.slice(q + 1).replace(/#.*$/, '');
  try {
    return decodeURIComponent(query) || uri;
  } catch {
    return uri;
  }
}

/**
 * the URI of a document's view (what viewUriOf in client/src/documents.ts makes: DOCUMENT_SCHEME,
 * the original's path, the original's URI as query): where a finding's `related` cell in its
 * report text is, the file itself being bytes
 */
export function documentViewUri(original: string): string {
  const path = /^[a-z][\w+.-]*:(?:\/\/[^/?#]*)?([^?#]*)/i.exec(original)?.[1] ?? '';
  return `${DOCUMENT_SCHEME}:${path}?${encodeURIComponent(original)}`;
}

const sameFacts = (a?: ReportFacts, b?: ReportFacts) => a === b || JSON.stringify(a) === JSON.stringify(b);

export class WorkspaceIndex {
  private disk = new Map<string, { facts?: ReportFacts; chars: number }>();
  /** by reportKey: the open document's own URI (a document's view) and its facts */
  private open = new Map<string, { uri: string; facts?: ReportFacts }>();
  private ofAnalysis = new WeakMap<Analysis, ReportFacts | null>();
  /** characters of the disk layer's files */
  chars = 0;
  enabled = false;
  private listeners: ((uris: string[]) => void)[] = [];

  /** `listener` gets the open reports whose cross-report findings may have changed */
  onAffected(listener: (uris: string[]) => void): void {
    this.listeners.push(listener);
  }

  get size(): number {
    return this.disk.size;
  }

  factsOf(uri: string): ReportFacts | undefined {
    const key = reportKey(uri);
    const open = this.open.get(key);
    return open ? open.facts : this.disk.get(key)?.facts;
  }

  /** a workspace file's text (undefined: deleted). false: not added, the index is full */
  setFile(uri: string, text: string | undefined): boolean {
    const before = this.factsOf(uri);
    const old = this.disk.get(uri);
    if (old) this.chars -= old.chars;
    this.disk.delete(uri);
    let added = true;
    if (text !== undefined) {
      added = this.disk.size < MAX_FILES && this.chars + text.length <= MAX_CHARS;
      if (added) {
        this.disk.set(uri, { facts: reportFacts(analyze(text)), chars: text.length });
        this.chars += text.length;
      }
    }
    this.changed(uri, before);
    return added;
  }

  /** the analysis of an open document's current version */
  setOpen(uri: string, analysis: Analysis): void {
    let facts = this.ofAnalysis.get(analysis);
    if (facts === undefined) this.ofAnalysis.set(analysis, (facts = reportFacts(analysis) ?? null));
    const key = reportKey(uri);
    const before = this.factsOf(key);
    this.open.set(key, { uri, facts: facts ?? undefined });
    this.changed(key, before);
  }

  /** an open document was closed: its disk copy, if any, counts again */
  close(uri: string): void {
    const key = reportKey(uri);
    const before = this.factsOf(key);
    if (this.open.get(key)?.uri === uri && this.open.delete(key)) this.changed(key, before);
  }

  private changed(uri: string, before: ReportFacts | undefined): void {
    const after = this.factsOf(uri);
    if (sameFacts(before, after)) return;
    const keys = [before, after].filter((k) => k !== undefined);
    const hit: string[] = [];
    for (const [k, { uri: u, facts: f }] of this.open) {
      if (k !== uri && f && keys.some((k) => k.body === f.body && (f.year === k.year || f.year === k.year + 1))) hit.push(u);
    }
    if (hit.length) for (const l of this.listeners) l(hit);
  }

  /** every report with facts: the open documents, then the files not open */
  private *reports(): Generator<[string, ReportFacts]> {
    for (const [k, { facts }] of this.open) if (facts) yield [k, facts];
    for (const [u, d] of this.disk) if (d.facts && !this.open.has(u)) yield [u, d.facts];
  }

  /** the reports of the body of `facts` for its year and the year before, `uri` first */
  private neighbours(uri: string, facts: ReportFacts): BatchEntry[] {
    const key = reportKey(uri);
    const entries: BatchEntry[] = [];
    for (const [u, f] of this.reports()) {
      if (u !== key && f.body === facts.body && (f.year === facts.year || f.year === facts.year - 1))
        entries.push({ file: this.open.get(u)?.uri ?? (isDocumentUri(u) ? documentViewUri(u) : u), name: fileName(u), facts: f });
    }
    return entries;
  }

  /** the cross-report findings of report `uri`, under its own rule settings */
  findings(uri: string, config?: Config): Finding[] {
    const facts = this.factsOf(uri);
    if (!facts) return [];
    const others = this.neighbours(uri, facts);
    if (!others.length) return [];
    return compareReports([{ file: uri, name: fileName(uri), facts, config }, ...others])[0];
  }

  /**
   * Last year's cell behind this year's 上年结转 or 现行有效 cell at `position` of report `uri`: the
   * one report of the body for the year before, when this year has one report only.
   */
  lastYear(uri: string, position: Position): { uri: string; name: string; cell: CellFact } | undefined {
    const facts = this.factsOf(uri);
    if (!facts) return undefined;
    const others = this.neighbours(uri, facts);
    const last = others.filter((e) => e.facts!.year !== facts.year);
    if (last.length !== 1 || last.length !== others.length) return undefined;
    const prev = last[0].facts!;
    const i = facts.carriedIn?.findIndex((c) => contains(c.range, position)) ?? -1;
    const stock = facts.stock?.find((s) => contains(s.inForce.range, position));
    const cell = i >= 0 ? prev.carriedOut?.[i] : stock && prev.stock?.find((s) => s.row === stock.row)?.inForce;
    return cell && { uri: last[0].file, name: last[0].name!, cell };
  }
}
