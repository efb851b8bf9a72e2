// Responses per second by status code for one service (server side).
import type { MeshAdapter } from '@/lib/mesh';
import type { PanelParams } from '../../params';
import { chartSeries, compareText } from '../values';
import { definePanel, range } from '../types';
import { chartWindow } from '../windows';

const codesQuery = (p: PanelParams, mesh: MeshAdapter) =>
  mesh.statusCodes({ window: chartWindow(p), by: 'mesh', namespace: p.namespace, service: p.service, cluster: p.cluster });

export const statusCodes = definePanel({
  requires: ['namespace', 'service'],
  queries: (p, { mesh }) => ({ codes: range('Responses per second by status code', codesQuery(p, mesh).promql) }),
  transform: ({ codes }, p, { mesh }) => {
    const label = codesQuery(p, mesh).labels.code ?? '';
    const series = codes
      .map((s) => {
        const code = s.labels[label] ?? '';
        // Envoy reports code 0 when no response came back (reset, timeout).
        return chartSeries(code === '0' ? '0 (no response)' : code, s);
      })
      .sort((a, b) => compareText(a.name, b.name));
    return {
      data: { kind: 'timeseries', unit: 'reqps', series, markers: [], stacked: true, ...(series.length === 0 ? { detail: 'No responses in the range.' } : {}) },
      warnings: [],
    };
  },
});
