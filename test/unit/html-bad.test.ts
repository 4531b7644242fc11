// Bad HTML through readDocument: mutated bytes of every HTML fixture and of the real page, markup
// soup, and a page of chrome only: always a document or a clear Unreadable, never a throw.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { convertDocument, isUnreadable, readDocument } from '../../server/src/readers/index';
import { mutations } from '../support/documents/mutate';
import { rng } from '../support/report';

const FIXTURES = new URL('../fixtures/documents/', import.meta.url);
const manifest: { file: string; kind: string }[] = JSON.parse(readFileSync(new URL('manifest.json', FIXTURES), 'utf8'));

test('fuzz: mutated bytes of every HTML fixture and of the real page: a document or an Unreadable, never a throw', async () => {
  const files = [
    ...manifest.filter((m) => m.kind === 'html').map((m) => new URL(m.file, FIXTURES)),
    new URL('../fixtures/samples/shanghai-office-2019.html', import.meta.url),
  ];
  let seed = 100;
  let readable = 0;
  let total = 0;
  for (const f of files) {
    for (const m of mutations(new Uint8Array(readFileSync(f)), seed++, 40)) {
      const r = await convertDocument(m.bytes);
      total++;
      if (r.ok) {
        readable++;
        assert.equal(r.text.source, 'html');
      } else assert.ok(r.unreadable.message.length > 0, `${f}: ${m.what}`);
    }
  }
  assert.ok(total >= 200);
  // HTML is forgiving: most mutants still read (and their tables are still found by their words)
  assert.ok(readable > total / 2, `${readable} of ${total}`);
});

test('markup soup: random tags, spans and entities around a report table: no throw', async () => {
  const r = rng(7);
  const pieces = [
    '<table>',
    '</table>',
    '<tr>',
    '<td rowspan="',
    '<td colspan=0>',
    '<th>',
    '</td>',
    '<tbody>',
    '<p>',
    '<br>',
    '&nbsp;',
    '&#x0;',
    '&#99999999;',
    '申请人情况',
    '12',
    '"',
    '>',
    '<!--',
    '-->',
    '<script>',
    '</script>',
  ];
  for (let k = 0; k < 60; k++) {
    let s = '<table><tr><td>申请人情况</td></tr>';
    for (let i = 0; i < 300; i++) s += pieces[Math.floor(r() * pieces.length)];
    const res = await convertDocument(new TextEncoder().encode(s));
    assert.ok(res.ok || res.unreadable.message.length > 0);
  }
});

test('a page of navigation and footer only: no-report', async () => {
  const page = `<html><head><meta charset="utf-8"></head><body><table><tr><td><a>首页</a></td><td><a>政务公开</a></td></tr></table>
    <p>您访问的页面不存在</p><table><tr><td>主办单位</td><td>电话 12345678</td></tr></table></body></html>`;
  const r = await readDocument(new TextEncoder().encode(page), { name: 'x.html' });
  assert.ok(isUnreadable(r));
  assert.equal(r.unreadable, 'no-report');
});

test('PDF input goes to the PDF reader (loaded on first use), junk before %PDF- and all', async () => {
  const pdf = new Uint8Array(readFileSync(new URL('docx-2021-wrong-total.pdf', FIXTURES)));
  const junk = new Uint8Array([...new TextEncoder().encode('HTTP junk\r\n'), ...pdf]);
  for (const bytes of [pdf, junk]) {
    const r = await readDocument(bytes);
    if (isUnreadable(r)) assert.notEqual(r.unreadable, 'unsupported', r.message);
    else assert.equal(r.source, 'pdf');
  }
});
