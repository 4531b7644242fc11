// --format csv: a BOM, a header, one row per finding with the body and year of its report, fields
// quoted as Excel reads them, and no formula run from a cell (CSV injection).
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { main } from '../../server/src/cli/main';
import { CSV_COLUMNS, csvField } from '../../server/src/cli/output/csv';

const XIGONG = readFileSync(new URL('../fixtures/samples/xigong-2022.txt', import.meta.url), 'utf8');

/** RFC 4180 rows: quoted fields may hold commas, quotes ("") and line breaks */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

test('fields: numbers as they are, quotes doubled, formulas defused', () => {
  assert.equal(csvField(-3), '-3');
  assert.equal(csvField(undefined), '');
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "x"'), '"say ""x"""');
  assert.equal(csvField('two\nlines'), '"two\nlines"');
  for (const s of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx']) assert.ok(csvField(s).replace(/^"/, '').startsWith("'"), s);
  assert.equal(csvField('=HYPERLINK("http://x")'), `"'=HYPERLINK(""http://x"")"`);
});

test('CLI: BOM, header, one row per finding with body and year; an unreadable file has its row', async () => {
  const d = mkdtempSync(join(tmpdir(), 'dr-csv-'));
  writeFileSync(join(d, '=x.txt'), XIGONG);
  let stdout = '';
  const code = await main(['--format', 'csv', '=x.txt', 'absent.txt'], {
    stdout: (s) => (stdout += s),
    stderr: () => {},
    cwd: d,
    env: { LANG: 'en_US.UTF-8' },
  });
  assert.equal(code, 2);
  assert.ok(stdout.startsWith('\ufeff'), 'a BOM');
  assert.ok(stdout.endsWith('\r\n'));
  const rows = parseCsv(stdout.slice(1));
  assert.deepEqual(rows[0], [...CSV_COLUMNS]);
  assert.ok(
    rows.every((r) => r.length === CSV_COLUMNS.length),
    'every row has every column',
  );
  const col = (r: string[], name: (typeof CSV_COLUMNS)[number]) => r[CSV_COLUMNS.indexOf(name)];
  const findings = rows.slice(1).filter((r) => col(r, 'file') === "'=x.txt");
  assert.equal(findings.length, 6, 'five missing 总计 and the prose 10 vs 12');
  assert.ok(findings.every((r) => col(r, 'body') === '西工区人民政府' && col(r, 'year') === '2022' && col(r, 'format') === '2021'));
  const first = findings.find((r) => col(r, 'code') === 'missing-cell')!;
  assert.deepEqual(
    [
      col(first, 'severity'),
      col(first, 'table'),
      col(first, 'row'),
      col(first, 'column'),
      col(first, 'expected'),
      col(first, 'line'),
      col(first, 'character'),
    ],
    ['error', '三', '一、本年新收政府信息公开申请数量', '总计', '12', '41', '1'],
  );
  assert.match(col(first, 'message'), /6 value cells where 7 belong/);
  const absent = rows.find((r) => col(r, 'file') === 'absent.txt')!;
  assert.deepEqual([col(absent, 'severity'), col(absent, 'message')], ['error', 'no such file or folder']);
});
