// The open documents and the analysis of each version. A version is analysed once per settings
// value and shared by every feature (diagnostics, hover, symbols, code actions, commands).
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, type Analysis } from './core/index';
import type { DocumentSettings } from './context';

interface CacheEntry {
  version: number;
  settingsKey: string;
  analysis: Analysis;
}

export class DocumentStore {
  readonly documents = new TextDocuments(TextDocument);
  private cache = new Map<string, CacheEntry>();
  /** how many analyses ran (tests and logs read it) */
  analyses = 0;

  constructor() {
    this.documents.onDidClose((e) => this.cache.delete(e.document.uri));
  }

  analysisOf(document: TextDocument, settings: DocumentSettings): Analysis {
    const settingsKey = JSON.stringify(settings.config);
    const hit = this.cache.get(document.uri);
    if (hit && hit.version === document.version && hit.settingsKey === settingsKey) return hit.analysis;
    const analysis = analyze(document.getText(), { config: settings.config });
    this.analyses++;
    this.cache.set(document.uri, { version: document.version, settingsKey, analysis });
    return analysis;
  }
}
