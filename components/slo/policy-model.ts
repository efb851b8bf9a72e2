import { DEFAULT_POLICY } from '@/lib/slo/policy';
import type { Policy } from '@/lib/slo/spec';

// The alert policy part of the SLO form, as strings. Pure. Factors are left to the server: rows carry
// the budget share (percent), which lib/slo scales to the SLO window.

export interface PolicyRow {
  severity: 'page' | 'ticket';
  longWindow: string;
  shortWindow: string;
  budgetPercent: string;
}

/** The SRE Workbook default (lib/slo DEFAULT_POLICY), as editable rows. */
export function defaultPolicyRows(): PolicyRow[] {
  return DEFAULT_POLICY.map((p) => ({
    severity: p.severity,
    longWindow: p.longWindow,
    shortWindow: p.shortWindow,
    budgetPercent: String(Number((p.budgetShare * 100).toPrecision(4))),
  }));
}

export function policyFromRows(rows: readonly PolicyRow[]): Policy {
  return {
    alerts: rows.map((r) => ({
      severity: r.severity,
      longWindow: r.longWindow.trim(),
      ...(r.shortWindow.trim() ? { shortWindow: r.shortWindow.trim() } : {}),
      // An empty share is sent as missing; the server then asks for a threshold or budgetPercent.
      ...(r.budgetPercent.trim() === '' ? {} : { budgetPercent: Number(r.budgetPercent) }),
    })),
  };
}

/** Rows of a stored policy; pairs given as a fixed threshold cannot be shown as a share, so null. */
export function rowsFromPolicy(policy: Policy | undefined): PolicyRow[] | null {
  if (!policy) return null;
  if (policy.alerts.some((a) => a.budgetPercent === undefined)) return null;
  return policy.alerts.map((a) => ({ severity: a.severity, longWindow: a.longWindow, shortWindow: a.shortWindow ?? '', budgetPercent: String(a.budgetPercent) }));
}
