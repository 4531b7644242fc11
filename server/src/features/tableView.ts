// The table view's model (disclosureReport/tableModel { uri }): the tables of the document's
// current version as server/src/view/model.ts builds them, from the analysis every other feature
// reads (computed once per version). The client learns of a new version from the finding-count
// notification the diagnostics send, and asks again.
import type { Feature, ServerContext } from '../context';
import { analyzedRequest } from '../guard';
import { TABLE_MODEL_REQUEST, type TableModelParams } from '../protocol';
import { BROKEN_SERVER } from '../testHooks';
import { tableViewModel } from '../view/model';
import type { TableViewModel } from '../view/types';

export const tableViewFeature: Feature = {
  name: 'tableView',
  register(ctx: ServerContext) {
    ctx.connection.onRequest(
      TABLE_MODEL_REQUEST,
      analyzedRequest<TableModelParams, TableViewModel | null>(
        ctx,
        'tableModel',
        null,
        (params) => (typeof params?.uri === 'string' ? params.uri : ''),
        ({ document, analysis, settings }, params) => {
          // a broken build (DR_BROKEN_SERVER) reports no findings: the view then marks no cell
          const model = tableViewModel(analysis, document.version, ctx.lang, {
            checked: settings.validate !== 'off',
            ...(BROKEN_SERVER ? { findings: [] } : {}),
          });
          model.uri = params.uri;
          return model;
        },
      ),
    );
  },
};
