// Control-plane health per instance: up, connected proxies, xDS pushes and rejects, convergence p99.
import { isUnsupported, type ControlPlaneQueries, type MeshAdapter } from '@/lib/mesh';
import type { Sample } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import type { Health } from '../../schema';
import { compareText, finite } from '../values';
import { definePanel, instant, type TableData } from '../types';
import { spanWindow } from '../windows';
import { col } from '../table';

/** Proxies should converge within a second (Istio's pilot dashboard plots the same p99); slower is worth a look. */
export const CONVERGENCE_WARN_SECONDS = 1;

type Signal = Exclude<keyof ControlPlaneQueries, 'whenAbsent'>;
const SIGNALS: ReadonlyArray<[Signal, string]> = [
  ['up', 'Control-plane instances up (1) or down (0)'],
  ['connectedProxies', 'Proxies connected over xDS'],
  ['pushesPerSecond', 'xDS pushes per second over the range'],
  ['rejects', 'xDS configurations rejected by proxies in the range'],
  ['convergenceP99', 'p99 of config convergence time (s) over the range'],
];

const EMPTY: TableData = {
  kind: 'table',
  columns: [
    col.text('pod', 'Instance'), col.num('up', 'Up', 'count'), col.num('connectedProxies', 'Proxies', 'count'),
    col.num('pushesPerSecond', 'Pushes', 'reqps'), col.num('rejects', 'Rejects', 'count'), col.num('convergenceP99', 'Convergence p99', 's'),
  ],
  rows: [],
};

export function controlPlaneHealth(up: number | null, rejects: number | null, p99: number | null): Health {
  if (up === null || up < 1) return 'bad';
  if ((rejects ?? 0) > 0 || (p99 ?? 0) > CONVERGENCE_WARN_SECONDS) return 'warn';
  return 'good';
}

const queriesFor = (p: PanelParams, mesh: MeshAdapter) => mesh.controlPlane({ window: spanWindow(p), cluster: p.cluster });

export const controlPlane = definePanel({
  unsupported: ({ mesh }) => {
    const q = mesh.controlPlane({ window: '5m' });
    return isUnsupported(q) ? q : undefined;
  },
  empty: EMPTY,
  queries: (p, { mesh }) => {
    const q = queriesFor(p, mesh);
    return Object.fromEntries(SIGNALS.map(([key, purpose]) => [key, isUnsupported(q) ? undefined : instant(purpose, q[key].promql)])) as Record<Signal, ReturnType<typeof instant> | undefined>;
  },
  transform: (results, p, { mesh }) => {
    const q = queriesFor(p, mesh);
    if (isUnsupported(q)) return { data: EMPTY, missing: { reason: q.unsupported, howToEnable: q.howToEnable }, warnings: [] };
    const byPod = new Map<string, Partial<Record<Signal, Sample>>>();
    for (const [key] of SIGNALS) {
      for (const s of results[key] ?? []) {
        const pod = s.labels[q[key].labels.pod ?? ''] ?? '';
        byPod.set(pod, { ...byPod.get(pod), [key]: s });
      }
    }
    const rows = [...byPod]
      .sort(([a], [b]) => compareText(a, b))
      .map(([pod, s]) => {
        const v = (k: Signal) => finite(s[k]?.value);
        // increase() extrapolates; rejected configurations are whole events.
        const rejects = v('rejects') === null ? null : Math.round(v('rejects') ?? 0);
        return {
          id: pod,
          health: controlPlaneHealth(v('up'), rejects, v('convergenceP99')),
          cells: { pod, up: v('up'), connectedProxies: v('connectedProxies'), pushesPerSecond: v('pushesPerSecond'), rejects, convergenceP99: v('convergenceP99') },
        };
      });
    if (rows.length === 0) {
      return {
        data: EMPTY,
        missing: q.whenAbsent,
        warnings: [],
      };
    }
    return { data: { ...EMPTY, rows }, warnings: [] };
  },
});
