import { defaultPairs } from '@/lib/slo/policy';
import type { Policy } from '@/lib/slo/spec';
import { windowSeconds } from '@/lib/slo/windows';

// The alert policy part of the SLO form, as strings. Pure. Every field of a stored pair has an input
// (budget share or factor, and `for`), so saving a policy the form did not touch sends it back as it was.

export interface PolicyRow {
  severity: 'page' | 'ticket';
  longWindow: string;
  shortWindow: string;
  /** Share of the whole budget (percent); lib/slo scales it to the SLO window. Exclusive with `threshold`. */
  budgetPercent: string;
  /** Burn-rate factor as given. */
  threshold: string;
  /** Prometheus `for:`; empty: half the short window. */
  for: string;
}

/** The default policy for `window` (lib/slo defaultPairs: windows fitted to it), as editable rows. */
export function defaultPolicyRows(window: string): PolicyRow[] {
  let period: number;
  try {
    period = windowSeconds(window);
  } catch {
    period = windowSeconds('30d');
  }
  return defaultPairs(period).map((p) => ({
    severity: p.severity,
    longWindow: p.longWindow,
    shortWindow: p.shortWindow ?? '',
    budgetPercent: '',
    threshold: String(p.threshold ?? ''),
    for: '',
  }));
}

/** A row edit: the share and the factor are two ways to say one thing, so typing one clears the other. */
export function patchRow(row: PolicyRow, patch: Partial<PolicyRow>): PolicyRow {
  const next = { ...row, ...patch };
  if (patch.budgetPercent !== undefined && patch.budgetPercent.trim() !== '') next.threshold = '';
  if (patch.threshold !== undefined && patch.threshold.trim() !== '') next.budgetPercent = '';
  return next;
}

const numberOrText = (text: string): number => Number(text.trim());

export function policyFromRows(rows: readonly PolicyRow[]): Policy {
  return {
    alerts: rows.map((r) => ({
      severity: r.severity,
      longWindow: r.longWindow.trim(),
      ...(r.shortWindow.trim() ? { shortWindow: r.shortWindow.trim() } : {}),
      // Empty fields are sent as missing; the server then asks for a threshold or budgetPercent.
      ...(r.threshold.trim() === '' ? {} : { threshold: numberOrText(r.threshold) }),
      ...(r.budgetPercent.trim() === '' ? {} : { budgetPercent: numberOrText(r.budgetPercent) }),
      ...(r.for.trim() ? { for: r.for.trim() } : {}),
    })),
  };
}

/** Rows of a stored policy, every field kept; null: no policy of its own (the default applies). */
export function rowsFromPolicy(policy: Policy | undefined): PolicyRow[] | null {
  if (!policy) return null;
  return policy.alerts.map((a) => ({
    severity: a.severity,
    longWindow: a.longWindow,
    shortWindow: a.shortWindow ?? '',
    budgetPercent: a.budgetPercent === undefined ? '' : String(a.budgetPercent),
    threshold: a.threshold === undefined ? '' : String(a.threshold),
    for: a.for ?? '',
  }));
}
