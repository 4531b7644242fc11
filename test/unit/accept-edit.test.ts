// Writing an acceptance (the editor's "Accept this finding…"): the entry names the finding and no
// other, and stops matching when its numbers change; it goes into `.disclosure-report.json` with
// every other byte of the file kept; a file that is not a JSON object is refused, never overwritten.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  acceptEntryFor,
  acceptedBy,
  addAcceptEntry,
  analyze,
  applyAccept,
  canAccept,
  type Finding,
  parseConfig,
} from '../../server/src/core/index';

const XIGONG = readFileSync(new URL('../fixtures/samples/xigong-2022.txt', import.meta.url), 'utf8');
const ENTRY = {
  code: 'balance',
  file: 'r.txt',
  table: '三' as const,
  row: '四、结转下年度继续办理',
  expected: 1,
  actual: 3,
  reason: '撤回 2 件',
};

/** the text with `entry` added, which must succeed */
function added(text: string | undefined, entry = ENTRY): string {
  const r = addAcceptEntry(text, entry);
  assert.ok(r.ok, JSON.stringify(r));
  return r.text;
}

test('the entry of a finding accepts it, no other finding of the report, and not once its number changes', () => {
  const { findings } = analyze(XIGONG);
  const missing = findings.filter((f) => f.code === 'missing-cell');
  assert.equal(missing.length, 5);
  for (const f of missing) {
    const entry = acceptEntryFor(f, 'reports/x.txt', '  checked with the office ');
    assert.equal(entry.reason, 'checked with the office', 'the reason is trimmed');
    assert.equal(entry.file, 'reports/x.txt');
    const split = applyAccept(findings, 'reports/x.txt', [entry]);
    assert.deepEqual(
      split.accepted.map((a) => a.finding),
      [f],
      `${f.row}: this finding and only this one`,
    );
    assert.ok(canAccept(f, findings, 'reports/x.txt'));
    assert.ok(!acceptedBy(f, 'reports/y.txt', [entry]), 'another file: not accepted');
  }
  // the row's total changes: the finding it rests on comes back
  const first = missing[0];
  const entry = acceptEntryFor(first, 'x.txt', 'ok');
  const line = XIGONG.split('\n')[first.range.start.line];
  const firstValue = /\t(\d+)/.exec(line)!;
  const edited = XIGONG.replace(line, line.replace(firstValue[0], `\t${Number(firstValue[1]) + 1}`));
  const again = analyze(edited).findings.find((f) => f.code === 'missing-cell' && f.row === first.row)!;
  assert.notEqual(again.expected, first.expected, 'the edit changed the number');
  assert.equal(acceptedBy(again, 'x.txt', [entry]), undefined, 'a changed number brings the finding back');
});

test('the entry keeps every field of the finding: code, file, table, block, row, column, expected, actual, reason', () => {
  const f: Finding = {
    code: 'balance',
    severity: 'error',
    message: { zh: '', en: '' },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
    table: '二',
    block: '第二十条第（五）项',
    row: '行政处罚',
    column: '本年处理决定数量',
    expected: 0,
    actual: 2,
  };
  assert.deepEqual(acceptEntryFor(f, 'a/b.txt', 'why'), {
    code: 'balance',
    file: 'a/b.txt',
    table: '二',
    block: '第二十条第（五）项',
    row: '行政处罚',
    column: '本年处理决定数量',
    expected: 0,
    actual: 2,
    reason: 'why',
  });
  const noReason = acceptEntryFor(f, undefined, '   ');
  assert.equal('reason' in noReason, false, 'a blank reason is left out');
  assert.equal('file' in noReason, false, 'a report outside the config folder: no file');
});

test('a finding its entry cannot tell from another, or with nothing to name it by, cannot be accepted', () => {
  const base: Finding = {
    code: 'unknown-row',
    severity: 'warning',
    message: { zh: '', en: '' },
    range: { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } },
    table: '三',
  };
  const twin = { ...base, range: { start: { line: 9, character: 0 }, end: { line: 9, character: 4 } } };
  assert.ok(!canAccept(base, [base, twin], 'x.txt'), 'two findings one entry would both hide');
  assert.ok(canAccept(base, [base], 'x.txt'));
  const nowhere: Finding = { ...base, table: undefined };
  assert.ok(!canAccept(nowhere, [nowhere], 'x.txt'), 'code alone would hide every finding of that code');
  assert.ok(canAccept({ ...nowhere, expected: 10, actual: 12 }, [nowhere], 'x.txt'), 'a number names it');
});

test('no config yet: a new file holding the entry, which reads back as the same entry', () => {
  const text = added(undefined);
  assert.ok(text.endsWith('}\n'));
  const r = parseConfig(text);
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.config.accept, [ENTRY]);
  assert.equal(added('  \n'), text, 'an empty file is a new one');
});

