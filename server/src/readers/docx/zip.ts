// The zip container of a DOCX: its central directory, one entry inflated with a bound on the output
// (a zip bomb is refused after at most the cap plus one chunk's worth of output, whatever sizes it
// declares), and the container rewritten with one entry replaced and every other entry's bytes
// copied as they were. fflate's unzipSync is not used to inflate: it grows its output buffer past
// a lying declared size, so a bomb would be inflated whole before any check could run.
import { deflateSync, Inflate } from 'fflate';

export type ZipFailure = 'corrupt' | 'too-large' | 'unsupported';

export class ZipError extends Error {
  constructor(
    readonly reason: ZipFailure,
    message: string,
  ) {
    super(message);
  }
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** the uncompressed size the central directory declares (not trusted) */
  size: number;
  localOffset: number;
  /** this entry's central directory record */
  cdStart: number;
  cdEnd: number;
  zip64: boolean;
}

export interface ZipDirectory {
  entries: ZipEntry[];
  cdStart: number;
  eocdStart: number;
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 0x100000000;

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const LFH = 0x04034b50;

/** the central directory; ZipError 'corrupt' when it cannot be found or does not fit the file */
export function readDirectory(b: Uint8Array): ZipDirectory {
  let e = b.length - 22;
  const stop = Math.max(0, b.length - 22 - 0xffff);
  while (e >= stop && u32(b, e) !== EOCD) e--;
  if (e < stop || e < 0) throw new ZipError('corrupt', 'the zip container has no end record (the file is truncated or not a zip)');
  let count = u16(b, e + 10);
  let cdSize = u32(b, e + 12);
  let cdStart = u32(b, e + 16);
  let zip64 = false;
  if ((count === 0xffff || cdStart === 0xffffffff || cdSize === 0xffffffff) && e >= 20 && u32(b, e - 20) === 0x07064b50) {
    const z = u64(b, e - 12);
    if (z + 56 <= b.length && u32(b, z) === 0x06064b50) {
      count = u64(b, z + 32);
      cdSize = u64(b, z + 40);
      cdStart = u64(b, z + 48);
      zip64 = true;
    }
  }
  if (cdStart + cdSize > b.length || count > cdSize / 46 + 1)
    throw new ZipError('corrupt', 'the zip central directory does not fit the file');
  const entries: ZipEntry[] = [];
  const dec = new TextDecoder();
  let o = cdStart;
  for (let i = 0; i < count; i++) {
    if (o + 46 > b.length || u32(b, o) !== CDH) throw new ZipError('corrupt', 'a zip central directory record is damaged');
    const flags = u16(b, o + 8);
    const method = u16(b, o + 10);
    const crc = u32(b, o + 16);
    let compressedSize = u32(b, o + 20);
    let size = u32(b, o + 24);
    const nameLen = u16(b, o + 28);
    const extraLen = u16(b, o + 30);
    const commentLen = u16(b, o + 32);
    let localOffset = u32(b, o + 42);
    const end = o + 46 + nameLen + extraLen + commentLen;
    if (end > b.length) throw new ZipError('corrupt', 'a zip central directory record runs past the file');
    const name = dec.decode(b.subarray(o + 46, o + 46 + nameLen));
    let entry64 = zip64;
    if (size === 0xffffffff || compressedSize === 0xffffffff || localOffset === 0xffffffff) {
      // the zip64 extended information extra field holds the real values, in this order
      let x = o + 46 + nameLen;
      const xEnd = x + extraLen;
      while (x + 4 <= xEnd) {
        const id = u16(b, x);
        const len = u16(b, x + 2);
        if (id === 1) {
          let p = x + 4;
          if (size === 0xffffffff && p + 8 <= x + 4 + len) [size, p] = [u64(b, p), p + 8];
          if (compressedSize === 0xffffffff && p + 8 <= x + 4 + len) [compressedSize, p] = [u64(b, p), p + 8];
          if (localOffset === 0xffffffff && p + 8 <= x + 4 + len) localOffset = u64(b, p);
          entry64 = true;
        }
        x += 4 + len;
      }
    }
    entries.push({ name, method, flags, crc, compressedSize, size, localOffset, cdStart: o, cdEnd: end, zip64: entry64 });
    o = end;
  }
  return { entries, cdStart, eocdStart: e };
}

/** where an entry's compressed bytes start (after its local header) */
function dataStart(b: Uint8Array, e: ZipEntry): number {
  const o = e.localOffset;
  if (o + 30 > b.length || u32(b, o) !== LFH) throw new ZipError('corrupt', `the zip entry ${e.name} has no local header`);
  const start = o + 30 + u16(b, o + 26) + u16(b, o + 28);
  if (start + e.compressedSize > b.length) throw new ZipError('corrupt', `the zip entry ${e.name} is truncated`);
  return start;
}

const CHUNK = 16 * 1024;

/**
 * An entry's bytes, refused as 'too-large' when it declares, or inflates to, more than `cap` bytes
 * (inflation stops at the first chunk that passes the cap). The CRC is checked.
 */
export function readEntry(b: Uint8Array, e: ZipEntry, cap: number): Uint8Array {
  if (e.flags & 1) throw new ZipError('unsupported', 'the document is encrypted (password-protected)');
  if (e.size > cap) throw new ZipError('too-large', `${e.name} declares ${e.size} bytes once inflated, over the limit of ${cap}`);
  const start = dataStart(b, e);
  const comp = b.subarray(start, start + e.compressedSize);
  let out: Uint8Array;
  if (e.method === 0) out = comp.slice();
  else if (e.method === 8) {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    const inf = new Inflate((chunk, final) => {
      total += chunk.length;
      if (total > cap) throw new ZipError('too-large', `${e.name} inflates to more than the limit of ${cap} bytes`);
      chunks.push(chunk);
      if (final) done = true;
    });
    try {
      for (let off = 0; off < comp.length; off += CHUNK) inf.push(comp.subarray(off, off + CHUNK), off + CHUNK >= comp.length);
      if (!comp.length) inf.push(new Uint8Array(0), true);
    } catch (err) {
      if (err instanceof ZipError) throw err;
      throw new ZipError('corrupt', `${e.name} does not inflate (${(err as Error).message})`);
    }
    if (!done) throw new ZipError('corrupt', `${e.name} is truncated`);
    out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
  } else throw new ZipError('unsupported', `${e.name} uses zip compression method ${e.method}`);
  if (crc32(out) !== e.crc) throw new ZipError('corrupt', `${e.name} fails its CRC check (the file is damaged)`);
  return out;
}

let CRC_TABLE: Int32Array | undefined;

export function crc32(data: Uint8Array): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * The container with one entry's content replaced: every other entry's local header, data and
 * data descriptor are copied byte for byte, in the same order; the replaced entry gets a new local
 * header (deflated, no data descriptor); the central directory keeps every record's bytes except
 * the offsets and the replaced entry's CRC, sizes and method.
 */
export function replaceEntry(b: Uint8Array, dir: ZipDirectory, target: ZipEntry, content: Uint8Array): Uint8Array {
  if (dir.entries.some((e) => e.zip64)) throw new ZipError('unsupported', 'the zip container uses zip64: it is not rewritten');
  const byOffset = [...dir.entries].sort((x, y) => x.localOffset - y.localOffset);
  const compressed = deflateSync(content, { level: 6 });
  const crc = crc32(content);
  const parts: Uint8Array[] = [];
  const newOffset = new Map<ZipEntry, number>();
  let at = 0;
  // bytes before the first local header (rare: a self-extractor stub) are kept
  const first = byOffset.length ? byOffset[0].localOffset : dir.cdStart;
  if (first > 0) {
    parts.push(b.subarray(0, first));
    at += first;
  }
  byOffset.forEach((e, i) => {
    const end = i + 1 < byOffset.length ? byOffset[i + 1].localOffset : dir.cdStart;
    newOffset.set(e, at);
    if (e !== target) {
      const chunk = b.subarray(e.localOffset, end);
      parts.push(chunk);
      at += chunk.length;
      return;
    }
    const o = e.localOffset;
    const nameLen = u16(b, o + 26);
    const extraLen = u16(b, o + 28);
    const head = b.slice(o, o + 30 + nameLen + extraLen);
    const v = new DataView(head.buffer, head.byteOffset, head.byteLength);
    v.setUint16(6, e.flags & ~0x8, true); // no data descriptor: the sizes are in the header
    v.setUint16(8, 8, true);
    v.setUint32(14, crc, true);
    v.setUint32(18, compressed.length, true);
    v.setUint32(22, content.length, true);
    parts.push(head, compressed);
    at += head.length + compressed.length;
  });
  const cdStart = at;
  for (const e of dir.entries) {
    const rec = b.slice(e.cdStart, e.cdEnd);
    const v = new DataView(rec.buffer, rec.byteOffset, rec.byteLength);
    v.setUint32(42, newOffset.get(e)!, true);
    if (e === target) {
      v.setUint16(8, e.flags & ~0x8, true);
      v.setUint16(10, 8, true);
      v.setUint32(16, crc, true);
      v.setUint32(20, compressed.length, true);
      v.setUint32(24, content.length, true);
    }
    parts.push(rec);
    at += rec.length;
  }
  const eocd = b.slice(dir.eocdStart, Math.min(b.length, dir.eocdStart + 22 + u16(b, dir.eocdStart + 20)));
  const ev = new DataView(eocd.buffer, eocd.byteOffset, eocd.byteLength);
  ev.setUint32(12, at - cdStart, true);
  ev.setUint32(16, cdStart, true);
  parts.push(eocd);
  at += eocd.length;
  const out = new Uint8Array(at);
  let p = 0;
  for (const part of parts) {
    out.set(part, p);
    p += part.length;
  }
  return out;
}
