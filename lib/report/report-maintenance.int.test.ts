// Maintenance windows in the monthly report and in backtests, over the fixture history: a window over
// the payments outage marks the payments page (report incident and backtest episode) and is listed; a
// window of another service marks nothing of payments'; the payments SLO, which excludes maintenance,
// reports the truth over the month minus the truth inside its window (model.truth(), computed here).
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { GET as backtest } from '@/app/api/slos/[name]/backtest/route';
import { backtestResultSchema } from '@/lib/slo/backtest/schema';
import { sloSpecSchema } from '@/lib/slo/spec';
import { getMaintenanceStore, type MaintenanceStore } from '@/lib/store';
import { createModel, TEST_HISTORY_DAYS } from '@/scripts/simulator';
import { withTempSloStore } from '@/scripts/testing/temp-slo-store';
import { fetchReport } from './report-int-helpers';
import type { Report } from './schema';

const { seed, anchor } = inject('fixture');
const model = createModel({ seed, anchor });
const HISTORY_START = anchor - TEST_HISTORY_DAYS * 86_400;
const SEPT_END = Date.parse('2026-10-01T00:00:00Z') / 1000;
const outage = model.timeline.find((e) => e.id === 'payments-outage');
if (!outage?.end) throw new Error('no payments outage in the story');
const slo = (name: string, service: string, namespace: string, excludeMaintenance: boolean) =>
  sloSpecSchema.parse({ name, service, namespace, team: namespace, indicator: { type: 'availability' }, objective: 99.9, window: '30d', excludeMaintenance });
const PAY_WINDOW = { start: outage.start - 600, end: outage.end + 600 };
const none = { state: 'ended' as const, id: null, error: null };

describe('maintenance in the report and backtests (fixture history, Istio)', () => {
  let windows: MaintenanceStore;
  let report: Report;
  let ids: { payments: number; cart: number };
  withTempSloStore('report-maintenance', [slo('payments-availability', 'payments', 'payments', true), slo('cart-availability', 'cart', 'shop', false)], { maintenance: true });
  beforeAll(async () => {
    windows = getMaintenanceStore();
    ids = {
      payments: windows.create({ scope: { namespace: 'payments' }, ...PAY_WINDOW, reason: 'payments database failover' }, 'alice', none).id,
      cart: windows.create({ scope: { namespace: 'shop', service: 'cart' }, start: outage.start - 600, end: outage.start + 3600, reason: 'cart cache rebuild' }, 'bob', none).id,
    };
    report = await fetchReport('2026-09', { MESH: 'istio' });
  });
  afterAll(() => {
    vi.unstubAllEnvs();
  });

  it('lists the windows of the month, earliest first', () => {
    expect(report.maintenance?.map((w) => [w.id, w.reason])).toEqual([
      [ids.payments, 'payments database failover'],
      [ids.cart, 'cart cache rebuild'],
    ]);
  });

  it("marks the payments page with the payments window only (the cart window is another service's)", () => {
    const page = report.incidents.find((i) => i.slo === 'payments-availability' && i.severity === 'page');
    expect(page?.maintenance).toEqual([ids.payments]);
    // Cart's incidents (its slow burn, the last 20 hours) lie outside both windows.
    expect(report.incidents.filter((i) => i.slo === 'cart-availability').every((i) => i.maintenance === undefined)).toBe(true);
  });

  it("reports the excluding SLO's budget as the truth minus its window's requests, and says so", () => {
    const truth = (from: number, to: number) => model.truth(from, to).services.find((s) => s.id === 'payments/payments');
    const all = truth(HISTORY_START, SEPT_END);
    const inside = truth(PAY_WINDOW.start, PAY_WINDOW.end);
    if (!all || !inside) throw new Error('no truth for payments');
    const expected = (all.errors - inside.errors) / (all.requests - inside.requests) / 0.001;
    const row = report.slos.find((s) => s.name === 'payments-availability');
    console.info(`payments budget over September: all requests ${(all.errors / all.requests / 0.001).toFixed(4)}, without the window truth ${expected.toFixed(4)}, report ${row?.budgetConsumed?.toFixed(4)}`);
    // As report.int.test.ts: increase() over the month extrapolates before the first sample.
    expect(Math.abs((row?.budgetConsumed ?? NaN) - expected)).toBeLessThanOrEqual(0.005 * expected);
    expect(row?.maintenance).toMatchObject({ windows: 1, seconds: PAY_WINDOW.end - PAY_WINDOW.start });
    expect(report.slos.find((s) => s.name === 'cart-availability')?.maintenance).toBeUndefined();
  });

  it('marks the backtest episode that overlaps the window, and lists the windows of the SLO', async () => {
    const res = await backtest(new Request(`http://meshwatch.test/api/slos/payments-availability/backtest?from=${outage.start - 86_400}&to=${PAY_WINDOW.end + 86_400}`), {
      params: Promise.resolve({ name: 'payments-availability' }),
    });
    expect(res.status).toBe(200);
    const result = backtestResultSchema.parse(await res.json());
    expect(result.maintenance?.map((w) => w.id)).toEqual([ids.payments]);
    const marked = result.episodes.filter((e) => e.maintenance);
    expect(marked.length).toBeGreaterThan(0);
    for (const e of result.episodes) {
      const overlapsWindow = e.start < PAY_WINDOW.end && (e.end === null || e.end > PAY_WINDOW.start);
      expect(e.maintenance ?? []).toEqual(overlapsWindow ? [ids.payments] : []);
    }
  });
});
