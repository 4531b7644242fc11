// The progress line of a long batch: `checked 120/1000 files…` on stderr, rewritten in place (\r)
// and cleared at the end. Only when stderr is a terminal: piped or redirected stderr (a CI log, a
// file) gets nothing, and stdout (where --format json/sarif/csv/html writes) is never touched.
// The stream and the clock come in from outside, so tests drive it without a terminal or a timer.
import type { Lang } from '../core/index';

export interface ProgressOptions {
  /** writes to stderr */
  write: (s: string) => void;
  /** is stderr a terminal (process.stderr.isTTY)? When not, the line is never written. */
  isTTY: boolean;
  /** milliseconds, monotonic enough (performance.now, Date.now) */
  now: () => number;
  lang: Lang;
  /** the line appears once the batch has run this long (a short batch never shows it) */
  delayMs?: number;
  /** and is rewritten at most this often */
  intervalMs?: number;
}

export interface Progress {
  /** `done` of `total` files finished */
  update(done: number, total: number): void;
  /** clears the line if it is shown (before other stderr text, and at the end) */
  clear(): void;
}

export const PROGRESS_DELAY_MS = 2000;
export const PROGRESS_INTERVAL_MS = 100;

export function progressLine(done: number, total: number, lang: Lang): string {
  return lang === 'zh' ? `已检查 ${done}/${total} 个文件…` : `checked ${done}/${total} files…`;
}

export function createProgress(o: ProgressOptions): Progress {
  if (!o.isTTY) return { update() {}, clear() {} };
  const delay = o.delayMs ?? PROGRESS_DELAY_MS;
  const interval = o.intervalMs ?? PROGRESS_INTERVAL_MS;
  const start = o.now();
  let shown = 0; // the width of the line on screen, 0 when none is
  let drawnAt = Number.NEGATIVE_INFINITY;
  const clear = () => {
    if (!shown) return;
    o.write(`\r${' '.repeat(shown)}\r`);
    shown = 0;
  };
  return {
    update(done, total) {
      const t = o.now();
      if (t - start < delay || t - drawnAt < interval || done >= total) return;
      const line = progressLine(done, total, o.lang);
      const width = cells(line);
      // pad over a longer line drawn before, so no tail of it stays on screen
      o.write(`\r${line}${' '.repeat(Math.max(0, shown - width))}`);
      shown = Math.max(shown, width);
      drawnAt = t;
    },
    clear,
  };
}

/** terminal cells the text takes: CJK and the ellipsis may be drawn two wide, so count them as two */
function cells(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u2026\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}
