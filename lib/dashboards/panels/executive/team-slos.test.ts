import { describe, expect, it } from 'vitest';
import { istioAdapter } from '@/lib/mesh';
import type { Sample } from '@/lib/prometheus/query-schemas';
import type { SloStatus } from '@/lib/slo/status-schema';
import type { PanelParams } from '../../params';
import type { PanelContext, TableData } from '../types';
import { budgetByTeam } from './budget-by-team';
import { sloState } from '@/lib/slo/state';
import { alertingText, budgetPercent, budgetsText, summarizeTeams, summaryCells, summaryColumns, summaryText, type TeamSloInput } from './team-slos';

type Action = SloStatus['recommendation']['action'];

/** A hand-made status: only the fields the panel reads carry meaning. */
function status(name: string, remaining: number | null, action: Action, burn1h: number | null, source: 'recorded' | 'raw' = 'raw'): SloStatus {
  return {
    name,
    evaluatedAt: '2026-10-01T00:00:00Z',
    sli: remaining === null ? null : 0.999,
    errorBudget: { consumed: remaining === null ? null : 1 - remaining, remaining },
    burnRates: { '5m': 0, '1h': burn1h, '30d': remaining === null ? null : 1 - remaining },
    alerts: [],
    timeToExhaustionSeconds: null,
    traffic: { events: 1000, lowTraffic: false },
    recommendation: { action, reason: '' },
    state: sloState({ sli: remaining === null ? null : 0.999, recommendation: { action }, errorBudget: { remaining }, traffic: { lowTraffic: false } }),
    source: { '5m': source, '1h': source, '30d': source },
  };
}

const slo = (name: string, team: string, s: SloStatus | null, namespace = 'shop'): TeamSloInput => ({
  spec: { name, team, namespace, service: name },
  status: s,
  ...(s ? {} : { error: 'threshold not a bucket' }),
});

const PAYMENTS: TeamSloInput[] = [
  slo('checkout-availability', 'payments', status('checkout-availability', -0.24, 'page', 40.5), 'payments'),
  slo('payments-latency', 'payments', status('payments-latency', 0.81, 'none', 0.2), 'payments'),
  slo('refunds-availability', 'payments', status('refunds-availability', 0.5, 'ticket', 3.1, 'recorded'), 'billing'),
];

