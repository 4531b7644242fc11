// "Accept this finding…", the client's half (the command of the server's code action): asks for the
// reason, asks the server for the config file's new text (the server decides the file and the
// entry, server/src/features/accept.ts) and writes it with workspace.fs. Cancelling the input box
// writes nothing; a config file open with unsaved changes is not written over. The client then
// tells the server the file changed, as its file watcher (common.ts) would: a watcher misses
// changes made before it is ready (seen in code-server just after start), and the finding must
// disappear on the spot. The server re-reads the config, and the accepted finding is gone.
import * as vscode from 'vscode';
import { type BaseLanguageClient, DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageclient';
import {
  ACCEPT_ENTRY_REQUEST,
  ACCEPT_FINDING_COMMAND,
  type AcceptEntryParams,
  type AcceptEntryResult,
  type AcceptFindingArgs,
  type AcceptFindingOutcome,
} from '../../server/src/protocol';

export function registerAccept(context: vscode.ExtensionContext, client: () => Promise<BaseLanguageClient | undefined>): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(
      ACCEPT_FINDING_COMMAND,
      async (args: AcceptFindingArgs, given?: unknown): Promise<AcceptFindingOutcome> => {
        const fail = (message: string): AcceptFindingOutcome => {
          void vscode.window.showErrorMessage(message);
          return { written: false, reason: message };
        };
        if (!args || typeof args.uri !== 'string') return fail(vscode.l10n.t('Use "Accept this finding…" on a finding of a report.'));
        // a reason passed as the second argument (a keybinding, a test) stands for the input box's answer
        const reason =
          typeof given === 'string'
            ? given
            : await vscode.window.showInputBox({
                title: vscode.l10n.t('Accept this finding'),
                prompt: vscode.l10n.t('Why is it right as it is? The reason is kept with the entry in .disclosure-report.json.'),
                placeHolder: vscode.l10n.t('e.g. 2 applications were withdrawn; confirmed with the office'),
                ignoreFocusOut: true,
                validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Give a reason.')),
              });
        if (reason === undefined || !reason.trim()) return { written: false, reason: 'cancelled' };
        const running = await client();
        if (!running) return fail(vscode.l10n.t('The Disclosure Report language server is not running.'));
        const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(args.uri, true));
        const params: AcceptEntryParams = { ...args, reason, ...(folder ? { workspaceFolder: folder.uri.toString() } : {}) };
        const result = (await running.sendRequest(ACCEPT_ENTRY_REQUEST, params)) as AcceptEntryResult | null;
        if (!result) return fail(vscode.l10n.t('The finding could not be accepted (see the Disclosure Report output).'));
        if (!result.ok) return fail(result.message);
        const configUri = vscode.Uri.parse(result.configUri, true);
        const name = vscode.workspace.asRelativePath(configUri);
        if (!result.unchanged) {
          const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === configUri.toString());
          if (open?.isDirty) return fail(vscode.l10n.t('{0} has unsaved changes: save it, then accept the finding again.', name));
          try {
            await vscode.workspace.fs.writeFile(configUri, new TextEncoder().encode(result.text));
          } catch (e) {
            return fail(vscode.l10n.t('{0} could not be written: {1}', name, e instanceof Error ? e.message : String(e)));
          }
          await running.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: [{ uri: result.configUri, type: result.created ? FileChangeType.Created : FileChangeType.Changed }],
          });
        }
        vscode.window.setStatusBarMessage(
          result.created ? vscode.l10n.t('Finding accepted: created {0}', name) : vscode.l10n.t('Finding accepted: added to {0}', name),
          5000,
        );
        return { written: !result.unchanged, configUri: result.configUri };
      },
    ),
  );
}
