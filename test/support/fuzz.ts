// The robustness suite shared by `npm test` (test/unit/fuzz.test.ts: a bounded number of seeded
// cases, a few seconds) and `npm run fuzz` (test/fuzz/fuzz.test.ts: FUZZ_RUNS cases, 20 MB input).
// Inputs: the real samples and generated reports, damaged by random mutations (lines deleted,
// duplicated, swapped; tabs; Unicode incl. astral characters and lone surrogates; NUL bytes; huge,
// negative and fractional numbers; CRLF/CR line ends; a BOM). Properties: analyze never throws,
// finishes in bounded time, every range lies inside the document, fix-all is idempotent and
// changes only derived cells, numbers beyond safe integers are reported and never summed. The messy
// layouts of issue 9 (messyBases: PDF text, spacer columns, mixed format, bad bytes, crawled text,
// rows whose figures ran together one row a line)
// are mutated too: no throw, no hang, every range inside, fixes that keep the line count.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { type Analysis, analyze, applyEdits, fixAllEdits, type Range } from '../../server/src/core/index';
import * as messy from './messy';
import { consistentTable3, consistentTable4, generateSizedReport, renderReport, rng } from './report';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The real samples: the repository's own copies, else the shared read-only folder. */
export function loadSamples(): { name: string; text: string }[] {
  for (const dir of [join(ROOT, 'test/fixtures/samples'), resolve(ROOT, '../shared/samples')]) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.txt'))
      .sort();
    if (files.length) return files.map((f) => ({ name: f, text: readFileSync(join(dir, f), 'utf8') }));
  }
  return [];
}

// ------------------------------------------------------------------ invariants

/** The document's lines as the checker counts them (\r\n, \r and \n end a line; BOM removed). */
export function docLines(text: string): string[] {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  return t.split(/\r\n|\r|\n/);
}

function assertRangeInside(r: Range, lines: string[], what: string): void {
  for (const p of [r.start, r.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position ${JSON.stringify(r)}`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1}`);
    assert.ok(
      p.character >= 0 && p.character <= lines[p.line].length,
      `${what}: character ${p.character} beyond line ${p.line}'s length ${lines[p.line].length}`,
    );
  }
  const ordered = r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
  assert.ok(ordered, `${what}: start after end ${JSON.stringify(r)}`);
}

/** Every range a finding carries (its own, its related cells', its fix's edits) lies inside the text. */
export function assertRangesInside(a: Analysis, text: string): void {
  const lines = docLines(text);
  assert.equal(a.report.lineCount, lines.length, 'lineCount');
  for (const f of a.findings) {
    assertRangeInside(f.range, lines, `${f.code} range`);
    for (const r of f.related ?? []) assertRangeInside(r.range, lines, `${f.code} related`);
    for (const e of f.fix?.edits ?? []) assertRangeInside(e.range, lines, `${f.code} fix edit`);
    if (f.expected !== undefined)
      assert.ok(
        Number.isFinite(f.expected) && Math.abs(f.expected) <= Number.MAX_SAFE_INTEGER,
        `${f.code}: expected ${f.expected} is not an exact number`,
      );
  }
}

/**
 * Where derived values live, by (line, tab-cell index): `cells` hold a row's 总计 or a （七） cell;
 * `inserts` are the positions at which a missing derived cell would be inserted as a new cell.
 */
function derivedPlaces(a: Analysis, lines: string[]): { cells: Set<string>; inserts: Set<string> } {
  const cells = new Set<string>();
  const inserts = new Set<string>();
  for (const table of a.report.tables) {
    for (const block of table.blocks) {
      for (const row of block.rows) {
        row.cells.forEach((cell, i) => {
          if (!row.spec.derived && !block.columns[i]?.derived) return;
          const line = cell.range.start.line;
          const parts = (lines[line] ?? '').split('\t');
          // the tab cell that holds (or ends at) the range start
          let at = 0;
          let idx = 0;
          while (idx < parts.length - 1 && at + parts[idx].length < cell.range.start.character) {
            at += parts[idx].length + 1;
            idx++;
          }
          if (cell.kind === 'missing') inserts.add(`${line}:${idx + 1}`);
          else cells.add(`${line}:${idx}`);
        });
      }
    }
  }
  return { cells, inserts };
}

