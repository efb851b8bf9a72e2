import { describe, expect, it } from 'vitest';
import { istioAdapter } from '@/lib/mesh';
import type { Sample } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import type { PanelContext, TableData } from '../types';
import { budgetByTeam, budgetConsumed, impliedSloHealth } from './budget-by-team';
import { incidents } from './incidents';
import { latencyByGroup } from './latency-by-group';
import { certExpiry, certHealth, mtlsCoverage, mtlsHealth } from './security';

const ctx: PanelContext = { mesh: istioAdapter, config: { teams: {} } };
const p: PanelParams = { start: 1_790_852_400, end: 1_790_856_000, step: 15, namespace: undefined, service: undefined };
const s = (labels: Record<string, string>, value: number): Sample => ({ labels, timeMs: p.end * 1000, value });
const ns = (namespace: string, value: number) => s({ destination_service_namespace: namespace }, value);
const rows = (data: unknown) => (data as TableData).rows;

describe('security posture', () => {
  it.each([[1, 'good'], [0.99, 'warn'], [0.95, 'warn'], [0.9, 'bad'], [null, 'unknown']] as const)('mTLS %s is %s', (ratio, health) => {
    expect(mtlsHealth(ratio)).toBe(health);
  });

  it('names the plaintext edges, busiest first', () => {
    const edge = (from: string, to: string, v: number) =>
      s({ source_workload_namespace: 'shop', source_workload: from, destination_service_namespace: 'platform', destination_service_name: to }, v);
    const { data } = mtlsCoverage.transform({ ratio: [s({}, 0.988)], plaintext: [edge('a', 'b', 0.5), edge('checkout', 'notifications', 5.47)] }, p, ctx);
    expect(data).toMatchObject({ value: 0.988, health: 'warn', detail: 'Plaintext: shop/checkout → platform/notifications (5.47 req/s), shop/a → platform/b (0.500 req/s)' });
  });

  it.each([[10, 'bad'], [13.9, 'bad'], [14, 'warn'], [29, 'warn'], [30, 'good'], [-1, 'bad'], [null, 'unknown']] as const)('a certificate %s days from expiry is %s', (days, health) => {
    expect(certHealth(days)).toBe(health);
  });

  it('reports the nearest certificate in days from the end of the range, with its name', () => {
    const expiry = [s({ __name__: 'citadel_server_cert_chain_expiry_timestamp' }, p.end + 40 * 86_400), s({ __name__: 'citadel_server_root_cert_expiry_timestamp' }, p.end + 10 * 86_400)];
    const { data } = certExpiry.transform({ expiry }, p, ctx);
    expect(data).toEqual({ kind: 'stat', value: 10, unit: 'days', health: 'bad', detail: 'Istio CA root certificate expires 2026-10-11 12:00 UTC' });
  });

  it('says which metric is missing when no certificate reports', () => {
    const { data } = certExpiry.transform({ expiry: [] }, p, ctx);
    expect(data).toMatchObject({ value: null, health: 'unknown' });
    expect(data.kind === 'stat' && data.detail).toContain('citadel_server_root_cert_expiry_timestamp');
  });
});

