// Seeded byte mutations of a document, for the fuzz loops: a reader given any of them must return a
// document or a clear Unreadable, never throw or hang.
import { rng } from '../report';

export function* mutations(bytes: Uint8Array, seed: number, count: number): Generator<{ what: string; bytes: Uint8Array }> {
  const r = rng(seed);
  const at = (n: number) => Math.floor(r() * n);
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    const b = bytes.slice();
    if (kind === 0) {
      const n = 1 + at(16);
      for (let k = 0; k < n; k++) b[at(b.length)] = at(256);
      yield { what: `${n} random bytes`, bytes: b };
    } else if (kind === 1) {
      const len = at(bytes.length);
      yield { what: `truncated at ${len}`, bytes: bytes.slice(0, len) };
    } else if (kind === 2) {
      const from = at(b.length);
      const len = 1 + at(Math.min(4096, b.length - from));
      b.fill(0, from, from + len);
      yield { what: `${len} zero bytes at ${from}`, bytes: b };
    } else if (kind === 3) {
      const from = at(bytes.length);
      const len = 1 + at(Math.min(2048, bytes.length - from));
      const to = at(bytes.length);
      const out = new Uint8Array(bytes.length + len);
      out.set(bytes.subarray(0, to));
      out.set(bytes.subarray(from, from + len), to);
      out.set(bytes.subarray(to), to + len);
      yield { what: `${len} bytes from ${from} copied to ${to}`, bytes: out };
    } else {
      const from = at(bytes.length);
      const len = 1 + at(Math.min(512, bytes.length - from));
      const out = new Uint8Array(bytes.length - len);
      out.set(bytes.subarray(0, from));
      out.set(bytes.subarray(from + len), from);
      yield { what: `${len} bytes cut at ${from}`, bytes: out };
    }
  }
}
