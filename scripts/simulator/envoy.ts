// Envoy cluster stats of the recommendations proxy (retries, retry and pending overflow).
import { compileCounter } from './counter';
import type { InfraContext } from './pods';
import { between } from './rng';
import { seriesOf, type Family } from './series';
import { startOffset } from './streams';

/** Envoy cluster stats, enabled (proxyStatsMatcher) on the recommendations proxy only. */
export function envoyRetryFamilies(ctx: InfraContext, retry: { retry: (t: number) => number; retryOverflow: (t: number) => number; pendingOverflow: (t: number) => number }): Family[] {
  const stream = ctx.http.find((s) => s.edge.source.id === 'shop/recommendations' && s.edge.target.id === 'shop/catalog');
  if (!stream) return [];
  const pod = stream.edge.source.epochs[0];
  if (!pod) return [];
  const labels = { cluster_name: 'outbound|8080||catalog.shop.svc.cluster.local', namespace: pod.workload.namespace, pod: pod.pod, job: 'kubernetes-pods', instance: `${pod.ip}:15020`, cluster: pod.cluster };
  const make = (name: string, help: string, weightAt: (t: number) => number, minimum: boolean): Family => {
    const offset = minimum ? startOffset(ctx, `${pod.pod}:${name}`, pod.from, stream.edge.peakRps * 0.775 * weightAt(pod.from)) : Math.floor(between(ctx.seed, `${pod.pod}:${name}`, 0, 5));
    const counter = compileCounter({ start: pod.from, end: pod.to, offset, terms: [{ peak: stream.edge.peakRps, shape: stream.shape, weightAt }], rounding: 'floor' }, ctx.timeline.breakpoints);
    return { name, help, type: 'counter', series: [seriesOf(name, labels, counter)] };
  };
  return [
    make('envoy_cluster_upstream_rq_retry', 'Total request retries.', retry.retry, true),
    make('envoy_cluster_upstream_rq_retry_overflow', 'Total requests not retried due to circuit breaking or exceeding the retry budget.', retry.retryOverflow, false),
    make('envoy_cluster_upstream_rq_pending_overflow', 'Total requests that overflowed connection pool or requests (mainly for HTTP/2 and above) circuit breaking and were failed.', retry.pendingOverflow, false),
  ];
}
