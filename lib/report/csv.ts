// The report as CSV (RFC 4180) for spreadsheets: four sections (SLOs, teams, incidents, services
// without SLOs), each a title line, a header and its rows, separated by an empty line. Percentages
// carry `_percent` in the header, times are ISO 8601 UTC. Pure.
import type { Report } from './schema';

type Value = string | number | boolean | null;

/** Quotes a field when it holds a comma, a quote or a line break; doubles its quotes. */
export function csvField(value: Value): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(Number(value.toPrecision(8))) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (values: readonly Value[]) => values.map(csvField).join(',');
const pct = (fraction: number | null) => (fraction === null ? null : fraction * 100);
const utc = (unix: number | null) => (unix === null ? null : new Date(unix * 1000).toISOString().replace('.000Z', 'Z'));

function section(title: string, header: readonly string[], rows: readonly (readonly Value[])[]): string[] {
  return [line([title]), line(header), ...rows.map(line)];
}

export function reportCsv(report: Report): string {
  const teamOf = new Map(report.slos.map((s) => [s.name, s.team]));
  const period = `${utc(report.from)} to ${utc(report.to)}${report.month ? ` (${report.month})` : ''}`;
  const lines = [
    line(['Meshwatch SLO report', period]),
    ...(report.dataStart === null ? [] : [line(['Data starts', utc(report.dataStart)])]),
    '',
    ...section(
      'SLOs',
      ['team', 'slo', 'service', 'namespace', 'objective_percent', 'sli_percent', 'budget_consumed_percent', 'met', 'previous_sli_percent', 'previous_budget_consumed_percent', 'previous_met'],
      report.slos.map((s) => [s.team, s.name, s.service, s.namespace, s.objective, pct(s.sli), pct(s.budgetConsumed), s.met, pct(s.previous.sli), pct(s.previous.budgetConsumed), s.previous.met]),
    ),
    '',
    ...section(
      'Teams',
      ['team', 'slos', 'met', 'worst_budget_remaining_percent'],
      report.teams.map((t) => [t.team, t.slos, t.met, pct(t.worstBudgetRemaining)]),
    ),
    '',
    ...section(
      'Incidents',
      ['team', 'slo', 'severity', 'start_utc', 'end_utc', 'duration_seconds', 'budget_consumed_percent'],
      report.incidents.map((i) => [teamOf.get(i.slo) ?? '', i.slo, i.severity, utc(i.start), utc(i.end), i.durationSeconds, pct(i.budgetConsumed)]),
    ),
    '',
    ...section(
      'Services without SLOs',
      ['namespace', 'service', 'availability_percent'],
      report.services.map((s) => [s.namespace, s.service, pct(s.availability)]),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** `meshwatch-slo-report-2026-09.csv`, or the period's UTC dates. */
export function csvFilename(report: Pick<Report, 'from' | 'to' | 'month'>): string {
  const day = (unix: number) => new Date(unix * 1000).toISOString().slice(0, 10);
  return `meshwatch-slo-report-${report.month ?? `${day(report.from)}_${day(report.to)}`}.csv`;
}
