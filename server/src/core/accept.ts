// Accepted findings (checks.md, `accept`): a finding is accepted when every field an entry gives
// matches it — `file` by glob, relative to the config file; `expected` and `actual` as they were when
// accepted, so a change to any number the finding rests on brings it back.
import type { AcceptEntry } from './config';
import type { Finding } from './model';

const globCache = new Map<string, RegExp>();

/** A glob as a regular expression: `**` any folders, `*` any characters but `/`, `?` one of them. */
export function globRegExp(glob: string): RegExp {
  let re = globCache.get(glob);
  if (re) return re;
  let src = '';
  const g = glob.replace(/\\/g, '/').replace(/^\.\//, '');
  for (let i = 0; i < g.length; i++) {
    const c = g[i];
    if (c === '*' && g[i + 1] === '*') {
      // "**/" matches no folder or several
      if (g[i + 2] === '/') {
        src += '(?:.*/)?';
        i += 2;
      } else {
        src += '.*';
        i++;
      }
    } else if (c === '*') src += '[^/]*';
    else if (c === '?') src += '[^/]';
    else src += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  re = new RegExp(`^${src}$`);
  globCache.set(glob, re);
  return re;
}

/**
 * The fields of a finding an entry names it by, besides its code and file: what `acceptedBy`
 * compares and what acceptEdit.ts's `acceptEntryFor` copies, so the two never drift apart.
 */
export const ENTRY_FIELDS = ['table', 'block', 'row', 'column', 'expected', 'actual'] as const;

/**
 * The entry that accepts `finding` of the report at `file` (its path relative to the config
 * file's folder, `/`-separated; undefined when the report is not under it), or undefined.
 */
export function acceptedBy(finding: Finding, file: string | undefined, entries: readonly AcceptEntry[]): AcceptEntry | undefined {
  return entries.find(
    (e) =>
      e.code === finding.code &&
      (e.file === undefined || (file !== undefined && globRegExp(e.file).test(file))) &&
      ENTRY_FIELDS.every((k) => e[k] === undefined || e[k] === finding[k]),
  );
}

/** Splits findings into those still reported and those accepted (with the entry that accepts each). */
export function applyAccept(
  findings: readonly Finding[],
  file: string | undefined,
  entries: readonly AcceptEntry[],
): { findings: Finding[]; accepted: { finding: Finding; entry: AcceptEntry }[] } {
  if (!entries.length) return { findings: [...findings], accepted: [] };
  const kept: Finding[] = [];
  const accepted: { finding: Finding; entry: AcceptEntry }[] = [];
  for (const f of findings) {
    const entry = acceptedBy(f, file, entries);
    if (entry) accepted.push({ finding: f, entry });
    else kept.push(f);
  }
  return { findings: kept, accepted };
}
