// Keeps the server serving whatever a feature does: every request and notification handler of a
// feature is wrapped here, once. An exception (thrown or rejected) is logged with
// connection.console.error (window/logMessage, the "Disclosure Report" output channel) and the
// request is answered with the feature's neutral result (null, [] …) instead of an error response.
// A request the client cancelled ($/cancelRequest) gets the neutral result too.
import type { CancellationToken, Connection } from 'vscode-languageserver';

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
