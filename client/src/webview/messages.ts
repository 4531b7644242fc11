// The messages between the table view's panel (client/src/tableView.ts, extension host) and its
// webview script (client/src/webview/tableView.ts). Types only.
import type { TableViewModel } from '../../../server/src/protocol';

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}

/** extension → webview */
export type ToWebview =
  /** draw this model (the webview ignores one older than the model it shows) */
  | { type: 'model'; model: TableViewModel }
  /** the document changed since the model shown: a newer one is on its way */
  | { type: 'pending'; version: number }
  /** the editor's cursor moved: highlight the cell (or row) under it */
  | { type: 'cursor'; position: Position }
  /** the server has no model for the document (not checked by it, or not open there yet) */
  | { type: 'unavailable'; text: string };

/** a marked cell as the webview drew it (classes and data attributes read back from the DOM) */
export interface DrawnCell {
  id: string;
  table: string;
  row: string;
  column: string;
  severity: string;
  derived: boolean;
  kind: string;
  text: string;
}

/** what the webview drew, read back from its DOM (tests check it) */
export interface Drawn {
  version: number;
  tables: number;
  cells: number;
  derived: number;
  marked: DrawnCell[];
  unplaced: number;
  status: string;
}

/** webview → extension */
export type FromWebview =
  | { type: 'ready' }
  /** a cell (by model id) or another element with a range was clicked: reveal it in the editor */
  | { type: 'reveal'; cell?: string; range?: Range }
  | { type: 'command'; command: 'recalculate' }
  | ({ type: 'rendered' } & Drawn)
  /** the cell or row highlighted for the cursor (none: null) */
  | { type: 'highlighted'; cell: string | null; line: number };
