import 'server-only';
import { z } from 'zod';
import { EnvError } from '@/lib/env';
import { PrometheusError } from '@/lib/prometheus';
import { ApiError } from './api-error';
import type { ApiErrorBody, UpstreamError } from './error-body';

export { ApiError };

/** `{ error: { code, message, details? } }` with the given status. */
export function jsonError(status: number, code: string, message: string, details?: unknown): Response {
  const body: ApiErrorBody = { error: { code, message, ...(details === undefined ? {} : { details }) } };
  return Response.json(body, { status });
}

/** Maps any thrown value to a response; only messages written for users are passed on. */
export function errorResponse(err: unknown): Response {
  if (err instanceof ApiError) return jsonError(err.status, err.code, err.message, err.details);
  if (err instanceof z.ZodError) {
    const { fieldErrors, formErrors } = z.flattenError(err);
    const summary = err.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message));
    return jsonError(422, 'validation_failed', `Invalid request: ${summary.join('; ')}`, { fieldErrors, formErrors });
  }
  if (err instanceof PrometheusError) return upstreamResponse(err);
  // Unknown errors may carry URLs, credentials or stack traces: log them, say nothing specific.
  console.error(err);
  if (storeUnavailable(err)) {
    // A transaction that fails changes nothing (lib/store); SQLite's message names files, so it stays in the log.
    return jsonError(503, 'store_unavailable', 'The SLO store is unavailable (busy, read-only, full or unreadable); nothing was changed. Try again, or see the server log');
  }
  if (err instanceof EnvError) return jsonError(500, 'misconfigured', 'The server configuration is invalid; see the server log');
  return jsonError(500, 'internal', 'Internal server error');
}

/** SQLite's codes for a store that cannot be used now (better-sqlite3's SqliteError), as opposed to a bug in a statement. */
const STORE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|READONLY|FULL|CANTOPEN|IOERR|CORRUPT|NOTADB|PERM|PROTOCOL)/;
function storeUnavailable(err: unknown): boolean {
  return err instanceof Error && err.name === 'SqliteError' && STORE_UNAVAILABLE.test(String((err as { code?: unknown }).code));
}

function upstreamResponse(err: PrometheusError): Response {
  // Prometheus' own timeout (503, errorType timeout: --query.timeout passed) is one too, not worth an immediate retry.
  const timeout = err.kind === 'timeout' || (err.kind === 'api' && err.errorType === 'timeout');
  // PrometheusError messages are built without the Prometheus URL or credentials (lib/prometheus/request.ts).
  const upstream: UpstreamError = { kind: err.kind, status: err.status, errorType: err.errorType, error: err.error };
  const body: ApiErrorBody = {
    error: { code: timeout ? 'upstream_timeout' : 'upstream_error', message: err.message, upstream },
  };
  return Response.json(body, { status: timeout ? 504 : 502 });
}
