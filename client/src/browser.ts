// The web extension (vscode.dev, github.dev): runs the language server in a web worker.
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { LANGUAGE_ID } from '../../server/src/protocol';
import { activateCommon, clientOptions, deactivateCommon } from './common';

export function activate(context: vscode.ExtensionContext): Promise<void> {
  return activateCommon(context, () => {
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web');
    const worker = new Worker(vscode.Uri.joinPath(dist, 'server.js').toString(true));
    // the worker runs from a blob: URL and cannot find the readers' bundle by itself
    const readersUrl = vscode.Uri.joinPath(dist, 'readers.js').toString(true);
    return new LanguageClient(
      'disclosureReport',
      'Disclosure Report',
      worker,
      clientOptions([{ language: LANGUAGE_ID }], context, { readersUrl }),
    );
  });
}

export function deactivate(): Promise<void> {
  return deactivateCommon();
}
