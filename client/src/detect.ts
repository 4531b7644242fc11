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
