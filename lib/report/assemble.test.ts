import { describe, expect, it } from 'vitest';
import { periodFigures, sortIncidents, teamRows } from './assemble';
import type { ReportSlo } from './schema';

describe('periodFigures', () => {
  it.each([
    // bad, total, objective -> sli, budget consumed (error ratio / (1 - objective)), met
    [0, 1000, 99.9, 1, 0, true],
    [1, 1000, 99.9, 0.999, 1, true], // exactly on the objective: met
    [2, 1000, 99.9, 0.998, 2, false],
    [5, 1000, 99, 0.995, 0.5, true],
    [1000, 1000, 99.9, 0, 1000, false],
  ])('%d bad of %d at %d%% -> SLI %d, budget %d, met %s', (bad, total, objective, sli, budget, met) => {
    const f = periodFigures({ bad, total }, objective);
    expect(f.sli).toBeCloseTo(sli, 12);
    expect(f.budgetConsumed).toBeCloseTo(budget, 9);
    expect(f.met).toBe(met);
  });

  it('has no figures without traffic or counts', () => {
    expect(periodFigures({ bad: 0, total: 0 }, 99.9)).toEqual({ sli: null, budgetConsumed: null, met: null });
    expect(periodFigures(null, 99.9)).toEqual({ sli: null, budgetConsumed: null, met: null });
    expect(periodFigures({ bad: Number.NaN, total: 10 }, 99.9)).toEqual({ sli: null, budgetConsumed: null, met: null });
  });
});

const row = (name: string, team: string, budgetConsumed: number | null): ReportSlo => ({
  name,
  team,
  service: name,
  namespace: 'ns',
  objective: 99.9,
  sli: budgetConsumed === null ? null : 1 - budgetConsumed / 1000,
  budgetConsumed,
  met: budgetConsumed === null ? null : budgetConsumed <= 1,
  previous: { sli: null, budgetConsumed: null, met: null },
});

describe('teamRows', () => {
  it('counts SLOs met per team and keeps the least budget left, teams by name', () => {
    expect(teamRows([row('a', 'web', 0.2), row('b', 'pay', 1.5), row('c', 'web', 0.6), row('d', 'web', null)])).toEqual([
      { team: 'pay', slos: 1, met: 0, worstBudgetRemaining: -0.5 },
      { team: 'web', slos: 3, met: 2, worstBudgetRemaining: 0.4 },
    ]);
  });

  it('has no worst budget when no SLO of the team has figures', () => {
    expect(teamRows([row('a', 'idle', null)])).toEqual([{ team: 'idle', slos: 1, met: 0, worstBudgetRemaining: null }]);
  });
});

describe('sortIncidents', () => {
  it('puts the longest first, then the earliest', () => {
    const inc = (slo: string, start: number, durationSeconds: number) => ({ slo, severity: 'page' as const, start, end: start + durationSeconds, durationSeconds, budgetConsumed: 0 });
    expect(sortIncidents([inc('a', 10, 60), inc('b', 5, 600), inc('c', 1, 60)]).map((i) => i.slo)).toEqual(['b', 'c', 'a']);
  });
});
