// The table view's webview script (bundled to dist/webview/tableView.js, the page's one script):
// draws the model the panel posts with the shared renderer (server/src/view/render.ts), never
// parses the report itself. A click on a cell asks the panel to reveal it in the editor; the
// panel's cursor messages highlight the cell under the editor's cursor. After each drawing it
// posts back what it drew (read from the DOM), which the VS Code suite checks.
import { renderTableView } from '../../../server/src/view/render';
import type { CellView, TableViewModel } from '../../../server/src/view/types';
import type { Drawn, DrawnCell, FromWebview, Position, Range, ToWebview } from './messages';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

const vscode = acquireVsCodeApi();
const root = document.getElementById('root') as HTMLElement;
let model: TableViewModel | undefined;
let cells: CellView[] = [];
let cursor: Position | undefined;
/** the element scrolled to for the cursor, until the user scrolls: kept in view while the panel is sized */
let following: Element | undefined;

const post = (m: FromWebview) => vscode.postMessage(m);

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}
function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

/** the cell under a position: inside a cell's text first, then an empty (missing) cell there, then a cell it ends */
function cellAt(p: Position): CellView | undefined {
  let empty: CellView | undefined;
  let ending: CellView | undefined;
  for (const c of cells) {
    const r = c.range;
    if (!r) continue;
    if (samePosition(r.start, r.end)) {
      if (samePosition(r.start, p)) empty ??= c;
    } else if (!before(p, r.start) && before(p, r.end)) {
      return c;
    } else if (samePosition(r.end, p)) {
      ending ??= c;
    }
  }
  return empty ?? ending;
}

/** wholly visible: in the window below the sticky status, and inside its grid's horizontal scroll */
function inView(el: Element): boolean {
  const r = el.getBoundingClientRect();
  const top = root.querySelector('.dr-status')?.getBoundingClientRect().bottom ?? 0;
  const wrap = el.closest('.dr-grid-wrap')?.getBoundingClientRect();
  const left = wrap?.left ?? 0;
  const right = wrap?.right ?? window.innerWidth;
  return r.top >= top && r.bottom <= window.innerHeight && r.left >= left && r.right <= right;
}

function highlight(p: Position, scroll: boolean): void {
  for (const el of Array.from(root.querySelectorAll('.dr-active'))) el.classList.remove('dr-active');
  for (const el of Array.from(root.querySelectorAll('.dr-active-row'))) el.classList.remove('dr-active-row');
  const cell = cellAt(p);
  let target: Element | null = cell ? root.querySelector(`td[data-cell="${cell.id}"]`) : null;
  if (target) {
    target.classList.add('dr-active');
  } else {
    // no cell there: the row read from that line, if any
    target =
      Array.from(root.querySelectorAll<HTMLElement>('tr.dr-row[data-lines]')).find((tr) =>
        (tr.dataset.lines ?? '').split(' ').includes(String(p.line)),
      ) ?? null;
    target?.classList.add('dr-active-row');
  }
  // a redrawing replaces the element followed by its new copy
  if (scroll || following) following = target ?? undefined;
  if (scroll && target && !inView(target)) target.scrollIntoView({ block: 'center', inline: 'nearest' });
  post({ type: 'highlighted', cell: cell && target ? cell.id : null, line: p.line });
}

function drawn(m: TableViewModel): Drawn {
  const marked: DrawnCell[] = [];
  for (const el of Array.from(root.querySelectorAll<HTMLElement>('td.dr-cell'))) {
    const severity = ['error', 'warning', 'info', 'hint'].find((s) => el.classList.contains(`dr-${s}`));
    if (!severity) continue;
    marked.push({
      id: el.dataset.cell ?? '',
      table: el.dataset.table ?? '',
      row: el.dataset.row ?? '',
      column: el.dataset.col ?? '',
      severity,
      derived: el.classList.contains('dr-derived'),
      kind:
        Array.from(el.classList)
          .find((c) => c.startsWith('dr-k-'))
          ?.slice(5) ?? '',
      text: el.textContent ?? '',
    });
  }
  return {
    version: m.version,
    tables: root.querySelectorAll('table.dr-grid').length,
    cells: root.querySelectorAll('td.dr-cell').length,
    derived: root.querySelectorAll('td.dr-cell.dr-derived').length,
    marked,
    unplaced: root.querySelectorAll('.dr-unplaced-line').length,
    status: root.querySelector('.dr-status')?.textContent ?? '',
  };
}