describe('incidents over the range', () => {
  const step = 60;
  const q: PanelParams = { ...p, step };
  /** A series firing at the given minutes after the range start (ms timestamps, as the client gives them). */
  const firing = (labels: Record<string, string>, minutes: number[]) => ({ labels, points: minutes.map((m): [number, number] => [(p.start + m * 60) * 1000, 1]) });
  const burn = (slo: string, severity: string, minutes: number[]) => firing({ alertname: 'SLOErrorBudgetBurn', slo, severity, namespace: 'shop', service: 'cart' }, minutes);
  const lastMinute = (p.end - p.start) / 60;

  it('joins the firing steps of one service into episodes with start, end and duration, still firing first', () => {
    const alerts = [
      burn('cart-availability', 'page', [10, 11, 12, 13, 14]),
      burn('cart-availability', 'ticket', [14, 15, 16]),
      firing({ alertname: 'HighErrorRate', severity: 'critical', destination_service_namespace: 'payments', destination_service_name: 'payments' }, [50, 51, 52, 53, 54, 55, 56, 57, 58, 59, lastMinute]),
      burn('cart-latency', 'ticket', [30]),
    ];
    const t = rows(incidents.transform({ alerts }, q, ctx).data);
    expect(t.map((r) => [r.cells.service, r.cells.start, r.cells.end, r.cells.duration])).toEqual([
      // payments fires from minute 50 to the end: still firing, at least 10 minutes.
      [{ text: 'payments', href: '/debug?service=payments&namespace=payments' }, p.start + 50 * 60, 'still firing', '10m+'],
      // cart, paging first: minutes 10 to 16 (page, then ticket overlapping at 14): one episode of 7 minutes.
      [{ text: 'cart', href: '/debug?service=cart&namespace=shop' }, p.start + 10 * 60, p.start + 17 * 60, '7m'],
      // cart, ticket only, minute 30 alone: one step, ends at the next step.
      [{ text: 'cart', href: '/debug?service=cart&namespace=shop' }, p.start + 30 * 60, p.start + 31 * 60, '1m'],
    ]);
    expect(t[1]).toMatchObject({ health: 'bad', cells: { alerts: 'SLOErrorBudgetBurn (page), SLOErrorBudgetBurn (ticket)', slo: { text: 'cart-availability (page)', href: '/slos/cart-availability' } } });
    expect(t[2]).toMatchObject({ health: 'warn', cells: { slo: { text: 'cart-latency (ticket)', href: '/slos/cart-latency' } } });
  });

  it('asks Prometheus for the range, says so when nothing fired, and filters by namespace in PromQL', () => {
    expect(incidents.queries(p, ctx).alerts).toMatchObject({ kind: 'range', promql: expect.stringMatching(/^max by \(alertname, severity, slo, /) });
    expect(incidents.transform({ alerts: [] }, p, ctx).data).toMatchObject({ rows: [], detail: expect.stringContaining('No alert fired during the range') });
    const ns = incidents.queries({ ...p, namespace: 'pay"ments' }, ctx);
    expect(ns.alerts.promql).toContain('ALERTS{alertstate="firing",namespace="pay\\"ments"} or ALERTS{alertstate="firing",destination_service_namespace="pay\\"ments"}');
  });
});

describe('latency by namespace', () => {
  it('joins rate, p95 and p99 per namespace, null for NaN, with the team', () => {
    const { data } = latencyByGroup.transform(
      { rate: [ns('shop', 380), ns('idle', 0)], p95: [ns('shop', 125), ns('idle', Number.NaN)], p99: [ns('shop', 236)] },
      p,
      { ...ctx, config: { teams: { shop: 'storefront' } } },
    );
    expect(rows(data).map((r) => r.cells)).toEqual([
      { namespace: { text: 'idle', href: '/oncall?namespace=idle' }, team: 'idle', rps: 0, p95: null, p99: null },
      { namespace: { text: 'shop', href: '/oncall?namespace=shop' }, team: 'storefront', rps: 380, p95: 125, p99: 236 },
    ]);
  });
});

describe('error budget by team', () => {
  const NO_SLO = 'No SLO defined; availability vs 99.9 % over 30 days';
  it.each([
    [0, 1000, 0, 'ok', `0 % of requests fail (under the 1 % warning threshold); ${NO_SLO} ok, 100 % of its budget left`],
    // All of the budget spent is never ok, though 0.1 % errors is under the 1 % threshold.
    [1, 1000, 1, 'warning', `${NO_SLO}: error budget exhausted`],
    [0.4, 1000, 0.4, 'ok', `0.04 % of requests fail (under the 1 % warning threshold); ${NO_SLO} ok, 60 % of its budget left`],
    [20, 1000, 20, 'warning', `2.0 % of requests fail (warning at 1 % or more); ${NO_SLO}: error budget exhausted`],
    [60, 1000, 60, 'failing', '6.0 % of requests fail (failing at 5 % or more)'],
  ])('%s errors in %s requests use %s of a 99.9%% budget: %s', (errors, requests, consumed, level, reason) => {
    expect(budgetConsumed(errors, requests)).toBeCloseTo(consumed, 12);
    expect(impliedSloHealth(errors, requests)).toEqual({ level, reason });
  });

  it('gives no budget figure without requests', () => {
    expect(budgetConsumed(0, 0)).toBeNull();
    expect(impliedSloHealth(0, 0).level).toBe('idle');
  });

  it('sums requests and errors of a team before dividing (never averages ratios)', () => {
    // shop: 1000 req/s with 1% errors; cart-ns: 1 req/s with 0 errors; one team owns both.
    const teams = { shop: 'storefront', 'cart-ns': 'storefront', payments: 'payments' };
    const { data } = budgetByTeam.transform(
      { requests: [ns('shop', 1000), ns('cart-ns', 1), ns('payments', 10)], errors: [ns('shop', 10), ns('payments', 0.001)] },
      p,
      { ...ctx, config: { teams } },
    );
    const [first, second] = rows(data);
    expect(first?.id).toBe('storefront');
    expect(first?.cells.namespaces).toBe('cart-ns, shop');
    expect(first?.cells.availability).toBeCloseTo(1 - 10 / 1001, 12);
    expect(first?.cells.remaining).toBeCloseTo(1 - 10 / 1001 / 0.001, 9);
    expect(first?.cells.summary).toBe('no SLO defined: availability vs 99.9%');
    // 10 / 1001 is just under 1 % errors (ok by ratio), but ten times the 99.9 % budget: spent.
    expect(first?.health).toEqual({ level: 'warning', reason: 'No SLO defined; availability vs 99.9 % over 30 days: error budget exhausted' });
    // payments: 0.001 of 10 req/s is 0.01% errors, a tenth of the budget.
    expect(second).toMatchObject({ id: 'payments', health: { level: 'ok' } });
    expect(second?.cells.remaining).toBeCloseTo(0.9, 9);
  });
});
