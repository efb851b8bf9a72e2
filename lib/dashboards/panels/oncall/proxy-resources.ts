// Sidecar proxies using the most CPU and memory over the range, and pods whose containers restarted.
import { dimKey, readDim, type MeshAdapter } from '@/lib/mesh';
import type { Sample } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import { finite } from '../values';
import { definePanel, instant } from '../types';
import { spanWindow } from '../windows';
import { col, tableOutput } from '../table';

export const TOP_PODS = 10;
const KEY = ['namespace', 'pod'] as const;

const queriesFor = (p: PanelParams, mesh: MeshAdapter) => mesh.proxyResources({ window: spanWindow(p), namespace: p.namespace, cluster: p.cluster, limit: TOP_PODS });

export const proxyResources = definePanel({
  queries: (p, { mesh }) => {
    const q = queriesFor(p, mesh);
    return {
      cpu: instant(`Top ${TOP_PODS} proxies by CPU (cores, average over the range)`, q.cpu.promql),
      memory: instant(`Top ${TOP_PODS} proxies by memory (bytes, peak over the range)`, q.memory.promql),
      restarts: instant('Container restarts per pod in the range', q.restarts.promql),
    };
  },
  transform: (results, p, { mesh }) => {
    const q = queriesFor(p, mesh);
    const index = (samples: readonly Sample[]) => new Map(samples.map((s) => [dimKey(s.labels, q.cpu, [...KEY]), s]));
    const [cpu, memory, restarts] = [index(results.cpu), index(results.memory), index(results.restarts)];
    const rows = [...new Set([...cpu.keys(), ...memory.keys(), ...restarts.keys()])].map((key) => {
      const labels = (cpu.get(key) ?? memory.get(key) ?? restarts.get(key))?.labels ?? {};
      // increase() extrapolates to the window's edges; restarts are whole events.
      const restartCount = finite(restarts.get(key)?.value);
      const rounded = restartCount === null ? 0 : Math.round(restartCount);
      return {
        id: key,
        health: rounded > 0 ? ('warn' as const) : ('good' as const),
        cells: {
          pod: readDim(labels, q.cpu, 'pod'),
          namespace: readDim(labels, q.cpu, 'namespace'),
          cpu: finite(cpu.get(key)?.value),
          memory: finite(memory.get(key)?.value),
          restarts: rounded,
        },
      };
    });
    rows.sort((a, b) => b.cells.restarts - a.cells.restarts || (b.cells.cpu ?? -1) - (a.cells.cpu ?? -1));
    return tableOutput(
      [
        col.text('pod', 'Pod'), col.text('namespace', 'Namespace'), col.num('cpu', 'Proxy CPU', 'cores'),
        col.num('memory', 'Proxy memory', 'bytes'), col.num('restarts', 'Restarts', 'count'),
      ],
      rows, { empty: 'No proxy CPU or memory metrics (cAdvisor) and no restarts (kube-state-metrics) in the range.' });
  },
});
