// The HTML reader on hand-made pages: the HTML table algorithm, cell text, charsets, MHTML, prose
// and page chrome, and the pages that hold no report.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeHtml, prescanCharset } from '../../server/src/readers/html/charset';
import { readHtml } from '../../server/src/readers/html/index';
import { type DocTable, isUnreadable, type ReadDocument } from '../../server/src/readers/model';
import { toReportText } from '../../server/src/readers/report-text';
import { encodeGb } from '../support/documents/html';

const utf8 = (s: string) => new TextEncoder().encode(s);
/** a report table's header row, so that the page counts as holding a report */
const T3 = '<tr><td colspan="3">说明</td><td colspan="2">申请人情况</td></tr>';

function read(html: string | Uint8Array): ReadDocument {
  const r = readHtml(typeof html === 'string' ? utf8(html) : html);
  if (isUnreadable(r)) assert.fail(`unreadable: ${r.message}`);
  return r;
}
const tables = (d: ReadDocument) => d.blocks.filter((b) => b.kind === 'table').map((b) => (b as { table: DocTable }).table);
const paragraphs = (d: ReadDocument) => d.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);

function slots(t: DocTable): string[][] {
  const g: string[][] = Array.from({ length: t.rows }, () => new Array(t.cols).fill('.'));
  for (const c of t.cells)
    for (let r = c.row; r < c.row + c.rowspan; r++)
      for (let x = c.col; x < c.col + c.colspan; x++) g[r][x] = r === c.row && x === c.col ? c.text : x === c.col ? '^' : '<';
  return g;
}

test('the HTML table algorithm: cells skip slots taken from above, spans clamp, rowspan=0 runs to the end of its row group, tfoot last', () => {
  const d = read(`<table>${T3}
    <tbody>
      <tr><td rowspan="2">a</td><td colspan="2">b</td><td rowspan="9">c</td><td>d</td></tr>
      <tr><td>e</td><td colspan=0>f</td><td>g</td></tr>
    </tbody>
    <tfoot><tr><td>脚</td></tr></tfoot>
    <tbody><tr><td rowspan="0">h</td><td>i</td></tr><tr><td>j</td></tr></tbody>
  </table>`);
  assert.deepEqual(slots(tables(d)[0]), [
    ['说明', '<', '<', '申请人情况', '<'],
    ['a', 'b', '<', 'c', 'd'],
    ['^', 'e', 'f', '^', 'g'],
    ['h', 'i', '.', '.', '.'],
    ['^', 'j', '.', '.', '.'],
    ['脚', '.', '.', '.', '.'],
  ]);
  // sources: the <tr> in document order (tfoot's row before the last tbody's), the cell in its row
  const foot = tables(d)[0].cells.find((c) => c.text === '脚')!;
  assert.deepEqual(foot.source, { kind: 'html', table: 0, row: 3, cell: 0 });
  const g = tables(d)[0].cells.find((c) => c.text === 'g')!;
  assert.deepEqual(g.source, { kind: 'html', table: 0, row: 2, cell: 2 });
});

test('hostile spans are clamped: colspan to 1000, rowspan to its row group', () => {
  const d = read(`<table>${T3}<tr><td colspan="100000" rowspan="100000">x</td></tr><tr><td>y</td></tr></table>`);
  const [t] = tables(d);
  // y skips the 1000 columns x covers in its row
  assert.equal(t.cols, 1001);
  assert.equal(t.rows, 3);
  assert.equal(t.cells.find((c) => c.text === 'x')!.rowspan, 2);
});

test('only a table’s own rows: a table nested in a cell is its own table, and the outer one (layout) is read as flow', () => {
  const d = read(
    `<table><tr><td><p>某某区2023年政府信息公开工作年度报告</p><table>${T3}<tr><td>一、本年新收</td><td>1</td></tr></table><p>结尾</p></td></tr></table>`,
  );
  assert.equal(tables(d).length, 1);
  assert.deepEqual(slots(tables(d)[0])[1], ['一、本年新收', '1', '.', '.', '.']);
  assert.deepEqual(paragraphs(d), ['某某区2023年政府信息公开工作年度报告', '结尾']);
  // the layout table counts in the numbering: the report table is table 1
  assert.equal((tables(d)[0].cells[0].source as { table: number }).table, 1);
});

