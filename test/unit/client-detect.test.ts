// The client's plain-text detection (client/src/detect.ts): a plain-text document switches to the
// report language only when its first lines read like a report.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isDocumentName, looksLikeReport, looksLikeReportDocument } from '../../client/src/detect';

const sample = (name: string) => readFileSync(new URL(`../fixtures/samples/${name}`, import.meta.url), 'utf8');

test('every sample looks like a report, with or without a BOM and in any line ending', () => {
  for (const name of ['xigong-2022.txt', 'shanghai-office-2019.txt', 'shanghai-stcsm-2024-from-pdf.txt', 'pingtan-2021-crawled.txt']) {
    const text = sample(name);
    assert.ok(looksLikeReport(text), name);
    assert.ok(looksLikeReport(`\ufeff${text.replace(/\n/g, '\r\n')}`), `${name} with a BOM and CRLF`);
  }
});

test('a title or a section heading within the first lines is enough; later ones are not read', () => {
  assert.ok(looksLikeReport('某局2023年政府信息公开工作年度报告\n'));
  assert.ok(looksLikeReport('某局政府信息公开年报\n'));
  assert.ok(looksLikeReport('前言\n\n一、总体情况\n'));
  assert.ok(looksLikeReport('三、收到和处理政府信息公开申请情况\n'));
  const late = `${'说明\n'.repeat(10)}一、总体情况\n`;
  assert.equal(looksLikeReport(late), false, 'a heading on line 11 is not read');
  assert.ok(looksLikeReport(late, 11), 'unless more lines are asked for');
});

test('ordinary text does not switch: notes, a meeting record, the words alone', () => {
  for (const text of [
    '',
    'shopping list\nmilk\n',
    '2023年度工作会议纪要\n参会人员：张三\n',
    '政府信息公开\n（没有报告二字）',
    '年度报告\n（没有另一个词）',
    '五、其他事项\n',
  ]) {
    assert.equal(looksLikeReport(text), false, JSON.stringify(text));
  }
});

test('a PDF, DOCX or HTML file is offered as a report when its name says so (年度报告, 年报, 信息公开), by its basename only', () => {
  for (const name of [
    '/ws/某局2023年政府信息公开工作年度报告.pdf',
    '/ws/某局2023年年报.DOCX',
    '/ws/政府信息公开.html',
    '/ws/%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A.htm',
    'C:\\reports\\某局年度报告.pdf',
  ])
    assert.ok(looksLikeReportDocument(name), name);
  for (const name of [
    '/ws/某局2023年政府信息公开工作年度报告.txt',
    '/ws/某局2023年年度报告.doc',
    '/ws/信息公开/通知.pdf',
    '/ws/report.pdf',
    '/ws/年报.pdf.bak',
    '/ws/%E5%B9%B4.pdf',
    '',
  ])
    assert.equal(looksLikeReportDocument(name), false, name);
  assert.ok(isDocumentName('report.PDF') && isDocumentName('a.htm') && !isDocumentName('a.doc') && !isDocumentName('a.pdfx'));
});
