// The DOCX reader on hand-made document.xml: every construct of documents.md §2.1, each as Word,
// WPS or a converter writes it, and the grid that must come out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readDocx } from '../../server/src/readers/docx/index';
import { formatNumber } from '../../server/src/readers/docx/numbering';
import { type DocTable, isUnreadable, type ReadDocument, type ReadResult } from '../../server/src/readers/model';
import { abstractNum, docxOf, np, num, p, tbl, tc, tr } from '../support/documents/ooxml';

function read(body: string, opts?: Parameters<typeof docxOf>[1]): ReadDocument {
  const r = readDocx(docxOf(body, opts));
  if (isUnreadable(r)) assert.fail(`unreadable: ${r.message}`);
  return r;
}
const tables = (d: ReadDocument) => d.blocks.filter((b) => b.kind === 'table').map((b) => (b as { table: DocTable }).table);
const paragraphs = (d: ReadDocument) => d.blocks.filter((b) => b.kind === 'paragraph').map((b) => (b as { text: string }).text);

/** the grid slot by slot: an anchor's text where it starts, ^ covered from above, < covered from the left, . no cell */
function slots(t: DocTable): string[][] {
  const g: string[][] = Array.from({ length: t.rows }, () => new Array(t.cols).fill('.'));
  for (const c of t.cells)
    for (let r = c.row; r < c.row + c.rowspan; r++)
      for (let x = c.col; x < c.col + c.colspan; x++) g[r][x] = r === c.row && x === c.col ? c.text : x === c.col ? '^' : '<';
  return g;
}

test('gridSpan and vMerge: the merged header 申请人情况 / 法人或其他组织, continue with and without a value', () => {
  const d = read(
    tbl(
      tr(tc(p('说明'), '<w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>') + tc(p('申请人情况'), '<w:gridSpan w:val="3"/>')) +
        tr(
          tc('', '<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>') +
            tc(p('自然人'), '<w:vMerge w:val="restart"/>') +
            tc(p('法人或其他组织'), '<w:gridSpan w:val="2"/>'),
        ) +
        tr(tc('', '<w:gridSpan w:val="2"/><w:vMerge/>') + tc('', '<w:vMerge/>') + tc(p('商业企业')) + tc(p('科研机构'))) +
        tr(tc(p('一、本年新收')) + tc(p('')) + tc(p('1')) + tc(p('2')) + tc(p('3'))),
    ),
  );
  const [t] = tables(d);
  assert.deepEqual(slots(t), [
    ['说明', '<', '申请人情况', '<', '<'],
    ['^', '<', '自然人', '法人或其他组织', '<'],
    ['^', '<', '^', '商业企业', '科研机构'],
    ['一、本年新收', '', '1', '2', '3'],
  ]);
  // sources: table, w:tr, and w:tc index in its row (continue cells counted)
  const nat = t.cells.find((c) => c.text === '自然人')!;
  assert.deepEqual(nat.source, { kind: 'docx', table: 0, row: 1, cell: 1 });
  const biz = t.cells.find((c) => c.text === '商业企业')!;
  assert.deepEqual(biz.source, { kind: 'docx', table: 0, row: 2, cell: 2 });
});

test('gridBefore skips grid columns at a row start; gridAfter leaves the end empty; legacy hMerge widens a cell', () => {
  const d = read(
    tbl(
      tr(tc(p('a')) + tc(p('b')) + tc(p('c'))) +
        tr(tc(p('x')) + tc(p('y')), '<w:gridBefore w:val="1"/>') +
        tr(tc(p('m')) + tc(p('n')), '<w:gridAfter w:val="1"/>') +
        tr(tc(p('h'), '<w:hMerge w:val="restart"/>') + tc(p(''), '<w:hMerge w:val="continue"/>') + tc(p('z'))),
    ),
  );
  assert.deepEqual(slots(tables(d)[0]), [
    ['a', 'b', 'c'],
    ['.', 'x', 'y'],
    ['m', 'n', '.'],
    ['h', '<', 'z'],
  ]);
});

