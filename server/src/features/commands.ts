// The command disclosureReport.recalculateTotals (arguments: [uri]): applies every derived-cell
// fix of the document (总计, （七）, missing totals) through workspace/applyEdit, as one versioned
// edit. The client supplies the active editor's URI when the command palette gives none.
import { MessageType, ShowMessageNotification } from 'vscode-languageserver';
import type { Feature, ServerContext } from '../context';
import { fixAllEdits } from '../core/index';
import { guardRequest } from '../guard';
import { versionedEdit } from '../lsp';
import { RECALCULATE_COMMAND, type RecalculateResult } from '../protocol';
import { t } from '../strings';

function uriArgument(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  // a URI object as VS Code's editor/context menu passes it, if it arrived unconverted
  if (arg && typeof arg === 'object') {
    const o = arg as Record<string, unknown>;
    if (typeof o.external === 'string') return o.external;
    if (typeof o.uri === 'string') return o.uri;
  }
  return undefined;
}

export const commandsFeature: Feature = {
  name: 'commands',
  capabilities: () => ({ executeCommandProvider: { commands: [RECALCULATE_COMMAND] } }),
  register(ctx: ServerContext) {
    ctx.connection.onExecuteCommand(
      guardRequest(ctx.connection, 'executeCommand', null, async (params): Promise<RecalculateResult | null> => {
        if (params.command !== RECALCULATE_COMMAND) return null;
        const uri = uriArgument(params.arguments?.[0]);
        const analyzed = uri ? await ctx.analyze(uri) : undefined;
        if (!uri || !analyzed) {
          return { applied: false, changed: 0, reason: t('notOpen') };
        }
        const { document, analysis } = analyzed;
        const edits = fixAllEdits(analysis);
        if (!edits.length) {
          void ctx.connection.sendNotification(ShowMessageNotification.type, {
            type: MessageType.Info,
            message: t('nothingToRecalculate'),
          });
          return { applied: true, changed: 0 };
        }
        const result = await ctx.connection.workspace.applyEdit({
          label: t('recalculateLabel'),
          edit: versionedEdit(uri, document.version, edits),
        });
        if (!result.applied) return { applied: false, changed: 0, reason: result.failureReason };
        return { applied: true, changed: edits.length };
      }),
    );
  },
};
