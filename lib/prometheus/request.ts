import 'server-only';
import { z } from 'zod';
import { observePrometheusRequest } from '@/lib/metrics';
import { PrometheusError, networkReason } from './errors';

// Every API response shares this envelope: https://prometheus.io/docs/prometheus/latest/querying/api/#format-overview
const envelopeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('success'), data: z.unknown(), warnings: z.array(z.string()).optional() }),
  z.object({
    status: z.literal('error'),
    errorType: z.string(),
    error: z.string(),
    warnings: z.array(z.string()).optional(),
  }),
]);

export interface Transport {
  /** Without trailing slash; may carry a path prefix (`https://host/prometheus`). */
  baseUrl: string;
  headers: Record<string, string>;
  timeoutMs: number;
  fetchImpl: typeof fetch;
}

export interface RequestSpec<S extends z.ZodType> {
  /** Template used in metrics and errors, e.g. `/api/v1/label/:name/values`. */
  endpoint: string;
  path: string;
  method: 'GET' | 'POST';
  params?: URLSearchParams;
  schema: S;
  signal?: AbortSignal;
  timeoutMs?: number;
  /** Non-API endpoints (`/-/ready`) answer plain text: `schema` validates the text, status decides. */
  plain?: boolean;
}

export interface Reply<T> {
  data: T;
  warnings: string[];
}

/** The only place that talks HTTP to Prometheus: timeout, error mapping, validation, metrics. */
export async function request<S extends z.ZodType>(t: Transport, spec: RequestSpec<S>): Promise<Reply<z.output<S>>> {
  const started = performance.now();
  let outcome = 'success';
  try {
    return await send(t, spec);
  } catch (err) {
    outcome = err instanceof PrometheusError ? err.kind : 'unknown';
    throw err;
  } finally {
    observePrometheusRequest(spec.endpoint, outcome, (performance.now() - started) / 1000);
  }
}

async function send<S extends z.ZodType>(t: Transport, spec: RequestSpec<S>): Promise<Reply<z.output<S>>> {
  const timeoutMs = spec.timeoutMs ?? t.timeoutMs;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = spec.signal ? AbortSignal.any([spec.signal, timeout]) : timeout;
  const post = spec.method === 'POST';
  const query = !post && spec.params?.size ? `?${spec.params}` : '';
  let response: Response;
  let text: string;
  try {
    response = await t.fetchImpl(`${t.baseUrl}${spec.path}${query}`, {
      method: spec.method,
      headers: { Accept: 'application/json', 'User-Agent': 'meshwatch', ...t.headers },
      // Form encoding keeps long PromQL out of URLs (and out of proxy access logs).
      body: post ? (spec.params ?? new URLSearchParams()) : undefined,
      signal,
      cache: 'no-store',
    });
    text = await response.text();
  } catch (err) {
    const fail = (kind: PrometheusError['kind'], message: string) =>
      new PrometheusError({ kind, endpoint: spec.endpoint, message, cause: err });
    if (spec.signal?.aborted) throw fail('aborted', 'Request to Prometheus was aborted');
    if (timeout.aborted) throw fail('timeout', `Prometheus did not answer within ${timeoutMs} ms`);
    throw fail('network', `Prometheus unreachable: ${networkReason(err)}`);
  }
  return parseReply(spec, response, text);
}

function parseReply<S extends z.ZodType>(spec: RequestSpec<S>, response: Response, text: string): Reply<z.output<S>> {
  const { status, ok } = response;
  const base = { endpoint: spec.endpoint, status };
  const unexpected = (why: string) =>
    ok
      ? new PrometheusError({ ...base, kind: 'schema', message: `Prometheus returned an unexpected response: ${why}` })
      : new PrometheusError({ ...base, kind: 'http', message: `Prometheus answered HTTP ${status}` });

  if (spec.plain) {
    if (!ok) throw unexpected('');
    return { data: spec.schema.parse(text), warnings: [] };
  }
  const envelope = envelopeSchema.safeParse(parseJson(text));
  if (!envelope.success) throw unexpected('not a Prometheus API envelope');
  const body = envelope.data;
  const warnings = body.warnings ?? [];
  if (body.status === 'error') {
    // 400 bad_data, 422 execution, 503 timeout/canceled: Prometheus explains itself, keep it.
    throw new PrometheusError({
      ...base,
      kind: 'api',
      message: `Prometheus returned ${body.errorType}: ${body.error}`,
      errorType: body.errorType,
      error: body.error,
      warnings,
    });
  }
  if (!ok) throw unexpected('');
  const data = spec.schema.safeParse(body.data);
  if (!data.success) throw unexpected(summarise(data.error));
  return { data: data.data, warnings };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function summarise(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
