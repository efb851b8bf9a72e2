// Retries and circuit breaking from Envoy's cluster stats; when the proxies do not export them, say
// how to enable them and show what the response flags tell (URX retries exhausted, UO overflow).
import { isUnsupported, type MeshAdapter, type RetryQueries } from '@/lib/mesh';
import type { Series } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import type { Series as ChartSeries } from '../../schema';
import { chartSeries, compareText } from '../values';
import { definePanel, range, type TimeseriesData } from '../types';
import { chartWindow } from '../windows';
import { flagLabel } from './flags';

const EMPTY: TimeseriesData = { kind: 'timeseries', unit: 'reqps', series: [], markers: [], stacked: false };

/** `outbound|8080||catalog.shop.svc.cluster.local` -> `catalog.shop`; other names as they are. */
export function clusterHost(cluster: string): string {
  const host = cluster.split('|').at(-1) ?? cluster;
  return host.replace(/\.svc\.cluster\.local$/, '') || cluster;
}

const STATS = [
  ['retries', 'retries'],
  ['retryOverflow', 'retries refused (retry overflow)'],
  ['pendingOverflow', 'requests refused (pending overflow)'],
] as const;

const queriesFor = (p: PanelParams, mesh: MeshAdapter) => mesh.retryStats({ window: chartWindow(p), namespace: p.namespace, cluster: p.cluster });

export function retrySeries(results: Record<(typeof STATS)[number][0], readonly Series[]>, q: RetryQueries): ChartSeries[] {
  return STATS.flatMap(([key, what]) =>
    results[key].map((s) => chartSeries(`${clusterHost(s.labels[q[key].labels.upstream ?? ''] ?? '')} ${what}`, s)),
  ).sort((a, b) => compareText(a.name, b.name));
}

export const retries = definePanel({
  unsupported: ({ mesh }) => {
    const q = mesh.retryStats({ window: '5m' });
    return isUnsupported(q) ? q : undefined;
  },
  empty: EMPTY,
  queries: (p, { mesh }) => {
    const q = queriesFor(p, mesh);
    if (isUnsupported(q)) return { retries: undefined, retryOverflow: undefined, pendingOverflow: undefined, fallback: undefined };
    return {
      retries: range('Retries per second by upstream cluster (Envoy stats)', q.retries.promql),
      retryOverflow: range('Retries refused by the retry budget or circuit breaker per second (Envoy stats)', q.retryOverflow.promql),
      pendingOverflow: range('Requests refused by the connection-pool circuit breaker per second (Envoy stats)', q.pendingOverflow.promql),
      fallback: range('URX and UO responses per second (response flags; used when Envoy stats are absent)', q.fallbackFlags.promql),
    };
  },
  transform: (r, p, { mesh }) => {
    const q = queriesFor(p, mesh);
    if (isUnsupported(q)) return { data: EMPTY, missing: { reason: q.unsupported, howToEnable: q.howToEnable }, warnings: [] };
    const stats = { retries: r.retries ?? [], retryOverflow: r.retryOverflow ?? [], pendingOverflow: r.pendingOverflow ?? [] };
    // A counter that is exported has a (possibly zero) rate series; no series at all means not exported.
    if (Object.values(stats).every((s) => s.length === 0)) {
      const flagName = q.fallbackFlags.labels.flag ?? '';
      const series = (r.fallback ?? []).map((s) => chartSeries(`${flagLabel(s.labels[flagName] ?? '')}, from response flags`, s));
      return {
        data: { ...EMPTY, series, ...(series.length === 0 ? { detail: 'No URX or UO responses in the range either.' } : {}) },
        missing: { reason: q.whenAbsent, howToEnable: q.howToEnable },
        warnings: [],
      };
    }
    return { data: { ...EMPTY, series: retrySeries(stats, q) }, warnings: [] };
  },
});
