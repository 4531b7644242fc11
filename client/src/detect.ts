// Does a plain-text document look like a 政府信息公开工作年度报告? Reads only its first lines.
// Pure (no vscode import), so it can be unit-tested (test/unit/client-detect.test.ts).

const SECTION_HEADING = /^\s*[一二三四五六]\s*[、.．]\s*(总体情况|主动公开政府信息|收到和处理政府信息公开申请|政府信息公开行政复议)/;

export function looksLikeReport(text: string, maxLines = 10): boolean {
  const head = text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/, maxLines + 1)
    .slice(0, maxLines);
  const joined = head.join('\n');
  if (/政府信息公开/.test(joined) && /年度?报告|年报/.test(joined)) return true;
  return head.some((line) => SECTION_HEADING.test(line));
}

const DOCUMENT_NAME = /\.(pdf|docx|html?)$/i;
const REPORT_WORDS = /年度报告|年报|信息公开/;

/** Is this a PDF, DOCX or HTML file name ("Open as Disclosure Report" offers itself for it)? */
export function isDocumentName(name: string): boolean {
  return DOCUMENT_NAME.test(name);
}

/**
 * Does a PDF, DOCX or HTML file's name look like a report (年度报告, 年报, 信息公开)? The editor then
 * offers to open it as one. Only the basename counts: a folder named 信息公开 holds other files too.
 */
export function looksLikeReportDocument(path: string): boolean {
  const base = path.replace(/\\/g, '/').replace(/\/+$/, '').split('/').pop() ?? '';
  let name = base;
  try {
    name = decodeURIComponent(base);
  } catch {
    // not percent-encoded
  }
  return isDocumentName(name) && REPORT_WORDS.test(name.replace(DOCUMENT_NAME, ''));
}
