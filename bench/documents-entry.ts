// What bench/documents.ts times, bundled into one module as the readers ship (esbuild, minified).
import { plantedReport } from '../test/support/documents/plant';

export { parse } from 'parse5';
export { analyze, fixAllEdits } from '../server/src/core/index';
export { mainPart, readDocx } from '../server/src/readers/docx/index';
export { docxEdits, patchDocx } from '../server/src/readers/docx/patch';
export { scanDocumentXml } from '../server/src/readers/docx/scan';
export { decodeHtml } from '../server/src/readers/html/charset';
export { readHtml } from '../server/src/readers/html/index';
export { isUnreadable, type ReadDocument } from '../server/src/readers/model';
export { toReportText } from '../server/src/readers/report-text';
export { reportDocx } from '../test/support/documents/docx';

/** a report with 400 prose paragraphs in section 一 (the tables as usual) */
export function bigReport(): string {
  const prose = Array.from(
    { length: 400 },
    (_, i) => `（${i}）严格落实政府信息公开条例，围绕中心工作，及时准确公开各类政府信息，全年发布信息${i * 7}条。`,
  );
  return plantedReport(3, '2021', 'wrong-total', prose);
}
