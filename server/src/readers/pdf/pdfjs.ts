// The one module that touches pdf.js (pdfjs-dist 5.6.205, legacy build, pinned: its option API and
// operator-list encoding change between minor releases). Everything else in readers/pdf/ works on
// the plain data this module hands out, so an upgrade is a change here and in rulings.ts only.
//
// How pdf.js is run (documents.md §1.3):
// - legacy build (the modern one needs Promise.withResolvers & co., absent from Node 20);
// - a small DOMMatrix on globalThis before import when the runtime has none (Node without the
//   optional native @napi-rs/canvas, which the reader never needs);
// - the worker module imported into the same thread, so pdf.js uses its in-thread "fake worker" in
//   Node and in a web worker alike (the bundler patches the worker's auto-start, see
//   scripts/esbuild-pdfjs.mjs);
// - the few GB CMaps from memory (cmaps.ts), no fetch, no fs;
// - builtins that the legacy build's core-js replaces on older engines (Array.prototype.push,
//   JSON.stringify — 40× slower — and JSON.parse on Node 20) are put back after import, and the
//   `self` it defines on Node is removed: the language server and the CLI share this process.

import { CMAPS } from './cmaps';
import { installDOMMatrix } from './dommatrix';

/** The pdf.js operator codes the reader uses (OPS of pdf.js 5.6.205; checked against pdf.js at load). */
export const OPS = {
  setLineWidth: 2,
  save: 10,
  restore: 11,
  transform: 12,
  moveTo: 13,
  lineTo: 14,
  curveTo: 15,
  curveTo2: 16,
  curveTo3: 17,
  closePath: 18,
  rectangle: 19,
  stroke: 20,
  closeStroke: 21,
  fill: 22,
  eoFill: 23,
  fillStroke: 24,
  eoFillStroke: 25,
  closeFillStroke: 26,
  closeEOFillStroke: 27,
  endPath: 28,
  clip: 29,
  eoClip: 30,
  paintFormXObjectBegin: 74,
  paintFormXObjectEnd: 75,
  constructPath: 91,
} as const;

export interface RawTextItem {
  str: string;
  /** 'ltr' | 'rtl' | 'ttb' */
  dir: string;
  /** text space → PDF user space, font size included: [a, b, c, d, e, f] */
  transform: number[];
  width: number;
  height: number;
  /** the font is vertical (Identity-V and the like) */
  vertical: boolean;
}

export interface RawOperatorList {
  fnArray: number[];
  argsArray: unknown[];
}

export interface RawPage {
  /** 1-based */
  number: number;
  /** the visible page box in user space: [x0, y0, x1, y1] */
  view: number[];
  /** /Rotate, normalised to 0, 90, 180 or 270 */
  rotate: number;
  text(): Promise<RawTextItem[]>;
  operators(): Promise<RawOperatorList>;
  /** frees pdf.js's per-page resources */
  release(): void;
}

export interface RawDocument {
  numPages: number;
  page(n: number): Promise<RawPage>;
  close(): Promise<void>;
}

export type PdfFailure = 'encrypted' | 'corrupt' | 'timeout';

export class PdfError extends Error {
  constructor(
    readonly failure: PdfFailure,
    message: string,
  ) {
    super(message);
    this.name = 'PdfError';
  }
}

// ------------------------------------------------------------------------------------ loading

// biome-ignore lint/suspicious/noExplicitAny: pdf.js's own types are not worth pinning to the adapter's surface
type PdfJs = any;
let loading: Promise<PdfJs> | undefined;

/** Loads pdf.js once per process (it is large: the text path must not pay for it). */
export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    installDOMMatrix();
    const pdfjs: PdfJs = await keepBuiltins(async () => {
      const main: PdfJs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      return main;
    });
    for (const [name, code] of Object.entries(OPS)) {
      if (pdfjs.OPS[name] !== code) throw new Error(`pdf.js OPS.${name} is ${pdfjs.OPS[name]}, the reader expects ${code}`);
    }
    return pdfjs;
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

const IMPORT_NOISE = /^Warning: Cannot (load "@napi-rs\/canvas"|polyfill|access the `require`)/;

/**
 * Runs the import, then puts back every builtin it replaced (an own data property of a global, of a
 * global's prototype, whose value changed) and removes a `self` it added where there was none.
 * What it only adds (Promise.withResolvers, Uint8Array.fromBase64, …) stays: pdf.js needs it.
 * Its import-time warnings about the optional native canvas are dropped.
 */
async function keepBuiltins<T>(load: () => Promise<T>): Promise<T> {
  const g = globalThis as Record<string, unknown>;
  const saved: [object, PropertyKey, PropertyDescriptor][] = [];
  const seen = new Set<object>();
  const snap = (o: unknown) => {
    if ((typeof o !== 'object' && typeof o !== 'function') || o === null || seen.has(o)) return;
    seen.add(o);
    for (const key of Reflect.ownKeys(o)) {
      const d = Object.getOwnPropertyDescriptor(o, key);
      if (d && 'value' in d) saved.push([o, key, d]);
    }
  };
  snap(g);
  for (const name of Object.getOwnPropertyNames(g)) {
    const d = Object.getOwnPropertyDescriptor(g, name);
    if (!d || !('value' in d)) continue;
    snap(d.value);
    if (typeof d.value === 'function') snap((d.value as { prototype?: unknown }).prototype);
  }
  const hadSelf = Object.getOwnPropertyDescriptor(g, 'self') !== undefined;
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && IMPORT_NOISE.test(args[0])) return;
    warn.apply(console, args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
    for (const [o, key, d] of saved) {
      const now = Object.getOwnPropertyDescriptor(o, key);
      if (now && 'value' in now && now.value === d.value) continue;
      if (now && !now.configurable) continue;
      try {
        Object.defineProperty(o, key, d);
      } catch {
        // a property that cannot be put back stays as pdf.js left it
      }
    }
    if (!hadSelf && Object.getOwnPropertyDescriptor(g, 'self')?.configurable) delete g.self;
  }
}

