// Writing an acceptance (checks.md, `accept`): the entry that accepts one finding, whether a
// finding can be accepted at all, and the entry added to the text of `.disclosure-report.json`
// with the rest of the file kept as it was (its other keys, its indentation, its line ends). The
// editor's "Accept this finding…" uses these; the matching itself is accept.ts's.
import { acceptedBy, ENTRY_FIELDS } from './accept';
import type { AcceptEntry } from './config';
import type { Finding } from './model';

/**
 * The entry that accepts `finding` of the report at `file` (relative to the config file's folder,
 * `/`-separated): every field the finding has, so that it matches this finding and no other, and
 * stops matching when a number it rests on (expected, actual) changes.
 */
export function acceptEntryFor(finding: Finding, file: string | undefined, reason: string): AcceptEntry {
  const entry: AcceptEntry = { code: finding.code };
  if (file !== undefined) entry.file = file;
  for (const k of ENTRY_FIELDS) if (finding[k] !== undefined) Object.assign(entry, { [k]: finding[k] });
  const r = reason.trim();
  if (r) entry.reason = r;
  return entry;
}

/**
 * Can `finding` be accepted? Only when an entry can name it: it has a place in a table or a number
 * (an entry of its code alone would hide every finding of that code in the file), and its entry
 * matches no other finding of the report (two findings the entry cannot tell apart would both go).
 */
export function canAccept(finding: Finding, findings: readonly Finding[], file: string | undefined): boolean {
  if (finding.table === undefined && finding.expected === undefined && finding.actual === undefined) return false;
  const entry = acceptEntryFor(finding, file, '');
  return !findings.some((other) => other !== finding && acceptedBy(other, file, [entry]));
}

export type AddAcceptResult =
  /** text: the file's new text; unchanged: an equal entry (reason aside) was there already */
  | { ok: true; text: string; unchanged: boolean }
  /** invalid-json: the text is not JSON; not-object: its top level is not an object; accept-not-array: its `accept` is not a list */
  | { ok: false; error: 'invalid-json' | 'not-object' | 'accept-not-array'; detail?: string };

