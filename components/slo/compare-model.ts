import type { BacktestSummary } from '@/lib/slo/backtest/schema';
import type { Policy } from '@/lib/slo/spec';
import { windowSeconds } from '@/lib/slo/windows';
import { formatSeconds, formatShare } from './backtest-format';
import { previewSpecFromForm, type SloForm } from './form-model';
import { policyFromRows } from './policy-model';

// What "Compare policies" sends: the unsaved spec without its policy (the default applies) and the
// candidate policy on its own, so editing the policy reruns only the candidate. Pure.

export interface CompareRequest {
  /** JSON of the spec, a stable key for debouncing and caching. */
  specJson: string;
  /** The SLO window in seconds, for the default range. */
  windowSeconds: number;
  /** null: the form uses the default policy, nothing to compare against. */
  candidate: Policy | null;
}

/** null while the form lacks what any backtest needs (a service, an objective, a window). */
export function compareRequest(form: SloForm): CompareRequest | null {
  if (!form.target.includes('/') || form.objective.trim() === '' || !Number.isFinite(Number(form.objective))) return null;
  const spec = previewSpecFromForm(form);
  let seconds: number;
  try {
    seconds = windowSeconds(spec.window);
  } catch {
    return null;
  }
  const withoutPolicy: Partial<typeof spec> = { ...spec };
  delete withoutPolicy.policy;
  return { specJson: JSON.stringify(withoutPolicy), windowSeconds: seconds, candidate: form.policy ? policyFromRows(form.policy) : null };
}

export interface CompareRow {
  label: string;
  values: [string, string];
}

const rows: ReadonlyArray<[string, (s: BacktestSummary) => string]> = [
  ['Pages', (s) => String(s.pages)],
  ['Pages per week', (s) => String(Number(s.pagesPerWeek.toPrecision(2)))],
  ['Tickets', (s) => String(s.tickets)],
  ['Tickets per week', (s) => String(Number(s.ticketsPerWeek.toPrecision(2)))],
  ['Precision', (s) => formatShare(s.precision)],
  ['Recall', (s) => formatShare(s.recall)],
  ['Mean detection time', (s) => formatSeconds(s.meanDetectionSeconds)],
  ['Mean reset time', (s) => formatSeconds(s.meanResetSeconds)],
];

/** One row per figure, default first; a column whose backtest has not answered shows "…". */
export function compareRows(defaults: BacktestSummary | undefined, candidate: BacktestSummary | undefined): CompareRow[] {
  return rows.map(([label, f]) => ({ label, values: [defaults ? f(defaults) : '…', candidate ? f(candidate) : '…'] }));
}
