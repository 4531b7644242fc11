// What a file is, by its content, never by its name: a ".doc" may be HTML or MHTML (many sites
// publish such files), a ".pdf" may have a few bytes of junk before %PDF-, a ".docx" may be any zip.
import { readDirectory } from './docx/zip';

export type Sniffed =
  /** offset: where %PDF- starts */
  | { kind: 'pdf'; offset: number }
  | { kind: 'docx' }
  /** a zip that holds no word/document.xml (xlsx, odt, a folder of files) */
  | { kind: 'zip' }
  /** an OLE compound file: .doc, .wps, .et, .xls */
  | { kind: 'ole' }
  | { kind: 'html'; mhtml: boolean }
  /** RTF (what WPS often saves under a .doc name) */
  | { kind: 'rtf' }
  /** Word 2003 XML or a flat OPC package */
  | { kind: 'word-xml' }
  | { kind: 'text' }
  | { kind: 'binary' };

const HEAD = 4096;

function startsWith(b: Uint8Array, sig: number[], at = 0): boolean {
  if (b.length < at + sig.length) return false;
  for (let i = 0; i < sig.length; i++) if (b[at + i] !== sig[i]) return false;
  return true;
}

function indexOfAscii(b: Uint8Array, s: string, from: number, to: number): number {
  const first = s.charCodeAt(0);
  const end = Math.min(to, b.length) - s.length;
  outer: for (let i = from; i <= end; i++) {
    if (b[i] !== first) continue;
    for (let k = 1; k < s.length; k++) if (b[i + k] !== s.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** the head of the file as lower-case Latin-1 text (enough to look for markup in any ASCII-compatible encoding) */
function headText(b: Uint8Array): string {
  let s = '';
  const n = Math.min(b.length, HEAD);
  for (let i = 0; i < n; i++) s += String.fromCharCode(b[i] >= 0x41 && b[i] <= 0x5a ? b[i] + 32 : b[i]);
  return s;
}

function isDocxZip(b: Uint8Array): boolean {
  try {
    const dir = readDirectory(b);
    return dir.entries.some((e) => e.name === 'word/document.xml' || e.name.startsWith('word/'));
  } catch {
    // no readable central directory (truncated): a local header naming a word/ part says DOCX
    return indexOfAscii(b, 'word/', 0, Math.min(b.length, 1 << 20)) >= 0;
  }
}

export function sniff(b: Uint8Array): Sniffed {
  const pdf = indexOfAscii(b, '%PDF-', 0, 1024);
  if (pdf >= 0) return { kind: 'pdf', offset: pdf };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06]))
    return isDocxZip(b) ? { kind: 'docx' } : { kind: 'zip' };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'ole' };
  // UTF-16 text with a BOM: markup or not
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff])) {
    const le = b[0] === 0xff;
    let s = '';
    for (let i = 2; i + 1 < Math.min(b.length, HEAD); i += 2)
      s += String.fromCharCode(le ? b[i] | (b[i + 1] << 8) : (b[i] << 8) | b[i + 1]);
    return /<(?:!doctype\s+html|html|head|body|table|meta)\b/i.test(s) ? { kind: 'html', mhtml: false } : { kind: 'text' };
  }
  const head = headText(b).replace(/^\xef\xbb\xbf/, '');
  const lead = head.trimStart();
  if (lead.startsWith('{\\rtf')) return { kind: 'rtf' };
  if (
    /^mime-version\s*:/.test(lead) ||
    (/^(?:from|date|subject|content-location|x-[a-z-]+)\s*:/m.test(lead.slice(0, 400)) && /multipart\/related/.test(head))
  )
    return { kind: 'html', mhtml: true };
  if (lead.startsWith('<?xml') && /<w:worddocument|<pkg:package|<office:document/.test(head)) return { kind: 'word-xml' };
  if (
    /<(?:!doctype\s+html|html|head|body|table|meta\s|meta>|title>|div|p[\s>]|font|span)/.test(lead.slice(0, 200)) ||
    /<html[\s>]|<body[\s>]|<table[\s>]/.test(head)
  )
    return { kind: 'html', mhtml: false };
  // text or binary: NUL bytes and other control characters in the head
  let control = 0;
  const n = Math.min(b.length, HEAD);
  for (let i = 0; i < n; i++) {
    const c = b[i];
    if (c === 0) return { kind: 'binary' };
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12 && c !== 27) control++;
  }
  return control > n / 50 ? { kind: 'binary' } : { kind: 'text' };
}
