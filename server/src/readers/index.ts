// The readers' entry: bytes of a file → a ReadDocument (or why it cannot be read) → its report
// text. What a file is comes from its content (sniff.ts), never its name. The PDF reader (pdf.js,
// ~1.7 MB) is imported on first use only, so the text path never loads it. Pure: Node and web worker.
import { readDocx } from './docx/index';
import { readHtml } from './html/index';
import {
  DEFAULT_LIMITS,
  isUnreadable,
  type ReadDocument,
  type ReadLimits,
  type ReadResult,
  type ReportText,
  type Unreadable,
} from './model';
import { headingSection, tableIdOf, toReportText } from './report-text';
import { type Sniffed, sniff } from './sniff';

export { type DocxEdit, docxEdits, PatchError, patchDocx } from './docx/patch';
export * from './model';
export { joinLines, pageAt, sourceAt, toReportText } from './report-text';
export { type Sniffed, sniff } from './sniff';

export interface ReadOptions {
  limits?: Partial<ReadLimits>;
  /** the file's name, for messages only (what the file is comes from its bytes) */
  name?: string;
}

const mb = (n: number) => (n / 1024 / 1024).toFixed(n < 10 * 1024 * 1024 ? 1 : 0);

function limitsOf(opts: ReadOptions): ReadLimits {
  const l = { ...DEFAULT_LIMITS };
  for (const [k, v] of Object.entries(opts.limits ?? {})) if (typeof v === 'number' && v >= 0) l[k as keyof ReadLimits] = v;
  return l;
}

/**
 * The size check alone, for a caller that knows a file's size before reading it (fs.stat): a file
 * over the limit need not be read at all.
 */
export function sizeRefusal(size: number, limits: Partial<ReadLimits> = {}): Unreadable | undefined {
  const max = limitsOf({ limits }).maxBytes;
  return size > max
    ? { unreadable: 'too-large', message: `the file is ${mb(size)} MB, over the ${mb(max)} MB limit for one report: not read` }
    : undefined;
}

/** a legacy Office binary: a Word/WPS document, a password-protected OOXML file, or something else */
function ole(b: Uint8Array): Unreadable {
  const has = (name: string) => {
    // OLE directory entries hold stream names in UTF-16LE
    const pat = [...name].flatMap((c) => [c.charCodeAt(0), 0]);
    const end = Math.min(b.length, 8 * 1024 * 1024) - pat.length;
    outer: for (let i = 0; i <= end; i++) {
      for (let k = 0; k < pat.length; k++) if (b[i + k] !== pat[k]) continue outer;
      return true;
    }
    return false;
  };
  if (has('EncryptedPackage'))
    return {
      unreadable: 'encrypted',
      message: 'the document is password-protected: remove the password in Word or WPS and save it again as .docx',
    };
  if (has('Workbook') || has('Book'))
    return {
      unreadable: 'unsupported',
      message: 'a legacy spreadsheet (.xls/.et), not a report document: save the report as .docx, PDF or HTML',
    };
  return {
    unreadable: 'legacy-word',
    message: 'a legacy Word/WPS document (.doc/.wps): open it in WPS or Word and save it as .docx (另存为 .docx), then check the .docx',
  };
}

const KIND_NAMES: Partial<Record<Sniffed['kind'], string>> = { pdf: 'PDF', docx: 'DOCX', html: 'web page' };

function nameWarning(name: string | undefined, s: Sniffed): string | undefined {
  const ext = name && /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (!ext) return undefined;
  const expected: Record<string, Sniffed['kind'][]> = {
    pdf: ['pdf'],
    docx: ['docx'],
    doc: ['ole'],
    wps: ['ole'],
    html: ['html'],
    htm: ['html'],
    mht: ['html'],
    mhtml: ['html'],
  };
  const want = expected[ext];
  if (!want || want.includes(s.kind)) return undefined;
  const what = s.kind === 'html' && s.mhtml ? 'a web page saved as MHTML' : (KIND_NAMES[s.kind] ?? s.kind);
  return `${name} is ${/^[aeiou]/i.test(what) ? 'an' : 'a'} ${what}, not a .${ext} file: read as what it is`;
}

