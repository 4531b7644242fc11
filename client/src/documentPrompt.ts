// The offer to open a PDF, DOCX or HTML file as a report when its name looks like one (年度报告,
// 年报, 信息公开: detect.ts): when such a file is opened in a tab, or is in the workspace when the
// extension starts. Once per file (workspaceState), one offer at a time, at most
// MAX_WORKSPACE_OFFERS files from the workspace per window; "Don't Ask Again" ends the offers
// everywhere (globalState).
import * as vscode from 'vscode';
import { OPEN_DOCUMENT_COMMAND } from '../../server/src/protocol';
import { looksLikeReportDocument } from './detect';

const ASKED_KEY = 'disclosureReport.documentOffer.asked';
const NEVER_KEY = 'disclosureReport.documentOffer.never';
const MAX_WORKSPACE_OFFERS = 3;
/** how many files the workspace search looks at */
const MAX_FILES = 500;

export function registerDocumentPrompt(context: vscode.ExtensionContext): void {
  const queue: vscode.Uri[] = [];
  let showing = false;
  const asked = () => new Set(context.workspaceState.get<string[]>(ASKED_KEY, []));

  const next = async (): Promise<void> => {
    if (showing) return;
    const uri = queue.shift();
    if (!uri) return;
    if (context.globalState.get<boolean>(NEVER_KEY) || asked().has(uri.toString())) return next();
    showing = true;
    try {
      await context.workspaceState.update(ASKED_KEY, [...asked(), uri.toString()].slice(-1000));
      const name = uri.path.split('/').pop() ?? uri.path;
      const open = vscode.l10n.t('Open as Disclosure Report');
      const never = vscode.l10n.t("Don't Ask Again");
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t('{0} looks like a government information disclosure annual report. Check it?', name),
        open,
        never,
      );
      if (answer === open) await vscode.commands.executeCommand(OPEN_DOCUMENT_COMMAND, uri);
      if (answer === never) await context.globalState.update(NEVER_KEY, true);
    } finally {
      showing = false;
    }
    return next();
  };

  const offer = (uri: vscode.Uri | undefined) => {
    if (!uri || !looksLikeReportDocument(uri.path) || context.globalState.get<boolean>(NEVER_KEY)) return;
    if (asked().has(uri.toString()) || queue.some((q) => q.toString() === uri.toString())) return;
    queue.push(uri);
    void next();
  };

  const tabUri = (tab: vscode.Tab) => {
    const input = tab.input as { uri?: unknown } | undefined;
    return input?.uri instanceof vscode.Uri ? input.uri : undefined;
  };
  context.subscriptions.push(
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      for (const tab of e.opened) offer(tabUri(tab));
    }),
  );
  if (context.globalState.get<boolean>(NEVER_KEY)) return;
  void vscode.workspace.findFiles('**/*.{pdf,PDF,docx,DOCX,html,HTML,htm,HTM}', '**/node_modules/**', MAX_FILES).then(
    (uris) => {
      const done = asked();
      const fresh = uris.filter((u) => looksLikeReportDocument(u.path) && !done.has(u.toString()));
      for (const uri of fresh.slice(0, MAX_WORKSPACE_OFFERS)) offer(uri);
    },
    () => undefined,
  );
}
