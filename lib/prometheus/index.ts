import 'server-only';

// The one client for the Prometheus HTTP API. Pure PromQL helpers are also importable directly
// from '@/lib/promql' (pure, no server-only) by lib/mesh and lib/slo.
export { createPrometheusClient, type PrometheusClient } from './client';
export type {
  CallOptions,
  ClientOptions,
  ExemplarOptions,
  InstantQueryOptions,
  MatchOptions,
  RangeQueryOptions,
  TimeRange,
} from './options';
export { getPrometheusClient, authHeaders } from './default-client';
export { PrometheusError, isPrometheusError, type PrometheusErrorKind } from './errors';
export { abortError, requestScope, SHARED_SIGNAL_MAX_LISTENERS, withRequestDeadline, type RequestScope } from './deadline';
export { createSharedAnswers, type SharedAnswers } from './shared-answers';
export { LIVE_TTL_MS, liveTime } from './cache-policy';
export { checkPrometheusReadiness, readinessReason, type Readiness } from './readiness';
export type { ExemplarSeries, InstantResult, Labels, Point, RangeResult, Sample, Series } from './query-schemas';
export type { Alert, BuildInfo, Rule, RuleGroup } from './meta-schemas';
export { parseSampleValue, secondsToMs } from './sample-value';
export * from '@/lib/promql';
