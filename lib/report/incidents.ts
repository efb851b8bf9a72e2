import 'server-only';
import type { PrometheusClient } from '@/lib/prometheus';
import { backtestMany } from '@/lib/slo-engine/backtest-many';
import type { SloSpec } from '@/lib/slo/spec';
import type { ReportIncident } from './schema';

// The period's incidents: every page and ticket episode the backtest engine finds over [from, to],
// each SLO with its own policy, from its grouped queries. The report's one call into the backtest.

export interface PeriodIncidents {
  incidents: ReportIncident[];
  errors: { slo: string; message: string }[];
}

export async function periodIncidents(specs: readonly SloSpec[], opts: { client: PrometheusClient; from: number; to: number; signal?: AbortSignal }): Promise<PeriodIncidents> {
  if (specs.length === 0) return { incidents: [], errors: [] };
  const { backtests } = await backtestMany(specs, opts);
  const out: PeriodIncidents = { incidents: [], errors: [] };
  for (const b of backtests) {
    if (b.error) {
      out.errors.push({ slo: b.name, message: b.error.message });
      continue;
    }
    for (const e of b.result.episodes) {
      out.incidents.push({ slo: b.name, severity: e.severity, start: e.start, end: e.end, durationSeconds: (e.end ?? opts.to) - e.start, budgetConsumed: e.budgetConsumed });
    }
  }
  return out;
}