test('cell text: soft breaks and paragraphs are line breaks; tab, ptab, noBreakHyphen and sym are characters; w:tabs is no text', () => {
  const cell =
    '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>商业</w:t><w:br/><w:t>企业</w:t></w:r></w:p>' +
    '<w:p><w:r><w:t>A</w:t><w:tab/><w:t>B</w:t><w:cr/><w:t>C</w:t><w:noBreakHyphen/><w:t>D</w:t><w:sym w:font="Symbol" w:char="F0B4"/><w:ptab w:alignment="left" w:relativeTo="margin" w:leader="none"/><w:t>E</w:t></w:r></w:p>';
  const [t] = tables(read(tbl(tr(tc(cell)))));
  assert.equal(t.cells[0].text, '商业\n企业\nA B\nC-D´ E');
});

test('content controls, custom XML, smart tags, hyperlinks, insertions and simple fields are read through', () => {
  const d = read(
    tbl(
      `<w:sdt><w:sdtPr><w:alias w:val="row"/></w:sdtPr><w:sdtContent>${tr(
        `${tc(p('一、本年新收'))}<w:sdt><w:sdtPr/><w:sdtContent>${tc(p('7'))}</w:sdtContent></w:sdt>`,
      )}</w:sdtContent></w:sdt>` +
        `<w:customXml w:element="r">${tr(
          tc(
            '<w:p><w:smartTag w:uri="u" w:element="e"><w:r><w:t>（一）</w:t></w:r></w:smartTag><w:hyperlink r:id="x" xmlns:r="urn:r"><w:r><w:t>予以</w:t></w:r></w:hyperlink><w:ins w:id="1" w:author="a"><w:r><w:t>公开</w:t></w:r></w:ins></w:p>',
          ) + tc('<w:p><w:fldSimple w:instr=" =SUM(LEFT) "><w:r><w:t>12</w:t></w:r></w:fldSimple></w:p>'),
        )}</w:customXml>`,
    ),
  );
  assert.deepEqual(slots(tables(d)[0]), [
    ['一、本年新收', '7'],
    ['（一）予以公开', '12'],
  ]);
  // the w:tc inside a content control is still the row's second cell
  assert.deepEqual(tables(d)[0].cells[1].source, { kind: 'docx', table: 0, row: 0, cell: 1 });
});

test('skipped: deleted text, moved-away text, field codes (the result is kept), hidden runs, mc:Fallback, ruby text, placeholder text', () => {
  const body =
    p('标题') +
    '<w:p><w:r><w:t>总</w:t></w:r><w:del w:id="2" w:author="a"><w:r><w:delText>旧</w:delText></w:r></w:del><w:moveFrom w:id="3" w:author="a"><w:r><w:t>搬走</w:t></w:r></w:moveFrom><w:moveTo w:id="4" w:author="a"><w:r><w:t>计</w:t></w:r></w:moveTo></w:p>' +
    '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>5</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>' +
    '<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>显示</w:t></w:r></w:p>' +
    '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>' +
    '<w:p><w:r><w:ruby><w:rubyPr/><w:rt><w:r><w:t>zhù</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>注</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>' +
    '<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>单击此处输入文字。</w:t></w:r></w:p></w:sdtContent></w:sdt>' +
    '<w:sdt><w:sdtPr><w:showingPlcHdr w:val="false"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>已填写</w:t></w:r></w:p></w:sdtContent></w:sdt>';
  assert.deepEqual(paragraphs(read(body)), ['标题', '总计', '5', '显示', '文本框', '注', '已填写']);
});

test('nested tables stay separate: the outer cell does not absorb the inner table, outer first in the numbering', () => {
  const inner = tbl(tr(tc(p('内1')) + tc(p('内2'))));
  const d = read(tbl(tr(tc(p('外') + inner + p('后')) + tc(p('右')))) + tbl(tr(tc(p('第三')))));
  const ts = tables(d);
  assert.equal(ts.length, 3);
  assert.deepEqual(slots(ts[0]), [['外\n后', '右']]);
  assert.deepEqual(slots(ts[1]), [['内1', '内2']]);
  assert.deepEqual(ts[1].cells[0].source, { kind: 'docx', table: 1, row: 0, cell: 0 });
  assert.deepEqual(ts[2].cells[0].source, { kind: 'docx', table: 2, row: 0, cell: 0 });
});