test('an existing config keeps every other byte: its keys, indentation, line ends, BOM and final newline', () => {
  const cases: { name: string; before: string; after: string }[] = [
    {
      name: 'two-space keys, no accept',
      before: '{\n  "rules": { "balance": "warning" },\n  "format": "auto"\n}\n',
      after: `{\n  "rules": { "balance": "warning" },\n  "format": "auto",\n  "accept": [\n    ENTRY\n  ]\n}\n`,
    },
    {
      name: 'tabs and CRLF',
      before: '{\r\n\t"format": "2021"\r\n}',
      after: '{\r\n\t"format": "2021",\r\n\t"accept": [\r\n\t\tENTRY\r\n\t]\r\n}',
    },
    {
      name: 'an accept list with an entry',
      before: '{\n    "accept": [\n        { "code": "row-total", "row": "x" }\n    ],\n    "rules": {}\n}\n',
      after: '{\n    "accept": [\n        { "code": "row-total", "row": "x" },\n        ENTRY\n    ],\n    "rules": {}\n}\n',
    },
    {
      name: 'an empty accept list',
      before: '{\n  "rules": {},\n  "accept": []\n}\n',
      after: '{\n  "rules": {},\n  "accept": [\n    ENTRY\n  ]\n}\n',
    },
    { name: 'one line', before: '{"format":"auto"}', after: '{"format":"auto", "accept": [ENTRY]}' },
    { name: 'one line, inline list', before: '{"accept":[{"code":"x","row":"y"}]}', after: '{"accept":[{"code":"x","row":"y"}, ENTRY]}' },
    { name: 'an empty object', before: '{}\n', after: '{\n  "accept": [\n    ENTRY\n  ]\n}\n' },
    {
      name: 'a BOM',
      before: '\ufeff{\n  "format": "auto"\n}\n',
      after: '\ufeff{\n  "format": "auto",\n  "accept": [\n    ENTRY\n  ]\n}\n',
    },
    {
      name: 'strings holding brackets, braces, commas and escaped quotes',
      before: '{\n  "$comment": "a } ] , \\" [ {",\n  "templates": ["./f [1].json"]\n}\n',
      after: '{\n  "$comment": "a } ] , \\" [ {",\n  "templates": ["./f [1].json"],\n  "accept": [\n    ENTRY\n  ]\n}\n',
    },
  ];
  const line =
    '{ "code": "balance", "file": "r.txt", "table": "三", "row": "四、结转下年度继续办理", "expected": 1, "actual": 3, "reason": "撤回 2 件" }';
  for (const c of cases) {
    const text = added(c.before);
    assert.equal(text, c.after.replace('ENTRY', line), c.name);
    const back = JSON.parse(text.replace(/^\ufeff/, ''));
    assert.deepEqual(back.accept.at(-1), ENTRY, `${c.name}: the entry reads back`);
  }
});

test('a config that is not a JSON object, or whose accept is not a list, is refused', () => {
  const bad = ['{ "rules": { ', '{"a": 1,}', '// comment\n{}', '[]', '"x"', '{"accept": {"code": "x"}}'];
  const errors = bad.map((t) => {
    const r = addAcceptEntry(t, ENTRY);
    assert.equal(r.ok, false, t);
    return !r.ok && r.error;
  });
  assert.deepEqual(errors, ['invalid-json', 'invalid-json', 'invalid-json', 'not-object', 'not-object', 'accept-not-array']);
});

test('an entry already there (whatever its reason) is not written twice', () => {
  const once = added('{"accept": []}');
  const r = addAcceptEntry(once, { ...ENTRY, reason: 'another reason' });
  assert.ok(r.ok && r.unchanged && r.text === once);
  const other = addAcceptEntry(once, { ...ENTRY, actual: 4 });
  assert.ok(other.ok && !other.unchanged, 'another number is another entry');
});

test('property: any JSON object config takes the entry as its last accept element and keeps all its other values', () => {
  const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== 'accept' && k !== '__proto__');
  const value = fc.jsonValue({ maxDepth: 2 });
  fc.assert(
    fc.property(
      fc.dictionary(key, value, { maxKeys: 5 }),
      fc.option(fc.array(fc.dictionary(key, value, { maxKeys: 2 }), { maxLength: 3 })),
      fc.constantFrom(0, 2, '\t'),
      (obj, accept, space) => {
        const text = JSON.stringify(accept ? { ...obj, accept } : obj, null, space);
        const before = JSON.parse(text);
        const back = JSON.parse(added(text));
        assert.deepEqual(back.accept, [...(before.accept ?? []), ENTRY]);
        delete back.accept;
        delete before.accept;
        assert.deepEqual(back, before);
      },
    ),
    { numRuns: 300 },
  );
});
