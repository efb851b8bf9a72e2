// The mesh incident checklist (control plane, leader, certificates, proxies and restarts, recent
// changes, traces) as verdicts over facts already read from Prometheus. Pure: checklist.ts reads
// the facts, this decides ok / look here / unknown and says why.
import type { Health } from '../../schema';
import { formatUtc } from '@/lib/format';
import { certHealth } from '../executive/security';
import type { Rollout } from '../oncall/rollouts';

export type Verdict = 'ok' | 'look here' | 'unknown';

export interface ChecklistItem {
  id: 'control-plane' | 'leader' | 'certificates' | 'workload-certificates' | 'restarts' | 'changes' | 'traces';
  item: string;
  verdict: Verdict;
  detail: string;
}

/** A lease not renewed for this long has no live leader (client-go renews every 2 s, gives up after 10-15 s). */
export const LEASE_STALE_SECONDS = 60;

export type ControlPlaneFacts = { unsupported: string } | { pods: ReadonlyArray<{ pod: string; health: Health }> };

/** `cluster`: the dashboard is kept to one mesh cluster, which may have no control plane of its own. */
export function controlPlaneVerdict(facts: ControlPlaneFacts, cluster?: string): ChecklistItem {
  const item = 'Control plane healthy';
  if ('unsupported' in facts) return { id: 'control-plane', item, verdict: 'unknown', detail: facts.unsupported };
  if (facts.pods.length === 0 && cluster !== undefined) {
    const detail = `No control-plane metrics from cluster ${cluster} in the range: its proxies may be served from another cluster (a primary-remote mesh), or it is not scraped.`;
    return { id: 'control-plane', item, verdict: 'unknown', detail };
  }
  if (facts.pods.length === 0) return { id: 'control-plane', item, verdict: 'unknown', detail: 'No control-plane metrics in the range: it is not scraped.' };
  const down = facts.pods.filter((p) => p.health === 'bad').map((p) => p.pod);
  const slow = facts.pods.filter((p) => p.health === 'warn').map((p) => p.pod);
  if (down.length > 0) return { id: 'control-plane', item, verdict: 'look here', detail: `Down: ${down.join(', ')}.` };
  if (slow.length > 0) return { id: 'control-plane', item, verdict: 'look here', detail: `Rejected configs or slow convergence: ${slow.join(', ')}.` };
  return { id: 'control-plane', item, verdict: 'ok', detail: `${facts.pods.length} instance(s) up, no rejected configs, convergence under a second.` };
}

export interface LeaseFact {
  lease: string;
  holder: string;
  /** Seconds since the last renewal at the end of the range; null when the renew time is not exported. */
  renewAge: number | null;
}

export function leaderVerdict(leases: readonly LeaseFact[]): ChecklistItem {
  const item = 'Control-plane leader elected';
  if (leases.length === 0) {
    return { id: 'leader', item, verdict: 'unknown', detail: 'No Kubernetes lease metrics (kube-state-metrics with its leases collector): leader status unknown.' };
  }
  const stale = leases.filter((l) => !l.holder || (l.renewAge !== null && l.renewAge > LEASE_STALE_SECONDS));
  if (stale.length > 0) return { id: 'leader', item, verdict: 'look here', detail: `No live leader for ${stale.map((l) => l.lease).join(', ')}.` };
  return { id: 'leader', item, verdict: 'ok', detail: leases.map((l) => `${l.lease}: ${l.holder}`).join('; ') };
}

export interface CertFact {
  name: string;
  days: number;
}

export function certificateVerdict(certs: readonly CertFact[]): ChecklistItem {
  const item = 'Certificates valid';
  if (certs.length === 0) return { id: 'certificates', item, verdict: 'unknown', detail: 'No certificate expiry metric.' };
  const nearest = [...certs].sort((a, b) => a.days - b.days)[0] as CertFact;
  const when = nearest.days < 0 ? `expired ${Math.abs(nearest.days).toFixed(1)} days ago` : `expires in ${nearest.days.toFixed(1)} days`;
  const health = certHealth(nearest.days);
  // The mesh's CA certificates; the proxies' own are the next item.
  return { id: 'certificates', item, verdict: health === 'good' ? 'ok' : 'look here', detail: `${nearest.name} ${when}.` };
}

