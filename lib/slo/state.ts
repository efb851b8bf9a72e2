import { z } from 'zod';

// Recovery advice lives apart (no zod) so the SLO pages can use it without loading zod.
export { EXHAUSTED_POLICY, exhaustedAdvice, recoverySeconds } from './recovery';

// One SLO's state in a word, shared by the status API, the SLO pages and the health verdict. Pure.

/**
 * `exhausted`: the budget of the SLO window is spent (remaining <= 0), a state of its own whatever the
 * alerts say, because the error-budget policy then applies. A firing page outranks it (someone must
 * act now); it outranks a ticket and low traffic.
 */
export const sloStateSchema = z.enum(['page', 'exhausted', 'ticket', 'low_traffic', 'ok']);
export type SloState = z.infer<typeof sloStateSchema>;

export interface StateInput {
  /** Null: no events in the SLO window, nothing to judge. */
  sli: number | null;
  recommendation: { action: 'none' | 'ticket' | 'page' };
  errorBudget: { remaining: number | null };
  traffic: { lowTraffic: boolean };
}

/**
 * The one classification of an SLO status: the status' `state`, the SLO pages' chip, and through
 * lib/health every verdict and count of SLO states (which read `state`, never judge again). The
 * recommendation has already weighed traffic pair by pair (a page pair short of events tickets).
 */
export function sloState({ sli, recommendation, errorBudget, traffic }: StateInput): SloState {
  if (recommendation.action === 'page') return 'page';
  if (errorBudget.remaining !== null && errorBudget.remaining <= 0) return 'exhausted';
  if (recommendation.action === 'ticket') return 'ticket';
  return sli === null || traffic.lowTraffic ? 'low_traffic' : 'ok';
}

/** The error-budget policy's first rule (SRE Workbook, "Example Error Budget Policy"), in words. */
