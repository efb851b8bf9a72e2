// A service's latency: quantiles per caller over the range, and a heatmap of its histogram buckets.
import { dimKey, readDim, type MeshAdapter } from '@/lib/mesh';
import type { Sample, Series } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import { compareText, finite, LATENCY_QUANTILES } from '../values';
import { definePanel, instant, range, type HeatmapData } from '../types';
import { chartWindow, NOW_WINDOW, spanWindow } from '../windows';
import { col, tableOutput } from '../table';

const KEY = ['sourceNamespace', 'sourceService'] as const;

const byCaller = (p: PanelParams) => ({ window: spanWindow(p), by: 'source' as const, namespace: p.namespace, service: p.service, cluster: p.cluster });

export const routeLatency = definePanel({
  requires: ['namespace', 'service'],
  queries: (p, { mesh }) => ({
    rate: instant('Requests per second per caller over the range', mesh.requestRate(byCaller(p)).promql),
    p50: instant('p50 latency (ms) per caller over the range', mesh.latencyQuantile({ ...byCaller(p), quantile: 0.5 }).promql),
    p95: instant('p95 latency (ms) per caller over the range', mesh.latencyQuantile({ ...byCaller(p), quantile: 0.95 }).promql),
    p99: instant('p99 latency (ms) per caller over the range', mesh.latencyQuantile({ ...byCaller(p), quantile: 0.99 }).promql),
    // Beside the range's figures: what callers see right now.
    p95Now: instant('p95 latency (ms) per caller over the last 5 minutes', mesh.latencyQuantile({ ...byCaller(p), window: NOW_WINDOW, quantile: 0.95 }).promql),
  }),
  transform: (results, p, { mesh }) => {
    const q = mesh.latencyQuantile({ ...byCaller(p), quantile: 0.5 });
    const index = (samples: readonly Sample[]) => new Map(samples.map((s) => [dimKey(s.labels, q, [...KEY]), s]));
    const rate = index(results.rate);
    const p95Now = index(results.p95Now);
    const quantiles = LATENCY_QUANTILES.map(([name]) => [name, index(results[name])] as const);
    const rows = [...new Set([...rate.keys(), ...quantiles.flatMap(([, m]) => [...m.keys()])])].map((key) => {
      const labels = (rate.get(key) ?? quantiles.map(([, m]) => m.get(key)).find(Boolean))?.labels ?? {};
      const caller = `${readDim(labels, q, 'sourceNamespace')}/${readDim(labels, q, 'sourceService')}`;
      return { id: key, cells: { caller, rps: finite(rate.get(key)?.value), p95Now: finite(p95Now.get(key)?.value), ...Object.fromEntries(quantiles.map(([name, m]) => [name, finite(m.get(key)?.value)])) } };
    });
    rows.sort((a, b) => compareText(String(a.cells.caller), String(b.cells.caller)));
    return tableOutput(
      [
        col.text('caller', 'Caller'), col.num('rps', 'Requests', 'reqps'), col.num('p95Now', 'p95 now (5 m)', 'ms'),
        ...LATENCY_QUANTILES.map(([key]) => col.num(key, key, 'ms')),
      ],
      rows, { empty: 'No requests reached this service in the range.' });
  },
});

/** Bucket bound for sorting: numbers ascending, +Inf last. */
const bound = (le: string) => (le === '+Inf' ? Infinity : Number(le));

/**
 * Per-bucket rates from cumulative `le` series: each bucket minus the one below it. Buckets are the
 * ones present in the data. Tiny negative differences (float noise between separately extrapolated
 * series) are clamped to 0.
 */
export function heatmap(series: readonly Series[], leLabel: string): HeatmapData {
  const byLe = new Map<string, Map<number, number>>();
  for (const s of series) {
    const le = s.labels[leLabel];
    if (le === undefined || Number.isNaN(bound(le))) continue;
    byLe.set(le, new Map(s.points));
  }
  const buckets = [...byLe.keys()].sort((a, b) => bound(a) - bound(b));
  const timesMs = [...new Set(series.flatMap((s) => s.points.map(([t]) => t)))].sort((a, b) => a - b);
  const cells: HeatmapData['cells'] = [];
  timesMs.forEach((t, ti) => {
    let below = 0;
    buckets.forEach((le, bi) => {
      const cumulative = byLe.get(le)?.get(t);
      if (cumulative === undefined || !Number.isFinite(cumulative)) return;
      cells.push([ti, bi, Math.max(0, cumulative - below)]);
      below = cumulative;
    });
  });
  return { kind: 'heatmap', unit: 'ms', buckets, timesMs, cells };
}

const bucketsQuery = (p: PanelParams, mesh: MeshAdapter) =>
  mesh.latencyBuckets({ window: chartWindow(p), by: 'mesh', namespace: p.namespace, service: p.service, cluster: p.cluster });

export const latencyHeatmap = definePanel({
  requires: ['namespace', 'service'],
  queries: (p, { mesh }) => ({ buckets: range('Observations per second per latency bucket (cumulative by le)', bucketsQuery(p, mesh).promql) }),
  transform: ({ buckets }, p, { mesh }) => ({ data: heatmap(buckets, bucketsQuery(p, mesh).labels.le ?? 'le'), warnings: [] }),
});