test('a row deleted as a tracked change is left out; w:tr indices still count it', () => {
  const d = read(tbl(tr(tc(p('a'))) + tr(tc(p('gone')), '<w:del w:id="1" w:author="x"/>') + tr(tc(p('c')))));
  const [t] = tables(d);
  assert.deepEqual(slots(t), [['a'], ['c']]);
  assert.deepEqual(t.cells[1].source, { kind: 'docx', table: 0, row: 2, cell: 0 });
});

test('prose: paragraphs in order with their index; empty paragraphs dropped; list numbering noted', () => {
  const d = read(
    p('某某区2023年政府信息公开工作年度报告') +
      '<w:p/>' +
      '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>总体情况</w:t></w:r></w:p>' +
      tbl(tr(tc(p('x')))) +
      p('结尾'),
  );
  assert.deepEqual(
    d.blocks.map((b) => (b.kind === 'paragraph' ? [b.text, b.source] : 'table')),
    [
      ['某某区2023年政府信息公开工作年度报告', { kind: 'paragraph', index: 0 }],
      ['总体情况', { kind: 'paragraph', index: 1 }],
      'table',
      ['结尾', { kind: 'paragraph', index: 2 }],
    ],
  );
  assert.equal(d.warnings.length, 1);
  assert.match(d.warnings[0], /list numbering/);
});

test('Strict OOXML namespace and a main part named by _rels/.rels are read', () => {
  const strict = readDocx(docxOf(p('严格'), { ns: 'http://purl.oclc.org/ooxml/wordprocessingml/main' })) as ReadDocument;
  assert.deepEqual(paragraphs(strict), ['严格']);
  const moved = readDocx(docxOf(p('别处'), { mainPath: 'word/document2.xml' })) as ReadDocument;
  assert.deepEqual(paragraphs(moved), ['别处']);
});

test('a default namespace instead of the w: prefix', () => {
  const xml = `<?xml version="1.0"?><document xmlns="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><body><tbl><tr><tc><p><r><t>无前缀</t></r></p></tc></tr></tbl></body></document>`;
  const d = readDocx(docxOf('', { rawXml: xml })) as ReadDocument;
  assert.equal(tables(d)[0].cells[0].text, '无前缀');
});

test('malformed XML, an unclosed table, an unbound prefix, a DTD entity, a control character: a clear Unreadable, never a throw', () => {
  const cases: [string, Uint8Array, ReadResult['unreadable' & keyof ReadResult] | string][] = [
    ['mismatched tags', docxOf('', { rawXml: '<w:document xmlns:w="x"><w:body><w:p></w:body></w:document>' }), 'corrupt'],
    ['not XML', docxOf('', { rawXml: 'PK garbage <<<' }), 'corrupt'],
    ['unbound prefix', docxOf('', { rawXml: '<w:document><w:body/></w:document>' }), 'corrupt'],
    ['entity', docxOf('', { rawXml: '<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document xmlns:w="x">&a;</w:document>' }), 'corrupt'],
  ];
  for (const [name, bytes, reason] of cases) {
    const r = readDocx(bytes);
    assert.ok(isUnreadable(r), name);
    assert.equal(r.unreadable, reason, name);
    assert.match(r.message, /Word or WPS/, name);
  }
  const unclosed = readDocx(
    docxOf('', { rawXml: `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:tbl><w:tr>` }),
  );
  assert.ok(isUnreadable(unclosed));
  const control =
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>ok \u0001</w:t></w:r></w:p></w:body></w:document>';
  assert.ok(isUnreadable(readDocx(docxOf('', { rawXml: control }))));
});

test('document.xml with bytes that are not UTF-8: read, the bad bytes as U+FFFD, and a warning says so', () => {
  const xml = new TextEncoder().encode(
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>总计X</w:t></w:r></w:p></w:body></w:document>',
  );
  const bad = xml.slice();
  bad[bad.indexOf(0x58)] = 0xff;
  const d = readDocx(docxOf('', { rawXml: bad })) as ReadDocument;
  assert.deepEqual(paragraphs(d), ['总计\ufffd']);
  assert.match(d.warnings[0], /not valid UTF-8/);
});