describe('team SLO summary', () => {
  it('gives a team row and a region row the same SLO columns and cells, worded for the group', () => {
    const [payments] = summarizeTeams(PAYMENTS);
    if (!payments) throw new Error('no summary');
    expect(summaryCells(payments)).toEqual({
      summary: '3 SLOs: 1 exhausted, worst budget -24%',
      remaining: -0.24,
      budgets: 'checkout-availability -24%, refunds-availability 50%, payments-latency 81%',
      alerting: '1 paging, 1 ticketing, 1 ok',
      burn1h: 40.5,
    });
    expect(summaryColumns({ remaining: '(worst SLO)' }).map((c) => c.label)).toEqual(['Summary', 'Budget remaining (worst SLO)', 'SLOs, least budget first', 'SLO status', 'Fastest burn rate, 1h (1 = on budget)']);
    expect(summaryColumns({ remaining: '(x)', alerting: 'in the region' })[3]?.label).toBe('SLO status in the region');
  });

  it('counts and takes extremes across a team: exhausted budgets, worst budget, fastest burn, never an average', () => {
    const [payments] = summarizeTeams(PAYMENTS);
    expect(payments).toMatchObject({ team: 'payments', namespaces: ['billing', 'payments'], slos: 3, exhausted: 1, paging: 1, ticketing: 1, spent: 0, ok: 1 });
    // The mean of -24%, 81% and 50% would be 35.7%: a healthy-looking number for a team whose budget is spent.
    expect(payments?.budgets.map((b) => b.name)).toEqual(['checkout-availability', 'refunds-availability', 'payments-latency']);
    expect(payments?.fastestBurn1h).toBe(40.5);
    expect(payments?.source).toBe('mixed');
    if (!payments) throw new Error('no summary');
    expect(summaryText(payments)).toBe('3 SLOs: 1 exhausted, worst budget -24%');
    expect(budgetsText(payments)).toBe('checkout-availability -24%, refunds-availability 50%, payments-latency 81%');
    expect(budgetsText(payments, 1)).toBe('checkout-availability -24%, 2 more');
    const excluding = { ...status('refunds-availability', 0.5, 'ticket', 3.1), maintenance: { windows: 1, seconds: 3600, events: 10 } };
    const [withMaintenance] = summarizeTeams([slo('refunds-availability', 'payments', excluding)]);
    expect(withMaintenance && budgetsText(withMaintenance)).toBe('refunds-availability 50% (excl. maintenance)');
    expect(alertingText(payments)).toBe('1 paging, 1 ticketing, 1 ok');
    expect(payments.health).toEqual({ level: 'failing', reason: 'SLO checkout-availability pages, error budget exhausted' });
  });

  it.each<[string, TeamSloInput[], string, string, string]>([
    ['one healthy SLO', [slo('a', 't', status('a', 0.9, 'none', 0.5))], '1 SLO: worst budget 90%', '0 paging, 0 ticketing, 1 ok', 'ok'],
    ['a ticket only', [slo('a', 't', status('a', 0.7, 'ticket', 2))], '1 SLO: worst budget 70%', '0 paging, 1 ticketing, 0 ok', 'warning'],
    // The budget column says 30 %; the verdict (lib/health) only raises on an alert or a spent budget.
    ['less than half left, no alert', [slo('a', 't', status('a', 0.3, 'none', 0.1))], '1 SLO: worst budget 30%', '0 paging, 0 ticketing, 1 ok', 'ok'],
    // A spent budget is "exhausted" in the status column too, never "ok" next to a warning.
    ['budget spent exactly, no alert now', [slo('a', 't', status('a', 0, 'none', 0))], '1 SLO: 1 exhausted, worst budget 0.0%', '0 paging, 0 ticketing, 1 exhausted, 0 ok', 'warning'],
    [
      'no traffic in the window',
      [slo('a', 't', status('a', null, 'none', null))],
      '1 SLO: no traffic in the SLO window',
      '0 paging, 0 ticketing, 0 ok, 1 too little traffic to judge',
      'idle',
    ],
    [
      'one SLO not evaluated',
      [slo('a', 't', status('a', 0.95, 'none', 0.1)), slo('b', 't', null)],
      '2 SLOs: worst budget 95%, 1 not evaluated',
      '0 paging, 0 ticketing, 1 ok',
      'ok',
    ],
    ['nothing evaluated', [slo('b', 't', null)], '1 SLO: no traffic in the SLO window, 1 not evaluated', '0 paging, 0 ticketing, 0 ok', 'idle'],
  ])('%s', (_name, inputs, summary, alerting, level) => {
    const [s] = summarizeTeams(inputs);
    if (!s) throw new Error('no summary');
    expect(summaryText(s)).toBe(summary);
    expect(alertingText(s)).toBe(alerting);
    expect(s.health.level).toBe(level);
  });

  it('says exhausted, not ok, in the status of a team whose only SLO has spent its budget (issue 10)', () => {
    const [s] = summarizeTeams([slo('a', 't', status('a', -0.1, 'none', 0.5))]);
    if (!s) throw new Error('no summary');
    expect(s.health).toEqual({ level: 'warning', reason: 'SLO a: error budget exhausted' });
    expect(alertingText(s)).toBe('0 paging, 0 ticketing, 1 exhausted, 0 ok');
  });

  it('gives each team its own row, in name order', () => {
    const teams = summarizeTeams([...PAYMENTS, slo('cart', 'storefront', status('cart', 0.99, 'none', 0.1))]);
    expect(teams.map((t) => [t.team, t.slos])).toEqual([
      ['payments', 3],
      ['storefront', 1],
    ]);
  });

  it.each([
    [-0.2437, '-24%'],
    [0.8149, '81%'],
    [0.0449, '4.5%'],
    [-0.0004, '0.0%'],
    [1, '100%'],
  ])('reads a budget of %s as %s', (remaining, text) => {
    expect(budgetPercent(remaining)).toBe(text);
  });
});

