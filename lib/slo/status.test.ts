import { describe, expect, it } from 'vitest';
import { sloSpecSchema, type SloSpec } from './spec';
import { buildStatus, statusWindows, type WindowCounts } from './status';
import { sloStatusSchema } from './status-schema';

const TIME = 1_790_856_000;
const spec = (patch: Partial<Record<string, unknown>> = {}): SloSpec =>
  sloSpecSchema.parse({ name: 'pay', service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d', ...patch });

/** The same error ratio in every window, with `perHour` events an hour. */
function steady(s: SloSpec, ratio: number, perHour: number, overrides: Record<string, WindowCounts> = {}): Record<string, WindowCounts> {
  const counts: Record<string, WindowCounts> = {};
  for (const w of statusWindows(s)) {
    const hours = { '5m': 1 / 12, '30m': 0.5, '1h': 1, '2h': 2, '6h': 6, '1d': 24, '3d': 72, '30d': 720, '28d': 672 }[w] ?? 1;
    counts[w] = { bad: ratio * perHour * hours, total: perHour * hours };
  }
  return { ...counts, ...overrides };
}

describe('buildStatus', () => {
  it('reports every status window, the SLO window, and matches the DESIGN.md shape', () => {
    const status = buildStatus(spec(), steady(spec(), 0.0005, 25_000), TIME);
    expect(sloStatusSchema.parse(status)).toEqual(status);
    expect(Object.keys(status.burnRates)).toEqual(['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d']);
    expect(status.evaluatedAt).toBe('2026-10-01T12:00:00.000Z');
    expect(status.sli).toBeCloseTo(0.9995, 12);
    expect(status.burnRates['1h']).toBeCloseTo(0.5, 12);
    expect(status.errorBudget.consumed).toBeCloseTo(0.5, 12);
    expect(status.errorBudget.remaining).toBeCloseTo(0.5, 12);
    expect(status.timeToExhaustionSeconds).toBeNull();
    expect(status.traffic).toEqual({ events: 18_000_000, lowTraffic: false });
    expect(status.recommendation.action).toBe('none');
  });

  // payments-availability after its outage: 160% of the 30d budget spent, calm now. It read "ok".
  it('calls a spent budget exhausted, with the error-budget policy in words, though no pair fires', () => {
    const counts = steady(spec(), 0.0002, 25_000, { '30d': { bad: 0.0016 * 25_000 * 720, total: 25_000 * 720 } });
    const status = buildStatus(spec(), counts, TIME);
    expect(status.errorBudget.remaining).toBeCloseTo(-0.6, 12);
    expect(status.alerts.some((a) => a.firing)).toBe(false);
    expect(status.recommendation.action).toBe('none');
    expect(status.state).toBe('exhausted');
    expect(status.recommendation.reason).toContain('hold risky releases');
    expect(buildStatus(spec(), steady(spec(), 0.0005, 25_000), TIME).state).toBe('ok');
  });

  it('pages on a hard outage, saying which pair fired and when the budget runs out', () => {
    const counts = steady(spec(), 0.0002, 25_000, { '5m': { bad: 1800, total: 2000 }, '1h': { bad: 9000, total: 25_000 } });
    const status = buildStatus(spec(), counts, TIME);
    expect(status.alerts[0]).toEqual({ severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4, longBurnRate: 360, shortBurnRate: 900, firing: true });
    expect(status.recommendation.action).toBe('page');
    expect(status.recommendation.reason).toMatch(/^Page: the 1h\/5m page pair fired: the budget burns at 360x .* over 1h and 900x over 5m \(threshold 14.4x, 2% of the 30d budget within 1h\)/);
    // 80% left at 360x: 0.8 * 2,592,000 s / 360 = 5760 s
    expect(status.timeToExhaustionSeconds).toBe(5760);
    expect(status.recommendation.reason).toContain('80% of the 30d budget remains; at the current 1h burn rate (360x) it runs out in 1h 36m.');
  });

  it('tickets a slow burn without paging', () => {
    const status = buildStatus(spec(), steady(spec(), 0.0045, 25_000), TIME);
    expect(status.alerts.map((a) => a.firing)).toEqual([false, false, true, true]);
    expect(status.recommendation.action).toBe('ticket');
    expect(status.recommendation.reason).toMatch(/^Ticket: the 1d\/2h ticket pair fired/);
  });

  it('gives null, not 0 or NaN, without traffic', () => {
    const status = buildStatus(spec(), steady(spec(), 0, 0), TIME);
    expect(status.sli).toBeNull();
    expect(Object.values(status.burnRates).every((b) => b === null)).toBe(true);
    expect(status.errorBudget).toEqual({ consumed: null, remaining: null });
    expect(status.alerts.every((a) => !a.firing && a.longBurnRate === null)).toBe(true);
    expect(status.traffic).toEqual({ events: 0, lowTraffic: true });
    expect(JSON.stringify(status)).not.toMatch(/NaN|Infinity/);
    expect(status.recommendation.action).toBe('none');
  });

  it('turns a page on a handful of events into a ticket, with low-traffic advice', () => {
    const counts = steady(spec(), 0, 3, { '5m': { bad: 1, total: 1 }, '1h': { bad: 1, total: 2 } });
    const status = buildStatus(spec(), counts, TIME);
    expect(status.alerts[0]?.firing).toBe(true);
    expect(status.traffic.lowTraffic).toBe(true);
    expect(status.recommendation.action).toBe('ticket');
    expect(status.recommendation.reason).toMatch(/^Ticket, not page/);
    expect(status.recommendation.reason).toContain('Low traffic: 2 events in the last 1h, but the 1h/5m page pair needs at least 70');
  });

  it('flags thresholds that 100% errors cannot reach', () => {
    const s = spec({ objective: 90 });
    const status = buildStatus(s, steady(s, 1, 25_000), TIME);
    expect(status.burnRates['1h']).toBeCloseTo(10, 12);
    expect(status.alerts.map((a) => a.firing)).toEqual([false, true, true, true]);
    expect(status.recommendation.action).toBe('page');
    expect(status.recommendation.reason).toContain('The 1h/5m page pair can never fire: at 90% the highest possible burn rate is 10x');
    expect(status.errorBudget.remaining).toBeCloseTo(-9, 12);
    expect(status.timeToExhaustionSeconds).toBe(0);
    expect(status.recommendation.reason).toContain('budget is exhausted');
  });

  it('includes custom policy windows', () => {
    const s = spec({ window: '28d', policy: { alerts: [{ severity: 'page', longWindow: '4h', threshold: 10 }] } });
    expect(statusWindows(s)).toEqual(['5m', '20m', '30m', '1h', '2h', '4h', '6h', '1d', '3d', '28d']);
  });
});
