// DOCX → ReadDocument: the main document part out of the zip (inflated with a cap), then one
// streaming XML pass (scan.ts). Never throws: a damaged file is 'corrupt', a zip bomb 'too-large'.

import { DEFAULT_LIMITS, type ReadLimits, type ReadResult, type Unreadable } from '../model';
import { tableIdOf } from '../report-text';
import { ListCounter, parseNumbering, parseStyles } from './numbering';
import { ScanError, scanDocumentXml } from './scan';
import { readDirectory, readEntry, type ZipDirectory, type ZipEntry, ZipError } from './zip';

export interface MainPart {
  dir: ZipDirectory;
  entry: ZipEntry;
  xml: string;
  /** the part's bytes as stored (for patch.ts, which keeps every byte it does not edit) */
  raw: Uint8Array;
  /** the XML was not valid UTF-8: bad bytes were read as U+FFFD */
  lossy: boolean;
}

/** the main document part's name: word/document.xml, or what _rels/.rels names as the officeDocument */
function mainEntry(bytes: Uint8Array, dir: ZipDirectory, limits: ReadLimits): ZipEntry {
  const direct = dir.entries.find((e) => e.name === 'word/document.xml');
  if (direct) return direct;
  const rels = dir.entries.find((e) => e.name === '_rels/.rels');
  if (rels) {
    const xml = new TextDecoder().decode(readEntry(bytes, rels, Math.min(limits.maxInflatedBytes, 1 << 20)));
    const m = /<Relationship\b[^>]*Type="[^"]*\/officeDocument"[^>]*>/.exec(xml);
    const target = m && /Target="\/?([^"]+)"/.exec(m[0])?.[1];
    const entry = target ? dir.entries.find((e) => e.name === target) : undefined;
    if (entry) return entry;
  }
  throw new ZipError('corrupt', 'the zip holds no word/document.xml: it is not a Word document');
}

export function decodeXml(raw: Uint8Array): { xml: string; lossy: boolean } {
  let label = 'utf-8';
  if (raw[0] === 0xff && raw[1] === 0xfe) label = 'utf-16le';
  else if (raw[0] === 0xfe && raw[1] === 0xff) label = 'utf-16be';
  try {
    // ignoreBOM keeps a BOM in the string, so offsets into it map back to the bytes one to one
    return { xml: new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(raw), lossy: false };
  } catch {
    return { xml: new TextDecoder(label, { ignoreBOM: true }).decode(raw), lossy: true };
  }
}

export function mainPart(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): MainPart {
  const dir = readDirectory(bytes);
  const entry = mainEntry(bytes, dir, limits);
  const raw = readEntry(bytes, entry, limits.maxInflatedBytes);
  return { dir, entry, raw, ...decodeXml(raw) };
}

export function unreadableOf(e: unknown): Unreadable {
  if (e instanceof ZipError) {
    if (e.reason === 'too-large')
      return { unreadable: 'too-large', message: `${e.message}: not read (a zip bomb, or a document far larger than a report)` };
    if (e.reason === 'unsupported' && /encrypted|password/.test(e.message))
      return { unreadable: 'encrypted', message: 'the DOCX is password-protected: remove the password in Word or WPS and save it again' };
    if (e.reason === 'unsupported') return { unreadable: 'unsupported', message: `${e.message}: save it again as .docx in Word or WPS` };
    return { unreadable: 'corrupt', message: `the DOCX is damaged (${e.message}): open it in Word or WPS and save it again` };
  }
  if (e instanceof ScanError)
    return {
      unreadable: 'corrupt',
      message: `the DOCX's document.xml is not well-formed XML (${e.message}): open it in Word or WPS and save it again`,
    };
  return { unreadable: 'corrupt', message: `the DOCX could not be read (${(e as Error)?.message ?? String(e)})` };
}

/** the list numbering of the package (word/numbering.xml, with word/styles.xml for style numbering); undefined when it has none or it cannot be read */
function listCounter(bytes: Uint8Array, part: MainPart, limits: ReadLimits): ListCounter | undefined {
  const dir = part.entry.name.includes('/') ? part.entry.name.slice(0, part.entry.name.lastIndexOf('/') + 1) : '';
  const entry = (name: string) => part.dir.entries.find((e) => e.name === `${dir}${name}`);
  const read = (e: ZipEntry | undefined) => {
    if (!e) return undefined;
    try {
      return decodeXml(readEntry(bytes, e, limits.maxInflatedBytes)).xml;
    } catch {
      return undefined;
    }
  };
  const numberingXml = read(entry('numbering.xml'));
  const defs = numberingXml ? parseNumbering(numberingXml) : undefined;
  if (!defs) return undefined;
  const stylesXml = read(entry('styles.xml'));
  return new ListCounter(defs, stylesXml ? parseStyles(stylesXml) : undefined);
}

export function readDocx(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): ReadResult {
  try {
    const part = mainPart(bytes, limits);
    const scan = scanDocumentXml(part.xml, { numbering: () => listCounter(bytes, part, limits) });
    const warnings = scan.warnings;
    if (part.lossy) warnings.unshift('document.xml has bytes that are not valid UTF-8: they were read as U+FFFD');
    const found = new Set(scan.blocks.flatMap((b) => (b.kind === 'table' ? [tableIdOf(b.table)].filter((x) => x) : [])));
    if (scan.pictures && found.size < 3)
      warnings.push(
        `the document has ${scan.pictures} picture${scan.pictures > 1 ? 's or embedded objects' : ' or embedded object'}: a table pasted as a picture or an Excel object cannot be read${found.size ? ` (found table ${[...found].join('、')} only)` : ''}`,
      );
    return { source: 'docx', blocks: scan.blocks, warnings };
  } catch (e) {
    return unreadableOf(e);
  }
}
