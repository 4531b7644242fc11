// Mutated bytes of every PDF fixture (a small seeded fuzz: flipped bytes, cut files, zeroed,
// repeated and inserted chunks): the reader never throws and never hangs, a readable result is a
// well-formed grid, an unreadable one is one line, and the report-text step takes whatever it gives.
// PDF_FUZZ_RUNS=n mutates each fixture n times (default 3).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { isUnreadable, type ReadResult } from '../../server/src/readers/model';
import { readPdf } from '../../server/src/readers/pdf/index';
import { toReportText } from '../../server/src/readers/report-text';
import { rng } from '../support/report';

const RUNS = Number(process.env.PDF_FUZZ_RUNS ?? 3);
const dirs = [new URL('../fixtures/pdf/', import.meta.url), new URL('../fixtures/documents/', import.meta.url)];
const files = dirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => new URL(f, d)),
);

function mutate(bytes: Uint8Array, random: () => number): { bytes: Uint8Array; what: string } {
  const n = bytes.length;
  const at = () => Math.floor(random() * n);
  const out = bytes.slice();
  switch (Math.floor(random() * 5)) {
    case 0: {
      const k = 1 + Math.floor(random() * 40);
      for (let i = 0; i < k; i++) out[at()] = Math.floor(random() * 256);
      return { bytes: out, what: `${k} bytes changed` };
    }
    case 1: {
      const end = Math.max(16, at());
      return { bytes: bytes.slice(0, end), what: `cut at ${end}` };
    }
    case 2: {
      const from = at();
      const len = Math.min(n - from, 1 + Math.floor(random() * 2048));
      out.fill(0, from, from + len);
      return { bytes: out, what: `${len} bytes zeroed at ${from}` };
    }
    case 3: {
      const from = at();
      const chunk = bytes.slice(from, from + 1 + Math.floor(random() * 4096));
      const to = at();
      return { bytes: concat(bytes.slice(0, to), chunk, bytes.slice(to)), what: `${chunk.length} bytes repeated at ${to}` };
    }
    default: {
      const noise = new Uint8Array(1 + Math.floor(random() * 512)).map(() => Math.floor(random() * 256));
      const to = at();
      return { bytes: concat(bytes.slice(0, to), noise, bytes.slice(to)), what: `${noise.length} random bytes inserted at ${to}` };
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let i = 0;
  for (const p of parts) {
    out.set(p, i);
    i += p.length;
  }
  return out;
}

/** never longer than the reader's own budget plus a margin: a hang fails the test instead of stalling it */
function withinTime<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hung: ${what}`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function assertWellFormed(r: ReadResult, what: string) {
  if (isUnreadable(r)) {
    assert.doesNotMatch(r.message, /\n/, `${what}: one line`);
    return;
  }
  for (const b of r.blocks) {
    if (b.kind !== 'table') continue;
    const t = b.table;
    const taken = new Set<string>();
    for (const c of t.cells) {
      assert.ok(c.row >= 0 && c.col >= 0 && c.rowspan >= 1 && c.colspan >= 1, `${what}: a cell's place`);
      assert.ok(c.row + c.rowspan <= t.rows && c.col + c.colspan <= t.cols, `${what}: inside the grid`);
      for (let y = c.row; y < c.row + c.rowspan; y++)
        for (let x = c.col; x < c.col + c.colspan; x++) {
          assert.ok(!taken.has(`${y},${x}`), `${what}: no slot covered twice`);
          taken.add(`${y},${x}`);
        }
    }
    assert.equal(t.rowPages?.length, t.rows, `${what}: a page per row`);
  }
  toReportText(r);
}

for (const file of files) {
  test(`mutated ${file.pathname.split('/').pop()}: no throw, no hang, a well-formed result`, async () => {
    const original = new Uint8Array(readFileSync(file));
    const random = rng(original.length);
    for (let i = 0; i < RUNS; i++) {
      const { bytes, what } = mutate(original, random);
      const r = await withinTime(readPdf(bytes, { timeoutMs: 15_000 }), 30_000, what);
      assertWellFormed(r, what);
    }
  });
}
