// A service's inbound and outbound edges with their golden signals over the range (server side).
import { dimKey, readDim, type Dimension, type MeshAdapter, type TrafficQuestion } from '@/lib/mesh';
import type { Sample } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import { healthVerdict } from '@/lib/health';
import { compareText, finite } from '../values';
import { definePanel, instant } from '../types';
import { spanWindow } from '../windows';
import { debugHref } from '@/lib/links';
import { tableOutput } from '../table';

type Direction = 'inbound' | 'outbound';

const PEER: Record<Direction, readonly [Dimension, Dimension]> = {
  inbound: ['sourceNamespace', 'sourceService'],
  outbound: ['namespace', 'service'],
};

function question(direction: Direction, p: PanelParams): TrafficQuestion {
  const window = spanWindow(p);
  return direction === 'inbound'
    ? { window, by: 'source', namespace: p.namespace, service: p.service, cluster: p.cluster }
    : // Its calls out: made by its pods in the cluster, wherever they were served.
      { window, by: 'service', sourceNamespace: p.namespace, sourceService: p.service, sourceCluster: p.cluster };
}

function edgesPanel(direction: Direction) {
  const peer = direction === 'inbound' ? 'caller' : 'callee';
  const q = (p: PanelParams, mesh: MeshAdapter) => mesh.requestRate(question(direction, p));
  return definePanel({
    requires: ['namespace', 'service'],
    queries: (p, { mesh }) => ({
      rate: instant(`Requests per second per ${peer} over the range`, mesh.requestRate(question(direction, p)).promql),
      errorRatio: instant(`Error ratio per ${peer} over the range`, mesh.errorRatio(question(direction, p)).promql),
      p95: instant(`p95 latency (ms) per ${peer} over the range`, mesh.latencyQuantile({ ...question(direction, p), quantile: 0.95 }).promql),
      mtls: instant(`Share of requests over mutual TLS per ${peer}`, mesh.mtlsRatio(question(direction, p)).promql),
    }),
    transform: (results, p, { mesh, config }) => {
      const query = q(p, mesh);
      const index = (samples: readonly Sample[]) => new Map(samples.map((s) => [dimKey(s.labels, query, PEER[direction]), s]));
      const [rate, errorRatio, p95, mtls] = [index(results.rate), index(results.errorRatio), index(results.p95), index(results.mtls)];
      const rows = [...rate].map(([key, s]) => {
        const [nsDim, svcDim] = PEER[direction];
        const namespace = readDim(s.labels, query, nsDim);
        const service = readDim(s.labels, query, svcDim);
        const ratio = finite(errorRatio.get(key)?.value);
        return {
          id: key,
          // The call's verdict, as /api/graph gives it for an edge: its error ratio over the range.
          health: healthVerdict({ errorRatio: ratio, rps: finite(s.value), windowSeconds: p.end - p.start }, config.health),
          cells: {
            peer: { text: `${namespace}/${service}`, href: debugHref(service, namespace) },
            rps: finite(s.value),
            errorRatio: ratio,
            p95: finite(p95.get(key)?.value),
            mtls: finite(mtls.get(key)?.value),
          },
        };
      });
      rows.sort((a, b) => (b.cells.rps ?? 0) - (a.cells.rps ?? 0) || compareText(a.id, b.id));
      return tableOutput(
        [
          { key: 'peer', label: direction === 'inbound' ? 'Caller' : 'Calls', kind: 'link' },
          { key: 'rps', label: 'Requests', unit: 'reqps', kind: 'number' },
          { key: 'errorRatio', label: 'Error ratio', unit: 'ratio', kind: 'number' },
          { key: 'p95', label: 'p95', unit: 'ms', kind: 'number' },
          { key: 'mtls', label: 'mTLS', unit: 'ratio', kind: 'number' },
        ],
        rows, { empty: direction === 'inbound' ? 'No callers in the range.' : 'No calls to other services in the range.' });
    },
  });
}

export const inbound = edgesPanel('inbound');
export const outbound = edgesPanel('outbound');