function draw(m: TableViewModel): void {
  const scrolls = new Map(Array.from(root.querySelectorAll<HTMLElement>('.dr-grid-wrap')).map((el, i) => [i, el.scrollLeft]));
  const y = window.scrollY;
  model = m;
  cells = m.tables.flatMap((t) => t.body.flatMap((r) => (r.kind === 'data' ? r.cells : [])));
  root.innerHTML = renderTableView(m, { interactive: true });
  root.classList.remove('dr-pending');
  Array.from(root.querySelectorAll<HTMLElement>('.dr-grid-wrap')).forEach((el, i) => {
    el.scrollLeft = scrolls.get(i) ?? 0;
  });
  window.scrollTo(window.scrollX, y);
  if (cursor) highlight(cursor, false);
  post({ type: 'rendered', ...drawn(m) });
}

function rangeOf(el: HTMLElement): Range | undefined {
  const n = (k: string) => Number(el.dataset[k]);
  const r = { start: { line: n('line'), character: n('char') }, end: { line: n('endLine'), character: n('endChar') } };
  return [r.start.line, r.start.character, r.end.line, r.end.character].every((v) => Number.isInteger(v) && v >= 0) ? r : undefined;
}

function activate(target: EventTarget | null, event: Event): void {
  if (!(target instanceof Element)) return;
  if (target.closest('[data-command="recalculate"]')) {
    post({ type: 'command', command: 'recalculate' });
    return;
  }
  const link = target.closest<HTMLAnchorElement>('a[href^="#"]');
  if (link) {
    event.preventDefault();
    document.getElementById(decodeURIComponent(link.getAttribute('href')!.slice(1)))?.scrollIntoView({ block: 'start' });
    return;
  }
  const el = target.closest<HTMLElement>('td.dr-cell[data-cell], [data-line]');
  if (!el) return;
  if (el.matches('td.dr-cell[data-cell]')) {
    if (el.dataset.line !== undefined) post({ type: 'reveal', cell: el.dataset.cell });
    return;
  }
  const range = rangeOf(el);
  if (range) post({ type: 'reveal', range });
}

document.addEventListener('click', (e) => activate(e.target, e));
document.addEventListener('keydown', (e) => {
  if ((e.key === 'Enter' || e.key === ' ') && e.target instanceof HTMLElement && e.target.matches('td.dr-cell[tabindex]')) {
    e.preventDefault();
    activate(e.target, e);
  }
});

for (const event of ['wheel', 'mousedown', 'keydown', 'touchstart']) {
  window.addEventListener(event, () => {
    following = undefined;
  });
}
window.addEventListener('resize', () => {
  if (following?.isConnected && !inView(following)) following.scrollIntoView({ block: 'center', inline: 'nearest' });
});

window.addEventListener('message', (e: MessageEvent<ToWebview>) => {
  const m = e.data;
  if (!m || typeof m !== 'object') return;
  if (m.type === 'model') {
    // never replace a newer drawing by an older one
    if (model && m.model.version < model.version) return;
    draw(m.model);
  } else if (m.type === 'pending') {
    if (!model || m.version > model.version) root.classList.add('dr-pending');
  } else if (m.type === 'unavailable') {
    // only before anything was drawn: a model drawn stays until a newer one replaces it
    if (!model) {
      const note = document.createElement('p');
      note.className = 'dr-note';
      note.textContent = m.text;
      root.replaceChildren(note);
    }
  } else if (m.type === 'cursor') {
    cursor = m.position;
    if (model) highlight(cursor, true);
  }
});

post({ type: 'ready' });
