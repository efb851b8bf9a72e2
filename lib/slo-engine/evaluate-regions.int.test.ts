// Per-region statuses of a perRegion SLO over the fixture's two-cluster history (a real Prometheus),
// against the simulator's own per-cluster counts, summed per region here: truth errors / requests over
// each window, / (1 - objective). At the regional partition (eu-west cannot reach us-east) the eu-west
// region of shop/reviews pages while us-east does not. The same assertions run on Istio and Linkerd.
import { describe, expect, inject, it } from 'vitest';
import { createPrometheusClient } from '@/lib/prometheus';
import { createModel, TEST_HISTORY_DAYS } from '@/scripts/simulator';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import type { SloStatus } from '@/lib/slo/status-schema';
import { windowSeconds } from '@/lib/slo/windows';
import { errorRatioRecord, sloRuleGroups, type RecordingRule } from '@/lib/slo/rules/rules';
import { isRegionGrouped } from '@/lib/slo/rules/region-rules';
import { evaluateSlos } from './evaluate';

const { seed, anchor } = inject('fixture');
const HISTORY_START = anchor - TEST_HISTORY_DAYS * 86_400;

const slo = (name: string, service: string, indicator: unknown = { type: 'availability' }, objective = 99.9): SloSpec =>
  sloSpecSchema.parse({ name, service, namespace: 'shop', team: 'storefront', indicator, objective, window: '30d', perRegion: true });
const SPECS = [slo('reviews-availability', 'reviews'), slo('reviews-latency', 'reviews', { type: 'latency', thresholdMs: 100 }, 99), slo('cart-availability', 'cart')];

