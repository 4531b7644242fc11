// Diagnostics: the core's findings of each document version, published with the version they
// belong to. On type they wait for a pause (debounce); a result for a version older than the
// document's current one, or older than one already published, is dropped. The work not yet done
// (a debounce timer, a validation running, a change waiting for its settings) is counted in
// serverStats.pendingValidations: zero means nothing more will be published for what was sent.
// The findings across reports (carry-over…, ctx.findingsOf) are included, and a document is
// published again when a report they compare it with changes (ctx.workspace.onAffected).

import type { Diagnostic } from 'vscode-languageserver';
import type { Feature, ServerContext } from '../context';
import { describeError, guardListener } from '../guard';
import { countFindings, toDiagnostic } from '../lsp';
import { FINDING_COUNT_NOTIFICATION } from '../protocol';
import { BROKEN_SERVER } from '../testHooks';

export const diagnosticsFeature: Feature = {
  name: 'diagnostics',
  register(ctx: ServerContext) {
    const timers = new Map<string, ReturnType<typeof setTimeout>>();
    /** last version published per document */
    const published = new Map<string, number>();
    /** documents whose first analysis was scheduled (the first one runs without delay) */
    const seen = new Set<string>();
    /** validations running, and changes waiting for their settings */
    let working = 0;
    const count = () => {
      ctx.stats.pendingValidations = timers.size + working;
    };
    /** runs `work`, counted as pending until it settles */
    const tracked = async <T>(work: () => Promise<T>): Promise<T> => {
      working++;
      count();
      try {
        return await work();
      } finally {
        working--;
        count();
      }
    };

    const schedule = (uri: string, delay: number) => {
      const pending = timers.get(uri);
      if (pending) clearTimeout(pending);
      timers.set(
        uri,
        setTimeout(() => {
          timers.delete(uri);
          tracked(() => validate(uri)).catch((e) => ctx.connection.console.error(`diagnostics for ${uri} failed: ${describeError(e)}`));
        }, delay),
      );
      count();
    };

    const publish = (uri: string, version: number, diagnostics: Diagnostic[]) => {
      const last = published.get(uri);
      if (last !== undefined && last > version) return;
      published.set(uri, version);
      void ctx.connection.sendDiagnostics({ uri, version, diagnostics });
    };

    const validate = async (uri: string) => {
      const document = ctx.documents.get(uri);
      if (!document) return;
      const version = document.version;
      const settings = await ctx.settingsFor(uri);
      // a newer version arrived while the settings were fetched: its own run will publish
      const current = ctx.documents.get(uri);
      if (!current || current.version !== version) return;
      if (settings.validate === 'off') {
        publish(uri, version, []);
        return;
      }
      const analysis = ctx.analysisOf(current, settings);
      const findings = BROKEN_SERVER ? [] : ctx.findingsOf({ document: current, analysis, settings });
      publish(
        uri,
        version,
        findings.map((f) => toDiagnostic(f, uri, version, ctx.lang)),
      );
      void ctx.connection.sendNotification(FINDING_COUNT_NOTIFICATION, countFindings(uri, version, analysis.report.format, findings));
    };

    const { connection } = ctx;
    ctx.documents.onDidChangeContent(
      guardListener(connection, 'didChange', async (e) => {
        const uri = e.document.uri;
        if (!seen.has(uri)) {
          seen.add(uri);
          schedule(uri, 0);
          return;
        }
        const settings = await tracked(() => ctx.settingsFor(uri));
        if (settings.validate === 'onType') schedule(uri, ctx.debounceMs);
      }),
    );
    ctx.documents.onDidSave(
      guardListener(connection, 'didSave', async (e) => {
        const settings = await tracked(() => ctx.settingsFor(e.document.uri));
        if (settings.validate === 'onSave') schedule(e.document.uri, 0);
      }),
    );
    ctx.documents.onDidClose(
      guardListener(connection, 'didClose', (e) => {
        const uri = e.document.uri;
        const pending = timers.get(uri);
        if (pending) clearTimeout(pending);
        timers.delete(uri);
        count();
        seen.delete(uri);
        published.delete(uri);
        void ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
      }),
    );
    // a report of the same body changed (last year's, or a duplicate): publish again
    ctx.workspace.onAffected((uris) => {
      for (const uri of uris) if (ctx.documents.get(uri)) schedule(uri, 0);
    });
    ctx.onSettingsChanged(() => {
      for (const document of ctx.documents.all()) schedule(document.uri, 0);
    });
  },
};
