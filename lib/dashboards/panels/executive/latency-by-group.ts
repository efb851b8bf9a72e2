// p95 and p99 latency per namespace over the range, with its team and request rate.
import { dimKey, readDim, type MeshQuery } from '@/lib/mesh';
import type { Sample } from '@/lib/prometheus/query-schemas';
import { compareText, finite } from '../values';
import { definePanel, instant } from '../types';
import { spanWindow } from '../windows';
import { col, tableOutput } from '../table';

export const latencyByGroup = definePanel({
  queries: (p, { mesh }) => {
    const q = { window: spanWindow(p), by: 'namespace' as const, namespace: p.namespace };
    return {
      rate: instant('Requests per second per namespace over the range', mesh.requestRate(q).promql),
      p95: instant('p95 latency (ms) per namespace over the range', mesh.latencyQuantile({ ...q, quantile: 0.95 }).promql),
      p99: instant('p99 latency (ms) per namespace over the range', mesh.latencyQuantile({ ...q, quantile: 0.99 }).promql),
    };
  },
  transform: (results, p, { mesh, config }) => {
    const query: MeshQuery = mesh.requestRate({ window: spanWindow(p), by: 'namespace' });
    const index = (samples: readonly Sample[]) => new Map(samples.map((s) => [dimKey(s.labels, query, ['namespace']), s]));
    const [rate, p95, p99] = [index(results.rate), index(results.p95), index(results.p99)];
    const keys = [...new Set([...rate.keys(), ...p95.keys()])];
    const rows = keys
      .map((key) => {
        const labels = (rate.get(key) ?? p95.get(key))?.labels ?? {};
        const namespace = readDim(labels, query, 'namespace');
        return {
          id: namespace,
          cells: {
            // The executive's next step: what fails in this namespace, on the on-call dashboard.
            namespace: { text: namespace, href: `/oncall?namespace=${encodeURIComponent(namespace)}` },
            team: config.teams[namespace] ?? namespace,
            rps: finite(rate.get(key)?.value),
            p95: finite(p95.get(key)?.value),
            p99: finite(p99.get(key)?.value),
          },
        };
      })
      .sort((a, b) => compareText(a.id, b.id));
    return tableOutput(
      [
        col.link('namespace', 'Namespace'), col.text('team', 'Team'), col.num('rps', 'Requests', 'reqps'), col.num('p95', 'p95', 'ms'),
        col.num('p99', 'p99', 'ms'),
      ],
      rows);
  },
});