/**
 * Workload certificates live about a day and are renewed from half (Istio) or 70 % (Linkerd) of it:
 * the earliest one with fewer hours left than the workload-certificate ticket's default means a
 * renewal is failing.
 */
export function workloadCertVerdict(facts: { unsupported: string } | { hoursLeft: number | null }, lookHereHours: number): ChecklistItem {
  const item = 'Workload certificates renewed';
  const id = 'workload-certificates';
  if ('unsupported' in facts) return { id, item, verdict: 'unknown', detail: facts.unsupported };
  if (facts.hoursLeft === null) return { id, item, verdict: 'unknown', detail: 'No workload certificate expiry metric from the proxies in the range.' };
  const h = facts.hoursLeft;
  const when = h < 0 ? `expired ${Math.abs(h).toFixed(1)} hours ago` : `expires in ${h.toFixed(1)} hours`;
  if (h < lookHereHours) return { id, item, verdict: 'look here', detail: `The earliest proxy certificate ${when}: under ${lookHereHours} hours, its renewal is failing.` };
  return { id, item, verdict: 'ok', detail: `The earliest proxy certificate ${when}; renewals keep every proxy above ${lookHereHours} hours.` };
}

export interface RestartFact {
  namespace: string;
  pod: string;
  restarts: number;
}

export function restartVerdict(restarts: readonly RestartFact[], scope: string): ChecklistItem {
  const item = `Proxies and pods stable (${scope})`;
  const restarted = restarts.filter((r) => r.restarts > 0).sort((a, b) => b.restarts - a.restarts);
  if (restarted.length === 0) return { id: 'restarts', item, verdict: 'ok', detail: 'No container restarts in the range.' };
  const list = restarted.slice(0, 3).map((r) => `${r.namespace}/${r.pod} ×${r.restarts}`);
  return { id: 'restarts', item, verdict: 'look here', detail: `Restarts: ${list.join(', ')}${restarted.length > 3 ? ` and ${restarted.length - 3} more` : ''}.` };
}

export function changesVerdict(rollouts: readonly Rollout[] | { unsupported: string }, pushRejects: number | null): ChecklistItem {
  const item = 'Recent deployments and config pushes';
  if (!Array.isArray(rollouts)) {
    const unsupported = (rollouts as { unsupported: string }).unsupported;
    return { id: 'changes', item, verdict: 'unknown', detail: `${unsupported}${pushRejects ? ` ${pushRejects} config push(es) rejected.` : ''}` };
  }
  const parts = rollouts.map((r) => `${r.namespace}/${r.service} → ${r.revision} at ${formatUtc(r.timeMs)}`);
  if (pushRejects) parts.push(`${pushRejects} config push(es) rejected by proxies`);
  if (parts.length === 0) return { id: 'changes', item, verdict: 'ok', detail: 'No new revision and no rejected config push in the range.' };
  return { id: 'changes', item, verdict: 'look here', detail: `${parts.join('; ')}.` };
}

export function tracesVerdict(hasTraceUi: boolean, errors: number | null): ChecklistItem {
  const item = 'Traces of failed or slow requests';
  if (!hasTraceUi) return { id: 'traces', item, verdict: 'unknown', detail: 'No trace UI configured (TRACE_URL_TEMPLATE).' };
  if (!errors) return { id: 'traces', item, verdict: 'ok', detail: 'No failed requests in the range to trace.' };
  return { id: 'traces', item, verdict: 'look here', detail: 'Failed requests in the range: open their traces.' };
}

/** The colour each verdict takes in a table row. */
export const VERDICT_HEALTH: Record<Verdict, Health> = { ok: 'good', 'look here': 'warn', unknown: 'unknown' };
