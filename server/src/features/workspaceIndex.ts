// The workspace index's disk layer (server/src/workspaceIndex.ts): the server asks the client for
// the workspace's report files and reads each through it (so the web worker server, which has no
// file system, indexes them too), in the background, one file at a time; the client's file watcher
// tells what changes. A document (PDF, DOCX, HTML) comes as its bytes and is converted by the
// shared `convert` (convert.ts), as "Open as Disclosure Report" does: in the background, one at a
// time, each after a turn of the event loop (so the open documents' diagnostics go first), text
// files first; one that does not convert (a scan, a password, not a report) is left out and logged
// once. Only a client that says so in initializationOptions.workspaceReports is
// asked. Over the caps (MAX_FILES, MAX_CHARS) the rest is left out, and the log says so.
import type { Feature, ServerContext } from '../context';
import { convert } from '../convert';
import { describeError, guardListener } from '../guard';
import {
  type ConvertDocumentParams,
  type InitializationOptions,
  isDocumentUri,
  READ_WORKSPACE_REPORT_REQUEST,
  type ReadWorkspaceReportParams,
  type ReadWorkspaceReportResult,
  WORKSPACE_REPORT_CHANGED,
  WORKSPACE_REPORTS_REQUEST,
  type WorkspaceReportChangedParams,
} from '../protocol';

let index: ServerContext['workspace'] | undefined;
let load: () => Promise<void> = async () => undefined;

export const workspaceIndexFeature: Feature = {
  name: 'workspaceIndex',
  capabilities(params) {
    if (index) index.enabled = !!(params.initializationOptions as InitializationOptions | undefined)?.workspaceReports;
    return {};
  },
  register(ctx: ServerContext) {
    const { connection, workspace } = ctx;
    index = workspace;
    /** the newest read of each file: an older answer that arrives later is dropped */
    const reads = new Map<string, number>();
    let seq = 0;
    let full = false;
    /** documents that did not convert, logged once */
    const skipped = new Set<string>();
    /** conversions, one at a time */
    let queue: Promise<unknown> = Promise.resolve();
    const convertLater = (uri: string, params: ConvertDocumentParams): Promise<string | undefined> => {
      const run = queue
        .then(() => new Promise((resolve) => setTimeout(resolve, 0)))
        .then(async () => {
          const c = await convert(ctx, params).catch((e: unknown) => ({ failed: { message: describeError(e) } }));
          if (!('failed' in c)) {
            skipped.delete(uri);
            return c.text.text;
          }
          if (!skipped.has(uri)) {
            skipped.add(uri);
            connection.console.log(`workspace index: ${params.name} is left out (${c.failed.message})`);
          }
          return undefined;
        });
      queue = run.catch(() => undefined);
      return run;
    };
    const read = async (uri: string, deleted?: boolean): Promise<void> => {
      const mine = ++seq;
      reads.set(uri, mine);
      const answer = deleted
        ? null
        : ((await connection.sendRequest(READ_WORKSPACE_REPORT_REQUEST, {
            uri,
          } satisfies ReadWorkspaceReportParams)) as ReadWorkspaceReportResult);
      if (reads.get(uri) !== mine) return;
      const text =
        answer === null || answer === undefined ? undefined : typeof answer === 'string' ? answer : await convertLater(uri, answer);
      if (reads.get(uri) !== mine) return;
      reads.delete(uri);
      if (!workspace.setFile(uri, text ?? undefined) && !full) {
        full = true;
        connection.console.warn(
          `workspace index full (${workspace.size} files, ${workspace.chars} characters): ${uri} and later files are not compared across years`,
        );
      }
    };
    ctx.documents.onDidClose((e) => workspace.close(e.document.uri));
    connection.onNotification(
      WORKSPACE_REPORT_CHANGED,
      guardListener(connection, 'workspaceReportChanged', (p: WorkspaceReportChangedParams) => read(p.uri, p.deleted)),
    );
    load = async () => {
      const log = (e: unknown) => connection.console.error(`workspace index: ${describeError(e)}`);
      const uris = (await connection.sendRequest(WORKSPACE_REPORTS_REQUEST).catch(log)) as string[] | null | undefined;
      // text files first: documents wait for their conversion
      const ordered = [...(uris ?? [])].sort((a, b) => Number(isDocumentUri(a)) - Number(isDocumentUri(b)));
      for (const uri of ordered) {
        await read(uri).catch(log);
        if (full) break;
      }
    };
  },
  initialized() {
    if (index?.enabled) void load();
  },
};
