// The verdict of every node and edge, from lib/health: the one place the graph turns numbers into health.
import { healthVerdict, tcpHealth, type Health, type HealthThresholds, type SloStatusInput } from '@/lib/health';
import type { UnplacedNode } from './assemble';
import type { MeasuredEdge } from './schema';

export interface GraphHealthInput {
  /** Seconds of the window the rates and ratios cover. */
  windowSeconds: number;
  /** `namespace/service` -> its SLO statuses at the graph's time; service view only (SLOs measure services). */
  slos?: ReadonlyMap<string, readonly SloStatusInput[]>;
  thresholds?: HealthThresholds;
}

/**
 * What a caller outside the mesh's server-side telemetry (the gateway, an external client) sees: the
 * failed share of all its HTTP calls, numerators and denominators summed, never ratios averaged.
 */
function callsOf(id: string, edges: readonly MeasuredEdge[]): { rps: number; errorRatio: number | null } {
  const out = edges.filter((e) => e.source === id && e.protocol === 'http' && e.errorRatio !== null);
  const rps = out.reduce((sum, e) => sum + e.rps, 0);
  const failed = out.reduce((sum, e) => sum + e.rps * (e.errorRatio ?? 0), 0);
  return { rps, errorRatio: rps > 0 ? failed / rps : null };
}

export function nodeHealth(n: UnplacedNode, { windowSeconds, slos, thresholds }: GraphHealthInput, edges: readonly MeasuredEdge[] = []): Health {
  if (n.kind === 'tcp') {
    // A TCP-only service receives connections, not requests: its node's request rate is 0.
    const tcp = edges.filter((e) => e.target === n.id && e.protocol === 'tcp');
    return tcpHealth(Math.max(n.rps, ...tcp.map((e) => Math.max(e.rps, e.bytesPerSecond ?? 0))));
  }
  // SLOs are per service: split by cluster, each cluster's node is judged with them too.
  if (n.kind === 'gateway' || n.kind === 'external') return healthVerdict({ ...callsOf(n.id, edges), windowSeconds }, thresholds);
  return healthVerdict({ errorRatio: n.errorRatio, rps: n.rps, windowSeconds, slos: slos?.get(`${n.namespace}/${n.service}`) ?? [] }, thresholds);
}

export function edgeHealth(e: MeasuredEdge, { windowSeconds, thresholds }: GraphHealthInput): Health {
  if (e.protocol === 'tcp') return tcpHealth(Math.max(e.rps, e.bytesPerSecond ?? 0));
  return healthVerdict({ errorRatio: e.errorRatio, rps: e.rps, windowSeconds }, thresholds);
}