/** An entry as one line of JSON: `{ "code": "balance", "row": "…" }`. */
export function entryText(entry: AcceptEntry): string {
  const parts = Object.entries(entry)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{ ${parts.join(', ')} }`;
}

/**
 * Adds `entry` to the `accept` list of a config file's text (undefined: there is no file yet, a new
 * one is written). Only the entry is inserted: every other byte of the file stays as it was. A text
 * that is not a JSON object, or whose `accept` is not a list, is refused: never overwritten.
 */
export function addAcceptEntry(text: string | undefined, entry: AcceptEntry): AddAcceptResult {
  const line = entryText(entry);
  if (text === undefined || text.trim() === '') {
    return { ok: true, unchanged: false, text: `{\n  "accept": [\n    ${line}\n  ]\n}\n` };
  }
  const bom = text.startsWith('\ufeff') ? 1 : 0;
  let data: unknown;
  try {
    data = JSON.parse(text.slice(bom));
  } catch (e) {
    return { ok: false, error: 'invalid-json', detail: (e as Error).message };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return { ok: false, error: 'not-object' };
  const existing = (data as Record<string, unknown>).accept;
  if (existing !== undefined && !Array.isArray(existing)) return { ok: false, error: 'accept-not-array' };
  if (Array.isArray(existing) && existing.some((e) => sameEntry(e, entry))) return { ok: true, unchanged: true, text };

  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const root = scanContainer(text, skipSpace(text, bom));
  const multiline = root.items.length ? hasNewline(text, root.open, root.items[0].start) : true;
  const memberIndent = root.items.length && multiline ? indentAt(text, root.items[0].start) : '';
  const unit = memberIndent || '  ';
  const splice = (at: number, end: number, insert: string) => text.slice(0, at) + insert + text.slice(end);

  // `accept` is there (JSON.parse keeps the last of equal keys, so do we)
  const member = [...root.items].reverse().find((m) => m.key === 'accept');
  if (member) {
    const list = scanContainer(text, member.valueStart);
    if (list.items.length) {
      const first = list.items[0];
      const last = list.items[list.items.length - 1];
      const sep = hasNewline(text, list.open, first.start) ? `${eol}${indentAt(text, first.start)}` : ' ';
      return { ok: true, unchanged: false, text: splice(last.end, last.end, `,${sep}${line}`) };
    }
    const keyIndent = multiline ? indentAt(text, member.start) : '';
    const body = multiline ? `[${eol}${keyIndent}${unit}${line}${eol}${keyIndent}]` : `[${line}]`;
    return { ok: true, unchanged: false, text: splice(list.open, list.close + 1, body) };
  }
  if (!root.items.length) {
    const body = `{${eol}${unit}"accept": [${eol}${unit}${unit}${line}${eol}${unit}]${eol}}`;
    return { ok: true, unchanged: false, text: splice(root.open, root.close + 1, body) };
  }
  const list = multiline ? `[${eol}${memberIndent}${unit}${line}${eol}${memberIndent}]` : `[${line}]`;
  const last = root.items[root.items.length - 1];
  const sep = multiline ? `${eol}${memberIndent}` : ' ';
  return { ok: true, unchanged: false, text: splice(last.end, last.end, `,${sep}"accept": ${list}`) };
}

/** equal entries, the reason aside */
function sameEntry(a: unknown, b: AcceptEntry): boolean {
  if (!a || typeof a !== 'object' || Array.isArray(a)) return false;
  const strip = (o: Record<string, unknown>) =>
    JSON.stringify(
      Object.keys(o)
        .filter((k) => k !== 'reason' && o[k] !== undefined)
        .sort()
        .map((k) => [k, o[k]]),
    );
  return strip(a as Record<string, unknown>) === strip(b as unknown as Record<string, unknown>);
}

// ------------------------------------------------------------ a scanner of valid JSON text

interface Item {
  /** an object member's key (undefined in an array) */
  key?: string;
  /** where the member (its key) or the element starts */
  start: number;
  valueStart: number;
  /** just after its value */
  end: number;
}

interface Container {
  /** the offsets of `{`/`[` and of the matching `}`/`]` */
  open: number;
  close: number;
  items: Item[];
}

function skipSpace(s: string, i: number): number {
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === '\r')) i++;
  return i;
}

function skipString(s: string, i: number): number {
  i++;
  while (i < s.length && s[i] !== '"') i += s[i] === '\\' ? 2 : 1;
  return i + 1;
}

function skipValue(s: string, i: number): number {
  const c = s[i];
  if (c === '"') return skipString(s, i);
  if (c === '{' || c === '[') return scanContainer(s, i).close + 1;
  while (i < s.length && !/[\s,\]}]/.test(s[i])) i++;
  return i;
}

/** the object or array at `open` (the text is valid JSON: JSON.parse read it first) */
function scanContainer(s: string, open: number): Container {
  const isObject = s[open] === '{';
  const items: Item[] = [];
  let i = skipSpace(s, open + 1);
  if (s[i] === (isObject ? '}' : ']')) return { open, close: i, items };
  for (;;) {
    const start = i;
    let key: string | undefined;
    if (isObject) {
      const keyEnd = skipString(s, i);
      key = JSON.parse(s.slice(i, keyEnd)) as string;
      i = skipSpace(s, skipSpace(s, keyEnd) + 1);
    }
    const valueStart = i;
    const end = skipValue(s, i);
    items.push({ key, start, valueStart, end });
    i = skipSpace(s, end);
    if (s[i] === ',') {
      i = skipSpace(s, i + 1);
      continue;
    }
    return { open, close: i, items };
  }
}

function hasNewline(s: string, from: number, to: number): boolean {
  return s.slice(from, to).includes('\n');
}

/** the spaces and tabs that start the line holding offset `at` */
function indentAt(s: string, at: number): string {
  const lineStart = s.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*/.exec(s.slice(lineStart, at))![0];
}