/** pdf.js asks the host for CMap files; this one serves the bundled GB CMaps and nothing else. */
class MemoryDataFactory {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const name = filename.replace(/\.bcmap$/, '');
    const b64 = kind === 'cMapUrl' ? CMAPS[name] : undefined;
    if (b64 === undefined) throw new Error(`${kind} ${filename} is not bundled`);
    return decodeBase64(b64);
  }
}

function decodeBase64(b64: string): Uint8Array {
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

// ----------------------------------------------------------------------------------- deadline

/** A time budget for one file: every pdf.js call races against what is left of it. */
export class Deadline {
  private readonly end: number;
  private onExpire: (() => void) | undefined;
  constructor(readonly ms: number) {
    this.end = Date.now() + ms;
  }
  get expired(): boolean {
    return Date.now() >= this.end;
  }
  /** what to do when the budget runs out while a call is pending (destroy the document) */
  whenExpired(fn: () => void) {
    this.onExpire = fn;
  }
  race<T>(p: Promise<T>): Promise<T> {
    const left = this.end - Date.now();
    if (left <= 0) {
      p.catch(() => undefined);
      this.onExpire?.();
      return Promise.reject(new PdfError('timeout', `reading took longer than ${this.ms / 1000} s`));
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.onExpire?.();
        reject(new PdfError('timeout', `reading took longer than ${this.ms / 1000} s`));
      }, left);
    });
    p.catch(() => undefined);
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  }
}

// ----------------------------------------------------------------------------------- document

/** Opens a PDF. Throws PdfError (encrypted, corrupt, timeout). `bytes` is not modified: pdf.js gets a copy. */
export async function openPdf(bytes: Uint8Array, deadline: Deadline): Promise<RawDocument> {
  const pdfjs = await deadline.race(loadPdfJs());
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    fontExtraProperties: false,
    verbosity: 0,
    maxImageSize: 0,
    isOffscreenCanvasSupported: false,
    isImageDecoderSupported: false,
    useWasm: false,
    enableXfa: false,
    stopAtErrors: false,
    cMapPacked: true,
    BinaryDataFactory: MemoryDataFactory,
  });
  // a password prompt would wait for ever: refuse at once
  task.onPassword = () => {
    task.destroy().catch(() => undefined);
  };
  let destroyed = false;
  const destroy = async () => {
    if (destroyed) return;
    destroyed = true;
    await task.destroy().catch(() => undefined);
  };
  deadline.whenExpired(() => void destroy());
  let doc: PdfJs;
  try {
    doc = await deadline.race(task.promise);
  } catch (e) {
    await destroy();
    throw classify(e);
  }
  const styleVertical = (styles: Record<string, { vertical?: boolean }>, font: string) => !!styles[font]?.vertical;
  return {
    numPages: doc.numPages,
    async page(n: number): Promise<RawPage> {
      const page: PdfJs = await deadline.race<PdfJs>(doc.getPage(n)).catch((e) => Promise.reject(classify(e)));
      const rotate = (((page.rotate ?? 0) % 360) + 360) % 360;
      return {
        number: n,
        view: [...page.view],
        rotate: rotate === 90 || rotate === 180 || rotate === 270 ? rotate : 0,
        async text() {
          const tc: PdfJs = await deadline
            .race<PdfJs>(page.getTextContent({ includeMarkedContent: false, disableNormalization: true }))
            .catch((e) => Promise.reject(classify(e)));
          const out: RawTextItem[] = [];
          for (const it of tc.items as {
            str?: string;
            dir?: string;
            transform?: number[];
            width?: number;
            height?: number;
            fontName?: string;
          }[]) {
            if (typeof it.str !== 'string' || !Array.isArray(it.transform)) continue;
            out.push({
              str: it.str,
              dir: it.dir ?? 'ltr',
              transform: it.transform,
              width: it.width ?? 0,
              height: it.height ?? 0,
              vertical: styleVertical(tc.styles ?? {}, it.fontName ?? ''),
            });
          }
          return out;
        },
        async operators() {
          const ol: PdfJs = await deadline
            .race<PdfJs>(page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE }))
            .catch((e) => Promise.reject(classify(e)));
          return { fnArray: ol.fnArray, argsArray: ol.argsArray };
        },
        release() {
          try {
            page.cleanup();
          } catch {
            // nothing to free
          }
        },
      };
    },
    close: destroy,
  };
}

function classify(e: unknown): PdfError {
  if (e instanceof PdfError) return e;
  const name = (e as { name?: string })?.name ?? '';
  const message = String((e as { message?: string })?.message ?? e);
  if (name === 'PasswordException' || /password/i.test(message)) return new PdfError('encrypted', message);
  if (e instanceof RangeError || /call stack/i.test(message)) return new PdfError('corrupt', `too deeply nested: ${message}`);
  return new PdfError('corrupt', message);
}