/** fix-all twice = fix-all once, and the first pass changed derived cells only, to numbers. */
export function assertFixAllSound(a: Analysis): void {
  const body = a.report.text;
  const edits = fixAllEdits(a);
  if (!edits.length) return;
  const fixed = applyEdits(body, edits);
  const before = body.split(/\r\n|\r|\n/);
  const after = fixed.split(/\r\n|\r|\n/);
  assert.equal(after.length, before.length, 'fix-all changed the number of lines');
  const { cells: derived, inserts } = derivedPlaces(a, before);
  const checkWritten = (l: number, s: string) => {
    const written = s.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xff10 + 48));
    assert.match(written, /^-?\d+(?:\.\d+)?$/, `line ${l}: fix-all wrote ${JSON.stringify(s)}`);
    assert.ok(Number.isSafeInteger(Number(written)) || written.includes('.'), `line ${l}: fix-all wrote an inexact ${written}`);
  };
  for (let l = 0; l < before.length; l++) {
    if (before[l] === after[l]) continue;
    const b = before[l].split('\t');
    let c = after[l].split('\t');
    assert.ok(c.length === b.length || c.length === b.length + 1, `line ${l}: fix-all changed the cell count ${b.length} → ${c.length}`);
    if (c.length === b.length + 1) {
      // one cell was inserted: it must be at a missing derived cell's place
      const p = [...inserts].filter((k) => k.startsWith(`${l}:`)).map((k) => Number(k.split(':')[1]));
      assert.equal(p.length, 1, `line ${l}: a cell was inserted where no derived cell is missing`);
      checkWritten(l, c[p[0]]);
      c = [...c.slice(0, p[0]), ...c.slice(p[0] + 1)];
    }
    for (let i = 0; i < c.length; i++) {
      if (b[i] === c[i]) continue;
      assert.ok(
        derived.has(`${l}:${i}`),
        `line ${l} cell ${i}: fix-all changed a cell that is not derived: ${JSON.stringify(b[i])} → ${JSON.stringify(c[i])}`,
      );
      checkWritten(l, c[i]);
    }
  }
  const again = analyze(fixed);
  const twice = applyEdits(fixed, fixAllEdits(again));
  assert.ok(twice === fixed, `fix-all is not idempotent: a second pass edits ${JSON.stringify(fixAllEdits(again)).slice(0, 300)}`);
}

export interface CaseStats {
  cases: number;
  maxMs: number;
  maxChars: number;
}

/** All invariants on one text; returns the analysis time. */
export function checkText(text: string, limitMs: number): number {
  const t = performance.now();
  let a: Analysis;
  try {
    a = analyze(text);
  } catch (e) {
    throw new Error(`analyze threw on a ${text.length}-char text: ${(e as Error).stack}`);
  }
  const ms = performance.now() - t;
  assert.ok(ms <= limitMs, `analyze took ${ms.toFixed(0)} ms on ${text.length} chars (limit ${limitMs} ms)`);
  assert.deepEqual(a.ruleErrors, [], `a rule threw: ${JSON.stringify(a.ruleErrors).slice(0, 500)}`);
  assertRangesInside(a, text);
  assertFixAllSound(a);
  return ms;
}

// ------------------------------------------------------------------ mutations

const SPECIAL_NUMBERS = [
  '99999999999999999999',
  '1e309',
  '9007199254740993',
  '123456789012345678',
  '-3',
  '-0',
  '2.5',
  '0.000001',
  '１２',
  '１,２３４',
  '1,234',
  '+7',
  'NaN',
  'Infinity',
  '—',
  '无',
  '/',
  '3件',
  '',
];

const astral = fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const cjk = fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c));
const noise = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.string({
    unit: fc.oneof(
      astral,
      loneSurrogate,
      cjk,
      fc.constantFrom('\t', '\0', '\r', '\n', '\u3000', '\ufeff', '（', '）', '一、', '1.', '总计'),
    ),
    maxLength: 12,
  }),
  fc.constantFrom(...SPECIAL_NUMBERS),
);

