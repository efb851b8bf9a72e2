import { describe, expect, it } from 'vitest';
import { istioAdapter } from '@/lib/mesh';
import { withRegions } from '@/lib/slo/regions';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import { buildStatus, statusWindows, type WindowCounts } from '@/lib/slo/status';
import type { PanelParams } from '../../params';
import { panelQueries } from '../run';
import type { PanelContext, TableData } from '../types';
import { budgetByRegion, NO_REGIONAL_SLO } from './budget-by-region';
import type { TeamSloInput } from './team-slos';

const TIME = 1_790_856_000;
const p: PanelParams = { start: TIME - 3600, end: TIME, step: 15, namespace: undefined, service: undefined };
const ctx: PanelContext = { mesh: istioAdapter, config: { teams: {}, regions: { 'prod-us-east': 'us-east', 'prod-eu-west': 'eu-west' } } };
const HOURS: Record<string, number> = { '5m': 1 / 12, '30m': 0.5, '1h': 1, '2h': 2, '6h': 6, '1d': 24, '3d': 72, '30d': 720 };

const spec = (name: string, team = 'storefront'): SloSpec =>
  sloSpecSchema.parse({ name, service: name, namespace: 'shop', team, indicator: { type: 'availability' }, objective: 99.9, window: '30d', perRegion: true });

/** `ratio` errors in every window but those overridden, `perHour` requests an hour. */
function steady(s: SloSpec, ratio: number, perHour: number, overrides: Record<string, WindowCounts> = {}): Record<string, WindowCounts> {
  return { ...Object.fromEntries(statusWindows(s).map((w) => [w, { bad: ratio * perHour * (HOURS[w] ?? 1), total: perHour * (HOURS[w] ?? 1) }])), ...overrides };
}

/** An SLO whose eu-west region fails 40% of its requests over the last hour (a partition), us-east healthy. */
function input(name: string, euMonthRatio: number): TeamSloInput {
  const s = spec(name);
  const eu = steady(s, euMonthRatio, 4000, { '5m': { bad: 133, total: 333 }, '1h': { bad: 1600, total: 4000 } });
  const us = steady(s, 0.0002, 6000);
  return { spec: s, status: withRegions(buildStatus(s, steady(s, 0.0005, 10_000), TIME), s, { 'eu-west': eu, 'us-east': us }, TIME) };
}

describe('budget burn by region panel', () => {
  const loaded = [input('reviews', 0.0008), input('ratings', 0.0003), { spec: spec('plain'), status: buildStatus(spec('plain'), steady(spec('plain'), 0.01, 100), TIME) }];

  it('one row per region, least budget first: the worst SLO there, its paging, and the fastest 1h burn', () => {
    const data = budgetByRegion.transform({}, p, ctx, loaded).data as TableData;
    expect(data.rows.map((r) => r.id)).toEqual(['eu-west', 'us-east']);
    const [eu, us] = data.rows;
    // eu-west: reviews 0.08% over 30 days is 80% of a 99.9% budget consumed, so 20% left (hand computed).
    expect(eu?.cells.remaining).toBeCloseTo(0.2, 9);
    expect(eu?.cells.summary).toBe('2 SLOs: worst budget 20%');
    expect(eu?.cells.alerting).toBe('2 paging, 0 ticketing, 0 ok');
    // 1600 of 4000 requests in the last hour failed: 0.4 / 0.001 = 400.
    expect(eu?.cells.burn1h).toBeCloseTo(400, 9);
    expect(eu?.health).toMatchObject({ level: 'failing' });
    expect(us?.cells.remaining).toBeCloseTo(0.8, 9);
    expect(us?.cells.alerting).toBe('0 paging, 0 ticketing, 2 ok');
    expect(us?.cells.burn1h).toBeCloseTo(0.2, 9);
  });

  it('counts only SLOs evaluated per region, and says how to get some', () => {
    const data = budgetByRegion.transform({}, p, ctx, [loaded[2] as TeamSloInput]).data as TableData;
    expect(data.rows).toEqual([]);
    expect(data.detail).toBe(NO_REGIONAL_SLO);
  });

  it('runs no fixed query (its figures are the bulk evaluation\'s) and is unsupported without regions', () => {
    expect(panelQueries(budgetByRegion, p, ctx)).toEqual([]);
    expect(budgetByRegion.unsupported?.(ctx)).toBeUndefined();
    expect(budgetByRegion.unsupported?.({ ...ctx, config: { teams: {} } })?.howToEnable).toContain('MESHWATCH_REGIONS');
  });
});