/** the PDF reader, loaded on first use */
async function readPdfLazy(bytes: Uint8Array, limits: ReadLimits): Promise<ReadResult> {
  const { readPdf } = await import('./pdf/index');
  return readPdf(bytes, limits);
}

/**
 * A file's bytes → its document, or why it cannot be read (one line saying what to do). Never
 * throws: a reader's failure is an Unreadable. The size limit is checked before anything else.
 */
export async function readDocument(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ReadResult> {
  const limits = limitsOf(opts);
  const big = sizeRefusal(bytes.length, limits);
  if (big) return big;
  let s: Sniffed;
  let result: ReadResult;
  try {
    s = sniff(bytes);
    switch (s.kind) {
      case 'pdf':
        result = await readPdfLazy(s.offset ? bytes.subarray(s.offset) : bytes, limits);
        break;
      case 'docx':
        result = readDocx(bytes, limits);
        break;
      case 'html':
        result = readHtml(bytes, limits, { mhtml: s.mhtml });
        break;
      case 'ole':
        result = ole(bytes);
        break;
      case 'zip':
        result = {
          unreadable: 'unsupported',
          message: 'a zip file that is not a Word document (it holds no word/document.xml): not a report',
        };
        break;
      case 'rtf':
        result = { unreadable: 'unsupported', message: 'an RTF document: open it in WPS or Word and save it as .docx (另存为 .docx)' };
        break;
      case 'word-xml':
        result = {
          unreadable: 'unsupported',
          message: 'a Word XML document (Word 2003 XML or flat XML): open it in Word or WPS and save it as .docx',
        };
        break;
      case 'text':
        result = { unreadable: 'unsupported', message: 'plain text, not a PDF, DOCX or HTML document: check it as a text report' };
        break;
      default:
        result = { unreadable: 'unsupported', message: 'not a PDF, DOCX or HTML document (unknown binary content)' };
    }
  } catch (e) {
    return { unreadable: 'corrupt', message: `the file could not be read (${(e as Error)?.message ?? String(e)})` };
  }
  const w = nameWarning(opts.name, s);
  if (w && !isUnreadable(result)) result.warnings.unshift(w);
  return result;
}

export type ConvertResult = { ok: true; doc: ReadDocument; text: ReportText } | { ok: false; unreadable: Unreadable };

/**
 * A file's bytes → its report text (what `convert` prints and the editor shows), with the map from
 * the text back to the document. A readable DOCX with neither a report table nor a section heading
 * is 'no-report' (an HTML page with no report table already is).
 */
export async function convertDocument(bytes: Uint8Array, opts: ReadOptions = {}): Promise<ConvertResult> {
  const doc = await readDocument(bytes, opts);
  if (isUnreadable(doc)) return { ok: false, unreadable: doc };
  let text: ReportText;
  try {
    text = toReportText(doc);
  } catch (e) {
    return {
      ok: false,
      unreadable: { unreadable: 'corrupt', message: `the document could not be converted (${(e as Error)?.message ?? String(e)})` },
    };
  }
  if (!text.text.trim())
    return {
      ok: false,
      unreadable: { unreadable: 'no-report', message: 'the document holds no text: it is empty, or its content is pictures' },
    };
  const report =
    doc.blocks.some((b) => b.kind === 'table' && tableIdOf(b.table)) || text.text.split('\n').some((l) => headingSection(l) !== undefined);
  if (!report)
    return {
      ok: false,
      unreadable: {
        unreadable: 'no-report',
        message: `the document holds neither a report table (申请人情况, 行政复议/行政诉讼, 第二十条) nor a report section heading (一、总体情况 …): not a disclosure report${
          doc.warnings.some((w) => /picture/.test(w)) ? ', or its tables are pictures' : ''
        }`,
      },
    };
  return { ok: true, doc, text };
}
