// Per-node SLO state for the service graph: the worst recommendation of the SLOs on each service.
// Pure; the statuses and specs come from /api/slos-status and /api/slos (lib/slo/api-schemas.ts).
import type { SloStatus } from '@/lib/slo/status-schema';
import { healthOf, type Health } from './health';

/** An SLO's alerting state; null when it cannot be judged (low traffic, no data, evaluation error). */
export type SloState = 'paging' | 'ticket' | 'ok';

export interface NodeSlo {
  name: string;
  state: SloState | null;
}

export interface NodeSlos {
  /** Worst judged state of the node's SLOs; null keeps the error-ratio colouring. */
  state: SloState | null;
  slos: NodeSlo[];
}

export type SloStatusInput = Pick<SloStatus, 'name' | 'sli' | 'traffic' | 'recommendation'>;
export interface SloSpecInputRef {
  name: string;
  service: string;
  namespace: string;
}

const ACTION_STATE = { page: 'paging', ticket: 'ticket', none: 'ok' } as const satisfies Record<SloStatus['recommendation']['action'], SloState>;
/** Order of severity: the worst SLO on a node decides its colour. */
const RANK: Record<SloState, number> = { ok: 0, ticket: 1, paging: 2 };

export const SLO_HEALTH: Record<SloState, Health> = { paging: 'bad', ticket: 'warn', ok: 'ok' };
export const SLO_LABELS: Record<SloState, string> = { paging: 'SLO: paging', ticket: 'SLO: ticket', ok: 'SLO: ok' };

export function sloStateOf(status: SloStatusInput | undefined): SloState | null {
  // Too few events (or none) to trust a burn rate: say nothing rather than a false "ok".
  if (!status || status.sli === null || status.traffic.lowTraffic) return null;
  return ACTION_STATE[status.recommendation.action];
}

/** `namespace/service` node id -> its SLOs and their worst state. */
export function nodeSloStates(specs: readonly SloSpecInputRef[], statuses: readonly SloStatusInput[]): Map<string, NodeSlos> {
  const byName = new Map(statuses.map((s) => [s.name, s]));
  const nodes = new Map<string, NodeSlos>();
  for (const spec of specs) {
    const id = `${spec.namespace}/${spec.service}`;
    const state = sloStateOf(byName.get(spec.name));
    const node = nodes.get(id) ?? { state: null, slos: [] };
    node.slos.push({ name: spec.name, state });
    if (state !== null && (node.state === null || RANK[state] > RANK[node.state])) node.state = state;
    nodes.set(id, node);
  }
  for (const node of nodes.values()) node.slos.sort((a, b) => a.name.localeCompare(b.name));
  return nodes;
}

/** A node's colour and words: its worst judged SLO where it has one, else its error ratio. */
export function nodeHealth(errorRatio: number | null, slos: NodeSlos | undefined): { health: Health; label: string | null } {
  if (slos?.state) return { health: SLO_HEALTH[slos.state], label: SLO_LABELS[slos.state] };
  return { health: healthOf(errorRatio), label: null };
}
