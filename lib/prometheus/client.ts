import 'server-only';
import { z } from 'zod';
import { createLimiter } from '@/lib/concurrency';
import { countCacheLookup, setCacheBytes } from '@/lib/metrics';
import { liveTime } from './cache-policy';
import { PrometheusError } from './errors';
import { fastInstantData, fastRangeData } from './fast-parse';
import { httpCall } from './http-call';
import { alertsDataSchema, buildInfoSchema, rulesDataSchema, seriesDataSchema, stringListSchema } from './meta-schemas';
import type { Alert, BuildInfo, RuleGroup } from './meta-schemas';
import type * as O from './options';
import { exemplarsDataSchema, instantDataSchema, rangeDataSchema } from './query-schemas';
import type { ExemplarSeries, InstantResult, Labels, RangeResult } from './query-schemas';
import { request, type RequestSpec, type Transport } from './request';
import { createSharedAnswers } from './shared-answers';

export type PrometheusClient = ReturnType<typeof createPrometheusClient>;

/** As PROMETHEUS_MAX_CONCURRENCY's default (lib/env-limits.ts): the largest page's queries at once. */
const DEFAULT_MAX_CONCURRENCY = 64;
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

type Params = Record<string, string | number | readonly string[] | undefined>;

function form(params: Params): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined) continue;
    for (const item of typeof value === 'object' ? value : [value]) out.append(key, String(item));
  }
  return out;
}

export function createPrometheusClient(opts: O.ClientOptions) {
  const t: Transport = {
    baseUrl: opts.baseUrl.replace(/\/+$/, ''),
    headers: opts.headers ?? {},
    timeoutMs: opts.timeoutMs,
    http: opts.http ?? httpCall,
    limiter: createLimiter(opts.maxConcurrency ?? DEFAULT_MAX_CONCURRENCY),
    shared: createSharedAnswers(opts.cacheBytes ?? 0, { onLookup: countCacheLookup, onSize: setCacheBytes }),
    maxResponseBytes: opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
  };
  const call = <S extends z.ZodType>(
    method: 'GET' | 'POST',
    endpoint: string,
    schema: S,
    params: Params,
    { signal, timeoutMs }: O.CallOptions = {},
    extra: Partial<RequestSpec<S>> = {},
  ) => request(t, { method, endpoint, path: endpoint, schema, params: form(params), signal, timeoutMs, ...extra });
  const range = ({ start, end }: O.TimeRange = {}) => ({ start, end });
  const share = { share: true };

  return {
    /** POST /api/v1/query: evaluates `query` at `time` (default: now on the server). */
    async instantQuery(query: string, o: O.InstantQueryOptions = {}): Promise<InstantResult> {
      // Without a time, "now" on the live grid, so that viewers asking within seconds share one answer.
      const params = { query, time: o.time ?? liveTime() };
      const { data, warnings } = await call('POST', '/api/v1/query', instantDataSchema, params, o, { ...share, fast: fastInstantData });
      return { ...data, warnings };
    },
    /** POST /api/v1/query_range: evaluates `query` from `start` to `end` every `step` seconds. */
    async rangeQuery(query: string, o: O.RangeQueryOptions): Promise<RangeResult> {
      const params = { query, start: o.start, end: o.end, step: o.step };
      const { data, warnings } = await call('POST', '/api/v1/query_range', rangeDataSchema, params, o, { ...share, fast: fastRangeData });
      return { ...data, warnings };
    },
    /** POST /api/v1/series: label sets of the series matching any of `matchers`. */
    async series(matchers: string[], o: O.TimeRange = {}): Promise<Labels[]> {
      return (await call('POST', '/api/v1/series', seriesDataSchema, { 'match[]': matchers, ...range(o) }, o, share)).data;
    },
    /** POST /api/v1/labels: label names, optionally limited to series matching `match`. */
    async labels(o: O.MatchOptions = {}): Promise<string[]> {
      return (await call('POST', '/api/v1/labels', stringListSchema, { 'match[]': o.match, ...range(o) }, o, share)).data;
    },
    /** GET /api/v1/label/<name>/values: values of one label. */
    async labelValues(name: string, o: O.MatchOptions = {}): Promise<string[]> {
      const path = `/api/v1/label/${encodeURIComponent(name)}/values`;
      const params = { 'match[]': o.match, ...range(o) };
      return (await call('GET', '/api/v1/label/:name/values', stringListSchema, params, o, { path, ...share })).data;
    },
    /** GET /api/v1/rules: recording and alerting rule groups with their health. */
    async rules(o: O.CallOptions = {}): Promise<RuleGroup[]> {
      return (await call('GET', '/api/v1/rules', rulesDataSchema, {}, o)).data;
    },
    /** GET /api/v1/alerts: pending and firing alerts. */
    async alerts(o: O.CallOptions = {}): Promise<Alert[]> {
      return (await call('GET', '/api/v1/alerts', alertsDataSchema, {}, o)).data;
    },
    /** GET /api/v1/status/buildinfo: server version (also a cheap reachability check). */
    async buildInfo(o: O.CallOptions = {}): Promise<BuildInfo> {
      return (await call('GET', '/api/v1/status/buildinfo', buildInfoSchema, {}, o)).data;
    },
    /** POST /api/v1/query_exemplars: exemplars (e.g. trace ids) of the series selected by `query`. */
    async exemplars(query: string, o: O.ExemplarOptions): Promise<ExemplarSeries[]> {
      const params = { query, start: o.start, end: o.end };
      return (await call('POST', '/api/v1/query_exemplars', exemplarsDataSchema, params, o, share)).data;
    },
    /**
     * POST /-/reload: re-reads the configuration and rule files. Prometheus answers 403 when started
     * without --web.enable-lifecycle; the PrometheusError (kind `http`) keeps that status.
     */
    async reload(o: O.CallOptions = {}): Promise<void> {
      await call('POST', '/-/reload', z.string(), {}, o, { plain: true });
    },
    /**
     * GET /-/ready: true when Prometheus serves queries, false when it answers but is not ready yet
     * (e.g. replaying its WAL). Throws PrometheusError when it cannot be reached, times out or is aborted.
     */
    async ready(o: O.CallOptions = {}): Promise<boolean> {
      try {
        await call('GET', '/-/ready', z.string(), {}, o, { plain: true });
        return true;
      } catch (err) {
        if (err instanceof PrometheusError && err.kind === 'http') return false;
        throw err;
      }
    },
  };
}
