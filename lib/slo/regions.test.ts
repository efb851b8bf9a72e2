import { describe, expect, it } from 'vitest';
import { regionStatuses, withRegions, worstRegion } from './regions';
import { sloSpecSchema, type SloSpec } from './spec';
import { buildStatus, statusWindows, type WindowCounts } from './status';
import { sloStatusSchema } from './status-schema';

const TIME = 1_790_856_000;
const spec: SloSpec = sloSpecSchema.parse({
  name: 'reviews',
  service: 'reviews',
  namespace: 'shop',
  team: 'storefront',
  indicator: { type: 'availability' },
  objective: 99.9,
  window: '30d',
  perRegion: true,
});

const HOURS: Record<string, number> = { '5m': 1 / 12, '30m': 0.5, '1h': 1, '2h': 2, '6h': 6, '1d': 24, '3d': 72, '30d': 720 };

/** The same error ratio in every window except those overridden, `perHour` events an hour. */
function steady(ratio: number, perHour: number, overrides: Record<string, WindowCounts> = {}): Record<string, WindowCounts> {
  const counts: Record<string, WindowCounts> = {};
  for (const w of statusWindows(spec)) counts[w] = { bad: ratio * perHour * (HOURS[w] ?? 1), total: perHour * (HOURS[w] ?? 1) };
  return { ...counts, ...overrides };
}

describe('regionStatuses', () => {
  // us-east: 0.05% errors (burn 0.5). eu-west: 0.05% for a month, but 40% in the last 5m and 1h
  // (a partition): 1h burn 400 > 14.4 and 5m burn 400 > 14.4, so its 1h/5m page fires.
  const counts = {
    'us-east': steady(0.0005, 54_000),
    'eu-west': steady(0.0005, 36_000, { '5m': { bad: 1200, total: 3000 }, '1h': { bad: 14_400, total: 36_000 } }),
  };
  const regions = regionStatuses(spec, counts, TIME);

  it('gives each region the top level shapes, worst (paging) first', () => {
    expect(regions.map((r) => r.region)).toEqual(['eu-west', 'us-east']);
    const parsed = sloStatusSchema.parse({ ...buildStatus(spec, counts['us-east'], TIME), regions, worstRegion: 'eu-west' });
    expect(parsed.regions).toEqual(regions);
  });

  it('computes burn rates from each region own counts: errors / requests / (1 - objective)', () => {
    const [eu, us] = regions;
    expect(eu?.burnRates['1h']).toBeCloseTo(0.4 / 0.001, 9);
    expect(eu?.burnRates['5m']).toBeCloseTo(400, 9);
    expect(us?.burnRates['1h']).toBeCloseTo(0.5, 9);
    expect(us?.sli).toBeCloseTo(0.9995, 12);
    expect(us?.errorBudget.remaining).toBeCloseTo(0.5, 12);
  });

  it('fires the page of the partitioned region only', () => {
    const [eu, us] = regions;
    expect(eu?.alerts.find((a) => a.severity === 'page' && a.longWindow === '1h')?.firing).toBe(true);
    expect(us?.alerts.some((a) => a.firing)).toBe(false);
    expect(worstRegion(regions)).toBe('eu-west');
  });

  it('without firing alerts, the region with the least budget left is the worst', () => {
    const calm = regionStatuses(spec, { a: steady(0.0002, 1000), b: steady(0.0008, 1000), c: steady(0.0008, 1000) }, TIME);
    expect(calm.map((r) => r.region)).toEqual(['b', 'c', 'a']);
    expect(calm[0]?.errorBudget.remaining).toBeCloseTo(0.2, 12);
  });

  it('names no worst region without regional traffic, and none without regions', () => {
    const idle = regionStatuses(spec, { a: steady(0, 0) }, TIME);
    expect(idle[0]?.sli).toBeNull();
    expect(worstRegion(idle)).toBeNull();
    expect(worstRegion([])).toBeNull();
  });

  it('withRegions keeps the top level as given and adds regions and the worst one', () => {
    const top = buildStatus(spec, steady(0.001, 90_000), TIME);
    const status = withRegions(top, spec, counts, TIME);
    expect(status.sli).toBe(top.sli);
    expect(status.worstRegion).toBe('eu-west');
    expect(status.regions).toHaveLength(2);
  });
});
