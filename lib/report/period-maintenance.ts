import 'server-only';
import type { PrometheusClient } from '@/lib/prometheus';
import type { MaintenancePeriod } from '@/lib/maintenance';
import { detectedSli } from '@/lib/mesh-detected';
import { excludedCounts, exclusionSubset, exclusionSummary, exclusionsIn, subtractCounts } from '@/lib/slo-engine/maintenance-exclusion';
import type { MaintenanceExclusion } from '@/lib/slo/status-schema';
import type { SloSpec } from '@/lib/slo/spec';
import type { PeriodCounts } from './period-counts';

// SLOs with excludeMaintenance in the report: their period counts without the requests inside their
// maintenance windows within the period (the engine's grouped queries, maintenance-exclusion.ts), so the
// report's budget is the one the SLO page shows, and the row says what it left out.

export async function excludeMaintenance(
  specs: readonly SloSpec[],
  counts: Map<string, PeriodCounts>,
  windows: readonly MaintenancePeriod[],
  range: { client: PrometheusClient; from: number; to: number; signal?: AbortSignal },
): Promise<Map<string, MaintenanceExclusion>> {
  const exclusions = exclusionsIn(specs, windows, () => range);
  const notes = new Map<string, MaintenanceExclusion>();
  if (exclusions.size === 0) return notes;
  const sli = await detectedSli(range.client, range.signal);
  const concerned = exclusionSubset(specs, exclusions);
  const inside = await excludedCounts(concerned, exclusions, sli, { client: range.client, signal: range.signal, concurrency: 8 });
  for (const spec of concerned) {
    const exclusion = exclusions.get(spec.name);
    const read = counts.get(spec.name);
    if (!exclusion || !read?.counts) continue;
    counts.set(spec.name, { counts: subtractCounts(read.counts, inside.counts.get(spec.name)), error: null });
    notes.set(spec.name, exclusionSummary(exclusion, inside.counts.get(spec.name)));
  }
  return notes;
}
