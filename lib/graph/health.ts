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

export function nodeHealth(n: UnplacedNode, { windowSeconds, slos, thresholds }: GraphHealthInput): Health {
  if (n.kind === 'tcp') return tcpHealth(n.rps);
  return healthVerdict({ errorRatio: n.errorRatio, rps: n.rps, windowSeconds, slos: slos?.get(n.id) ?? [] }, thresholds);
}

export function edgeHealth(e: MeasuredEdge, { windowSeconds, thresholds }: GraphHealthInput): Health {
  if (e.protocol === 'tcp') return tcpHealth(e.rps);
  return healthVerdict({ errorRatio: e.errorRatio, rps: e.rps, windowSeconds }, thresholds);
}
