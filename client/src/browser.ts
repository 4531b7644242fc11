// The web extension (vscode.dev, github.dev): runs the language server in a web worker.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { activateCommon, clientOptions, deactivateCommon } from './common';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateCommon(context, () => {
    const worker = new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true));
    return new LanguageClient('disclosureReport', 'Disclosure Report', worker, clientOptions([{ language: LANGUAGE_ID }], context));
  });
}

export function deactivate(): Promise<void> {
  return deactivateCommon();
}
