import type { MatcherSpec } from '@/lib/promql';

// What the pure SLO code needs to know about the mesh that reports a service's requests: which
// counters hold its failed and all requests and its latency histogram, and which labels name the
// service. lib/mesh implements it for each mesh (the adapter's `sli`); lib/slo-engine passes the
// detected mesh's source in. lib/slo itself names no mesh metric or label.

/** Which services a selector covers: one (plain values) or several (`['=~', { literal: [...] }]`). */
export interface ServiceMatch {
  namespace: MatcherSpec;
  service: MatcherSpec;
  /** The cluster that served the requests (its `clusterLabel`); absent: every cluster. */
  cluster?: MatcherSpec;
}

/** One series' metric name and labels, as `promtool test rules` input series need them. */
export interface SeriesId {
  metric: string;
  labels: Record<string, string>;
}

export interface SliSource {
  /** Which mesh this is (`istio`, `linkerd`), for messages and tests. */
  readonly mesh: string;
  /** The labels that carry a service's namespace and name in every series the selectors below select. */
  readonly serviceLabels: { readonly namespace: string; readonly service: string };
  /**
   * The label naming the cluster that served a request (the server side's cluster) in every series the
   * selectors below select; requests are grouped by it for per-region SLOs (lib/env-regions maps it to a region).
   */
  readonly clusterLabel: string;
  /** What a failed request is, in words, for alert annotations. */
  readonly failureText: string;
  /** Selector (no range) of the server side's failed requests (4xx are the caller's, not the service's). */
  failedRequests(match: ServiceMatch): string;
  /** Selector of all requests the service answered, server side. */
  allRequests(match: ServiceMatch): string;
  /** Selector of the service's latency histogram buckets in milliseconds, optionally restricted by `le`. */
  latencyBuckets(match: ServiceMatch, le?: MatcherSpec): string;
  /** A series counting answered requests of one service: `failed` ones or successful ones. */
  requestSeries(service: { namespace: string; service: string }, outcome: 'ok' | 'failed'): SeriesId;
  /** One bucket series of a service's latency histogram, `le` as the exposition writes it (`250`, `+Inf`). */
  bucketSeries(service: { namespace: string; service: string }, le: string): SeriesId;
}
