// Code actions: the quick fix of each finding in the requested range (isPreferred where the core
// says so), and `source.fixAll.disclosure-report`, which recalculates every derived cell (总计,
// （七）, missing totals) and can run from editor.codeActionsOnSave. Every edit is a versioned
// TextDocumentEdit, so an edit computed for an older version is rejected by the client. Every
// finding an `accept` entry can name also gets "Accept this finding…": a command of the client,
// which asks for a reason and writes the entry the server makes (features/accept.ts).
import { type CodeAction, CodeActionKind, type CodeActionParams, type Diagnostic } from 'vscode-languageserver';
import type { Feature, ServerContext } from '../context';
import { canAccept, type Finding, fixAllEdits, fixTitle, type Lang, overlaps, sameRange } from '../core/index';
import { analyzedRequest } from '../guard';
import { toDiagnostic, versionedEdit } from '../lsp';
import { ACCEPT_FINDING_COMMAND, type AcceptFindingArgs, DOCUMENT_SCHEME, FIX_ALL_KIND, SOURCE } from '../protocol';
import { t } from '../strings';

/** does the request ask for kind `kind` (LSP: `only` lists kind prefixes)? */
export function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function quickFix(f: Finding, uri: string, version: number, lang: Lang, diagnostic: Diagnostic): CodeAction | undefined {
  if (!f.fix || f.fix.edits.length === 0) return undefined;
  return {
    title: fixTitle(f.fix, lang),
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: f.fix.preferred,
    edit: versionedEdit(uri, version, f.fix.edits),
  };
}

/** "Accept this finding…": runs the client's command, which asks for the reason */
export function acceptAction(f: Finding, uri: string, diagnostic: Diagnostic): CodeAction {
  const args: AcceptFindingArgs = { uri, code: f.code, range: f.range };
  if (f.expected !== undefined) args.expected = f.expected;
  if (f.actual !== undefined) args.actual = f.actual;
  const title = t('acceptTitle');
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: { title, command: ACCEPT_FINDING_COMMAND, arguments: [args] },
  };
}

/** can this server write acceptances? It must read the config file (Node: the web worker has no file system) */
function writesAcceptances(ctx: ServerContext, uri: string): boolean {
  const { readFile, uriToPath, pathToUri, relative } = ctx.env;
  return !!(readFile && pathToUri && relative && uriToPath?.(uri));
}

export const codeActionsFeature: Feature = {
  name: 'codeActions',
  capabilities: () => ({
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
  }),
  register(ctx: ServerContext) {
    ctx.connection.onCodeAction(
      analyzedRequest(
        ctx,
        'codeAction',
        [] as CodeAction[],
        (p: CodeActionParams) => p.textDocument.uri,
        (analyzed, params): CodeAction[] => {
          if (analyzed.settings.validate === 'off') return [];
          // a PDF/DOCX/HTML shown as a report: an edit would change the view, not the document
          // (a DOCX takes its totals through Recalculate Totals, client/src/documents.ts)
          if (analyzed.document.uri.startsWith(`${DOCUMENT_SCHEME}:`)) return [];
          const { document, analysis } = analyzed;
          const uri = document.uri;
          const version = document.version;
          const only = params.context.only;
          const actions: CodeAction[] = [];

          if (wants(only, CodeActionKind.QuickFix)) {
            const ours = params.context.diagnostics.filter((d) => d.source === SOURCE);
            const accepting = writesAcceptances(ctx, uri);
            const findings = ctx.findingsOf(analyzed);
            for (const f of findings) {
              if (!overlaps(f.range, params.range)) continue;
              const acceptable = accepting && canAccept(f, findings, analyzed.settings.acceptFile);
              if (!f.fix && !acceptable) continue;
              // answer with the client's own diagnostic object where it has one, so the fix attaches to it
              const diagnostic =
                ours.find((d) => d.code === f.code && sameRange(d.range, f.range)) ?? toDiagnostic(f, uri, version, ctx.lang);
              const action = quickFix(f, uri, version, ctx.lang, diagnostic);
              if (action) actions.push(action);
              if (acceptable) actions.push(acceptAction(f, uri, diagnostic));
            }
          }

          if (wants(only, FIX_ALL_KIND)) {
            const edits = fixAllEdits(analysis);
            if (edits.length) {
              actions.push({
                title: t('fixAllTitle'),
                kind: FIX_ALL_KIND,
                edit: versionedEdit(uri, version, edits),
              });
            }
          }
          return actions;
        },
      ),
    );
  },
};