test('Word list numbering is put into the text: section headings by style, sub-parts by level, table labels, restarts, bullets left out', () => {
  const numbering =
    abstractNum(0, [
      ['chineseCounting', '%1、'],
      ['chineseCounting', '（%2）'],
    ]) +
    abstractNum(1, [['decimal', '%1.']]) +
    abstractNum(2, [['bullet', '•']]) +
    num(1, 0) +
    num(2, 1) +
    num(3, 1, 1) +
    num(4, 2);
  const styles = `<w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
    <w:style w:type="paragraph" w:styleId="H1x"><w:basedOn w:val="H1"/></w:style>`;
  const body =
    p('某某区2023年政府信息公开工作年度报告') +
    np('总体情况', { style: 'H1' }) +
    np('主动公开', { numId: 1, ilvl: 1 }) +
    np('依申请公开', { numId: 1, ilvl: 1 }) +
    np('主动公开政府信息情况', { style: 'H1x' }) +
    np('要点', { numId: 4 }) +
    tbl(tr(tc(np('属于国家秘密', { numId: 2 }))) + tr(tc(np('其他法律行政法规禁止公开', { numId: 2 })))) +
    np('收到和处理政府信息公开申请情况', { style: 'H1' }) +
    np('规章', { numId: 1, ilvl: 1 }) +
    tbl(tr(tc(np('本机关不掌握相关政府信息', { numId: 3 })))) +
    np('无编号', { numId: 0 });
  const d = read(body, { numbering, styles });
  assert.deepEqual(paragraphs(d), [
    '某某区2023年政府信息公开工作年度报告',
    '一、总体情况',
    '（一）主动公开',
    '（二）依申请公开',
    '二、主动公开政府信息情况',
    '要点',
    '三、收到和处理政府信息公开申请情况',
    '（一）规章',
    '无编号',
  ]);
  const ts = tables(d);
  assert.deepEqual(
    ts[0].cells.map((c) => c.text),
    ['1.属于国家秘密', '2.其他法律行政法规禁止公开'],
  );
  // a new list instance with a start override restarts at 1
  assert.equal(ts[1].cells[0].text, '1.本机关不掌握相关政府信息');
  assert.deepEqual(d.warnings, []);
});

test('numbering formats: Chinese counting, full-width and enclosed digits, letters, roman, heavenly stems', () => {
  const cases: [string, number, string][] = [
    ['chineseCounting', 1, '一'],
    ['chineseCounting', 10, '十'],
    ['chineseCounting', 12, '十二'],
    ['chineseCounting', 20, '二十'],
    ['chineseCounting', 35, '三十五'],
    ['chineseCountingThousand', 105, '一百零五'],
    ['chineseCountingThousand', 110, '一百一十'],
    ['decimalFullWidth', 12, '１２'],
    ['decimalEnclosedCircle', 3, '③'],
    ['upperLetter', 28, 'BB'],
    ['lowerRoman', 14, 'xiv'],
    ['ideographTraditional', 2, '乙'],
    ['chineseLegalSimplified', 3, '叁'],
    ['decimalZero', 7, '07'],
  ];
  for (const [fmt, n, want] of cases) assert.equal(formatNumber(n, fmt), want, `${fmt} ${n}`);
});

test('a table pasted as a picture or an Excel object, content embedded by w:altChunk: warnings say what could not be read', () => {
  const d = read(
    `${p('一、总体情况')}<w:p><w:r><w:object><v:shape xmlns:v="urn:schemas-microsoft-com:vml"/></w:object></w:r></w:p><w:altChunk r:id="rId9" xmlns:r="urn:r"/>`,
  );
  assert.equal(d.warnings.length, 2);
  assert.match(d.warnings.join('\n'), /w:altChunk/);
  assert.match(d.warnings.join('\n'), /1 picture or embedded object: a table pasted as a picture or an Excel object cannot be read/);
});
