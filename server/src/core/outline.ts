// The report's outline: title, sections and sub-parts, found by the phrases real reports use
// rather than by their numbering (numbering is often wrong in real text); and the format, detected
// from the phrases only one format's tables use, with the policy for when none does.
import type { Config } from './config';
import type { FormatId, Range, RawLine, Report, Section, Title } from './model';
import { longestMatch, normalizeLabel, trimSpace } from './normalize';
import { TEMPLATES, type Template, templateById } from './templates/index';

const HEADING_RE = /^([一二三四五六七八九十]{1,3})\s*[、.．]\s*(.{2,48})$/;
const INLINE_HEADING_RE = /([一二三四五六七八九十]{1,2})、/g;
const MARKDOWN_HEADING_RE = /^(#{1,6}\s*(?:\*\*)?|\*\*)(.*?)(?:\*\*)?\s*#*$/;
const SUBPART_RE = /^[（(]([一二三四五六七八九十]{1,3})[）)]\s*(.*)$/;
const LONG_LINE = 400;

function firstText(line: RawLine): { text: string; character: number } | undefined {
  for (const c of line.cells) {
    const t = trimSpace(c.text);
    if (t) return { text: t, character: c.character + c.text.indexOf(t[0]) };
  }
  return undefined;
}

function sectionOf(template: Template, title: string): Template['sections'][number] | undefined {
  return longestMatch(normalizeLabel(title), template.sections, (s) => s.match)?.item;
}

/**
 * How many of `p`'s characters `text` holds literally, where `text` may have lost characters to bad
 * bytes: each run of U+FFFD stands for up to two characters, and a character beside one may be wrong
 * (a bad byte can spoil its neighbour's bytes) and stand for one or none. -1: not held.
 */
function heldDamaged(text: string, p: string): number {
  // memoised over (text position, phrase position): a heading is at most 56 characters
  const memo = new Map<number, number>();
  const near = (i: number) => text[i - 1] === '\ufffd' || text[i + 1] === '\ufffd';
  const at = (i: number, j: number): number => {
    if (j === p.length) return 0;
    if (i === text.length) return -1;
    const key = i * 1024 + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let best = -1;
    if (text[i] === '\ufffd') {
      let n = i;
      while (text[n] === '\ufffd') n++;
      for (let k = 0; k <= 2 && j + k <= p.length; k++) best = Math.max(best, at(n, j + k));
    } else {
      if (text[i] === p[j]) {
        const rest = at(i + 1, j + 1);
        if (rest >= 0) best = rest + 1;
      }
      if (near(i)) for (let k = 0; k <= 1 && j + k <= p.length; k++) best = Math.max(best, at(i + 1, j + k));
    }
    memo.set(key, best);
    return best;
  };
  let best = -1;
  for (let i = 0; i < text.length; i++) best = Math.max(best, at(i, 0));
  return best;
}

/**
 * A heading with characters lost to bad bytes (U+FFFD; invalid-encoding reports them): the one
 * section of which it holds the most characters literally, at least four (two under the section's
 * own numeral), when it is no longer than that section's title and a few characters (a sentence
 * holding the phrase is no heading).
 */
function damagedSectionOf(template: Template, heading: string): Template['sections'][number] | undefined {
  // a stray byte can join its neighbours into a character outside the BMP (no heading has one)
  const text = heading.replace(/[\s\u3000]+/g, '').replace(/[\ud800-\udfff]/g, '\ufffd');
  let best: Template['sections'][number] | undefined;
  let score = 0;
  let tie = false;
  for (const s of template.sections) {
    const n = Math.max(...s.match.map((p) => heldDamaged(text, p)));
    const own = /^[一二三四五六七八九十]+/.exec(s.title)?.[0];
    if (n < 4 && !(n >= 2 && own && text.startsWith(own) && !/^[一二三四五六七八九十]/.test(text.slice(own.length)))) continue;
    if (n > score) [best, score, tie] = [s, n, false];
    else if (n === score) tie = true;
  }
  return tie || !best || text.length > best.title.length + 4 ? undefined : best;
}

function nonEmptyCells(line: RawLine): number {
  let n = 0;
  for (const c of line.cells) if (c.text.length && trimSpace(c.text)) n++;
  return n;
}

interface HeadingHit {
  index: number;
  key: string;
  heading: string;
  line: number;
  start: number;
  end: number;
}

export function findSections(lines: RawLine[], template: Template): Section[] {
  const hits: HeadingHit[] = [];
  const seen = new Set<number>();
  const long: RawLine[] = [];
  for (const line of lines) {
    if (line.text.length > LONG_LINE) {
      long.push(line);
      continue;
    }
    const first = firstText(line);
    if (!first) continue;
    if (first.text.length <= 56 && nonEmptyCells(line) === 1) {
      // Markdown: "## 二、主动公开政府信息情况", "**三、…**"
      const mark = MARKDOWN_HEADING_RE.exec(first.text);
      const text = mark ? mark[2] : first.text;
      const start = first.character + (mark ? mark[1].length : 0);
      const m = HEADING_RE.exec(text);
      // a heading with characters lost to bad bytes, its numeral or 、 perhaps among them
      const damaged = text.includes('\ufffd');
      if (m || damaged) {
        const s = (m && sectionOf(template, m[2])) || (damaged ? damagedSectionOf(template, text) : undefined);
        // "四、结转下年度继续办理" is a table row, not a section: a heading has no values beside it
        if (s && !seen.has(s.index)) {
          seen.add(s.index);
          hits.push({ index: s.index, key: s.key, heading: text, line: line.line, start, end: start + text.length });
        }
      }
    }
  }
  // crawled page text: the whole report on a few long lines, its headings inside them ("…。二、主动公开
  // 政府信息情况 第二十条…"). Searched only when the lines themselves gave fewer than three headings.
  for (const line of hits.length < 3 ? long : []) {
    {
      INLINE_HEADING_RE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = INLINE_HEADING_RE.exec(line.text))) {
        const rest = line.text.slice(m.index + m[0].length, m.index + m[0].length + 24);
        const s = sectionOf(template, rest);
        if (!s || seen.has(s.index)) continue;
        const matched = s.match.find((k) => normalizeLabel(rest).includes(k));
        if (!matched) continue;
        seen.add(s.index);
        const end = m.index + m[0].length + normalizeLabel(rest).indexOf(matched) + matched.length;
        hits.push({ index: s.index, key: s.key, heading: line.text.slice(m.index, end), line: line.line, start: m.index, end });
      }
    }
  }
  hits.sort((a, b) => a.line - b.line || a.start - b.start);
  const lastLine = lines.length - 1;
  return hits.map((h, i) => {
    const next = hits[i + 1];
    const endLine = next ? (next.line > h.line ? next.line - 1 : h.line) : lastLine;
    const endChar = next && next.line === h.line ? next.start : lines[endLine].text.length;
    const headingRange: Range = { start: { line: h.line, character: h.start }, end: { line: h.line, character: h.end } };
    const section: Section = {
      index: h.index,
      key: h.key,
      heading: h.heading,
      headingRange,
      range: { start: headingRange.start, end: { line: endLine, character: endChar } },
      subparts: [],
    };
    if (!next || next.line > h.line) section.subparts = findSubparts(lines, h.line + 1, endLine);
    return section;
  });
}

