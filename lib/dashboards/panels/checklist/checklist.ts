// The incident checklist at the top of /oncall (mesh-wide, or one namespace) and of /debug (one
// service): each item of the mesh incident checklist read from Prometheus and judged by verdicts.ts.
import { isUnsupported, readDim, type MeshAdapter } from '@/lib/mesh';
import { debugHref } from '@/lib/links';
import { meshAlertDefinition, runbookHref } from '@/lib/mesh-alerts';
import type { PanelParams } from '../../params';
import { controlPlaneHealth } from '../oncall/control-plane';
import { findRollouts } from '../oncall/rollouts';
import { finite } from '../values';
import { definePanel, instant, range, type TableData } from '../types';
import { spanWindow } from '../windows';
import { fillTemplate, rangeValues } from '../debug/trace-links';
import { col } from '../table';
import {
  certificateVerdict,
  changesVerdict,
  controlPlaneVerdict,
  leaderVerdict,
  restartVerdict,
  tracesVerdict,
  VERDICT_HEALTH,
  workloadCertVerdict,
  type ChecklistItem,
} from './verdicts';

const DAY = 86_400;
const HOUR = 3600;

const COLUMNS: TableData['columns'] = [col.text('item', 'Check'), col.text('verdict', 'Verdict'), col.text('detail', 'What the data says'), col.link('link', 'Where')];

const control = (p: PanelParams, mesh: MeshAdapter) => mesh.controlPlane({ window: spanWindow(p), cluster: p.cluster });
const revisionsOf = (p: PanelParams, mesh: MeshAdapter) => mesh.revisions({ namespace: p.namespace, service: p.service, cluster: p.cluster });
const restartsOf = (p: PanelParams, mesh: MeshAdapter) => mesh.proxyResources({ window: spanWindow(p), namespace: p.namespace, cluster: p.cluster, limit: 1 }).restarts;

/** Pods of a service are named after its workload (`payments-7d9f…`); without a service, every pod counts. */
const podOfService = (pod: string, service: string | undefined) => service === undefined || pod.startsWith(`${service}-`);

/** Where each item is looked at more closely; the page adds the pinned time to in-app links. */
function whereTo(id: ChecklistItem['id'], p: PanelParams, traceUrl: string | undefined): { text: string; href: string } {
  const service = p.service !== undefined && p.namespace !== undefined ? debugHref(p.service, p.namespace) : undefined;
  switch (id) {
    case 'control-plane':
    case 'leader':
      return { text: 'Control plane', href: '/oncall' };
    case 'certificates':
      return { text: 'Certificate expiry', href: '/' };
    case 'workload-certificates':
      return { text: 'Runbook', href: runbookHref('workload-cert-ticket') };
    case 'restarts':
      return { text: 'Proxy resources', href: '/oncall' };
    case 'changes':
      return { text: 'Recent deployments', href: '/oncall' };
    case 'traces':
      return traceUrl ? { text: 'Open in trace UI', href: traceUrl } : { text: service ? 'Traces panel' : 'Debug a service', href: service ?? '/debug' };
  }
}

