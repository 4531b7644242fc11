// The server's own strings go through @vscode/l10n with the shared zh-cn bundle; every key has a
// translation, and the client's strings are in the same bundle.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { configureLanguage, t } from '../../server/src/strings';

test('server strings: English by default, Chinese from the bundle for zh', () => {
  configureLanguage('en');
  assert.equal(t('table'), 'Table');
  assert.equal(t('notOpen'), 'The document is not open.');
  configureLanguage('zh');
  assert.equal(t('table'), '表');
  assert.equal(t('notOpen'), '该文档未打开。');
  configureLanguage('en');
});

test('every package.nls key has a Chinese translation', () => {
  const en = JSON.parse(readFileSync(new URL('../../package.nls.json', import.meta.url), 'utf8'));
  const zh = JSON.parse(readFileSync(new URL('../../package.nls.zh-cn.json', import.meta.url), 'utf8'));
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  const manifest = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  for (const m of manifest.matchAll(/"%([^%"]+)%"/g)) assert.ok(m[1] in en, `package.json uses %${m[1]}% but package.nls.json lacks it`);
});
