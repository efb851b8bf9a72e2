// Envoy response flags over time: the proxies' own explanation of failures (UH, UF, URX, UO, ...).
import { isUnsupported, type MeshAdapter, type TrafficScope } from '@/lib/mesh';
import type { Series } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import type { PanelData } from '../../schema';
import { chartSeries, compareText } from '../values';
import { definePanel, range, type Panel, type PanelContext, type TimeseriesData } from '../types';
import { chartWindow } from '../windows';

/** What each flag means, for legends (https://www.envoyproxy.io/docs/envoy/latest/configuration/observability/access_log/usage). */
export const FLAG_NAMES: Readonly<Record<string, string>> = {
  UO: 'circuit breaker overflow',
  URX: 'retry limit exceeded',
  UH: 'no healthy upstream',
  UF: 'upstream connect failure',
  UT: 'upstream timeout',
  NR: 'no route',
  DC: 'downstream disconnect',
  RL: 'rate limited',
  UC: 'upstream connection termination',
  URL: 'upstream reset (local)',
  LR: 'local reset',
  UR: 'upstream reset',
  DI: 'delayed by fault injection',
  FI: 'aborted by fault injection',
};

export const flagLabel = (flag: string) => (FLAG_NAMES[flag] ? `${flag} (${FLAG_NAMES[flag]})` : flag);

const EMPTY: TimeseriesData = { kind: 'timeseries', unit: 'reqps', series: [], markers: [], stacked: true };

/** One series per flag, by flag name. */
export function flagSeries(series: readonly Series[], flagLabelName: string): PanelData {
  // A flag whose counter did not move in the range explains nothing here: flat zero lines are noise.
  const out = series
    .map((s) => chartSeries(flagLabel(s.labels[flagLabelName] ?? ''), s))
    .filter((s) => s.points.some(([, v]) => v !== null && v !== 0))
    .sort((a, b) => compareText(a.name, b.name));
  return { ...EMPTY, series: out, ...(out.length === 0 ? { detail: 'No response carried a response flag in the range.' } : {}) };
}

function flagsPanel(scope: (p: PanelParams) => TrafficScope, purpose: string, requires: Panel['requires'] = []) {
  const query = (p: PanelParams, mesh: MeshAdapter) => mesh.responseFlags({ window: chartWindow(p), by: 'mesh', ...scope(p) });
  return definePanel({
    requires,
    unsupported: ({ mesh }: PanelContext) => {
      const q = mesh.responseFlags({ window: '5m', by: 'mesh' });
      return isUnsupported(q) ? q : undefined;
    },
    empty: EMPTY,
    queries: (p, { mesh }) => {
      const q = query(p, mesh);
      return { flags: isUnsupported(q) ? undefined : range(purpose, q.promql) };
    },
    transform: ({ flags }, p, { mesh }) => {
      const q = query(p, mesh);
      const flagLabelName = isUnsupported(q) ? '' : (q.labels.flag ?? '');
      return { data: flagSeries(flags ?? [], flagLabelName), warnings: [] };
    },
  });
}

// Mesh-wide, a cluster means the proxies in it: flags are what a calling proxy saw (a partition shows there).
export const responseFlags = flagsPanel((p) => ({ namespace: p.namespace, sourceCluster: p.cluster }), 'Responses per second by response flag (caller side)');
export const serviceFlags = flagsPanel(
  (p) => ({ namespace: p.namespace, service: p.service, cluster: p.cluster }),
  'Responses per second by response flag for calls to this service (caller side)',
  ['namespace', 'service'],
);