export const checklist = definePanel({
  queries: (p, { mesh }) => {
    const cp = control(p, mesh);
    const leases = mesh.leaderLeases({ cluster: p.cluster });
    const revisions = revisionsOf(p, mesh);
    const cert = mesh.certExpiry({ cluster: p.cluster });
    const workload = mesh.workloadCertExpiry({ namespace: p.namespace, cluster: p.cluster });
    return {
      up: isUnsupported(cp) ? undefined : instant('Control-plane instances up (1) or down (0)', cp.up.promql),
      rejects: isUnsupported(cp) ? undefined : instant('xDS configurations rejected in the range', cp.rejects.promql),
      convergence: isUnsupported(cp) ? undefined : instant('p99 config convergence (s) over the range', cp.convergenceP99.promql),
      leaseOwner: instant('Leader-election lease holders (kube-state-metrics)', leases.owner.promql),
      leaseRenew: instant('Last renewal of each lease (unix s)', leases.renewTime.promql),
      certs: instant('Expiry (unix s) of each mesh certificate', cert.query.promql),
      workloadCert: isUnsupported(workload) ? undefined : instant('Expiry (unix s) of the earliest workload certificate', workload.promql),
      restarts: instant('Container restarts per pod in the range', restartsOf(p, mesh).promql),
      revisions: isUnsupported(revisions) ? undefined : range('Serving revisions (a new one is a rollout)', revisions.promql),
      errors: instant('Failed requests per second over the range', mesh.errorRate({ window: spanWindow(p), by: 'mesh', namespace: p.namespace, service: p.service, cluster: p.cluster }).promql),
    };
  },
  transform: (r, p, { mesh, config }) => {
    const cp = control(p, mesh);
    const items: ChecklistItem[] = [];

    if (isUnsupported(cp)) items.push(controlPlaneVerdict({ unsupported: cp.unsupported }));
    else {
      const byPod = new Map<string, { up: number | null; rejects: number | null; p99: number | null }>();
      const put = (samples: typeof r.up, key: 'up' | 'rejects' | 'p99', q: typeof cp.up) => {
        for (const s of samples ?? []) {
          const pod = s.labels[q.labels.pod ?? ''] ?? '';
          byPod.set(pod, { up: null, rejects: null, p99: null, ...byPod.get(pod), [key]: finite(s.value) });
        }
      };
      put(r.up, 'up', cp.up);
      put(r.rejects, 'rejects', cp.rejects);
      put(r.convergence, 'p99', cp.convergenceP99);
      const pods = [...byPod].map(([pod, v]) => ({ pod, health: controlPlaneHealth(v.up, v.rejects === null ? null : Math.round(v.rejects), v.p99) }));
      items.push(controlPlaneVerdict({ pods }, p.cluster));
    }

    const leases = mesh.leaderLeases({ cluster: p.cluster });
    const renew = new Map(r.leaseRenew.map((s) => [readDim(s.labels, leases.renewTime, 'lease'), finite(s.value)]));
    items.push(
      leaderVerdict(
        r.leaseOwner.map((s) => {
          const lease = readDim(s.labels, leases.owner, 'lease');
          const renewed = renew.get(lease);
          return { lease, holder: readDim(s.labels, leases.owner, 'holder'), renewAge: renewed === undefined || renewed === null ? null : p.end - renewed };
        }),
      ),
    );

    const { query: certQuery, names } = mesh.certExpiry({ cluster: p.cluster });
    items.push(
      certificateVerdict(
        r.certs.flatMap((s) => {
          const cert = readDim(s.labels, certQuery, 'cert');
          const at = finite(s.value);
          return at === null ? [] : [{ name: names[cert] ?? cert, days: (at - p.end) / DAY }];
        }),
      ),
    );

    const workload = mesh.workloadCertExpiry({ namespace: p.namespace, cluster: p.cluster });
    const earliest = r.workloadCert?.[0] === undefined ? null : finite(r.workloadCert[0].value);
    items.push(
      workloadCertVerdict(
        isUnsupported(workload) ? { unsupported: workload.unsupported } : { hoursLeft: earliest === null ? null : (earliest - p.end) / HOUR },
        meshAlertDefinition('workload-cert-ticket').threshold.default,
      ),
    );

    const rq = restartsOf(p, mesh);
    const restarts = r.restarts
      .map((s) => ({ namespace: readDim(s.labels, rq, 'namespace'), pod: readDim(s.labels, rq, 'pod'), restarts: Math.round(finite(s.value) ?? 0) }))
      .filter((x) => podOfService(x.pod, p.service));
    const scope = p.service ? `${p.namespace}/${p.service}` : p.namespace ? `namespace ${p.namespace}` : 'the mesh';
    items.push(restartVerdict(restarts, scope));

    const revisions = revisionsOf(p, mesh);
    const rejects = r.rejects?.reduce((n, s) => n + Math.round(finite(s.value) ?? 0), 0) ?? null;
    items.push(changesVerdict(isUnsupported(revisions) ? { unsupported: revisions.unsupported } : findRollouts(r.revisions ?? [], revisions, Math.round(p.start * 1000)), rejects));

    const errors = r.errors.reduce((n, s) => n + (finite(s.value) ?? 0), 0);
    const template = config.traceUrlTemplate;
    const traceUrl = template && p.service && p.namespace ? fillTemplate(template, rangeValues(p.service, p.namespace, p.start, p.end, true)) : undefined;
    items.push(tracesVerdict(template !== undefined, errors));

    const rows: TableData['rows'] = items.map((i) => ({
      id: i.id,
      health: VERDICT_HEALTH[i.verdict],
      cells: { item: i.item, verdict: i.verdict, detail: i.detail, link: whereTo(i.id, p, traceUrl) },
    }));
    return { data: { kind: 'table', columns: COLUMNS, rows }, warnings: [] };
  },
});


/** The same checklist on the debug view, for the one service it shows. */
export const serviceChecklist = definePanel({ ...checklist, requires: ['namespace', 'service'] });