type Op =
  | { op: 'delete' | 'duplicate'; at: number }
  | { op: 'swap'; at: number; to: number }
  | { op: 'tab'; at: number; pos: number }
  | { op: 'untab'; at: number }
  | { op: 'insert'; at: number; pos: number; text: string }
  | { op: 'number'; at: number; cell: number; text: string }
  | { op: 'nul'; at: number; pos: number }
  | { op: 'eol'; eol: '\r\n' | '\r' }
  | { op: 'bom' };

const at = fc.nat();
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 2, arbitrary: fc.record({ op: fc.constantFrom('delete' as const, 'duplicate' as const), at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swap' as const), at, to: at }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('tab' as const), at, pos: at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('untab' as const), at }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('insert' as const), at, pos: at, text: noise }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('number' as const), at, cell: at, text: fc.constantFrom(...SPECIAL_NUMBERS) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('nul' as const), at, pos: at }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('eol' as const), eol: fc.constantFrom('\r\n' as const, '\r' as const) }) },
  { weight: 1, arbitrary: fc.constant({ op: 'bom' as const }) },
);

export function mutate(text: string, ops: Op[]): string {
  let lines = text.split('\n');
  let eol = '\n';
  let bom = false;
  const tableLines = () => lines.map((l, i) => (l.includes('\t') ? i : -1)).filter((i) => i >= 0);
  for (const o of ops) {
    if (o.op === 'eol') {
      eol = o.eol;
      continue;
    }
    if (o.op === 'bom') {
      bom = true;
      continue;
    }
    if (!lines.length) lines = [''];
    // numbers go into table lines, where they matter
    const rows = tableLines();
    const i = o.op === 'number' && rows.length ? rows[o.at % rows.length] : o.at % lines.length;
    const line = lines[i];
    switch (o.op) {
      case 'delete':
        lines.splice(i, 1);
        break;
      case 'duplicate':
        lines.splice(i, 0, line);
        break;
      case 'swap': {
        const j = o.to % lines.length;
        [lines[i], lines[j]] = [lines[j], lines[i]];
        break;
      }
      case 'tab': {
        const p = o.pos % (line.length + 1);
        lines[i] = `${line.slice(0, p)}\t${line.slice(p)}`;
        break;
      }
      case 'untab':
        lines[i] = line.replace('\t', '');
        break;
      case 'insert': {
        const p = o.pos % (line.length + 1);
        lines[i] = line.slice(0, p) + o.text + line.slice(p);
        break;
      }
      case 'number': {
        const cells = line.split('\t');
        cells[o.cell % cells.length] = o.text;
        lines[i] = cells.join('\t');
        break;
      }
      case 'nul': {
        const p = o.pos % (line.length + 1);
        lines[i] = `${line.slice(0, p)}\0${line.slice(p)}`;
        break;
      }
    }
  }
  return (bom ? '\ufeff' : '') + lines.join(eol);
}

export interface SuiteOptions {
  /** mutated documents to check */
  runs: number;
  seed: number;
  /** size of the repeated-tables file, in MB */
  bigMB: number;
  /** per-document time limit for ordinary documents, ms */
  limitMs: number;
}

export function bases(): { name: string; text: string }[] {
  return [
    ...loadSamples(),
    { name: 'generated-100', text: generateSizedReport({ lines: 100, seed: 11 }) },
    { name: 'generated-400', text: generateSizedReport({ lines: 400, seed: 12 }) },
  ];
}

/** The mutation property; returns how many documents were checked. */
export function runMutations(opts: SuiteOptions): number {
  const docs = bases();
  let count = 0;
  fc.assert(
    fc.property(fc.nat({ max: docs.length - 1 }), fc.array(opArb, { minLength: 1, maxLength: 12 }), (d, ops) => {
      count++;
      checkText(mutate(docs[d].text, ops), opts.limitMs);
    }),
    {
      seed: opts.seed,
      numRuns: opts.runs,
      endOnFailure: true,
      ...((opts as { path?: string }).path ? { path: (opts as { path?: string }).path } : {}),
    },
  );
  return count;
}

/**
 * The messy layouts of real text (test/support/messy.ts, issue 9): a generated report as copied
 * from a PDF in each style, with a spacer column, in the mixed format, with U+FFFD where bytes were
 * bad, run together as crawled text; and the committed pdftotext copies of real and generated PDFs.
 */
export function messyBases(): { name: string; text: string }[] {
  const r = rng(17);
  const t3 = consistentTable3('2021', r);
  const t4 = consistentTable4(r);
  const base = renderReport({ table3: t3, table4: t4 });
  const mixedR = rng(18);
  const mixed = renderReport({ format: '2021', table3: consistentTable3('2019', mixedR), table4: consistentTable4(mixedR) });
  const smallR = rng(19);
  const small = renderReport({ table3: consistentTable3('2021', smallR, 3), table4: consistentTable4(smallR) });
  const out = [
    { name: 'pdftotext -layout', text: messy.asPdfText(base) },
    { name: 'viewer copy', text: messy.asPdfText(base, 'viewer') },
    { name: 'one value per line', text: messy.oneValuePerLine(base) },
    { name: 'wrapped labels', text: messy.asPdfText(messy.wrappedLabels(base)) },
    { name: 'scattered labels', text: messy.asPdfText(messy.scatteredGroupLabels(messy.pageNumbers(base))) },
    { name: 'spacer column', text: messy.withSpacerColumn(base, 5) },
    { name: 'mixed format', text: mixed },
    { name: 'bad bytes', text: base.replace('全年主动公开', '全年\ufffd主动\ufffd公开') },
    { name: 'crawled', text: base.replace(/\t/g, '') },
    { name: 'glued rows, label<TAB>digits', text: messy.gluedRows(base) },
    { name: 'glued rows, small figures (read)', text: messy.gluedRows(small) },
    { name: 'glued rows, label<SPACE>digits', text: messy.gluedRows(small, ' ') },
    { name: 'glued rows, label glued to digits', text: messy.gluedTable4(messy.gluedRows(base, '')) },
    { name: 'table 四 as one run', text: messy.gluedTable4(base) },
    // the longest runs the search takes on (7 cells of 7 digits), and one digit more
    {
      name: 'glued rows, long runs',
      text: messy.gluedRows(base).replace(/\t\d{8,}$/gm, (_m, i: number) => `\t${'1'.repeat(49 + (i % 2))}`),
    },
  ];
  const dir = join(ROOT, 'test/fixtures/pdftext');
  if (existsSync(dir))
    for (const f of readdirSync(dir).filter((x) => x.startsWith('huaian'))) out.push({ name: f, text: readFileSync(join(dir, f), 'utf8') });
  return out;
}

/** Mutations of the messy layouts: no throw, bounded time, every range inside, fixes that apply. */
export function runMessyMutations(opts: SuiteOptions): number {
  const docs = messyBases();
  let count = 0;
  fc.assert(
    fc.property(fc.nat({ max: docs.length - 1 }), fc.array(opArb, { minLength: 0, maxLength: 8 }), (d, ops) => {
      count++;
      const text = mutate(docs[d].text, ops);
      const t = performance.now();
      const a = analyze(text);
      const ms = performance.now() - t;
      assert.ok(ms <= opts.limitMs, `${docs[d].name}: analyze took ${ms.toFixed(0)} ms`);
      assert.deepEqual(a.ruleErrors, [], `${docs[d].name}: a rule threw: ${JSON.stringify(a.ruleErrors).slice(0, 500)}`);
      assertRangesInside(a, text);
      const fixed = applyEdits(a.report.text, fixAllEdits(a));
      assert.equal(docLines(fixed).length, docLines(a.report.text).length, `${docs[d].name}: fix-all changed the number of lines`);
    }),
    { seed: opts.seed + 1, numRuns: opts.runs, endOnFailure: true },
  );
  return count;
}

/** A report whose table 三 region holds its table repeated until the text is about `mb` MB (UTF-8). */
export function repeatedTables(mb: number): string {
  const base = generateSizedReport({ lines: 100, seed: 21 });
  const lines = base.split('\n');
  const start = lines.findIndex((l) => l.startsWith('三、收到和处理'));
  const end = lines.findIndex((l) => l.startsWith('四、政府信息公开行政复议'));
  const table = lines.slice(start + 1, end).join('\n');
  const reps = Math.max(1, Math.ceil((mb * 1024 * 1024) / Buffer.byteLength(`${table}\n`)));
  const body = new Array(reps).fill(table).join('\n');
  return [...lines.slice(0, start + 1), body, ...lines.slice(end)].join('\n');
}
