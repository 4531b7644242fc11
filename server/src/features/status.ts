// The finding count of a report, for the client's status bar item: a request
// (disclosureReport/findingCount) and a notification sent with every publishDiagnostics.

import type { Feature, ServerContext } from '../context';
import { countFindings } from '../convert';
import { guardRequest } from '../guard';
import { FINDING_COUNT_REQUEST, type FindingCountParams, type FindingCounts, SERVER_STATS_REQUEST, type ServerStats } from '../protocol';
import { BROKEN_SERVER } from '../testHooks';

export const statusFeature: Feature = {
  name: 'status',
  register(ctx: ServerContext) {
    ctx.connection.onRequest(
      FINDING_COUNT_REQUEST,
      guardRequest(ctx.connection, 'findingCount', null, async (params: FindingCountParams, token): Promise<FindingCounts | null> => {
        const analyzed = await ctx.analyze(params.uri, token);
        if (!analyzed) return null;
        if (analyzed.settings.validate === 'off' || BROKEN_SERVER) {
          return countFindings(params.uri, analyzed.document.version, analyzed.analysis.report.format, []);
        }
        const { document, analysis } = analyzed;
        return countFindings(params.uri, document.version, analysis.report.format, analysis.findings);
      }),
    );
    // never analyses: its round trip shows how responsive the server is (protocol tests, bench)
    ctx.connection.onRequest(SERVER_STATS_REQUEST, (): ServerStats => {
      const m = typeof process !== 'undefined' && typeof process.memoryUsage === 'function' ? process.memoryUsage() : undefined;
      return { ...ctx.stats, ...(m ? { heapUsedBytes: m.heapUsed, heapTotalBytes: m.heapTotal, externalBytes: m.external } : {}) };
    });
  },
};
