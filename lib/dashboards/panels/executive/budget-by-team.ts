// Error budget by team. Teams with SLOs show their SLOs' figures (the same bulk evaluation as
// /api/slos-status, team-slos.ts aggregates them); namespaces whose team has no SLO keep the 30-day
// availability of their namespaces against a 99.9% objective, labelled as such, so a fresh install
// without SLOs still shows every team.
import { healthVerdict, type Health, type HealthThresholds } from '@/lib/health';
import { readDim } from '@/lib/mesh';
import { sloState } from '@/lib/slo/state';
import type { Cell } from '../../schema';
import { compareText } from '../values';
import { definePanel, instant, type TableData } from '../types';
import { loadPanelSlos } from './team-slos-load';
import { summarizeTeams, summaryCells, summaryColumns, type TeamSloInput } from './team-slos';

/**
 * Error budget of the 99.9% objective a team without SLOs is measured against here (three nines,
 * the usual default SLO). Written out: 1 - 0.999 is 0.0010000000000000009 in floating point.
 */
export const ERROR_BUDGET = 0.001;
/** The window a team without SLOs is measured over: the usual SLO period. */
export const LONG_WINDOW_DAYS = 30;
const WINDOW = `${LONG_WINDOW_DAYS}d`;
const WINDOW_SECONDS = LONG_WINDOW_DAYS * 86_400;
/** What a row without SLOs measures, in the words the executive reads in the row itself. */
export const NO_SLO_LABEL = 'no SLO defined: availability vs 99.9%';

/** Budget consumed = error ratio / (1 - objective); 1 means the whole budget is gone. */
export function budgetConsumed(errors: number, requests: number): number | null {
  return requests > 0 ? errors / requests / ERROR_BUDGET : null;
}

/**
 * A team without SLOs is judged as if it had the 99.9 % / 30-day one its row measures: its observed
 * error ratio over the 30 days, and that budget (spent: at least warning), in lib/health's words.
 */
export function impliedSloHealth(errors: number, requests: number, thresholds?: HealthThresholds): Health {
  const errorRatio = requests > 0 ? errors / requests : null;
  const consumed = budgetConsumed(errors, requests);
  const judged = {
    sli: errorRatio === null ? null : 1 - errorRatio,
    errorBudget: { remaining: consumed === null ? null : 1 - consumed },
    traffic: { lowTraffic: false },
    recommendation: { action: 'none' as const },
  };
  const implied = { name: 'availability-99.9', label: 'No SLO defined; availability vs 99.9 % over 30 days', alerts: [], ...judged, state: sloState(judged) };
  return healthVerdict({ errorRatio, rps: requests / WINDOW_SECONDS, windowSeconds: WINDOW_SECONDS, slos: [implied] }, thresholds);
}

/** One namespace links to its on-call view (the executive's next step); several stay plain text. */
function namespacesCell(namespaces: string[]): Cell {
  const [only] = namespaces;
  return namespaces.length === 1 && only !== undefined
    ? { text: only, href: `/oncall?namespace=${encodeURIComponent(only)}` }
    : namespaces.join(', ');
}

type Row = TableData['rows'][number];

function sloRows(inputs: readonly TeamSloInput[]): Row[] {
  return summarizeTeams(inputs).map((s) => ({
    id: s.team,
    health: s.health,
    cells: {
      team: { text: s.team, href: `/slos?${new URLSearchParams({ team: s.team })}` },
      ...summaryCells(s),
      availability: null,
      namespaces: namespacesCell(s.namespaces),
    },
  }));
}

const COLUMNS: TableData['columns'] = [
  { key: 'team', label: 'Team', kind: 'link' },
  ...summaryColumns({ remaining: '(worst SLO, or of 99.9%)' }),
  { key: 'availability', label: `Availability, ${WINDOW} (no SLO)`, unit: 'ratio', kind: 'number' },
  { key: 'namespaces', label: 'Namespaces', kind: 'link' },
];

/** Columns no row fills (SLO columns on a fresh install, say) are left out rather than shown as dashes. */
function shownColumns(rows: readonly Row[]): TableData['columns'] {
  if (rows.length === 0) return COLUMNS;
  return COLUMNS.filter((c) => rows.some((r) => r.cells[c.key] !== null && r.cells[c.key] !== undefined));
}

export const budgetByTeam = definePanel({
  queries: (p, { mesh }) => {
    const q = { window: WINDOW, by: 'namespace' as const, namespace: p.namespace };
    // increase = rate x window exactly, so rates over 30d give the counts without subqueries.
    return {
      requests: instant(`Requests per second per namespace over ${WINDOW} (teams without an SLO)`, mesh.requestRate(q).promql),
      errors: instant(`Failed requests per second per namespace over ${WINDOW} (teams without an SLO)`, mesh.errorRate(q).promql),
    };
  },
  load: (p, _ctx, io) => loadPanelSlos(p, io),
  transform: ({ requests, errors }, p, { mesh, config }, loaded = []) => {
    const withSlos = sloRows(loaded);
    const sloTeams = new Set(withSlos.map((r) => r.id));
    const q = mesh.requestRate({ window: WINDOW, by: 'namespace', namespace: p.namespace });
    const teams = new Map<string, { namespaces: Set<string>; requests: number; errors: number }>();
    const add = (samples: typeof requests, field: 'requests' | 'errors') => {
      for (const s of samples) {
        if (!Number.isFinite(s.value)) continue;
        const namespace = readDim(s.labels, q, 'namespace');
        const team = config.teams[namespace] ?? namespace;
        // A team with SLOs is measured by them; its namespaces' raw availability would contradict them.
        if (sloTeams.has(team)) continue;
        const entry = teams.get(team) ?? { namespaces: new Set<string>(), requests: 0, errors: 0 };
        entry.namespaces.add(namespace);
        // Numerators and denominators are summed per team, never their ratios averaged.
        entry[field] += s.value * WINDOW_SECONDS;
        teams.set(team, entry);
      }
    };
    add(requests, 'requests');
    add(errors, 'errors');
    const withoutSlos = [...teams].map(([team, t]): Row => {
      const ratio = t.requests > 0 ? t.errors / t.requests : null;
      const consumed = budgetConsumed(t.errors, t.requests);
      return {
        id: team,
        health: impliedSloHealth(t.errors, t.requests, config.health),
        cells: {
          team,
          summary: NO_SLO_LABEL,
          remaining: consumed === null ? null : 1 - consumed,
          budgets: null,
          alerting: null,
          burn1h: null,
          availability: ratio === null ? null : 1 - ratio,
          namespaces: namespacesCell([...t.namespaces].sort(compareText)),
        },
      };
    });
    // Least budget left first across both kinds of row; rows without a figure last.
    const remaining = (r: Row) => (typeof r.cells.remaining === 'number' ? r.cells.remaining : Number.POSITIVE_INFINITY);
    const rows = [...withSlos, ...withoutSlos].sort((a, b) => remaining(a) - remaining(b) || compareText(a.id, b.id));
    return {
      data: {
        kind: 'table',
        columns: shownColumns(rows),
        rows,
        ...(rows.length === 0 ? { detail: `No SLOs, and no requests in the ${WINDOW} before the end of the range` } : {}),
      },
      warnings: [],
    };
  },
});
