// Revision changes seen in the telemetry during the range.
import { isUnsupported, type MeshAdapter } from '@/lib/mesh';
import type { PanelParams } from '../../params';
import { definePanel, range, type TableData } from '../types';
import { findRollouts } from './rollouts';
import { debugHref } from '@/lib/links';
import { col } from '../table';

const EMPTY: TableData = {
  kind: 'table',
  columns: [
    col.link('service', 'Service'), col.text('namespace', 'Namespace'), col.text('revision', 'Revision'), col.text('previous', 'Replaces'),
    col.num('time', 'First seen', 'timestamp'),
  ],
  rows: [],
};

const queryFor = (p: PanelParams, mesh: MeshAdapter) => mesh.revisions({ namespace: p.namespace, service: p.service, cluster: p.cluster });

export const deployments = definePanel({
  unsupported: ({ mesh }) => {
    const q = mesh.revisions({});
    return isUnsupported(q) ? q : undefined;
  },
  empty: EMPTY,
  queries: (p, { mesh }) => {
    const q = queryFor(p, mesh);
    return { revisions: isUnsupported(q) ? undefined : range('Serving revisions per service (a new one is a rollout)', q.promql) };
  },
  transform: ({ revisions }, p, { mesh }) => {
    const q = queryFor(p, mesh);
    if (isUnsupported(q) || !revisions) return { data: EMPTY, warnings: [] };
    const rows = findRollouts(revisions, q, Math.round(p.start * 1000)).map((r) => ({
      id: JSON.stringify([r.namespace, r.service, r.revision]),
      cells: {
        service: { text: r.service, href: debugHref(r.service, r.namespace) },
        namespace: r.namespace,
        revision: r.revision,
        previous: r.previous.join(', '),
        time: r.timeMs,
      },
    }));
    return {
      data: { ...EMPTY, rows, detail: rows.length === 0 ? 'No new revision started serving in the range.' : `First-seen times are accurate to one step (${p.step} s).` },
      warnings: [],
    };
  },
});
