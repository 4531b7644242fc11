// The robustness tests themselves, parameterised: test/unit/fuzz.test.ts runs them bounded,
// test/fuzz/fuzz.test.ts long. See fuzz.ts for the properties.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from '../../server/src/cli/main';
import { analyze, applyEdits, fixAllEdits } from '../../server/src/core/index';
import { mutations } from './documents/mutate';
import { checkText, docLines, messyBases, repeatedTables, runMessyMutations, runMutations, type SuiteOptions } from './fuzz';
import { generateSizedReport, rowLine, withWrongSevenTotal } from './report';

// a generated table 三 line: three label cells, six values (cells 3–8), the row's 总计 (cell 9)
const FIRST_VALUE = 3;
const ROW_TOTAL = 9;

export function defineRobustnessSuite(opts: SuiteOptions & { cliFiles: number; documentFiles?: number }): void {
  if (opts.documentFiles) defineDocumentRobustness(opts.documentFiles, opts.seed);
  describe('robustness: the core never breaks', () => {
    test(`${opts.runs} seeded mutations of the samples and generated reports keep every invariant`, () => {
      const n = runMutations(opts);
      console.log(`fuzz: ${n} mutated documents checked (seed ${opts.seed})`);
      assert.equal(n, opts.runs);
    });

    test(`${opts.runs} seeded mutations of the messy layouts (PDF text, spacer columns, mixed format, bad bytes, run together, glued rows): no throw, no hang, ranges inside`, () => {
      assert.ok(messyBases().length >= 15);
      const n = runMessyMutations(opts);
      console.log(`fuzz: ${n} mutated messy documents checked`);
      assert.equal(n, opts.runs);
    });

    test('edge documents: empty, BOM only, line ends only, NUL bytes, lone surrogates, astral characters', () => {
      const docs = [
        '',
        '\ufeff',
        '\n',
        '\r\n\r\n',
        '\r\r',
        '\t',
        '\t\t\n\t',
        '\0',
        '\0\0\t\0\n',
        '\ud800',
        '\udc00\ud800',
        '😀\t𠀀\t1',
        '\ufeff\ufeff',
        ' ',
        '\u3000',
      ];
      for (const d of docs) checkText(d, 1000);
      // a report with NUL bytes and surrogates inside its table cells
      const r = generateSizedReport({ lines: 100, seed: 3 }).replace(/\t(\d+)\t/g, (m, n, off: number) =>
        off % 3 === 0 ? `\t${n}\0\t` : off % 3 === 1 ? `\t\ud83d${n}\t` : m,
      );
      checkText(r, 2000);
    });

    test('one 200,000-character line, alone and inside a report', () => {
      const long = [
        'a'.repeat(200_000),
        '7'.repeat(200_000),
        '1\t'.repeat(100_000),
        '中'.repeat(200_000),
        `三、收到和处理政府信息公开申请情况${'12'.repeat(99_990)}`,
        '😀'.repeat(100_000),
        '一、'.repeat(100_000),
      ];
      for (const l of long) checkText(l, 3000);
      const report = generateSizedReport({ lines: 100, seed: 4 }).split('\n');
      const row = rowLine(report, '（七）总计');
      for (const l of long.slice(0, 4)) {
        const copy = [...report];
        copy[row] = `${copy[row]}\t${l}`;
        checkText(copy.join('\n'), 3000);
        copy[row - 1] = l;
        checkText(copy.join('\n'), 3000);
      }
    });

    test('numbers beyond safe integers are reported and never summed into a total', () => {
      const base = generateSizedReport({ lines: 100, seed: 5 });
      const lines = base.split('\n');
      const row = rowLine(lines, '1.属于国家秘密');
      for (const big of [
        '99999999999999999999',
        '9007199254740993',
        '123456789012345678',
        '1e309',
        '1.23457E+19',
        '99999999999999999999件',
      ]) {
        for (const col of [FIRST_VALUE, FIRST_VALUE + 2, FIRST_VALUE + 5]) {
          const cells = lines[row].split('\t');
          cells[col] = big;
          const text = [...lines.slice(0, row), cells.join('\t'), ...lines.slice(row + 1)].join('\n');
          const a = analyze(text);
          const at = cells.slice(0, col).join('\t').length + 1;
          const inv = a.findings.find((f) => f.code === 'invalid-number' && f.range.start.line === row && f.range.start.character === at);
          assert.ok(
            inv,
            `${big} in cell ${col}: no invalid-number finding at ${row}:${at}; got ${a.findings.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`).join(' ')}`,
          );
          assert.equal(inv.actual, undefined, `${big}: an inexact value is reported as actual`);
          checkText(text, 2000);
          // the totals that depend on it keep their written value: nothing is computed from it
          const fixed = applyEdits(a.report.text, fixAllEdits(a));
          const fixedLines = docLines(fixed);
          assert.equal(fixedLines[row].split('\t')[col], big, 'the huge number itself was rewritten');
          const total7 = rowLine(lines, '（七）总计');
          if (col < ROW_TOTAL)
            assert.equal(
              fixedLines[total7].split('\t')[col],
              lines[total7].split('\t')[col],
              `（七）总计 column ${col} was recomputed from ${big}`,
            );
          if (col < ROW_TOTAL)
            assert.equal(
              fixedLines[row].split('\t')[ROW_TOTAL],
              lines[row].split('\t')[ROW_TOTAL],
              `the row's 总计 was recomputed from ${big}`,
            );
          for (const f of a.findings) {
            if (f.expected !== undefined)
              assert.ok(Number.isSafeInteger(f.expected) || !Number.isInteger(f.expected), `${f.code} expected ${f.expected}`);
          }
        }
      }
    });

    test('negative and fractional counts are reported at their cell', () => {
      const base = generateSizedReport({ lines: 100, seed: 6 });
      const lines = base.split('\n');
      const row = rowLine(lines, '（一）予以公开');
      for (const v of ['-3', '2.5', '-0.5', '０.５', '－２']) {
        const cells = lines[row].split('\t');
        cells[FIRST_VALUE] = v;
        const text = [...lines.slice(0, row), cells.join('\t'), ...lines.slice(row + 1)].join('\n');
        const a = analyze(text);
        const at = cells.slice(0, FIRST_VALUE).join('\t').length + 1;
        assert.ok(
          a.findings.some((f) => f.code === 'invalid-number' && f.range.start.line === row && f.range.start.character === at),
          `${v}: no invalid-number at ${row}:${at}: ${a.findings.map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`).join(' ')}`,
        );
        checkText(text, 2000);
      }
    });

    test(`a ${opts.bigMB} MB file of repeated tables is checked in bounded time`, () => {
      const text = repeatedTables(opts.bigMB);
      // a bound that catches a hang or a blow-up, not a speed goal (those are in npm run bench): 1.3–2 s
      // here alone, but 6–11 s while other suites load the 2-core machine (load average 12–13)
      const limit = Math.max(20000, opts.bigMB * 1500);
      const ms = checkText(text, limit);
      console.log(
        `fuzz: ${(text.length / 1e6).toFixed(1)} M chars (${docLines(text).length} lines) of repeated tables in ${ms.toFixed(0)} ms`,
      );
    });
  });

  describe('robustness: the CLI over a messy folder', () => {
    let dir: string;
    const run = async (args: string[]) => {
      let stdout = '';
      let stderr = '';
      const code = await main(args, {
        stdout: (s) => void (stdout += s),
        stderr: (s) => void (stderr += s),
        cwd: dir,
        env: { LANG: 'en_US.UTF-8' },
      });
      return { code, stdout, stderr };
    };
    before(() => {
      dir = mkdtempSync(join(os.tmpdir(), 'dr-fuzz-cli-'));
      const many = join(dir, 'many');
      mkdirSync(many);
      const report = generateSizedReport({ lines: 90, seed: 8 });
      const broken = withWrongSevenTotal(report);
      assert.notEqual(broken, report, 'the broken report differs');
      for (let i = 0; i < opts.cliFiles; i++) {
        const name = join(many, `f${String(i).padStart(5, '0')}.txt`);
        // mostly small non-report text, every 25th a report (every 50th with a wrong total)
        writeFileSync(name, i % 50 === 0 ? broken : i % 25 === 0 ? report : `note ${i}\nnothing to see here\t${i}\n`);
      }
      const messy = join(dir, 'messy');
      mkdirSync(messy);
      writeFileSync(join(messy, 'good.txt'), report);
      writeFileSync(join(messy, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10, 0x00]));
      writeFileSync(join(messy, 'invalid-utf8.txt'), Buffer.from([0xff, 0xfe, 0x80, 0x41, 0xc3, 0x28, 0xa0, 0xa1]));
      writeFileSync(join(messy, 'prose.txt'), '这是一份普通的文本文件，记录会议安排。\nJust some notes.\n');
      writeFileSync(join(messy, 'empty.txt'), '');
      symlinkSync(join(messy, 'does-not-exist.txt'), join(messy, 'dangling.txt'));
      mkdirSync(join(messy, 'folder.txt'));
      writeFileSync(join(messy, 'folder.txt', 'inner.txt'), broken);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    test(`${opts.cliFiles} files: every one is reported, exit 1 for the errors found`, async () => {
      const t = performance.now();
      const r = await run(['--format', 'json', 'many']);
      const ms = performance.now() - t;
      const out = JSON.parse(r.stdout);
      assert.equal(out.files.length, opts.cliFiles);
      assert.equal(r.code, 1, r.stderr);
      const reports = out.files.filter((f: { format: string | null }) => f.format === '2021');
      assert.equal(reports.length, Math.ceil(opts.cliFiles / 25));
      const skipped = out.files.filter((f: { skipped?: string }) => f.skipped);
      assert.equal(skipped.length, opts.cliFiles - reports.length);
      assert.ok(skipped.every((f: { skipped: string }) => /not recognised/.test(f.skipped)));
      console.log(`fuzz: CLI checked ${opts.cliFiles} files in ${ms.toFixed(0)} ms`);
    });

    test('unreadable, binary, invalid UTF-8 and non-report files: the run goes on, says what it skipped and why, exits 2', async () => {
      const r = await run(['--format', 'json', 'messy']);
      assert.equal(r.code, 2, 'an unreadable file makes the exit status 2');
      const files = new Map<string, { format: string | null; error?: string; skipped?: string; diagnostics: unknown[] }>(
        JSON.parse(r.stdout).files.map((f: { file: string }) => [f.file.split(/[\\/]/).slice(1).join('/'), f]),
      );
      assert.equal(files.get('good.txt')?.format, '2021');
      assert.equal(files.get('folder.txt/inner.txt')?.format, '2021', 'a folder named *.txt is searched like any folder');
      assert.ok(files.get('folder.txt/inner.txt')!.diagnostics.length > 0);
      assert.match(files.get('dangling.txt')?.error ?? '', /cannot read|ENOENT/);
      // (its bytes start as a zip's: told by content, it is a zip that is no Word document)
      assert.match(files.get('binary.txt')?.skipped ?? '', /binary|zip file that is not a Word document/);
      assert.match(files.get('invalid-utf8.txt')?.error ?? files.get('invalid-utf8.txt')?.skipped ?? '', /UTF-8/);
      assert.match(files.get('prose.txt')?.skipped ?? '', /not recognised/);
      assert.match(files.get('empty.txt')?.skipped ?? '', /not recognised/);
      // text output names the unreadable files and why on stderr, and still prints the findings
      const text = await run(['messy']);
      assert.equal(text.code, 2);
      assert.match(text.stderr, /dangling\.txt: error: cannot read/);
      assert.match(text.stderr, /invalid-utf8\.txt: error: /);
      assert.match(text.stdout, /inner\.txt:\d+:\d+: error column-total/);
    });

    test('exit status: 0 for clean reports, 1 with an error finding, 2 on bad usage', async () => {
      const clean = join(dir, 'clean');
      mkdirSync(clean);
      for (let i = 0; i < 5; i++) writeFileSync(join(clean, `r${i}.txt`), generateSizedReport({ lines: 100, seed: 100 + i }));
      assert.equal((await run(['clean'])).code, 0);
      assert.equal((await run(['many/f00000.txt'])).code, 1);
      assert.equal((await run(['--format', 'yaml', 'clean'])).code, 2);
      assert.equal((await run([])).code, 2);
      assert.equal((await run(['no-such-folder'])).code, 2);
    });
  });
}

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../fixtures');

/**
 * The CLI over a folder of mutated documents (seeded byte mutations of every DOCX, HTML and PDF
 * fixture: bytes changed, truncated, zeroed, copied, cut): every file is reported, as a checked
 * report or a one-line reason, the run never crashes nor hangs, and the exit status is 0, 1 or 2.
 */
function defineDocumentRobustness(count: number, seed: number): void {
  describe('robustness: the CLI over mutated documents', () => {
    test(`${count} mutated PDF, DOCX and HTML files: each one reported, a clear reason or its findings`, {
      timeout: 60_000 + count * 5_000,
    }, async () => {
      const sources = [
        ...readdirSync(join(FIXTURES, 'documents')).map((f) => join(FIXTURES, 'documents', f)),
        ...readdirSync(join(FIXTURES, 'pdf')).map((f) => join(FIXTURES, 'pdf', f)),
        join(FIXTURES, 'samples/shanghai-office-2019.html'),
      ].filter((f) => /\.(pdf|docx|html)$/.test(f));
      const dir = mkdtempSync(join(os.tmpdir(), 'dr-fuzz-docs-'));
      try {
        const what = new Map<string, string>();
        for (let i = 0; i < count; i++) {
          const src = sources[i % sources.length];
          // the last of 1–5 mutations: each of mutate.ts's five kinds in turn
          const m = [...mutations(new Uint8Array(readFileSync(src)), seed + i, 1 + (i % 5))].pop()!;
          const name = `m${String(i).padStart(4, '0')}${extname(src)}`;
          writeFileSync(join(dir, name), m.bytes);
          what.set(name, `${basename(src)}: ${m.what}`);
        }
        let stdout = '';
        let stderr = '';
        const code = await main(['--format', 'json', '.'], {
          stdout: (x) => (stdout += x),
          stderr: (x) => (stderr += x),
          cwd: dir,
          env: { LANG: 'en_US.UTF-8' },
        });
        assert.ok([0, 1, 2].includes(code), `exit ${code}`);
        assert.doesNotMatch(stderr, /internal error/);
        const files: { file: string; error?: string; skipped?: string; format: string | null; diagnostics: unknown[] }[] =
          JSON.parse(stdout).files;
        assert.equal(files.length, count);
        let unreadable = 0;
        for (const f of files) {
          const reason = f.error ?? f.skipped;
          if (reason !== undefined) {
            unreadable++;
            assert.ok(reason.length > 10 && !/\n/.test(reason), `${f.file} (${what.get(f.file)}): ${reason}`);
            assert.doesNotMatch(
              reason,
              /^(TypeError|RangeError|Error):|\bat \w+ \(/,
              `${f.file} (${what.get(f.file)}): a reason, not a stack`,
            );
          } else assert.ok(Array.isArray(f.diagnostics) && f.format !== undefined, f.file);
        }
        console.log(`fuzz: CLI over ${count} mutated documents: ${count - unreadable} checked, ${unreadable} with a reason (seed ${seed})`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
