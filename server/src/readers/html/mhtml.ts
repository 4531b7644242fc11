// MHTML ("single file web page", and the ".doc" files many sites publish that are really a web page
// saved by Word): the HTML part out of the MIME message, with its transfer encoding undone.

export interface MhtmlPart {
  bytes: Uint8Array;
  /** the part's declared charset (it takes the place of the page's meta, as an HTTP header would) */
  charset?: string;
}

const BYTES = new TextDecoder('windows-1252');

/** one character per byte (ASCII exact): enough to find headers and boundaries, fast on a large file */
function latin1(b: Uint8Array, from: number, to: number): string {
  return BYTES.decode(b.subarray(from, to));
}

/** the end of a header block: the first empty line */
function headerEnd(b: Uint8Array, from: number): number {
  for (let i = from; i < b.length - 1; i++) {
    if (b[i] === 0x0a && b[i + 1] === 0x0a) return i + 2;
    if (b[i] === 0x0a && b[i + 1] === 0x0d && b[i + 2] === 0x0a) return i + 3;
  }
  return b.length;
}

function headers(text: string): Map<string, string> {
  const h = new Map<string, string>();
  // unfold continuation lines
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const m = /^([!-9;-~]+)\s*:\s*(.*)$/.exec(line);
    if (m) h.set(m[1].toLowerCase(), m[2].trim());
  }
  return h;
}

const param = (v: string | undefined, name: string) =>
  (v ? new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(v) : null)?.slice(1).find((x) => x);

function decodeBody(body: Uint8Array, cte: string | undefined): Uint8Array {
  const enc = (cte ?? '').toLowerCase();
  if (enc === 'base64') {
    const clean = latin1(body, 0, body.length).replace(/[^A-Za-z0-9+/]/g, '');
    const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
    const map = (c: number) =>
      c >= 65 && c <= 90 ? c - 65 : c >= 97 && c <= 122 ? c - 71 : c >= 48 && c <= 57 ? c + 4 : c === 43 ? 62 : 63;
    let o = 0;
    for (let i = 0; i + 1 < clean.length; i += 4) {
      const n =
        (map(clean.charCodeAt(i)) << 18) |
        (map(clean.charCodeAt(i + 1)) << 12) |
        ((i + 2 < clean.length ? map(clean.charCodeAt(i + 2)) : 0) << 6) |
        (i + 3 < clean.length ? map(clean.charCodeAt(i + 3)) : 0);
      out[o++] = n >> 16;
      if (i + 2 < clean.length) out[o++] = (n >> 8) & 0xff;
      if (i + 3 < clean.length) out[o++] = n & 0xff;
    }
    return out.subarray(0, o);
  }
  if (enc === 'quoted-printable') {
    const out = new Uint8Array(body.length);
    let o = 0;
    const hex = (c: number) => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
    for (let i = 0; i < body.length; i++) {
      const c = body[i];
      if (c === 0x3d) {
        // =\r\n or =\n: a soft line break; =XX: a byte
        if (body[i + 1] === 0x0d && body[i + 2] === 0x0a) {
          i += 2;
          continue;
        }
        if (body[i + 1] === 0x0a) {
          i += 1;
          continue;
        }
        const h = hex(body[i + 1]);
        const l = hex(body[i + 2]);
        if (h >= 0 && l >= 0) {
          out[o++] = (h << 4) | l;
          i += 2;
          continue;
        }
      }
      out[o++] = c;
    }
    return out.subarray(0, o);
  }
  return body;
}

/** the first text/html part of an MHTML message; undefined when there is none */
export function mhtmlHtml(b: Uint8Array): MhtmlPart | undefined {
  const top = headerEnd(b, 0);
  const h = headers(latin1(b, 0, top));
  const type = h.get('content-type') ?? '';
  if (!/multipart\//i.test(type)) {
    if (/text\/html/i.test(type))
      return { bytes: decodeBody(b.subarray(top), h.get('content-transfer-encoding')), charset: param(type, 'charset') };
    return undefined;
  }
  const boundary = param(type, 'boundary');
  if (!boundary) return undefined;
  const delim = `--${boundary}`;
  const text = latin1(b, 0, b.length);
  let at = text.indexOf(delim, top - 1);
  while (at >= 0) {
    const start = text.indexOf('\n', at) + 1;
    if (start <= 0) break;
    const next = text.indexOf(delim, start);
    const end = next < 0 ? b.length : next;
    const hEnd = headerEnd(b, start);
    const ph = headers(latin1(b, start, Math.min(hEnd, end)));
    const ptype = ph.get('content-type') ?? '';
    if (/text\/html/i.test(ptype) && hEnd < end) {
      // the part's body ends before the CRLF that precedes the next delimiter
      let bodyEnd = end;
      if (b[bodyEnd - 1] === 0x0a) bodyEnd--;
      if (b[bodyEnd - 1] === 0x0d) bodyEnd--;
      return { bytes: decodeBody(b.subarray(hEnd, bodyEnd), ph.get('content-transfer-encoding')), charset: param(ptype, 'charset') };
    }
    at = next;
  }
  return undefined;
}
