import { humanDuration, percent } from '@/lib/slo/format';
import type { PeriodFigures, Report, ReportIncident, ReportSlo, ReportTeam } from '@/lib/report/schema';
import { formatUtc } from '@/lib/format';

// Display strings and groupings of the report page. Pure; every figure comes from the server.

const MONTHS = new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `September 2026 (UTC)`, or the period's UTC bounds. */
export function periodLabel(p: { from: number; to: number; month: string | null }): string {
  if (p.month) return `${MONTHS.format(new Date(p.from * 1000))} (UTC)`;
  return `${formatUtc(p.from)} to ${formatUtc(p.to)}`;
}

/** SLI in percent with enough digits to tell 99.9 % from 99.95 %. */
export function formatSli(sli: number | null): string {
  return sli === null ? 'no traffic' : `${(sli * 100).toFixed(3)}%`;
}

export function formatBudget(fraction: number | null): string {
  return fraction === null ? '—' : percent(fraction);
}

export type Tone = 'good' | 'warn' | 'bad' | 'muted';

/** met / missed / no data, for the chip. */
export function metChip(met: boolean | null): { label: string; tone: Tone } {
  if (met === null) return { label: 'no data', tone: 'muted' };
  return met ? { label: 'met', tone: 'good' } : { label: 'missed', tone: 'bad' };
}

/** `+0.012 pp` (SLI change in percentage points) against the previous period; words without one. */
export function sliChange(current: PeriodFigures, previous: PeriodFigures): string {
  if (current.sli === null || previous.sli === null) return previous.sli === null ? 'no data before' : '—';
  const pp = (current.sli - previous.sli) * 100;
  if (Math.abs(pp) < 0.0005) return 'unchanged';
  return `${pp > 0 ? '+' : '−'}${Math.abs(pp).toFixed(3)} pp`;
}

/** `2 of 3 met`. */
export function teamSummary(team: ReportTeam): string {
  return `${team.met} of ${team.slos} SLO${team.slos === 1 ? '' : 's'} met`;
}

/** An incident still firing when the period ends has lasted at least this long: `2h 52m+`. */
export function incidentDuration(i: Pick<ReportIncident, 'durationSeconds' | 'end'>): string {
  return i.end === null ? `${humanDuration(i.durationSeconds)}+` : humanDuration(i.durationSeconds);
}

export interface TeamSection {
  team: ReportTeam;
  slos: ReportSlo[];
  /** Longest first, as the API orders them. */
  incidents: ReportIncident[];
}

/** One section per team: its SLOs and their incidents, in the API's order. */
export function teamSections(report: Pick<Report, 'teams' | 'slos' | 'incidents'>): TeamSection[] {
  const teamOf = new Map(report.slos.map((s) => [s.name, s.team]));
  return report.teams.map((team) => ({
    team,
    slos: report.slos.filter((s) => s.team === team.team),
    incidents: report.incidents.filter((i) => teamOf.get(i.slo) === team.team),
  }));
}

/** `YYYY-MM-DD` of a unix time, for the date inputs (UTC). */
export function utcDay(unix: number): string {
  return new Date(unix * 1000).toISOString().slice(0, 10);
}

/** Unix seconds of a `YYYY-MM-DD` at 00:00 UTC; null when it is not a date. */
export function parseUtcDay(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const ms = Date.parse(`${text}T00:00:00Z`);
  return Number.isFinite(ms) ? ms / 1000 : null;
}