function findSubparts(lines: RawLine[], from: number, to: number): Section['subparts'] {
  const parts: { label: string; line: number; character: number }[] = [];
  for (let i = from; i <= to; i++) {
    const line = lines[i];
    if (line.cells.length > 2) continue; // table rows are not sub-parts
    const first = firstText(line);
    if (!first) continue;
    const m = SUBPART_RE.exec(first.text);
    if (!m) continue;
    const label = first.text.split(/[。：:；;，,]/)[0].slice(0, 24);
    parts.push({ label, line: i, character: first.character });
  }
  return parts.map((p, i) => {
    let end = i + 1 < parts.length ? parts[i + 1].line - 1 : to;
    while (end > p.line && !trimSpace(lines[end].text)) end--;
    return {
      label: p.label,
      range: { start: { line: p.line, character: p.character }, end: { line: end, character: lines[end].text.length } },
    };
  });
}

const TITLE_HINT = /政府信息公开|年度报告|年报/;

export function findTitle(lines: RawLine[], firstSectionLine: number): Title | undefined {
  const limit = Math.min(lines.length, firstSectionLine >= 0 ? firstSectionLine : 12, 12);
  for (let i = 0; i < limit; i++) {
    const first = firstText(lines[i]);
    if (!first || !TITLE_HINT.test(first.text)) continue;
    let text = first.text.replace(/^(标题|题目|title)\s*[:：]\s*/i, '');
    let endLine = i;
    // a title broken over two lines: "…政府信息公开工作" + "年度报告"
    const next = lines[i + 1] && firstText(lines[i + 1]);
    if (!/报告\s*$/.test(text) && next && next.text.length <= 12 && /报告$/.test(next.text)) {
      text += next.text;
      endLine = i + 1;
    }
    if (text.length > 80) text = text.slice(0, 80);
    const compact = text.replace(/\s+/g, '');
    const ym = /(\d{4})年度?/.exec(compact);
    const year = ym ? Number(ym[1]) : undefined;
    let agency = compact
      .replace(/(\d{4})年度?/, '')
      .replace(/关于/, '')
      .replace(/(政府信息公开工作年度报告|政务公开工作年度报告|政府信息公开年度报告|政府信息公开工作年报|政府信息公开年报).*$/, '');
    if (!agency || agency.length > 40) agency = undefined as unknown as string;
    return {
      text,
      year,
      agency: agency || undefined,
      range: { start: { line: i, character: first.character }, end: { line: endLine, character: lines[endLine].text.length } },
    };
  }
  return undefined;
}

