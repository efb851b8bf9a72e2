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
  if (err instanceof EnvError) return jsonError(500, 'misconfigured', 'The server configuration is invalid; see the server log');
  return jsonError(500, 'internal', 'Internal server error');
}

function upstreamResponse(err: PrometheusError): Response {
  const timeout = err.kind === 'timeout';
  // PrometheusError messages are built without the Prometheus URL or credentials (lib/prometheus/request.ts).
  const upstream: UpstreamError = { kind: err.kind, status: err.status, errorType: err.errorType, error: err.error };
  const body: ApiErrorBody = {
    error: { code: timeout ? 'upstream_timeout' : 'upstream_error', message: err.message, upstream },
  };
  return Response.json(body, { status: timeout ? 504 : 502 });
}
