// Documents shown as their report text (issue 8): disclosureReport/convertDocument turns a PDF,
// DOCX or HTML file's bytes into the report text the client shows as a read-only view, and
// disclosureReport/recalculateDocument writes Recalculate Totals into a DOCX's bytes (the client
// confirms and writes the file). The readers are loaded on first use (ServerEnv.loadReaders): a
// server that only checks text never loads them. Nothing here keeps state between requests.
import type { Feature, ServerContext } from '../context';
import { convert } from '../convert';
import { analyze, fixAllEdits } from '../core/index';
import { guardRequest } from '../guard';
import {
  CONVERT_DOCUMENT_REQUEST,
  type ConvertDocumentParams,
  type ConvertDocumentResult,
  RECALCULATE_DOCUMENT_REQUEST,
  type RecalculateDocumentParams,
  type RecalculateDocumentResult,
  toBase64,
} from '../protocol';
import { t } from '../strings';

export const documentsFeature: Feature = {
  name: 'documents',
  register(ctx: ServerContext) {
    const unreadable: ConvertDocumentResult = { ok: false, reason: 'corrupt', message: t('conversionFailed') };
    ctx.connection.onRequest<ConvertDocumentResult, unknown>(
      CONVERT_DOCUMENT_REQUEST,
      guardRequest(ctx.connection, 'convertDocument', unreadable, async (params: ConvertDocumentParams): Promise<ConvertDocumentResult> => {
        const c = await convert(ctx, params);
        if ('failed' in c) return { ok: false, ...c.failed };
        const { text, source, pageCount, warnings } = c.text;
        return { ok: true, text, source, warnings, ...(pageCount !== undefined ? { pageCount } : {}) };
      }),
    );

    const notWritten: RecalculateDocumentResult = { ok: false, message: t('conversionFailed') };
    ctx.connection.onRequest<RecalculateDocumentResult, unknown>(
      RECALCULATE_DOCUMENT_REQUEST,
      guardRequest(
        ctx.connection,
        'recalculateDocument',
        notWritten,
        async (params: RecalculateDocumentParams): Promise<RecalculateDocumentResult> => {
          const c = await convert(ctx, params);
          if ('failed' in c) return { ok: false, message: c.failed.message };
          const { readers, bytes, text } = c;
          if (text.source !== 'docx') return { ok: false, message: t('notDocx') };
          // the same settings as the view's diagnostics, so the totals written are the ones its findings name
          const settings = await ctx.settingsFor(typeof params.uri === 'string' ? params.uri : '');
          const analysis = analyze(text.text, { config: settings.config });
          const { edits, skipped } = readers.docxEdits(text, fixAllEdits(analysis));
          if (!edits.length) return { ok: true, changed: 0, skipped: skipped.length };
          try {
            return { ok: true, changed: edits.length, skipped: skipped.length, data: toBase64(readers.patchDocx(bytes, edits)) };
          } catch (e) {
            if (e instanceof readers.PatchError) return { ok: false, message: e.message };
            throw e;
          }
        },
      ),
    );
  },
};
