import 'server-only';
import { z } from 'zod';
import type { Limiter } from '@/lib/concurrency';
import { observePrometheusRequest, setQueryLoad } from '@/lib/metrics';
import { HttpTimeout, type HttpCall, type HttpReply } from './http-call';
import { answerKey, answerTtlMs } from './cache-policy';
import { abortError, requestScope, scopedSignal, type RequestScope } from './deadline';
import { PrometheusError, networkReason } from './errors';
import type { SharedAnswers } from './shared-answers';

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
  /** The HTTP call (http-call.ts). */
  http: HttpCall;
  /** The process-wide cap on calls in flight (PROMETHEUS_MAX_CONCURRENCY). */
  limiter: Limiter;
  /** Cache and single flight for questions marked `share`. */
  shared: SharedAnswers;
  /** Answers past this many bytes fail as `too_large` (PROMETHEUS_MAX_RESPONSE_MB). */
  maxResponseBytes: number;
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
  /** A data question whose answer depends only on the question: shared with identical ones (cache-policy.ts). */
  share?: boolean;
  /** Parses the usual `data` faster than `schema` with the same output, or returns undefined to let `schema` decide. */
  fast?: (data: unknown) => z.output<S> | undefined;
}

export interface Reply<T> {
  data: T;
  warnings: string[];
}

/**
 * The only place that talks HTTP to Prometheus: sharing, the process-wide cap, the request's deadline,
 * timeout, size cap, error mapping, validation, metrics.
 */
export async function request<S extends z.ZodType>(t: Transport, spec: RequestSpec<S>): Promise<Reply<z.output<S>>> {
  const scope = requestScope();
  const signal = scopedSignal(spec.signal, scope);
  // The form once: the answer's key and a POST's body.
  const form = spec.params?.toString() ?? '';
  const limited = (callSignal: AbortSignal | undefined) =>
    t.limiter.run(() => observed(t, spec, form, callSignal, scope), { signal: callSignal, owner: scope });
  try {
    if (!spec.share) return (await limited(signal)).reply;
    const key = answerKey(spec.method, spec.path, form);
    const load = async (flight: AbortSignal) => {
      const { reply, bytes } = await limited(flight);
      return { value: reply, bytes };
    };
    return await t.shared.get(key, answerTtlMs(spec.params, Date.now()), load, signal);
  } catch (err) {
    if (err instanceof PrometheusError) throw err;
    // Rejections that are not PrometheusErrors come from a wait abandoned in the queue or the flight.
    if (signal?.aborted) throw abortError(spec, scope, err);
    throw err;
  }
}

async function observed<S extends z.ZodType>(t: Transport, spec: RequestSpec<S>, form: string, signal: AbortSignal | undefined, scope: RequestScope | undefined) {
  const started = performance.now();
  let outcome = 'success';
  setQueryLoad(t.limiter.active, t.limiter.waiting);
  try {
    return await send(t, spec, form, signal, scope);
  } catch (err) {
    outcome = err instanceof PrometheusError ? err.kind : 'unknown';
    throw err;
  } finally {
    observePrometheusRequest(spec.endpoint, outcome, (performance.now() - started) / 1000);
    setQueryLoad(t.limiter.active - 1, t.limiter.waiting);
  }
}

async function send<S extends z.ZodType>(
  t: Transport,
  spec: RequestSpec<S>,
  form: string,
  signal: AbortSignal | undefined,
  scope: RequestScope | undefined,
): Promise<{ reply: Reply<z.output<S>>; bytes: number }> {
  const timeoutMs = spec.timeoutMs ?? t.timeoutMs;
  const post = spec.method === 'POST';
  const query = !post && form ? `?${form}` : '';
  let response: HttpReply;
  try {
    response = await t.http(`${t.baseUrl}${spec.path}${query}`, {
      method: spec.method,
      headers: { Accept: 'application/json', 'User-Agent': 'meshwatch', ...t.headers },
      // Form encoding keeps long PromQL out of URLs (and out of proxy access logs).
      body: post ? form : undefined,
      signal,
      timeoutMs,
      maxBytes: t.maxResponseBytes,
      endpoint: spec.endpoint,
    });
  } catch (err) {
    if (err instanceof PrometheusError) throw err;
    if (err instanceof HttpTimeout) {
      throw new PrometheusError({ kind: 'timeout', endpoint: spec.endpoint, message: `Prometheus did not answer within ${timeoutMs} ms`, cause: err });
    }
    if (signal?.aborted) throw abortError(spec, scope, err);
    throw new PrometheusError({ kind: 'network', endpoint: spec.endpoint, message: `Prometheus unreachable: ${networkReason(err)}`, cause: err });
  }
  return { reply: parseReply(spec, response), bytes: response.text.length };
}

function parseReply<S extends z.ZodType>(spec: RequestSpec<S>, { status, ok, text }: HttpReply): Reply<z.output<S>> {
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
  const fast = spec.fast?.(body.data);
  if (fast !== undefined) return { data: fast, warnings };
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
