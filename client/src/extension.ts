// The Node extension: runs the language server (dist/node/server.js) as a child process over IPC.
import * as vscode from 'vscode';
import { LanguageClient, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { DOCUMENT_SCHEME, LANGUAGE_ID, SERVER_EXEC_ARGV } from '../../server/src/protocol';
import { activateCommon, clientOptions, deactivateCommon } from './common';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'node', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    // heap flags: see SERVER_EXEC_ARGV (only the command line can set them)
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'] } },
  };
  const selector = [
    { language: LANGUAGE_ID, scheme: 'file' },
    { language: LANGUAGE_ID, scheme: 'untitled' },
    { language: LANGUAGE_ID, scheme: DOCUMENT_SCHEME },
  ];
  return activateCommon(
    context,
    () => new LanguageClient('disclosureReport', 'Disclosure Report', serverOptions, clientOptions(selector, context)),
  );
}

export function deactivate(): Promise<void> {
  return deactivateCommon();
}
