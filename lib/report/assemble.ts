// The report's figures from counts the server read (report.ts): per SLO, per team, incidents longest
// first. Pure; the budget arithmetic is lib/slo's (DESIGN.md "SLO math") applied to the period.
import { burnRate, errorRatio } from '@/lib/slo/math';
import type { WindowCounts } from '@/lib/slo/status';
import type { SloSpec } from '@/lib/slo/spec';
import type { PeriodFigures, ReportIncident, ReportSlo, ReportTeam } from './schema';

const NO_FIGURES: PeriodFigures = { sli: null, budgetConsumed: null, met: null };

/**
 * SLI = good / total over the period; budget consumed = error ratio / (1 - objective), the period's
 * burn rate, so 1 is the whole budget a period of that length affords; met = SLI >= objective, which
 * is budget consumed <= 1 (compared as a burn so 1 - 0.999's float error cannot flip it).
 */
export function periodFigures(counts: WindowCounts | null, objectivePercent: number): PeriodFigures {
  if (counts === null || counts.bad === null || counts.total === null) return NO_FIGURES;
  const ratio = errorRatio(counts.bad, counts.total);
  const consumed = burnRate(ratio, objectivePercent);
  if (ratio === null || consumed === null) return NO_FIGURES;
  return { sli: 1 - ratio, budgetConsumed: consumed, met: consumed <= 1 };
}

/** One SLO's row: its figures over the period and over the previous one. */
export function sloRow(spec: SloSpec, current: WindowCounts | null, previous: WindowCounts | null): ReportSlo {
  return {
    name: spec.name,
    service: spec.service,
    namespace: spec.namespace,
    team: spec.team,
    objective: spec.objective,
    ...periodFigures(current, spec.objective),
    previous: periodFigures(previous, spec.objective),
  };
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Per team: its SLOs, how many met their objective, and the least budget left among them; by team name. */
export function teamRows(slos: readonly ReportSlo[]): ReportTeam[] {
  const teams = new Map<string, ReportSlo[]>();
  for (const slo of slos) teams.set(slo.team, [...(teams.get(slo.team) ?? []), slo]);
  return [...teams]
    .sort(([a], [b]) => byText(a, b))
    .map(([team, rows]) => {
      const consumed = rows.flatMap((r) => (r.budgetConsumed === null ? [] : [r.budgetConsumed]));
      return {
        team,
        slos: rows.length,
        met: rows.filter((r) => r.met === true).length,
        worstBudgetRemaining: consumed.length === 0 ? null : 1 - Math.max(...consumed),
      };
    });
}

/** Longest first; among equals the earlier, then by SLO name, so the order is stable. */
export function sortIncidents(incidents: readonly ReportIncident[]): ReportIncident[] {
  return [...incidents].sort((a, b) => b.durationSeconds - a.durationSeconds || a.start - b.start || byText(a.slo, b.slo));
}
