// The text of an HTML page's bytes, the way a browser finds its encoding: a BOM, then a charset
// declared in the first 1024 bytes (<meta charset> or <meta http-equiv="Content-Type">), then
// UTF-8 if the bytes are valid UTF-8, then GB18030 (a superset of GBK and GB2312, what Chinese
// pages without a declaration are). TextDecoder does it all, in Node 20 and in browsers.

export interface Decoded {
  text: string;
  /** the encoding used (a WHATWG name: utf-8, gbk, gb18030, …) */
  encoding: string;
  warnings: string[];
}

/** the charset a <meta> in the first 1024 bytes declares */
export function prescanCharset(b: Uint8Array): string | undefined {
  let head = '';
  const n = Math.min(b.length, 1024);
  for (let i = 0; i < n; i++) head += String.fromCharCode(b[i]);
  head = head.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  const re = /<meta\b([^>]*)>?/gi;
  let m: RegExpExecArray | null;
  while ((m = re.exec(head))) {
    const attrs = m[1];
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s;>/]+)/i.exec(attrs);
    if (direct) return direct[1].toLowerCase();
  }
  return undefined;
}

function decoderFor(label: string): TextDecoder | undefined {
  try {
    return new TextDecoder(label, { fatal: true });
  } catch {
    return undefined;
  }
}

function tryDecode(label: string, b: Uint8Array): string | undefined {
  try {
    return decoderFor(label)?.decode(b);
  } catch {
    return undefined;
  }
}

/** `hint`: a charset from outside the bytes (an MHTML part's Content-Type), taking the place of the meta prescan */
export function decodeHtml(b: Uint8Array, hint?: string): Decoded {
  const warnings: string[] = [];
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(b), encoding: 'utf-8', warnings };
  if (b[0] === 0xff && b[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(b), encoding: 'utf-16le', warnings };
  if (b[0] === 0xfe && b[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(b), encoding: 'utf-16be', warnings };
  let declared = hint?.toLowerCase() ?? prescanCharset(b);
  // as browsers do: a UTF-16 label in a meta is read as UTF-8 (the bytes were ASCII-compatible to be found)
  if (declared && /^utf-?16/.test(declared)) declared = 'utf-8';
  const dec = declared ? decoderFor(declared) : undefined;
  if (declared && !dec) warnings.push(`the page declares an unknown charset "${declared}": it was read by its bytes`);
  if (dec) {
    const text = tryDecode(dec.encoding, b);
    if (text !== undefined) return { text, encoding: dec.encoding, warnings };
    // the declaration is wrong (a CMS template's meta): the bytes decide, and the reader is told
    const utf8 = tryDecode('utf-8', b);
    if (utf8 !== undefined) {
      warnings.push(`the page declares ${declared} but its bytes are UTF-8: read as UTF-8`);
      return { text: utf8, encoding: 'utf-8', warnings };
    }
    const gb = tryDecode('gb18030', b);
    if (gb !== undefined) {
      warnings.push(`the page declares ${declared} but its bytes are GB18030: read as GB18030`);
      return { text: gb, encoding: 'gb18030', warnings };
    }
    warnings.push(`the page has bytes that are not valid ${declared}: they were read as U+FFFD`);
    return { text: new TextDecoder(dec.encoding).decode(b), encoding: dec.encoding, warnings };
  }
  const utf8 = tryDecode('utf-8', b);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', warnings };
  const gb = tryDecode('gb18030', b);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030', warnings };
  warnings.push('the page is neither valid UTF-8 nor GB18030: bad bytes were read as U+FFFD');
  return { text: new TextDecoder('gb18030').decode(b), encoding: 'gb18030', warnings };
}
