// Hand-made DOCX packages around a document.xml body, for the reader's unit tests: every construct
// of documents.md §2.1 can be written exactly as Word, WPS or a converter writes it.
import { strToU8, zipSync } from 'fflate';

export const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;

const rels = (target: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

/** document.xml around a body (w: and mc: bound) */
export function documentXml(body: string, ns = W): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${ns}" xmlns:mc="${MC}" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="wps"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

export function docxOf(
  body: string,
  opts: { ns?: string; mainPath?: string; rawXml?: string | Uint8Array; numbering?: string; styles?: string } = {},
): Uint8Array {
  const main = opts.mainPath ?? 'word/document.xml';
  return zipSync({
    '[Content_Types].xml': strToU8(CONTENT_TYPES),
    '_rels/.rels': strToU8(rels(main)),
    [main]: opts.rawXml instanceof Uint8Array ? opts.rawXml : strToU8(opts.rawXml ?? documentXml(body, opts.ns)),
    'word/styles.xml': strToU8(`<?xml version="1.0"?><w:styles xmlns:w="${W}">${opts.styles ?? ''}</w:styles>`),
    ...(opts.numbering
      ? { 'word/numbering.xml': strToU8(`<?xml version="1.0"?><w:numbering xmlns:w="${W}">${opts.numbering}</w:numbering>`) }
      : {}),
  });
}

/** an abstract numbering: one w:lvl per [numFmt, lvlText] */
export const abstractNum = (id: number, levels: [string, string][], start = 1) =>
  `<w:abstractNum w:abstractNumId="${id}">${levels
    .map(
      ([fmt, text], i) =>
        `<w:lvl w:ilvl="${i}"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/><w:suff w:val="nothing"/></w:lvl>`,
    )
    .join('')}</w:abstractNum>`;
export const num = (id: number, abstractId: number, startOverride?: number) =>
  `<w:num w:numId="${id}"><w:abstractNumId w:val="${abstractId}"/>${startOverride !== undefined ? `<w:lvlOverride w:ilvl="0"><w:startOverride w:val="${startOverride}"/></w:lvlOverride>` : ''}</w:num>`;
/** a paragraph numbered by list numId at level ilvl, or by a paragraph style */
export const np = (text: string, numbering: { numId?: number; ilvl?: number; style?: string }) =>
  `<w:p><w:pPr>${numbering.style ? `<w:pStyle w:val="${numbering.style}"/>` : ''}${
    numbering.numId !== undefined ? `<w:numPr><w:ilvl w:val="${numbering.ilvl ?? 0}"/><w:numId w:val="${numbering.numId}"/></w:numPr>` : ''
  }</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

/** a paragraph with one run of text */
export const p = (text: string, rPr = '') =>
  `<w:p><w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
/** a table cell: tcPr content and paragraphs */
export const tc = (content: string, tcPr = '') => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ''}${content || '<w:p/>'}</w:tc>`;
export const tr = (cells: string, trPr = '') => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}${cells}</w:tr>`;
export const tbl = (rows: string) =>
  `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>${rows}</w:tbl>`;
