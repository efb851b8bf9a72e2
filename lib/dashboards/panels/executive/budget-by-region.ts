// Error budget by region (MESHWATCH_REGIONS): per region, the SLOs evaluated per region (perRegion),
// each by its figures over the requests that region's clusters served. A region's row is read like a
// team's (team-slos.ts, the same summary): how many SLOs, the worst budget remaining among them, how
// many page, ticket or are fine, and the fastest 1h burn. Budgets of different SLOs are never
// averaged. Its figures come from the same bulk evaluation as the team rows, whose per-region part
// costs one query per window per indicator kind, however many SLOs, services or regions there are.
import { hasRegions } from '@/lib/env-regions';
import { regionAsStatus } from '@/lib/slo/regions';
import { definePanel, type TableData } from '../types';
import { loadPanelSlos } from './team-slos-load';
import { summarizeBy, summaryCells, summaryColumns, type TeamSloInput } from './team-slos';

/** What the panel covers, in the words the executive reads when it has no row. */
export const NO_REGIONAL_SLO = 'No SLO is evaluated per region yet: turn on "Evaluate per region" in an SLO to see its budget by region';

/** One input per (perRegion SLO, region): the SLO with that region's figures as its status. */
export function regionInputs(inputs: readonly TeamSloInput[]): Array<{ region: string; input: TeamSloInput }> {
  return inputs.flatMap(({ spec, status }) => (status ? (status.regions ?? []).map((r) => ({ region: r.region, input: { spec, status: regionAsStatus(status, r) } })) : []));
}

const COLUMNS: TableData['columns'] = [
  { key: 'region', label: 'Region', kind: 'text' },
  ...summaryColumns({ remaining: '(worst SLO in the region)', alerting: 'in the region' }),
];

export const budgetByRegion = definePanel({
  unsupported: ({ config }) =>
    hasRegions(config.regions ?? {})
      ? undefined
      : { unsupported: 'No regions are configured', howToEnable: 'Set MESHWATCH_REGIONS to cluster=region pairs, e.g. prod-us-east=us-east,prod-eu-west=eu-west' },
  queries: () => ({}),
  load: (p, _ctx, io) => loadPanelSlos(p, io),
  transform: (_results, _p, _ctx, loaded = []) => {
    const regional = regionInputs(loaded);
    const regionOfInput = new Map(regional.map((r) => [r.input, r.region]));
    const summaries = summarizeBy(
      regional.map((r) => r.input),
      (i) => regionOfInput.get(i) ?? '',
    );
    const remaining = (s: (typeof summaries)[number]) => s.budgets[0]?.remaining ?? Number.POSITIVE_INFINITY;
    const rows = summaries
      .sort((a, b) => remaining(a) - remaining(b))
      .map((s): TableData['rows'][number] => ({
        id: s.team,
        health: s.health,
        cells: { region: s.team, ...summaryCells(s) },
      }));
    return { data: { kind: 'table', columns: COLUMNS, rows, ...(rows.length === 0 ? { detail: NO_REGIONAL_SLO } : {}) }, warnings: [] };
  },
});
