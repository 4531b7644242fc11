// The words of the product in both languages: the server's strings go through @vscode/l10n with the
// shared zh-cn bundle, which the client's vscode.l10n reads too; every key of either side has a
// translation, the bundle has no key neither side uses, and every manifest string has its nls entry.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { configureLanguage, t } from '../../server/src/strings';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const bundle: Record<string, string> = JSON.parse(read('l10n/bundle.l10n.zh-cn.json'));

/** the English strings the client passes to vscode.l10n.t (string literals only) */
function clientStrings(): string[] {
  const out: string[] = [];
  const files = readdirSync(new URL('../../client/src', import.meta.url), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  for (const f of files) {
    for (const m of read(`client/src/${f}`).matchAll(/vscode\.l10n\.t\(\s*(['"])((?:\\.|(?!\1).)*)\1/g))
      out.push(m[2].replace(/\\(.)/g, '$1'));
  }
  return out;
}

/** the English strings of the server (strings.ts), as t() looks them up */
function serverStrings(): string[] {
  return [...read('server/src/strings.ts').matchAll(/^ {2}\w+: (['"])((?:\\.|(?!\1).)*)\1,$/gm)].map((m) => m[2].replace(/\\(.)/g, '$1'));
}

test('server strings: English by default, Chinese from the bundle for zh', () => {
  configureLanguage('en');
  assert.equal(t('table'), 'Table');
  assert.equal(t('notOpen'), 'The document is not open.');
  configureLanguage('zh');
  assert.equal(t('table'), '表');
  assert.equal(t('notOpen'), '该文档未打开。');
  configureLanguage('en');
});

test("the client's and the server's strings are all in the zh-cn bundle, and the bundle holds nothing else", () => {
  const client = clientStrings();
  const server = serverStrings();
  assert.ok(client.length >= 8, `client strings found: ${client.length}`);
  assert.ok(server.length >= 10, `server strings found: ${server.length}`);
  for (const s of client) assert.ok(s in bundle, `client string without a translation: ${s}`);
  for (const s of server) assert.ok(s in bundle, `server string without a translation: ${s}`);
  const used = new Set([...client, ...server]);
  assert.deepEqual(
    Object.keys(bundle).filter((k) => !used.has(k)),
    [],
    'bundle keys no string uses',
  );
});

test('every package.nls key has a Chinese translation, and every manifest string its nls entry', () => {
  const en = JSON.parse(read('package.nls.json'));
  const zh = JSON.parse(read('package.nls.zh-cn.json'));
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const m of read('package.json').matchAll(/"%([^%"]+)%"/g))
    assert.ok(m[1] in en, `package.json uses %${m[1]}% but package.nls.json lacks it`);
});
