// A dedicated web worker's global for a script run in node:vm: what a worker has (and Node shares),
// and nothing of Node's own (no process, require or Buffer). What the script posts to its host and
// the listeners it adds on `self` are recorded; importScripts, when given, loads a script by URL.
import vm from 'node:vm';

/** what a dedicated web worker's global has (and Node shares), and nothing of Node's own */
export const WORKER_GLOBALS = [
  'URL',
  'URLSearchParams',
  'TextDecoder',
  'TextEncoder',
  'ReadableStream',
  'WritableStream',
  'TransformStream',
  'CompressionStream',
  'DecompressionStream',
  'AbortController',
  'AbortSignal',
  'Event',
  'EventTarget',
  'MessageChannel',
  'MessagePort',
  'MessageEvent',
  'Blob',
  'Headers',
  'Request',
  'Response',
  'crypto',
  'performance',
  'structuredClone',
  'atob',
  'btoa',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
  'console',
  'DOMException',
  'WebAssembly',
];

export interface WorkerGlobal {
  ctx: vm.Context;
  posted: unknown[];
  listeners: string[];
  /** the URLs importScripts was called with, in order */
  imported: string[];
}

/**
 * @param options.href the worker script's URL (self.location.href)
 * @param options.load importScripts' source of a script by URL (absent: no importScripts)
 */
export function workerGlobal(options: { href?: string; load?: (url: string) => string } = {}): WorkerGlobal {
  const posted: unknown[] = [];
  const listeners: string[] = [];
  const imported: string[] = [];
  const g: Record<string, unknown> = Object.fromEntries(WORKER_GLOBALS.map((k) => [k, (globalThis as Record<string, unknown>)[k]]));
  Object.assign(g, {
    navigator: { userAgent: 'worker', language: 'zh-CN', platform: '' },
    location: { href: options.href ?? 'https://worker.invalid/worker.js' },
    postMessage: (m: unknown) => posted.push(m),
    onmessage: null,
    addEventListener: (type: string) => listeners.push(type),
    removeEventListener() {},
  });
  g.self = g;
  const ctx = vm.createContext(g);
  const { load } = options;
  if (load)
    g.importScripts = (...urls: string[]) => {
      for (const url of urls) {
        imported.push(url);
        vm.runInContext(load(url), ctx, { filename: url });
      }
    };
  return { ctx, posted, listeners, imported };
}