describe.each(FIXTURE_MESHES)('per-region SLO statuses against the simulator truth (%s)', (mesh) => {
  const model = createModel({ seed, anchor, mesh });
  const client = createPrometheusClient({ baseUrl: inject('prometheusUrls')[mesh], timeoutMs: 60_000 });
  const sli = FIXTURE_SLI[mesh];
  // The simulator's own clusters and regions, as MESHWATCH_REGIONS says them.
  const regions = Object.fromEntries(model.facts.clusters.map((c) => [c.cluster, c.region]));
  const partition = model.timeline.find((e) => e.id === 'region-partition');
  if (!partition || partition.end === null) throw new Error('no region partition in the story');
  const TIMES = { 'partition + 20 min': partition.start + 20 * 60, 'partition end + 5 min': partition.end + 5 * 60, anchor };

  /** Truth per region over [max(time - window, history start), time]: each region's clusters summed. */
  function truthBurns(spec: SloSpec, time: number, window: string): Map<string, number | null> {
    const from = Math.max(time - windowSeconds(window), HISTORY_START);
    const t = model.truth(from, time).services.find((s) => s.id === `${spec.namespace}/${spec.service}`);
    if (!t) throw new Error(`no truth for ${spec.name}`);
    const sums = new Map<string, { bad: number; total: number }>();
    for (const c of t.byCluster) {
      let bad = c.errors;
      let total = c.requests;
      if (spec.indicator.type === 'latency') {
        const threshold = spec.indicator.thresholdMs;
        total = c.latencyBuckets.at(-1)?.count ?? 0;
        bad = total - (c.latencyBuckets.find((b) => b.le === threshold)?.count ?? 0);
      }
      const sum = sums.get(c.region) ?? { bad: 0, total: 0 };
      sums.set(c.region, { bad: sum.bad + bad, total: sum.total + total });
    }
    return new Map([...sums].map(([region, s]) => [region, s.total === 0 ? null : s.bad / s.total / ((100 - spec.objective) / 100)]));
  }

  const cache = new Map<number, { statuses: Map<string, SloStatus>; queryCount: number }>();
  async function statusOf(time: number, name: string): Promise<SloStatus> {
    let found = cache.get(time);
    if (!found) {
      const { evaluations, queryCount } = await evaluateSlos(SPECS, { client, time, sli, regions, recorded: false });
      found = { statuses: new Map(evaluations.map((e) => [e.name, e.status as SloStatus])), queryCount };
      cache.set(time, found);
    }
    const s = found.statuses.get(name);
    if (!s) throw new Error(`no status for ${name}`);
    return s;
  }

  const cases = Object.entries(TIMES).flatMap(([label, time]) => SPECS.map((spec) => [label, spec.name, time, spec] as const));

  it.each(cases)('%s: %s per-region burn rates and budgets equal the truth', async (_label, _name, time, spec) => {
    const status = await statusOf(time, spec.name);
    const expectedRegions = [...new Set(model.services.find((s) => s.id === `${spec.namespace}/${spec.service}`)?.clusters.map((c) => regions[c]) ?? [])].sort();
    expect(status.regions?.map((r) => r.region).sort()).toEqual(expectedRegions);
    for (const region of status.regions ?? []) {
      for (const [window, burn] of Object.entries(region.burnRates)) {
        const truth = truthBurns(spec, time, window).get(region.region) ?? null;
        // Prometheus extrapolates a window reaching before the history by up to half a sample interval.
        const tol = time - windowSeconds(window) < HISTORY_START ? 1e-4 : 1e-9;
        if (truth === null) expect(burn, `${region.region} ${window}`).toBeNull();
        else expect(Math.abs((burn ?? Number.NaN) - truth), `${region.region} ${window}`).toBeLessThanOrEqual(tol * Math.max(truth, 1e-9));
      }
      const month = truthBurns(spec, time, spec.window).get(region.region) ?? null;
      expect(region.errorBudget.consumed).toBeCloseTo(month ?? Number.NaN, 3);
    }
  });

  it('evaluates the regions with one more query per window and indicator kind, not one per region or SLO', async () => {
    await statusOf(anchor, 'reviews-availability');
    // Raw: 8 windows (5m ... 3d, 30d) x 2 kinds for the totals, and as many grouped by cluster.
    expect(cache.get(anchor)?.queryCount).toBe(32);
  });

  it('at the partition, eu-west of shop/reviews pages and us-east does not; the worst region is named', async () => {
    const status = await statusOf(TIMES['partition + 20 min'], 'reviews-availability');
    const eu = status.regions?.find((r) => r.region === 'eu-west');
    const us = status.regions?.find((r) => r.region === 'us-east');
    const page = (r: typeof eu) => r?.alerts.find((a) => a.severity === 'page' && a.longWindow === '1h');
    expect(page(eu)).toMatchObject({ firing: true });
    expect(page(eu)?.longBurnRate ?? 0).toBeGreaterThan(14.4);
    expect(us?.alerts.filter((a) => a.severity === 'page').some((a) => a.firing)).toBe(false);
    expect(status.worstRegion).toBe('eu-west');
    // Truth: eu-west's reviews answered far more than 14.4x the budget's error ratio over the last hour.
    expect(truthBurns(SPECS[0] as SloSpec, TIMES['partition + 20 min'], '1h').get('eu-west') ?? 0).toBeGreaterThan(14.4);
  });

  it('a service served from one cluster has one region, and SLOs not perRegion have none', async () => {
    const cart = await statusOf(anchor, 'cart-availability');
    expect(cart.regions?.map((r) => r.region)).toEqual(['us-east']);
    expect(cart.regions?.[0]?.burnRates['1h']).toBeCloseTo(cart.burnRates['1h'] ?? Number.NaN, 9);
    const plain = sloSpecSchema.parse({ ...SPECS[0], name: 'plain', perRegion: false });
    const { evaluations } = await evaluateSlos([plain], { client, time: anchor, sli, regions });
    expect(evaluations[0]?.status?.regions).toBeUndefined();
  });

  it('the region-grouped recording rules, evaluated by Prometheus, give the status per-region ratios (the alerts read them)', async () => {
    const time = TIMES['partition + 20 min'];
    for (const spec of SPECS) {
      const status = await statusOf(time, spec.name);
      const rules = sloRuleGroups(spec, sli, undefined, regions).flatMap((g) => g.rules.filter((r): r is RecordingRule => 'record' in r && isRegionGrouped(r.expr)));
      expect(rules.length).toBeGreaterThan(0);
      for (const rule of rules.filter((r) => r.record.startsWith('slo:sli_error'))) {
        const window = rule.record.replace('slo:sli_error:ratio_rate', '');
        expect(rule.record).toBe(errorRatioRecord(window));
        const result = await client.instantQuery(rule.expr, { time });
        const samples = result.resultType === 'vector' ? result.samples : [];
        for (const region of status.regions ?? []) {
          const value = samples.find((x) => x.labels.region === region.region)?.value ?? null;
          const burn = region.burnRates[window] ?? null;
          if (burn === null) expect(value).toBeNull();
          else expect(Math.abs((value ?? Number.NaN) - burn * ((100 - spec.objective) / 100))).toBeLessThanOrEqual(1e-9 * Math.max(burn, 1e-9));
        }
        expect(samples.map((x) => x.labels.region).sort()).toEqual((status.regions ?? []).filter((r) => r.burnRates[window] !== null).map((r) => r.region).sort());
      }
    }
  });
});
