// Latency over time: on /oncall, p95 and p99 of the slowest services with rollouts marked; on /debug,
// one service's p50/p95/p99 with its rollouts and pod restarts marked, so a slower release shows.
import { dimKey, isUnsupported, readDim, type MeshAdapter } from '@/lib/mesh';
import type { Series as PromSeries } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import type { Marker, Series } from '../../schema';
import { chartSeries, finite, LATENCY_QUANTILES } from '../values';
import { definePanel, instant, range, type PanelQuery } from '../types';
import { chartWindow, spanWindow } from '../windows';
import { restartMarkers } from './markers';
import { findRollouts, rolloutMarkers } from './rollouts';

/** Two lines per service: three services keep the chart readable. */
export const SLOWEST_LIMIT = 3;
const KEY = ['namespace', 'service'] as const;

const rolloutsOf = (revisions: readonly PromSeries[] | undefined, p: PanelParams, mesh: MeshAdapter): Marker[] => {
  const q = mesh.revisions({ namespace: p.namespace, service: p.service, cluster: p.cluster });
  return revisions && !isUnsupported(q) ? rolloutMarkers(findRollouts(revisions, q, Math.round(p.start * 1000))) : [];
};
const revisionQuery = (p: PanelParams, mesh: MeshAdapter): PanelQuery<'range'> | undefined => {
  const q = mesh.revisions({ namespace: p.namespace, service: p.service, cluster: p.cluster });
  return isUnsupported(q) ? undefined : range('Serving revisions per service (rollouts)', q.promql);
};
const noMarkersWarning = (mesh: MeshAdapter) => {
  const q = mesh.revisions({});
  return isUnsupported(q) ? [`No deployment markers: ${q.unsupported}`] : [];
};

const perService = (p: PanelParams, window: string, quantile: number) => ({ window, by: 'service' as const, namespace: p.namespace, cluster: p.cluster, quantile });

export const latencyWorst = definePanel({
  queries: (p, { mesh }) => ({
    ranking: instant('p99 latency (ms) per service over the range (picks the slowest)', mesh.latencyQuantile(perService(p, spanWindow(p), 0.99)).promql),
    p95: range('p95 latency (ms) per service over time', mesh.latencyQuantile(perService(p, chartWindow(p), 0.95)).promql),
    p99: range('p99 latency (ms) per service over time', mesh.latencyQuantile(perService(p, chartWindow(p), 0.99)).promql),
    revisions: revisionQuery(p, mesh),
  }),
  transform: (r, p, { mesh }) => {
    const q = mesh.latencyQuantile(perService(p, '5m', 0.99));
    const key = (labels: Record<string, string>) => dimKey(labels, q, [...KEY]);
    const slowest = r.ranking
      .filter((s) => finite(s.value) !== null)
      .sort((a, b) => b.value - a.value)
      .slice(0, SLOWEST_LIMIT)
      .map((s) => key(s.labels));
    const series: Series[] = slowest.flatMap((k) =>
      (['p95', 'p99'] as const).flatMap((name) => {
        const s = r[name].find((x) => key(x.labels) === k);
        return s ? [chartSeries(`${readDim(s.labels, q, 'namespace')}/${readDim(s.labels, q, 'service')} ${name}`, s)] : [];
      }),
    );
    return {
      data: {
        kind: 'timeseries',
        unit: 'ms',
        series,
        markers: rolloutsOf(r.revisions, p, mesh),
        stacked: false,
        ...(series.length === 0 ? { detail: 'No requests with latency in the range.' } : {}),
      },
      warnings: noMarkersWarning(mesh),
    };
  },
});

const ofService = (p: PanelParams, quantile: number) => ({ window: chartWindow(p), by: 'service' as const, namespace: p.namespace, service: p.service, cluster: p.cluster, quantile });
const restartsOf = (p: PanelParams, mesh: MeshAdapter) => mesh.proxyResources({ window: '5m', namespace: p.namespace, cluster: p.cluster, limit: 1 }).restartCounts;

export const serviceLatency = definePanel({
  requires: ['namespace', 'service'],
  queries: (p, { mesh }) => ({
    p50: range('p50 latency (ms) over time', mesh.latencyQuantile(ofService(p, 0.5)).promql),
    p95: range('p95 latency (ms) over time', mesh.latencyQuantile(ofService(p, 0.95)).promql),
    p99: range('p99 latency (ms) over time', mesh.latencyQuantile(ofService(p, 0.99)).promql),
    revisions: revisionQuery(p, mesh),
    restarts: range('Container restart counters of the namespace (a step up is a restart)', restartsOf(p, mesh).promql),
  }),
  transform: (r, p, { mesh }) => {
    const series = LATENCY_QUANTILES.flatMap(([name]) => {
      const s = r[name][0];
      return s ? [chartSeries(name, s)] : [];
    });
    // Pods are named after their workload (`payments-7d9f…`): the service's own restarts only.
    const markers = [...rolloutsOf(r.revisions, p, mesh), ...restartMarkers(r.restarts, restartsOf(p, mesh), `${p.service ?? ''}-`)].sort((a, b) => a.timeMs - b.timeMs);
    return {
      data: {
        kind: 'timeseries',
        unit: 'ms',
        series,
        markers,
        stacked: false,
        ...(series.length === 0 ? { detail: 'No requests reached this service in the range.' } : {}),
      },
      warnings: noMarkersWarning(mesh),
    };
  },
});
