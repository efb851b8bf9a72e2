// The verdict of one SLO from its status (DESIGN.md "Status"): its burn-rate recommendation and budget.
import { burnText } from './format';
import type { Health } from './schema';

/** The fields of an SLO status the verdict reads (structural, so lib/health imports nothing of lib/slo). */
export interface SloStatusInput {
  name: string;
  /** How reasons name it; `SLO <name>` by default. */
  label?: string;
  sli: number | null;
  errorBudget: { remaining: number | null };
  alerts: ReadonlyArray<{ severity: 'page' | 'ticket'; longWindow: string; longBurnRate: number | null; firing: boolean }>;
  traffic: { lowTraffic: boolean };
  recommendation: { action: 'none' | 'ticket' | 'page' };
  /** The status' own state (lib/slo/state.ts), the one classification every page shows. */
  state: 'page' | 'exhausted' | 'ticket' | 'low_traffic' | 'ok';
}

export const BUDGET_EXHAUSTED = 'error budget exhausted';

/** "1h burn 14.4x": the fastest firing alert of that severity, the one that makes the recommendation. */
function burnOf(status: SloStatusInput, severity: 'page' | 'ticket'): string {
  const firing = status.alerts.filter((a) => a.severity === severity && a.firing && a.longBurnRate !== null);
  const fastest = firing.sort((a, b) => (b.longBurnRate ?? 0) - (a.longBurnRate ?? 0))[0];
  return fastest && fastest.longBurnRate !== null ? `: ${fastest.longWindow} burn ${burnText(fastest.longBurnRate)}` : '';
}

/** What an SLO says about its service now; `unjudged`: too little traffic (or none) to trust a burn rate. */
export type SloState = 'page' | 'exhausted' | 'ticket' | 'ok' | 'unjudged';

const isExhausted = (s: SloStatusInput) => s.errorBudget.remaining !== null && s.errorBudget.remaining <= 0;

/**
 * The status' state in the verdict's words: the SLO pages, the counts of SLO states and the verdicts
 * read one classification (lib/slo/state.ts), so a page never says `exhausted` where a panel says `ticket`.
 */
export function sloState(status: SloStatusInput): SloState {
  return status.state === 'low_traffic' ? 'unjudged' : status.state;
}

/**
 * Page -> failing; a spent budget (remaining <= 0, whatever else fires) and a ticket -> warning, never
 * ok. Too little traffic to trust a burn rate gives `idle` (nothing to judge) rather than a false ok.
 */
export function sloHealth(status: SloStatusInput): Health {
  const spent = isExhausted(status) ? `, ${BUDGET_EXHAUSTED}` : '';
  const slo = status.label ?? `SLO ${status.name}`;
  switch (sloState(status)) {
    case 'page':
      return { level: 'failing', reason: `${slo} pages${burnOf(status, 'page')}${spent}` };
    case 'exhausted': {
      const tickets = status.recommendation.action === 'ticket' ? `; it tickets${burnOf(status, 'ticket')}` : '';
      return { level: 'warning', reason: `${slo}: ${BUDGET_EXHAUSTED}${tickets}` };
    }
    case 'ticket':
      return { level: 'warning', reason: `${slo} tickets${burnOf(status, 'ticket')}` };
    case 'unjudged':
      return { level: 'idle', reason: `${slo}: too little traffic to judge` };
    case 'ok': {
      const left = status.errorBudget.remaining;
      return { level: 'ok', reason: left === null ? `${slo} ok` : `${slo} ok, ${Math.floor(left * 100)} % of its budget left` };
    }
  }
}