/** Which format the text follows: by the phrases only one format's tables use, else by its year. */
export function detectFormat(
  text: string,
  year: number | undefined,
  templates: readonly Template[] = TEMPLATES,
): { format: FormatId | null; source: 'detected' | 'year' | 'none' } {
  let best: Template | undefined;
  let bestScore = 0;
  let tie = false;
  for (const t of templates) {
    let score = 0;
    for (const m of t.markers) if (text.includes(m)) score++;
    if (score > bestScore) {
      best = t;
      bestScore = score;
      tie = false;
    } else if (score === bestScore && score > 0) tie = true;
  }
  if (best && !tie) return { format: best.id, source: 'detected' };
  if (year !== undefined) {
    const byYear = templates.find((t) => year >= t.years[0] && year <= t.years[1]);
    if (byYear) return { format: byYear.id, source: 'year' };
  }
  return { format: null, source: 'none' };
}

export interface FormatChoice {
  format: FormatId | null;
  formatSource: Report['formatSource'];
  template?: Template;
}

/**
 * The format policy: the config's format when it names one; else the format the text's phrases
 * point to (built-in and custom formats alike, built-in first); else, for a text that looks like
 * a report, the format of its year or the current one; else none (the text is not checked).
 */
export function chooseFormat(text: string, sections: Section[], title: Title | undefined, config: Config): FormatChoice {
  if (config.format !== 'auto') {
    return { format: config.format, formatSource: 'config', template: templateById(config.format, config.templates) };
  }
  const templates = config.templates.length ? [...TEMPLATES, ...config.templates] : TEMPLATES;
  const d = detectFormat(text, title?.year, templates);
  if (d.source === 'detected') return withTemplate(d.format!, 'detected', config);
  // without a phrase only one format uses, the text must look like a report (several of the six
  // sections, or a 政府信息公开 title) before the year or the current format is assumed
  const reportLike = sections.length >= 2 || (!!title && /政府信息公开|政务公开/.test(title.text));
  if (!reportLike) return { format: null, formatSource: 'none' };
  return d.format ? withTemplate(d.format, d.source, config) : withTemplate(TEMPLATES[0].id, 'none', config);
}

function withTemplate(format: FormatId, formatSource: Report['formatSource'], config: Config): FormatChoice {
  return { format, formatSource, template: templateById(format, config.templates) };
}
