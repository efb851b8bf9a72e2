// The executive "error budget by team" panel over the fixture history, with SLOs in a temporary store:
// a team with SLOs shows the figures the SLO status API gives for the same SLO and instant (and the
// simulator's truth for the burn rate); a team without SLOs shows its namespace's availability.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withTempSloStore } from '@/scripts/testing/temp-slo-store';
import { slosStatusResponseSchema, sloStatusSchema } from '@/lib/slo';
import { sloSpecSchema } from '@/lib/slo/spec';
import { GET as sloStatus } from '../../../slos/[name]/status/route';
import { GET as allStatuses } from '../../../slos-status/route';
import { budgetPercent } from '@/lib/dashboards/panels/executive/team-slos';
import { event, model, panel, service, stat, table } from './int-helpers';

const DAY = 86_400;
const outage = event('payments-outage');
const TIME = outage.start + 20 * 60;
const SLOS = [
  { name: 'payments-availability', service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d' },
  { name: 'payments-availability-99', service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99, window: '30d' },
].map((s) => sloSpecSchema.parse(s));

withTempSloStore('budget-int', SLOS);
beforeAll(() => {
  // As the demo maps them: shop is the storefront team's, which has no SLO here.
  vi.stubEnv('MESHWATCH_TEAMS', 'shop=storefront,payments=payments,platform=platform,istio-system=platform');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

async function statusOf(name: string) {
  const res = await sloStatus(new Request(`http://meshwatch.test/api/slos/${name}/status?time=${TIME}`), { params: Promise.resolve({ name }) });
  expect(res.status).toBe(200);
  return sloStatusSchema.parse(await res.json());
}

describe('error budget by team at the payments outage + 20 min', () => {
  it('shows the payments SLOs as the status API does, paging, with the truth 1h burn rate', async () => {
    const response = await panel('executive', 'budget-by-team', { start: TIME - 3600, end: TIME });
    const row = table(response).rows.find((r) => r.id === 'payments');
    const strict = await statusOf('payments-availability');
    const loose = await statusOf('payments-availability-99');

    // The worst budget is the 99.9% SLO's (ten times less budget for the same errors).
    expect(strict.errorBudget.remaining).not.toBeNull();
    expect(row?.cells.remaining).toBeCloseTo(strict.errorBudget.remaining ?? Number.NaN, 12);
    expect(strict.recommendation.action).toBe('page');
    const count = (action: string) => [strict, loose].filter((st) => st.recommendation.action === action).length;
    expect(row?.cells.alerting).toBe(`${count('page')} paging, ${count('ticket')} ticketing, ${count('none')} ok`);
    expect(row?.cells.alerting).toMatch(/^[12] paging/);
    expect(row?.health).toMatchObject({ level: 'failing', reason: expect.stringMatching(/SLO payments-availability pages: 1h burn/) });

    // The fastest 1h burn is the 99.9% SLO's: errors/requests over the last hour, from the truth, / 0.001.
    const hour = service(model.truth(TIME - 3600, TIME), 'payments/payments');
    const truthBurn = hour.errors / hour.requests / 0.001;
    expect(row?.cells.burn1h).toBeCloseTo(strict.burnRates['1h'] ?? Number.NaN, 12);
    expect(row?.cells.burn1h).toBeCloseTo(truthBurn, 6);
    expect(truthBurn).toBeGreaterThan(14.4);

    const exhausted = [strict, loose].filter((st) => (st.errorBudget.remaining ?? 1) <= 0).length;
    expect(row?.cells.summary).toMatch(new RegExp(`^2 SLOs: ${exhausted > 0 ? `${exhausted} exhausted, ` : ''}worst budget -?[\\d.]+%$`));
    expect(row?.cells.team).toEqual({ text: 'payments', href: '/slos?team=payments' });
  });

  it('shows the storefront team, which has no SLO, with its namespace availability from the truth', async () => {
    const rows = table(await panel('executive', 'budget-by-team', { start: TIME - 3600, end: TIME })).rows;
    const shop = model.truth(TIME - 30 * DAY, TIME).services.filter((s) => s.namespace === 'shop');
    const requests = shop.reduce((sum, s) => sum + s.requests, 0);
    const errors = shop.reduce((sum, s) => sum + s.errors, 0);
    const row = rows.find((r) => r.id === 'storefront');
    expect(row?.cells.summary).toBe('no SLO defined: availability vs 99.9%');
    expect(row?.cells.availability).toBeCloseTo(1 - errors / requests, 6);
    expect(row?.cells.remaining).toBeCloseTo(1 - errors / requests / 0.001, 3);
    // Every team appears once: the payments namespace is not also shown as a team without SLOs.
    expect(rows.map((r) => r.id).sort()).toEqual(['payments', 'platform', 'storefront']);
  });

  it('runs the namespace queries plus exactly the queries of the bulk SLO status, and Inspect says they were raw', async () => {
    const response = await panel('executive', 'budget-by-team', { start: TIME - 3600, end: TIME });
    const res = await allStatuses(new Request(`http://meshwatch.test/api/slos-status?time=${TIME}`));
    const bulk = slosStatusResponseSchema.parse(await res.json());
    // 2 namespace queries; the status call: 1 read of recorded series (none in the fixture) + 8 raw windows.
    expect(bulk.queryCount).toBe(9);
    expect(response.queries).toHaveLength(2 + bulk.queryCount);
    expect(response.queries[2]?.purpose).toMatch(/0 of 16 SLO windows came from recorded series, 16 from raw counters/);
  });
});

describe('the top of / at the payments outage + 20 min, with the same SLOs', () => {
  it('names the paging SLO first and payments as failing, with the truth error ratio', async () => {
    const range = { start: TIME - 3600, end: TIME };
    const rows = table(await panel('executive', 'attention', range)).rows;
    const strict = await statusOf('payments-availability');
    expect(rows[0]).toMatchObject({ id: 'slo:payments-availability', health: { level: 'failing' }, cells: { what: 'SLO pages', name: { href: '/slos/payments-availability' } } });
    expect(rows[0]?.cells.figure).toBe(`${budgetPercent(strict.errorBudget.remaining ?? Number.NaN)} of budget left`);
    const truth = service(model.truth(range.start, range.end), 'payments/payments');
    const failing = rows.find((r) => r.id === 'service:payments/payments');
    expect(failing?.cells.what).toBe('service failing');
    expect(failing?.cells.figure).toBe(`${((truth.errorRatio ?? 0) * 100).toFixed(1)} % of requests failed over the range`);
  });

  it('never reads OK while the SLO pages, whatever the mesh-wide success', async () => {
    const r = stat(await panel('executive', 'user-success', { start: TIME - 3600, end: TIME }));
    expect(r.value ?? 0).toBeGreaterThan(0.99);
    expect(r.health).toBe('bad');
    expect(r.detail).toMatch(/SLO payments-availability pages: 1h burn/);
  });
});
