// The table view's model (disclosureReport/tableModel { uri }): the tables of the document's
// current version as server/src/view/model.ts builds them, from the analysis every other feature
// reads (computed once per version). The client learns of a new version from the finding-count
// notification the diagnostics send, and asks again.
import type { Feature, ServerContext } from '../context';
import { guardRequest } from '../guard';
import { TABLE_MODEL_REQUEST, type TableModelParams } from '../protocol';
import { tableViewModel } from '../view/model';
import type { TableViewModel } from '../view/types';

// DR_BROKEN_SERVER=1 builds report no findings (see esbuild.mjs): the view then marks no cell.
const BROKEN = process.env.DR_BROKEN_SERVER === '1';

export const tableViewFeature: Feature = {
  name: 'tableView',
  register(ctx: ServerContext) {
    ctx.connection.onRequest(
      TABLE_MODEL_REQUEST,
      guardRequest(ctx.connection, 'tableModel', null, async (params: TableModelParams, token): Promise<TableViewModel | null> => {
        if (typeof params?.uri !== 'string') return null;
        const analyzed = await ctx.analyze(params.uri, token);
        if (!analyzed) return null;
        const { document, analysis, settings } = analyzed;
        const model = tableViewModel(analysis, document.version, ctx.lang, {
          checked: settings.validate !== 'off',
          ...(BROKEN ? { findings: [] } : {}),
        });
        model.uri = params.uri;
        return model;
      }),
    );
  },
};
