// TCP connections per pod of a service: opened per second and currently open, both directions.
import { dimKey, readDim, type MeshAdapter } from '@/lib/mesh';
import type { Series } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import { compareText, finite, rangeTimes, sparkline } from '../values';
import { definePanel, range } from '../types';
import { chartWindow } from '../windows';
import { col, tableOutput } from '../table';

const KEY = ['pod', 'direction'] as const;
const tcpQueries = (p: PanelParams, mesh: MeshAdapter) =>
  mesh.tcpConnections({ window: chartWindow(p), namespace: p.namespace ?? '', service: p.service ?? '', cluster: p.cluster });

const last = (s: Series | undefined) => finite(s?.points.at(-1)?.[1]);

export const tcpConnections = definePanel({
  requires: ['namespace', 'service'],
  queries: (p, { mesh }) => {
    const q = tcpQueries(p, mesh);
    return {
      opened: range('TCP connections opened per second, per pod and direction', q.opened.promql),
      open: range('TCP connections open (opened - closed), per pod and direction', q.open.promql),
    };
  },
  transform: (results, p, { mesh }) => {
    const q = tcpQueries(p, mesh);
    const index = (series: readonly Series[]) => new Map(series.map((s) => [dimKey(s.labels, q.opened, [...KEY]), s]));
    const [opened, open] = [index(results.opened), index(results.open)];
    const times = rangeTimes(p);
    const rows = [...new Set([...opened.keys(), ...open.keys()])].map((key) => {
      const labels = (opened.get(key) ?? open.get(key))?.labels ?? {};
      return {
        id: key,
        cells: {
          pod: readDim(labels, q.opened, 'pod'),
          direction: readDim(labels, q.opened, 'direction'),
          open: last(open.get(key)),
          openTrend: { sparkline: sparkline(open.get(key), times) },
          opened: last(opened.get(key)),
          openedTrend: { sparkline: sparkline(opened.get(key), times) },
        },
      };
    });
    rows.sort((a, b) => compareText(a.id, b.id));
    return tableOutput(
      [
        col.text('pod', 'Pod'), col.text('direction', 'Direction'), col.num('open', 'Open', 'count'),
        col.spark('openTrend', 'Open over the range', 'count'), col.num('opened', 'Opened', 'reqps'),
        col.spark('openedTrend', 'Opened over the range', 'reqps'),
      ],
      rows, { empty: 'No TCP connections reported for this service in the range (HTTP-only services show none).' });
  },
});