describe('error budget by team panel', () => {
  const ctx: PanelContext = { mesh: istioAdapter, config: { teams: { payments: 'payments', shop: 'storefront', platform: 'platform' } } };
  const p: PanelParams = { start: 1_790_852_400, end: 1_790_856_000, step: 15, namespace: undefined, service: undefined };
  const ns = (namespace: string, value: number): Sample => ({ labels: { destination_service_namespace: namespace }, timeMs: p.end * 1000, value });
  const results = { requests: [ns('payments', 10), ns('shop', 100), ns('platform', 1)], errors: [ns('payments', 1), ns('shop', 0.05)] };

  it('shows SLO figures for teams with SLOs and labelled availability for the others, least budget first', () => {
    const data = budgetByTeam.transform(results, p, ctx, PAYMENTS).data as TableData;
    expect(data.rows.map((r) => r.id)).toEqual(['payments', 'storefront', 'platform']);
    const [payments, storefront, platform] = data.rows;
    expect(payments?.cells).toMatchObject({
      team: { text: 'payments', href: '/slos?team=payments' },
      summary: '3 SLOs: 1 exhausted, worst budget -24%',
      remaining: -0.24,
      alerting: '1 paging, 1 ticketing, 1 ok',
      burn1h: 40.5,
      availability: null,
    });
    // The payments namespace's raw 10% errors are not shown: the team is measured by its SLOs.
    expect(payments?.cells.namespaces).toBe('billing, payments');
    // storefront: 0.05 of 100 req/s failing is 0.05%, half of a 99.9% budget.
    expect(storefront?.cells).toMatchObject({ team: 'storefront', summary: 'no SLO defined: availability vs 99.9%', alerting: null, burn1h: null });
    expect(storefront?.cells.availability).toBeCloseTo(0.9995, 12);
    expect(storefront?.cells.remaining).toBeCloseTo(0.5, 9);
    expect(platform?.cells.remaining).toBe(1);
    expect(data.detail).toBeUndefined();
  });

  it('escapes a team name in its link', () => {
    const data = budgetByTeam.transform({ requests: [], errors: [] }, p, ctx, [slo('a', 'r&d team', status('a', 1, 'none', 0))]).data as TableData;
    expect(data.rows[0]?.cells.team).toEqual({ text: 'r&d team', href: '/slos?team=r%26d+team' });
  });

  it('leaves out the columns no row fills', () => {
    const keys = (data: unknown) => (data as TableData).columns.map((c) => c.key);
    expect(keys(budgetByTeam.transform(results, p, ctx, PAYMENTS).data)).toEqual(['team', 'summary', 'remaining', 'budgets', 'alerting', 'burn1h', 'availability', 'namespaces']);
    // A fresh install: no SLO, so no SLO columns.
    expect(keys(budgetByTeam.transform(results, p, ctx, []).data)).toEqual(['team', 'summary', 'remaining', 'availability', 'namespaces']);
    // Every team has SLOs: no namespace availability column.
    expect(keys(budgetByTeam.transform({ requests: [], errors: [] }, p, ctx, PAYMENTS).data)).toEqual(['team', 'summary', 'remaining', 'budgets', 'alerting', 'burn1h', 'namespaces']);
  });

  it('is never empty while there is traffic, and says why when there is none', () => {
    expect((budgetByTeam.transform(results, p, ctx, []).data as TableData).rows).toHaveLength(3);
    expect((budgetByTeam.transform({ requests: [], errors: [] }, p, ctx, []).data as TableData).detail).toMatch(/No SLOs, and no requests/);
  });
});
