// PDFs written byte by byte, for what pdfkit cannot make: a non-embedded Chinese font with a
// predefined CMap (STSong-Light, UniGB-UCS2-H), text in a Latin font that carries Chinese bytes
// (mojibake: broken font encodings), a page that is only an image (a scan), and hostile files (a
// page tree that claims a huge page count, deep nesting).

/** A PDF from its objects (object 1 is the catalog); offsets and xref computed. */
export function buildPdf(objects: (string | Uint8Array)[], trailerExtra = ''): Uint8Array {
  const parts: Uint8Array[] = [];
  let length = 0;
  const push = (p: string | Uint8Array) => {
    const b = typeof p === 'string' ? latin1(p) : p;
    parts.push(b);
    length += b.length;
  };
  push('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n');
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    push(o);
    push('\nendobj\n');
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const off of offsets) push(`${String(off).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`);
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function latin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** a content or image stream object */
export function stream(dict: string, data: string | Uint8Array): Uint8Array {
  const bytes = typeof data === 'string' ? latin1(data) : data;
  const head = latin1(`<< ${dict} /Length ${bytes.length} >>\nstream\n`);
  const tail = latin1('\nendstream');
  const out = new Uint8Array(head.length + bytes.length + tail.length);
  out.set(head, 0);
  out.set(bytes, head.length);
  out.set(tail, head.length + bytes.length);
  return out;
}

/** UTF-16BE hex of a string: the codes of UniGB-UCS2-H */
export function ucs2Hex(s: string): string {
  let h = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c > 0xffff) continue;
    h += c.toString(16).padStart(4, '0');
  }
  return `<${h}>`;
}

/**
 * Lines of text in STSong-Light, not embedded, /Encoding /UniGB-UCS2-H (what older generators
 * wrote): a reader without the predefined CMaps gets no text at all from it, silently.
 */
export function stSongPdf(lines: string[], size = 14): Uint8Array {
  let y = 780;
  let content = 'BT\n';
  for (const l of lines) {
    content += `/F1 ${size} Tf 1 0 0 1 60 ${y} Tm ${ucs2Hex(l)} Tj\n`;
    y -= size * 1.8;
  }
  content += 'ET\n';
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream('', content),
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ]);
}

/** Chinese text written as GBK bytes in Helvetica (WinAnsi): every reader gets Latin mojibake. */
export function mojibakePdf(lines: string[]): Uint8Array {
  const gbk = (s: string) => {
    // the GBK bytes of each character come from the decoder run backwards over the two-byte range
    const bytes: number[] = [];
    for (const ch of s) {
      const b = GBK.get(ch);
      if (b) bytes.push(b >> 8, b & 0xff);
      else if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    }
    return bytes.map((b) => `\\${b.toString(8).padStart(3, '0')}`).join('');
  };
  let y = 780;
  let content = 'BT\n';
  for (const l of lines) {
    content += `/F1 12 Tf 1 0 0 1 60 ${y} Tm (${gbk(l)}) Tj\n`;
    y -= 22;
  }
  content += 'ET\n';
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream('', content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
}

/** GBK code of each character (built once from the GBK decoder) */
const GBK: Map<string, number> = (() => {
  const m = new Map<string, number>();
  const dec = new TextDecoder('gbk');
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue;
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd' && !m.has(ch)) m.set(ch, (hi << 8) | lo);
    }
  }
  return m;
})();

/** A page that is only a grey image (as a scanner makes it): no text layer. */
export function imageOnlyPdf(pages = 2): Uint8Array {
  const w = 64;
  const h = 90;
  const pixels = new Uint8Array(w * h);
  for (let i = 0; i < pixels.length; i++) pixels[i] = 200 + ((i * 7) % 50);
  const objects: (string | Uint8Array)[] = ['<< /Type /Catalog /Pages 2 0 R >>'];
  const kids = Array.from({ length: pages }, (_, i) => `${3 + i * 2} 0 R`).join(' ');
  objects.push(`<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`);
  const imageId = 3 + pages * 2;
  for (let i = 0; i < pages; i++) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 ${imageId} 0 R >> >> /Contents ${4 + i * 2} 0 R >>`,
    );
    objects.push(stream('', 'q 535 0 0 782 30 30 cm /Im1 Do Q\n'));
  }
  objects.push(stream(`/Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8`, pixels));
  return buildPdf(objects);
}

/** A page tree that claims `count` pages (it holds one). */
export function pageCountBomb(count: number): Uint8Array {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [3 0 R] /Count ${count} >>`,
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    stream('', 'BT /F1 12 Tf 72 700 Td (x) Tj ET'),
  ]);
}

/** Arrays nested `depth` deep inside a page's dictionary, and as deep a `q` nesting in its content. */
export function nestingBomb(depth: number): Uint8Array {
  const nested = `${'['.repeat(depth)}${']'.repeat(depth)}`;
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Junk ${nested} >>`,
    stream('', `${'q '.repeat(depth)}0 0 m 100 0 l S ${'Q '.repeat(depth)}`),
  ]);
}
