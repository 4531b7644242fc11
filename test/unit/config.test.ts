import assert from 'node:assert/strict';
import { test } from 'node:test';
import { defaultConfig, findConfigFile, mergeConfig, parseConfig } from '../../server/src/core/config';

test('a valid config is read as written, with no error', () => {
  const r = parseConfig({ rules: { 'missing-row': 'off', balance: 'warning' }, format: '2019', decimalPlaces: 2 });
  assert.deepEqual(r.errors, []);
  assert.deepEqual(r.config, {
    rules: { 'missing-row': 'off', balance: 'warning' },
    format: '2019',
    decimalPlaces: 2,
    templates: [],
    accept: [],
  });
});

test('invalid values are reported by key, and the valid rest is kept', () => {
  const r = parseConfig({ rules: { balance: 'loud', 'row-total': 'off' }, format: '2030' }, 'a/.disclosure-report.json');
  assert.equal(r.config.rules['row-total'], 'off');
  assert.equal(r.config.rules.balance, undefined);
  assert.equal(r.config.format, 'auto');
  assert.ok(
    r.errors.some((e) => e.startsWith('a/.disclosure-report.json: rules.balance:')),
    r.errors.join('\n'),
  );
  assert.ok(
    r.errors.some((e) => e.includes('format')),
    r.errors.join('\n'),
  );
});

test('unknown rule codes and unknown keys are errors', () => {
  const r = parseConfig({ rules: { 'row-totl': 'off' }, colour: 1 });
  assert.ok(r.errors.some((e) => /rules\.row-totl: unknown rule/.test(e)));
  assert.ok(
    r.errors.some((e) => /colour/.test(e)),
    r.errors.join('\n'),
  );
});

test('broken JSON and non-objects are one error each, and the defaults apply', () => {
  assert.match(parseConfig('{ "rules": ', 'c.json').errors[0], /^c\.json: not valid JSON/);
  assert.match(parseConfig('[]', 'c.json').errors[0], /expected a JSON object/);
  assert.deepEqual(parseConfig('[]').config, defaultConfig());
});

test('merge: later settings win, auto does not override a file format', () => {
  const m = mergeConfig(
    { rules: { a: 'off' }, format: '2019', decimalPlaces: null, templates: [], accept: [] },
    { rules: { b: 'error' }, format: 'auto' },
  );
  assert.deepEqual(m, { rules: { a: 'off', b: 'error' }, format: '2019', decimalPlaces: null, templates: [], accept: [] });
});

test('the config file is found in the nearest folder above', () => {
  const files: Record<string, string> = { '/r/.disclosure-report.json': '{}' };
  const host = {
    readFile: (p: string) => files[p],
    dirname: (p: string) => p.replace(/\/[^/]*$/, '') || '/',
    join: (d: string, n: string) => `${d === '/' ? '' : d}/${n}`,
  };
  assert.equal(findConfigFile('/r/a/b', host)?.path, '/r/.disclosure-report.json');
  assert.equal(findConfigFile('/x', host), undefined);
});