test('cell text: <br> and <p> are line breaks, source white space a space, &nbsp; and U+3000 spaces; unclosed <td> and <tr> are implied', () => {
  const d = read(`<table>${T3}<tr><td><p>商业</p><p>企业</p><td>本年新<br/>制作
      数量<td>&nbsp;<td>\u3000１２\u3000<tr><td><span>a</span> <b>b</b></table>`);
  const t = tables(d)[0];
  const row = t.cells.filter((c) => c.row === 1).map((c) => c.text);
  assert.deepEqual(row, ['商业\n企业', '本年新\n制作 数量', '\u00a0', '\u3000１２\u3000']);
  const rt = toReportText(d);
  assert.ok(rt.text.includes('商业企业\t本年新制作 数量\t\t１２'), rt.text);
  assert.deepEqual(
    t.cells.filter((c) => c.row === 2).map((c) => c.text),
    ['a b'],
  );
});

test('prose: blocks in order; script, style, nav, noscript, hidden elements and comments are not read', () => {
  const d = read(`<html><head><title>t</title><style>p{}</style></head><body>
    <nav><a>首页</a></nav><script>var x = "一、总体情况";</script>
    <div>某某区2023年政府信息公开工作年度报告</div><p>一、总体情况</p><!-- 注释 -->
    <p style="display: none">隐藏</p><p hidden>也隐藏</p><noscript>无脚本</noscript>
    <div>文字<span>连在</span>一起<br>换行</div>
    <table>${T3}</table>
    <p>二、主动公开政府信息情况</p></body></html>`);
  assert.deepEqual(paragraphs(d), [
    '某某区2023年政府信息公开工作年度报告',
    '一、总体情况',
    '文字连在一起\n换行',
    '二、主动公开政府信息情况',
  ]);
  assert.deepEqual(
    d.blocks.map((b) => b.kind),
    ['paragraph', 'paragraph', 'paragraph', 'table', 'paragraph'],
  );
  assert.deepEqual(d.blocks[4].kind === 'paragraph' && d.blocks[4].source, { kind: 'paragraph', index: 3 });
});

test('an article with no title line takes the title from <title>, up to 年度报告, and says so', () => {
  const d = read(
    `<html><head><title>某某区2023年政府信息公开工作年度报告_某某区人民政府门户网站</title></head><body><p>一、总体情况</p><table>${T3}</table></body></html>`,
  );
  assert.equal(paragraphs(d)[0], '某某区2023年政府信息公开工作年度报告');
  assert.match(d.warnings.join(), /<title>/);
});

test('charset: a BOM, then a meta in the first 1024 bytes, then UTF-8, then GB18030', () => {
  const page = (meta: string) => `<html><head>${meta}</head><body><p>政府信息公开</p><table>${T3}</table></body></html>`;
  assert.equal(prescanCharset(utf8('<meta charset="GB2312">')), 'gb2312');
  assert.equal(prescanCharset(utf8('<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=gbk">')), 'gbk');
  assert.equal(prescanCharset(utf8(`${' '.repeat(1100)}<meta charset="gbk">`)), undefined);
  assert.equal(prescanCharset(utf8('<!-- <meta charset="gbk"> -->')), undefined);
  const gbk = encodeGb(page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'), 'gbk');
  assert.equal(decodeHtml(gbk).encoding, 'gbk');
  assert.ok(paragraphs(read(gbk)).includes('政府信息公开'));
  // no declaration: not UTF-8, so GB18030
  const bare = encodeGb(page(''), 'gb18030');
  assert.equal(decodeHtml(bare).encoding, 'gb18030');
  assert.ok(paragraphs(read(bare)).includes('政府信息公开'));
  // a BOM wins over the meta
  const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(page('<meta charset="gbk">'))]);
  assert.ok(paragraphs(read(bom)).includes('政府信息公开'));
  // a meta that lies (UTF-8 bytes declared gb2312 is still decodable as GBK, so it is followed, as browsers do);
  // a meta declaring UTF-8 over GBK bytes is not followed
  const lying = encodeGb(page('<meta charset="utf-8">'), 'gbk');
  const dec = decodeHtml(lying);
  assert.equal(dec.encoding, 'gb18030');
  assert.match(dec.warnings[0], /declares utf-8 but its bytes are GB18030/);
  // UTF-16 with a BOM
  const u16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...page('')].map((c) => c.charCodeAt(0))).buffer)]);
  assert.ok(paragraphs(read(u16)).includes('政府信息公开'));
});

