import { describe, expect, it } from 'vitest';
import type { SloSpec } from '@/lib/slo/spec';
import type { SloStatus } from '@/lib/slo/status-schema';
import { filterRows, filterTeam, groupRows, joinRows, sortRows, teamOptions } from './slo-list-model';

const spec = (name: string, team: string, service: string): SloSpec => ({
  name,
  team,
  service,
  namespace: 'shop',
  indicator: { type: 'availability' },
  objective: 99.9,
  window: '30d',
});
const status = (name: string, remaining: number | null): SloStatus => ({
  name,
  evaluatedAt: '2026-10-01T00:00:00Z',
  sli: 0.999,
  errorBudget: { consumed: remaining === null ? null : 1 - remaining, remaining },
  burnRates: {},
  alerts: [],
  timeToExhaustionSeconds: null,
  traffic: { events: 10, lowTraffic: false },
  recommendation: { action: 'none', reason: '' },
  state: remaining !== null && remaining <= 0 ? 'exhausted' : 'ok',
});

const specs = [spec('a', 'web', 'cart'), spec('b', 'web', 'checkout'), spec('c', 'pay', 'payments'), spec('d', 'web', 'cart')];
const statuses = { evaluatedAt: '2026-10-01T00:00:00Z', statuses: [status('a', 0.5), status('b', -0.2), status('c', 0.9)], errors: [{ name: 'd', code: 'x', message: 'boom' }], queryCount: 3 };

describe('SLO list rows', () => {
  it('joins statuses and errors by name', () => {
    const rows = joinRows(specs, statuses);
    expect(rows.map((r) => [r.spec.name, r.status?.errorBudget.remaining ?? null, r.error ?? null])).toEqual([
      ['a', 0.5, null],
      ['b', -0.2, null],
      ['c', 0.9, null],
      ['d', null, 'boom'],
    ]);
  });

  it('puts a failed status request on every row', () => {
    expect(joinRows(specs, undefined, 'down').every((r) => r.error === 'down')).toBe(true);
  });

  it.each([
    ['budget-asc', ['b', 'a', 'c', 'd']],
    ['budget-desc', ['c', 'a', 'b', 'd']],
    ['name', ['a', 'b', 'c', 'd']],
  ] as const)('sorts by %s with unknown budgets last', (key, expected) => {
    expect(sortRows(joinRows(specs, statuses), key).map((r) => r.spec.name)).toEqual(expected);
  });

  it('searches name, service and team', () => {
    expect(filterRows(joinRows(specs, statuses), 'PAY').map((r) => r.spec.name)).toEqual(['c']);
    expect(filterRows(joinRows(specs, statuses), 'cart').map((r) => r.spec.name)).toEqual(['a', 'd']);
  });

  it.each([
    ['web', ['a', 'b', 'd']],
    ['pay', ['c']],
    // Exact match: the executive dashboard links a team by name, not a search for it.
    ['we', []],
    [null, ['a', 'b', 'c', 'd']],
    ['', ['a', 'b', 'c', 'd']],
  ] as const)('filters ?team=%s', (team, expected) => {
    expect(filterTeam(joinRows(specs, statuses), team).map((r) => r.spec.name)).toEqual(expected);
  });

  it('offers each team once, and the URL team even without SLOs', () => {
    expect(teamOptions(specs, null)).toEqual(['pay', 'web']);
    expect(teamOptions(specs, 'storefront')).toEqual(['pay', 'storefront', 'web']);
  });

  it('groups by team then service, in row order', () => {
    const groups = groupRows(sortRows(joinRows(specs, statuses), 'budget-asc'));
    expect(groups.map((g) => [g.team, g.services.map((s) => `${s.service}:${s.rows.map((r) => r.spec.name).join('')}`)])).toEqual([
      ['web', ['checkout:b', 'cart:ad']],
      ['pay', ['payments:c']],
    ]);
  });
});
