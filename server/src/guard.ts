// Keeps the server serving whatever a feature does: every request and notification handler of a
// feature is wrapped here, once. An exception (thrown or rejected) is logged with
// connection.console.error (window/logMessage, the "Disclosure Report" output channel) and the
// request is answered with the feature's neutral result (null, [] …) instead of an error response.
// A request the client cancelled ($/cancelRequest) gets the neutral result too.
// analyzedRequest() is the shape of every request on one document: find it, analyse it (once per
// version, shared by all features), answer from the analysis; the neutral result when it is not open.
import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { AnalyzedDocument, ServerContext } from './context';

/** the message and the top stack frame of an error: enough to find it, short enough for a log */
export function describeError(error: unknown): string {
  return shortStack(error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error));
}

/** a stack text cut to its first line (the message) and its first `at` frame */
export function shortStack(stack: string): string {
  const lines = stack.split('\n');
  const frame = lines.find((l) => /^\s+at /.test(l));
  return frame ? `${lines[0]} ${frame.trim()}` : lines[0];
}

export type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

/** wraps a request handler: errors are logged and answered with `fallback` */
export function guardRequest<P, R>(connection: Connection, name: string, fallback: R, handler: Handler<P, R>): Handler<P, R> {
  return async (params, token) => {
    try {
      if (token?.isCancellationRequested) return fallback;
      const result = await handler(params, token);
      return token?.isCancellationRequested ? fallback : result;
    } catch (error) {
      connection.console.error(`${name} failed: ${describeError(error)}`);
      return fallback;
    }
  };
}

/** wraps a notification or event listener: errors are logged, never thrown back to the connection */
export function guardListener<P>(connection: Connection, name: string, listener: (params: P) => unknown): (params: P) => void {
  return (params) => {
    try {
      const result = listener(params);
      if (result instanceof Promise) {
        result.catch((error: unknown) => connection.console.error(`${name} failed: ${describeError(error)}`));
      }
    } catch (error) {
      connection.console.error(`${name} failed: ${describeError(error)}`);
    }
  };
}

/**
 * A guarded request on one document: `handler` gets the document's analysis (computed once per
 * version and shared); a document that is not open, or a request cancelled before the analysis
 * started, is answered with `fallback`.
 */
export function analyzedRequest<P, R>(
  ctx: ServerContext,
  name: string,
  fallback: R,
  uriOf: (params: P) => string,
  handler: (analyzed: AnalyzedDocument, params: P, token: CancellationToken) => R | Promise<R>,
): Handler<P, R> {
  return guardRequest(ctx.connection, name, fallback, async (params: P, token) => {
    const analyzed = await ctx.analyze(uriOf(params), token);
    return analyzed ? handler(analyzed, params, token) : fallback;
  });
}
