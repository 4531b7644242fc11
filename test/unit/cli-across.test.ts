// The CLI compares all files of one run with each other (carry-over, stock-carry-over,
// duplicate-report): folders included, body + year from each title, never from the file name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ChainYear, carryInto, chain, renderYear } from '../support/chain';
import { folder as dir, runCli as run } from '../support/cli';

type Json = {
  files: {
    file: string;
    diagnostics: {
      code: string;
      column?: string;
      expected?: number;
      actual?: number;
      related?: { file: string; cell: string; value?: number }[];
    }[];
  }[];
};
const json = async (args: string[], cwd: string) => JSON.parse((await run(['--format', 'json', ...args], cwd)).stdout) as Json;
const codesByFile = (doc: Json) => Object.fromEntries(doc.files.map((f) => [f.file, f.diagnostics.map((d) => d.code)]));
const BODY = '某某区人民政府';

/** a chain whose year `broken` carries one more 自然人 than the year before left */
function brokenChain(years: number[], broken: number, seed = 21, formats?: ChainYear['format'][]): Record<number, string> {
  const ys = chain(BODY, years, seed, formats);
  const out: Record<number, string> = {};
  for (const y of ys) {
    if (y.year !== broken) {
      out[y.year] = y.text;
      continue;
    }
    const carried = y.table3.grid[y.table3.rowIds.indexOf('二')].slice(0, 6);
    carried[0] += 1;
    carryInto(y.table3, carried);
    out[y.year] = renderYear(BODY, y, 4);
  }
  return out;
}

test('a folder of a consistent chain: no cross-report finding, exit 0', async () => {
  const ys = chain(BODY, [2021, 2022, 2023], 30);
  const d = dir(Object.fromEntries(ys.map((y) => [`reports/${y.year}/report.txt`, y.text])));
  const r = await run(['--format', 'json', 'reports'], d);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(Object.values(codesByFile(JSON.parse(r.stdout))), [[], [], []]);
});

test('a broken link: carry-over in text and JSON, related naming last year’s file and cell; a warning keeps exit 0', async () => {
  const t = brokenChain([2021, 2022], 2022);
  // the file names say nothing (and mislead): the titles decide
  const d = dir({ 'x/2022.txt': t[2021], 'y/2021.txt': t[2022] });
  const text = await run(['x', 'y'], d);
  assert.equal(text.code, 0);
  assert.match(
    text.stdout,
    /^y\/2021\.txt:\d+:\d+: warning carry-over carried over \(自然人\) is \d+, but x\/2022\.txt \(2021\) carried \d+ over/m,
  );
  const doc = await json(['x', 'y'], d);
  const found = doc.files[1].diagnostics.filter((x) => x.code === 'carry-over');
  assert.deepEqual(
    found.map((x) => [x.column, x.actual! - x.expected!]),
    [
      ['自然人', 1],
      ['总计', 1],
    ],
  );
  assert.deepEqual(
    found[0].related?.map((x) => [x.file, x.cell, x.value]),
    [['x/2022.txt', '四、结转下年度继续办理 / 自然人', found[0].expected]],
  );
  assert.deepEqual(doc.files[0].diagnostics, []);
});

test('a broken stock, a missing year, confusable names, a duplicate, the 2019 → 2021 chain', async () => {
  // broken stock
  const ys = chain(BODY, [2021, 2022], 40);
  const y: ChainYear = { ...ys[1], stock: { ...ys[1].stock, 规章: [ys[1].stock.规章[0], ys[1].stock.规章[1], ys[1].stock.规章[2] + 1] } };
  let doc = await json(['.'], dir({ 'a.txt': ys[0].text, 'b.txt': renderYear(BODY, y, 2) }));
  assert.deepEqual(codesByFile(doc), { 'a.txt': [], 'b.txt': ['stock-carry-over'] });
  // a missing year: 2021 and 2023, the 2023 one broken against whatever came before: nothing
  const gap = brokenChain([2021, 2022, 2023], 2023, 41);
  doc = await json(['.'], dir({ 'a.txt': gap[2021], 'c.txt': gap[2023] }));
  assert.deepEqual(codesByFile(doc), { 'a.txt': [], 'c.txt': [] });
  // confusable names: the office's 2022 report is not the government's
  const gov = brokenChain([2021, 2022], 2022, 42);
  doc = await json(['.'], dir({ 'a.txt': gov[2021].replace(`${BODY}2021年`, `${BODY}办公室2021年`), 'b.txt': gov[2022] }));
  assert.deepEqual(codesByFile(doc), { 'a.txt': [], 'b.txt': [] });
  // a duplicate year: the two 2022 reports are told, and 2023 (broken) is compared with neither
  const dup = brokenChain([2021, 2022, 2023], 2023, 43);
  const r = await run(['--format', 'json', '.'], dir({ '1.txt': dup[2021], '2.txt': dup[2022], '2b.txt': dup[2022], '3.txt': dup[2023] }));
  assert.equal(r.code, 0);
  assert.deepEqual(codesByFile(JSON.parse(r.stdout)), {
    '1.txt': [],
    '2.txt': ['duplicate-report'],
    '2b.txt': ['duplicate-report'],
    '3.txt': [],
  });
  // across the format change: 2020 (2019 format) → 2021, table 三 compared
  const fmt = brokenChain([2020, 2021], 2021, 44, ['2019', '2021']);
  doc = await json(['.'], dir({ 'a.txt': fmt[2020], 'b.txt': fmt[2021] }));
  assert.deepEqual(codesByFile(doc), { 'a.txt': [], 'b.txt': ['carry-over', 'carry-over'] });
});

test('rule settings apply to cross-report findings: off in the config, an error makes exit 1', async () => {
  const t = brokenChain([2021, 2022], 2022, 50);
  const off = dir({ '.disclosure-report.json': JSON.stringify({ rules: { 'carry-over': 'off' } }), 'a.txt': t[2021], 'b.txt': t[2022] });
  assert.deepEqual(codesByFile(await json(['a.txt', 'b.txt'], off)), { 'a.txt': [], 'b.txt': [] });
  const err = dir({ '.disclosure-report.json': JSON.stringify({ rules: { 'carry-over': 'error' } }), 'a.txt': t[2021], 'b.txt': t[2022] });
  assert.equal((await run(['a.txt', 'b.txt'], err)).code, 1);
});
