// The open documents and the analysis of each version. A version is analysed once per settings
// value and shared by every feature (diagnostics, hover, symbols, code actions, commands).
// Rules that threw while analysing a version (analysis.ruleErrors) are logged once per version;
// the findings of the other rules are served as usual. The findings the config's `accept` lists
// are taken out here, by the core's applyAccept as the CLI does, so no feature ever shows one.
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { DocumentSettings } from './context';
import { type Analysis, analyze, applyAccept, configKey } from './core/index';
import { shortStack } from './guard';
import type { ServerStats } from './protocol';

/**
 * How many analyses stay cached. Diagnostics are published as soon as a version is analysed; the
 * cache serves the features that follow (hover, symbols, code actions) on the documents being
 * worked on. Re-analysing an evicted report costs about a millisecond; keeping every open
 * document's analysis would cost ~150 KB each (RSS target: 100 MB with 1,000 reports open).
 */
export const CACHE_SIZE = 32;

/**
 * A report longer than this is not checked in the editor (a real report is 5,000–100,000
 * characters): its analysis would take seconds and hundreds of MB in a server started with a
 * bounded heap (SERVER_EXEC_ARGV). The CLI checks any size.
 */
export const MAX_DOCUMENT_CHARS = 4_000_000;

interface CacheEntry {
  version: number;
  settingsKey: string;
  analysis: Analysis;
}

export class AnalysisCache {
  readonly documents = new TextDocuments(TextDocument);
  private cache = new Map<string, CacheEntry>();
  /** the last version whose rule errors were logged, per document */
  private logged = new Map<string, number>();
  /** how many analyses ran and how long they took (the disclosureReport/serverStats request) */
  readonly stats: ServerStats = { analyses: 0, lastAnalysisMs: 0, maxAnalysisMs: 0, totalAnalysisMs: 0, pendingValidations: 0 };

  constructor(
    private readonly logError: (message: string) => void = () => undefined,
    private readonly afterAnalysis: () => void = () => undefined,
  ) {
    this.documents.onDidClose((e) => {
      this.cache.delete(e.document.uri);
      this.logged.delete(e.document.uri);
    });
  }

  analysisOf(document: TextDocument, settings: DocumentSettings): Analysis {
    // `accept` file globs match the document's path relative to the config file
    const settingsKey = `${configKey(settings.config)}\u0000${settings.acceptFile ?? ''}`;
    const hit = this.cache.get(document.uri);
    if (hit && hit.version === document.version && hit.settingsKey === settingsKey) {
      // most recently used last (Map keeps insertion order)
      this.cache.delete(document.uri);
      this.cache.set(document.uri, hit);
      return hit.analysis;
    }
    const started = performance.now();
    const text = document.getText();
    const tooLarge = text.length > MAX_DOCUMENT_CHARS;
    if (tooLarge && this.logged.get(document.uri) !== -1) {
      this.logged.set(document.uri, -1);
      this.logError(
        `${document.uri} has ${text.length} characters, more than the editor checks (${MAX_DOCUMENT_CHARS}); check it with the CLI: disclosure-report check <file>`,
      );
    }
    const analysis = analyze(tooLarge ? '' : text, { config: settings.config });
    // accepted findings leave the analysis itself (the same object: its arithmetic is keyed by it)
    if (settings.config.accept.length)
      analysis.findings = applyAccept(analysis.findings, settings.acceptFile, settings.config.accept).findings;
    const ms = performance.now() - started;
    this.stats.analyses++;
    this.stats.lastAnalysisMs = ms;
    this.stats.maxAnalysisMs = Math.max(this.stats.maxAnalysisMs, ms);
    this.stats.totalAnalysisMs += ms;
    this.afterAnalysis();
    this.cache.delete(document.uri);
    this.cache.set(document.uri, { version: document.version, settingsKey, analysis });
    while (this.cache.size > CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!);
    if (analysis.ruleErrors.length && this.logged.get(document.uri) !== document.version) {
      this.logged.set(document.uri, document.version);
      for (const { code, error } of analysis.ruleErrors) {
        this.logError(
          `rule ${code} failed on ${document.uri} (version ${document.version}); its findings are missing: ${shortStack(error)}`,
        );
      }
    }
    return analysis;
  }
}
