// Row-label matching, shared by every layout: a label names a template row by its phrases (the
// longest match wins, `exact` labels beat phrases), else by its numbering (（三）2. under its group,
// （七）, 四、), else it names only a group (（三）不予公开) or nothing.
import { longestMatch } from '../normalize';
import type { BlockTemplate, RowTemplate } from '../templates/index';

const CHAPTER_RE = /^([一二三四五六七八九十]{1,3})、/;
const ORDINAL_RE = /（([一二三四五六七八九十])）/g;
const SUB_RE = /(\d{1,2})[.、](?=\D|$)/g;

/** What a label names; `group` is the row group the label itself names, if any (the context for the labels after it). */
export type LabelMatch =
  | { kind: 'row'; row: RowTemplate; note?: string; group?: string }
  | { kind: 'group'; group?: string }
  | { kind: 'none'; group?: string };

const NONE: LabelMatch = { kind: 'none' };

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
const memo = new WeakMap<BlockTemplate, Map<string, LabelMatch>>();
const MEMO_SIZE = 4096;

/** The row a (normalised) label names in `block`; `group`: the group the labels above named. */
export function matchRowLabel(label: string, block: BlockTemplate, group?: string): LabelMatch {
  if (!label) return NONE;
  let answers = memo.get(block);
  if (!answers) memo.set(block, (answers = new Map()));
  const key = `${group ?? ''}\u0000${label}`;
  let hit = answers.get(key);
  if (!hit) {
    if (answers.size >= MEMO_SIZE) answers.clear();
    hit = matchUncached(label, block, group);
    answers.set(key, hit);
  }
  return hit;
}

function matchUncached(label: string, block: BlockTemplate, contextGroup: string | undefined): LabelMatch {
  const num = numbering(label);
  const groups = block.groups ?? [];
  const named =
    (num.ordinal ? groups.find((g) => g.id === num.ordinal) : undefined) ?? groups.find((g) => g.match.some((m) => label.includes(m)));
  const group = named?.id;
  const bare = block.rows.some((r) => r.exact) ? stripNumbering(label) : '';
  let exact = bare ? block.rows.find((r) => r.exact?.includes(bare)) : undefined;
  if (!exact && bare) {
    // a fragment of a merged group label glued before the sub-row's own (他3.其他: （六）其他处理 scattered)
    const tail = /(\d{1,2})[.、]([^\d]+)$/.exec(label);
    if (tail) exact = block.rows.find((r) => r.sub === Number(tail[1]) && r.exact?.includes(tail[2]));
  }
  const best = exact ?? longestMatch(label, block.rows, (r) => r.match)?.item;
  if (best) return { kind: 'row', row: best, group };
  if (!named) {
    const typo = typoMatch(label, block.rows, num);
    if (typo) return { kind: 'row', row: typo, note: `label read despite a typo: ${typo.label}`, group };
  }
  if (num.sub !== undefined) {
    const g = group ?? contextGroup;
    const row = block.rows.find((r) => r.group === g && r.sub === num.sub);
    if (row) return { kind: 'row', row, note: 'label incomplete: read by its number', group };
  }
  if (num.ordinal) {
    const row = block.rows.find((r) => r.ordinal === num.ordinal);
    if (row) return { kind: 'row', row, group };
    if (named) return { kind: 'group', group };
  }
  if (num.chapter) {
    const row = block.rows.find((r) => r.chapter === num.chapter);
    if (row) return { kind: 'row', row, group };
  }
  if (named) return { kind: 'group', group };
  return NONE;
}

/** labels longer than this are prose, not a row label with a typo */
const TYPO_MAX_LABEL = 80;
/** phrases shorter than this are too short to tell a typo from another word */
const TYPO_MIN_PHRASE = 4;

/**
 * A small typo in a label (a character dropped, added, changed, or two swapped): the one row one of
 * whose phrases (of 4 or more characters) the label contains within one edit. Two rows within one
 * edit, or a numbering that names another row, is no match: never a guess.
 */
function typoMatch(label: string, rows: readonly RowTemplate[], num: ReturnType<typeof numbering>): RowTemplate | undefined {
  if (label.length > TYPO_MAX_LABEL) return undefined;
  let found: RowTemplate | undefined;
  for (const r of rows) {
    if (!r.match.some((p) => p.length >= TYPO_MIN_PHRASE && withinOneEdit(p, label))) continue;
    if (found) return undefined;
    found = r;
  }
  if (!found) return undefined;
  if (num.sub !== undefined && found.sub !== undefined && num.sub !== found.sub) return undefined;
  if (num.chapter && found.chapter && num.chapter !== found.chapter) return undefined;
  if (num.ordinal && found.ordinal && num.ordinal !== found.ordinal) return undefined;
  return found;
}

/**
 * Whether some substring of `text` is within one edit of `phrase` (Levenshtein with adjacent
 * swaps, the phrase matched anywhere in the text): O(|phrase| · |text|), both short.
 */
export function withinOneEdit(phrase: string, text: string): boolean {
  const m = phrase.length;
  const n = text.length;
  if (m === 0 || n < m - 1) return false;
  // rows i-2, i-1, i of the DP table over text positions 0..n; row 0 is all zeros (free start)
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = new Array<number>(n + 1).fill(0);
  let cur = new Array<number>(n + 1);
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (phrase[i - 1] === text[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && phrase[i - 1] === text[j - 2] && phrase[i - 2] === text[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  for (let j = 0; j <= n; j++) if (prev[j] <= 1) return true;
  return false;
}
