// The verdict of one SLO from its status (DESIGN.md "Status"): its burn-rate recommendation and budget.
import { burnText } from './format';
import type { Health } from './schema';

/** The fields of an SLO status the verdict reads (structural, so lib/health imports nothing of lib/slo). */
export interface SloStatusInput {
  name: string;
  sli: number | null;
  errorBudget: { remaining: number | null };
  alerts: ReadonlyArray<{ severity: 'page' | 'ticket'; longWindow: string; longBurnRate: number | null; firing: boolean }>;
  traffic: { lowTraffic: boolean };
  recommendation: { action: 'none' | 'ticket' | 'page' };
}

export const BUDGET_EXHAUSTED = 'error budget exhausted';

/** "1h burn 14.4x": the fastest firing alert of that severity, the one that makes the recommendation. */
function burnOf(status: SloStatusInput, severity: 'page' | 'ticket'): string {
  const firing = status.alerts.filter((a) => a.severity === severity && a.firing && a.longBurnRate !== null);
  const fastest = firing.sort((a, b) => (b.longBurnRate ?? 0) - (a.longBurnRate ?? 0))[0];
  return fastest && fastest.longBurnRate !== null ? `: ${fastest.longWindow} burn ${burnText(fastest.longBurnRate)}` : '';
}

/**
 * Page -> failing, ticket -> warning, a spent budget (remaining <= 0) -> at least warning, never ok.
 * Too little traffic to trust a burn rate gives `idle` (nothing to judge) rather than a false ok.
 */
export function sloHealth(status: SloStatusInput): Health {
  const exhausted = status.errorBudget.remaining !== null && status.errorBudget.remaining <= 0;
  const spent = exhausted ? `, ${BUDGET_EXHAUSTED}` : '';
  const judged = status.sli !== null && !status.traffic.lowTraffic;
  const slo = `SLO ${status.name}`;
  if (judged && status.recommendation.action === 'page') return { level: 'failing', reason: `${slo} pages${burnOf(status, 'page')}${spent}` };
  if (judged && status.recommendation.action === 'ticket') return { level: 'warning', reason: `${slo} tickets${burnOf(status, 'ticket')}${spent}` };
  if (exhausted) return { level: 'warning', reason: `${slo}: ${BUDGET_EXHAUSTED}` };
  if (!judged) return { level: 'idle', reason: `${slo}: too little traffic to judge` };
  const left = status.errorBudget.remaining;
  return { level: 'ok', reason: left === null ? `${slo} ok` : `${slo} ok, ${Math.floor(left * 100)} % of its budget left` };
}
