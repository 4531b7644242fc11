// The finding count of a report, for the client's status bar item: a request
// (disclosureReport/findingCount) and a notification sent with every publishDiagnostics.

import type { Feature, ServerContext } from '../context';
import { analyzedRequest, guardRequest } from '../guard';
import { countFindings } from '../lsp';
import { FINDING_COUNT_REQUEST, type FindingCountParams, type FindingCounts, SERVER_STATS_REQUEST, type ServerStats } from '../protocol';
import { BROKEN_SERVER } from '../testHooks';

export const statusFeature: Feature = {
  name: 'status',
  register(ctx: ServerContext) {
    ctx.connection.onRequest(
      FINDING_COUNT_REQUEST,
      analyzedRequest(
        ctx,
        'findingCount',
        null,
        (p: FindingCountParams) => p.uri,
        (analyzed, params): FindingCounts => {
          const findings = analyzed.settings.validate === 'off' || BROKEN_SERVER ? [] : ctx.findingsOf(analyzed);
          return countFindings(params.uri, analyzed.document.version, analyzed.analysis.report.format, findings);
        },
      ),
    );
    // never analyses: its round trip shows how responsive the server is (protocol tests, bench)
    ctx.connection.onRequest(
      SERVER_STATS_REQUEST,
      guardRequest(ctx.connection, 'serverStats', null, (): ServerStats => {
        const m = typeof process !== 'undefined' && typeof process.memoryUsage === 'function' ? process.memoryUsage() : undefined;
        return { ...ctx.stats, ...(m ? { heapUsedBytes: m.heapUsed, heapTotalBytes: m.heapTotal, externalBytes: m.external } : {}) };
      }),
    );
  },
};
