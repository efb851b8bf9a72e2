// Error budget by team over 30 days, until the SLO engine provides per-SLO figures: availability of
// each team's namespaces, and the share of a 99.9% objective's budget it has used.
import { readDim } from '@/lib/mesh';
import type { Cell, Health } from '../../schema';
import { compareText, errorRatioHealth } from '../values';
import { definePanel, instant } from '../types';
import { LONG_WINDOW_DAYS } from './mesh-success';

/**
 * Error budget of the 99.9% objective every team is measured against here (three nines, the usual
 * default SLO). Written out: 1 - 0.999 is 0.0010000000000000009 in floating point.
 */
export const ERROR_BUDGET = 0.001;
const WINDOW = `${LONG_WINDOW_DAYS}d`;
const WINDOW_SECONDS = LONG_WINDOW_DAYS * 86_400;

/** Budget consumed = error ratio / (1 - objective); 1 means the whole budget is gone. */
export function budgetConsumed(errors: number, requests: number): number | null {
  return requests > 0 ? errors / requests / ERROR_BUDGET : null;
}

/** Half the budget used over a full window is worth watching; all of it is an exhausted budget. */
export function budgetHealth(consumed: number | null): Health {
  if (consumed === null) return 'unknown';
  if (consumed < 0.5) return 'good';
  return consumed < 1 ? 'warn' : 'bad';
}

/** One namespace links to its on-call view (the executive's next step); several stay plain text. */
function namespacesCell(namespaces: string[]): Cell {
  const [only] = namespaces;
  return namespaces.length === 1 && only !== undefined
    ? { text: only, href: `/oncall?namespace=${encodeURIComponent(only)}` }
    : namespaces.join(', ');
}

export const budgetByTeam = definePanel({
  queries: (p, { mesh }) => {
    const q = { window: WINDOW, by: 'namespace' as const, namespace: p.namespace };
    // increase = rate x window exactly, so rates over 30d give the counts without subqueries.
    return {
      requests: instant(`Requests per second per namespace over ${WINDOW}`, mesh.requestRate(q).promql),
      errors: instant(`Failed requests per second per namespace over ${WINDOW}`, mesh.errorRate(q).promql),
    };
  },
  transform: ({ requests, errors }, p, { mesh, config }) => {
    const q = mesh.requestRate({ window: WINDOW, by: 'namespace', namespace: p.namespace });
    const teams = new Map<string, { namespaces: Set<string>; requests: number; errors: number }>();
    const add = (samples: typeof requests, field: 'requests' | 'errors') => {
      for (const s of samples) {
        if (!Number.isFinite(s.value)) continue;
        const namespace = readDim(s.labels, q, 'namespace');
        const team = config.teams[namespace] ?? namespace;
        const entry = teams.get(team) ?? { namespaces: new Set<string>(), requests: 0, errors: 0 };
        entry.namespaces.add(namespace);
        // Numerators and denominators are summed per team, never their ratios averaged.
        entry[field] += s.value * WINDOW_SECONDS;
        teams.set(team, entry);
      }
    };
    add(requests, 'requests');
    add(errors, 'errors');
    const rows = [...teams]
      .map(([team, t]) => {
        const ratio = t.requests > 0 ? t.errors / t.requests : null;
        const consumed = budgetConsumed(t.errors, t.requests);
        return {
          id: team,
          health: t.requests > 0 ? budgetHealth(consumed) : errorRatioHealth(null),
          cells: {
            team,
            namespaces: namespacesCell([...t.namespaces].sort(compareText)),
            requests: Math.round(t.requests),
            errors: Math.round(t.errors),
            availability: ratio === null ? null : 1 - ratio,
            consumed,
          },
        };
      })
      .sort((a, b) => (b.cells.consumed ?? -1) - (a.cells.consumed ?? -1) || compareText(a.id, b.id));
    return {
      data: {
        kind: 'table',
        columns: [
          { key: 'team', label: 'Team', kind: 'text' },
          { key: 'namespaces', label: 'Namespaces', kind: 'link' },
          { key: 'availability', label: `Availability, ${WINDOW}`, unit: 'ratio', kind: 'number' },
          { key: 'consumed', label: 'Budget used, 99.9% objective', unit: 'ratio', kind: 'number' },
          { key: 'errors', label: 'Failed requests', unit: 'count', kind: 'number' },
          { key: 'requests', label: 'Requests', unit: 'count', kind: 'number' },
        ],
        rows,
        ...(rows.length === 0 ? { detail: `No requests in the ${WINDOW} before the end of the range` } : {}),
      },
      warnings: [],
    };
  },
});
