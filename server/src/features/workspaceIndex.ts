// The workspace index's disk layer (server/src/workspaceIndex.ts): the server asks the client for
// the workspace's report files and reads each through it (so the web worker server, which has no
// file system, indexes them too), in the background, one file at a time; the client's file watcher
// tells what changes. Only a client that says so in initializationOptions.workspaceReports is
// asked. Over the caps (MAX_FILES, MAX_CHARS) the rest is left out, and the log says so.
import type { Feature, ServerContext } from '../context';
import { describeError, guardListener } from '../guard';
import {
  type InitializationOptions,
  READ_WORKSPACE_REPORT_REQUEST,
  type ReadWorkspaceReportParams,
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
    const read = async (uri: string, deleted?: boolean): Promise<void> => {
      const mine = ++seq;
      reads.set(uri, mine);
      const text = deleted
        ? undefined
        : ((await connection.sendRequest(READ_WORKSPACE_REPORT_REQUEST, { uri } satisfies ReadWorkspaceReportParams)) as string | null);
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
      for (const uri of uris ?? []) {
        await read(uri).catch(log);
        if (full) break;
      }
    };
  },
  initialized() {
    if (index?.enabled) void load();
  },
};
