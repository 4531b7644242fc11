// "Accept this finding…" (checks.md, `accept`), the server's half: disclosureReport/acceptEntry
// finds the finding again in the analysis of the document's current version (same code, range and
// numbers, else nothing is written), chooses the config file, builds the entry and returns the
// file's new text with the entry added (the core's acceptEntryFor, addAcceptEntry). The client
// asks for the reason and writes the text. The file is the `.disclosure-report.json` that applies
// to the report; where there is none, a new one at the root of the report's workspace folder (so
// that the acceptances of a folder of reports are kept in one file, found for all of them), or
// next to the report when it is in no workspace folder. A config that is not a JSON object is
// never overwritten. Node only: the web worker server reads no config file.
import type { Feature, ServerContext } from '../context';
import { acceptEntryFor, addAcceptEntry, CONFIG_FILE_NAME, sameRange } from '../core/index';
import { guardRequest } from '../guard';
import { ACCEPT_ENTRY_REQUEST, type AcceptEntryParams, type AcceptEntryResult } from '../protocol';
import { t } from '../strings';

/** is `path` inside folder `folder` (relative path from one to the other, `/`-separated)? */
function inside(relativePath: string): boolean {
  return relativePath !== '' && relativePath !== '..' && !relativePath.startsWith('../') && !/^(?:[a-zA-Z]:)?\//.test(relativePath);
}

export async function acceptEntry(ctx: ServerContext, params: AcceptEntryParams): Promise<AcceptEntryResult> {
  const fail = (message: string): AcceptEntryResult => ({ ok: false, message });
  const reason = typeof params.reason === 'string' ? params.reason.trim() : '';
  if (!reason) return fail(t('acceptNoReason'));
  const { readFile, uriToPath, pathToUri, dirname, join, relative } = ctx.env;
  const reportPath = uriToPath?.(params.uri);
  if (!readFile || !pathToUri || !dirname || !join || !relative || !reportPath) return fail(t('acceptNoFile'));
  const analyzed = await ctx.analyze(params.uri);
  if (!analyzed) return fail(t('notOpen'));
  const finding = ctx
    .findingsOf(analyzed)
    .find(
      (f) => f.code === params.code && sameRange(f.range, params.range) && f.expected === params.expected && f.actual === params.actual,
    );
  if (!finding) return fail(t('acceptGone'));

  let configPath = analyzed.settings.configFile;
  if (!configPath) {
    const folder = params.workspaceFolder ? uriToPath?.(params.workspaceFolder) : undefined;
    const root = folder && inside(relative(folder, reportPath)) ? folder : dirname(reportPath);
    configPath = join(root, CONFIG_FILE_NAME);
  }
  const text = readFile(configPath);
  const entry = acceptEntryFor(finding, relative(dirname(configPath), reportPath), reason);
  const r = addAcceptEntry(text, entry);
  if (!r.ok) {
    if (r.error === 'invalid-json') return fail(t('acceptInvalidJson', configPath, r.detail ?? ''));
    return fail(t(r.error === 'not-object' ? 'acceptNotObject' : 'acceptNotList', configPath));
  }
  return { ok: true, configUri: pathToUri(configPath), text: r.text, created: text === undefined, unchanged: r.unchanged, entry };
}

export const acceptFeature: Feature = {
  name: 'accept',
  register(ctx: ServerContext) {
    ctx.connection.onRequest<AcceptEntryResult | null, unknown>(
      ACCEPT_ENTRY_REQUEST,
      // null: the handler failed (logged); the client says so
      guardRequest(ctx.connection, 'acceptEntry', null as AcceptEntryResult | null, (params: AcceptEntryParams) =>
        acceptEntry(ctx, params),
      ),
    );
  },
};