test('MHTML (a web page saved by Word, often named .doc): the HTML part, quoted-printable or base64, with its charset', () => {
  const html = `<html><body><p>政府信息公开年度报告</p><table>${T3}<tr><td>一、本年新收</td><td>5</td></tr></table></body></html>`;
  const gb = encodeGb(html, 'gbk');
  // quoted-printable: =XX escapes, soft line breaks (=CRLF) between escapes, never inside one
  const tokens = [...gb].map((b) =>
    b >= 0x80 || b === 0x3d ? `=${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b),
  );
  let wrapped = '';
  let lineLen = 0;
  for (const tk of tokens) {
    if (lineLen + tk.length > 72) {
      wrapped += '=\r\n';
      lineLen = 0;
    }
    wrapped += tk;
    lineLen += tk.length;
  }
  const mht = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\nThis is a multi-part message.\r\n\r\n------=_NextPart_01\r\nContent-Location: file:///C:/x.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset="gb2312"\r\n\r\n${wrapped}\r\n\r\n------=_NextPart_01\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n------=_NextPart_01--\r\n`;
  const r = readHtml(new TextEncoder().encode(mht), undefined, { mhtml: true }) as ReadDocument;
  assert.ok(!isUnreadable(r));
  assert.deepEqual(paragraphs(r), ['政府信息公开年度报告']);
  assert.equal(tables(r)[0].cells.find((c) => c.text === '5')?.row, 1);
  const b64 = `MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n${Buffer.from(
    html,
  )
    .toString('base64')
    .replace(/(.{76})/g, '$1\n')}\n--b--\n`;
  assert.deepEqual(paragraphs(readHtml(utf8(b64), undefined, { mhtml: true }) as ReadDocument), ['政府信息公开年度报告']);
});

test('a page with no report table is no-report, and says when its tables may be pictures', () => {
  const none = readHtml(utf8('<html><body><p>通知</p><table><tr><td>首页</td><td>联系我们</td></tr></table></body></html>'));
  assert.ok(isUnreadable(none));
  assert.equal(none.unreadable, 'no-report');
  assert.match(none.message, /no report table/);
  const pictures = readHtml(utf8('<html><body><p>一、总体情况</p><p><img src="t2.png"></p><p><img src="t3.png"></p></body></html>'));
  assert.ok(isUnreadable(pictures));
  assert.match(pictures.message, /2 images: its tables may be published as pictures/);
  const some = read(`<p>一、总体情况</p><table>${T3}</table><p><img src="t4.png"></p>`);
  assert.match(some.warnings.join(), /a table published as a picture cannot be read \(found table 三 only\)/);
});

test('deep nesting and an empty page: no throw, no hang', () => {
  const deep = `${'<div>'.repeat(100000)}一、总体情况${'</div>'.repeat(100000)}<table>${T3}</table>`;
  const d = read(deep);
  assert.equal(paragraphs(d)[0], '一、总体情况');
  assert.ok(isUnreadable(readHtml(new Uint8Array(0))));
});

test('a report table with a small table inside a cell stays the report table; the inner one follows it as a table of its own', () => {
  const d = read(
    `<p>三、收到和处理政府信息公开申请情况</p><table>${T3}<tr><td>一、本年新收<table><tr><td>注</td></tr></table></td><td>1</td></tr></table><p>后</p>`,
  );
  const ts = tables(d);
  assert.equal(ts.length, 2);
  assert.deepEqual(slots(ts[0])[1], ['一、本年新收', '1', '.', '.', '.']);
  assert.deepEqual(slots(ts[1]), [['注']]);
  assert.equal((ts[1].cells[0].source as { table: number }).table, 1);
  assert.deepEqual(paragraphs(d), ['三、收到和处理政府信息公开申请情况', '后']);
});
