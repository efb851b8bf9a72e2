import 'server-only';
import { detectedMesh } from '@/lib/mesh-detected';
import type { PrometheusClient } from '@/lib/prometheus';
import { readSpecs } from '@/lib/slo-engine/stored-statuses';
import { sloRow, sortIncidents, teamRows } from './assemble';
import { periodIncidents } from './incidents';
import { dataStart, serviceAvailability } from './mesh-read';
import { periodCounts } from './period-counts';
import type { ReportPeriods } from './period';
import type { Report } from './schema';
import { excludeMaintenance } from './period-maintenance';
import { markOverlaps, periodsIn } from '@/lib/maintenance';
import { getMaintenanceStore } from '@/lib/store';

// The monthly SLO report (DESIGN.md "Report"): every stored SLO over the period and the one before,
// teams, the backtest's incidents, and the availability of services without SLOs. A handful of
// queries whatever the number of SLOs: counts per indicator kind for each period, the backtest's
// grouped range queries, one availability query and one probe for where the data starts.

export async function buildReport({ period, previous }: ReportPeriods, { client, signal }: { client: PrometheusClient; signal?: AbortSignal }): Promise<Report> {
  const specs = readSpecs();
  const { adapter: mesh } = await detectedMesh(client, signal);
  const range = { client, from: period.from, to: period.to, signal };
  const [current, before, incidents, services, start] = await Promise.all([
    periodCounts(specs, range),
    periodCounts(specs, { client, from: previous.from, to: previous.to, signal }),
    periodIncidents(specs, range),
    serviceAvailability({ ...range, mesh }),
    dataStart({ ...range, mesh }),
  ]);
  const windows = getMaintenanceStore().list({ from: previous.from, to: period.to });
  const [excluded] = await Promise.all([excludeMaintenance(specs, current, windows, range), excludeMaintenance(specs, before, windows, { ...range, ...previous })]);
  const slos = specs.map((spec) => {
    const row = sloRow(spec, current.get(spec.name)?.counts ?? null, before.get(spec.name)?.counts ?? null);
    const note = excluded.get(spec.name);
    return note ? { ...row, maintenance: note } : row;
  });
  const periods = periodsIn(windows, period);
  const ofSlo = new Map(specs.map((s) => [s.name, periodsIn(periods, period, s)]));
  const withSlo = new Set(specs.map((s) => `${s.namespace}/${s.service}`));
  const countErrors = specs.flatMap((s) => {
    const error = current.get(s.name)?.error;
    return error ? [{ slo: s.name, message: error }] : [];
  });
  return {
    from: period.from,
    to: period.to,
    month: period.month,
    previousPeriod: { from: previous.from, to: previous.to },
    dataStart: start,
    slos,
    teams: teamRows(slos),
    incidents: sortIncidents(incidents.incidents.map((i) => markOverlaps(i, ofSlo.get(i.slo) ?? []))),
    services: services.filter((s) => !withSlo.has(`${s.namespace}/${s.service}`)),
    errors: [...countErrors, ...incidents.errors.filter((e) => !countErrors.some((c) => c.slo === e.slo))],
    maintenance: periods,
  };
}
