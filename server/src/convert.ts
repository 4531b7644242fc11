// A document's bytes → its report text, by the readers (ServerEnv.loadReaders, loaded on first
// use): the one conversion in the server, shared by the documents feature ("Open as Disclosure
// Report", Recalculate Totals on a DOCX) and the workspace index (features/workspaceIndex.ts).
import type { ServerContext } from './context';
import { fromBase64 } from './protocol';
import { t } from './strings';

export type Readers = NonNullable<Awaited<ReturnType<NonNullable<ServerContext['env']['loadReaders']>>>>;
export type Converted =
  | { failed: { reason: string; message: string } }
  | { readers: Readers; bytes: Uint8Array; text: Extract<Awaited<ReturnType<Readers['convertDocument']>>, { ok: true }>['text'] };

/**
 * the request's bytes → their report text, or why not (a message that says what to do); the one
 * conversion of a document's bytes in the server (the workspace index converts with it too)
 */
export async function convert(ctx: ServerContext, params: { name?: unknown; data?: unknown } | undefined): Promise<Converted> {
  const noBytes = { failed: { reason: 'unsupported', message: t('noDocumentBytes') } };
  if (typeof params?.data !== 'string') return noBytes;
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(params.data);
  } catch {
    return noBytes;
  }
  const readers = await ctx.env.loadReaders?.();
  if (!readers) return { failed: { reason: 'unsupported', message: t('noReaders') } };
  const name = typeof params.name === 'string' ? params.name : undefined;
  const result = await readers.convertDocument(bytes, { name });
  if (!result.ok) return { failed: { reason: result.unreadable.unreadable, message: result.unreadable.message } };
  return { readers, bytes, text: result.text };
}
