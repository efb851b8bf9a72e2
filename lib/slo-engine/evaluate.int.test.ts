// Statuses over the fixture history (a real Prometheus) against the simulator's own exact counts,
// computed here independently: truth errors / requests over each window, divided by (1 - objective).
// The same assertions, with the same tolerances, run on the Istio and on the Linkerd history.
import { describe, expect, inject, it } from 'vitest';
import { createPrometheusClient } from '@/lib/prometheus';
import { createModel, TEST_HISTORY_DAYS } from '@/scripts/simulator';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { evaluateSlos, findBucketBoundaries } from './evaluate';
import { errorRatioRecord, eventsRecord, sloRuleGroups, type RecordingRule } from '@/lib/slo/rules/rules';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import type { SloStatus } from '@/lib/slo/status-schema';
import { windowSeconds } from '@/lib/slo/windows';

const { seed, anchor } = inject('fixture');
const model = createModel({ seed, anchor });
const HISTORY_START = anchor - TEST_HISTORY_DAYS * 86_400;
const outage = model.timeline.find((e) => e.id === 'payments-outage');
const deploy = model.timeline.find((e) => e.id === 'catalog-deploy')?.start ?? 0;
if (!outage) throw new Error('no payments outage in the story');

const slo = (name: string, id: string, indicator: unknown = { type: 'availability' }, objective = 99.9): SloSpec => {
  const [namespace, service] = id.split('/');
  return sloSpecSchema.parse({ name, service, namespace, team: 'sre', indicator, objective, window: '30d' });
};
const SPECS = [
  slo('payments-availability', 'payments/payments'),
  slo('cart-availability', 'shop/cart'),
  slo('frontend-availability', 'shop/frontend'),
  slo('inventory-availability', 'platform/inventory'),
  slo('reviews-availability', 'shop/reviews'),
  slo('audit-export-availability', 'platform/audit-export'),
  slo('catalog-latency', 'shop/catalog', { type: 'latency', thresholdMs: 100 }, 99),
];
const TIMES = {
  'payments outage + 20 min': outage.start + 20 * 60,
  'anchor - 1h (cart slow burn)': anchor - 3600,
  anchor,
};

/** Truth over [max(time - window, history start), time]: Prometheus has no samples before the history. */
function truthBurn(spec: SloSpec, time: number, window: string): { burn: number | null; events: number } {
  const from = Math.max(time - windowSeconds(window), HISTORY_START);
  const t = model.truth(from, time).services.find((s) => s.id === `${spec.namespace}/${spec.service}`);
  if (!t) throw new Error(`no truth for ${spec.name}`);
  let bad = t.errors;
  let total = t.requests;
  if (spec.indicator.type === 'latency') {
    const threshold = spec.indicator.thresholdMs;
    total = t.latencyBuckets.at(-1)?.count ?? 0;
    bad = total - (t.latencyBuckets.find((b) => b.le === threshold)?.count ?? 0);
  }
  return { burn: total === 0 ? null : bad / total / ((100 - spec.objective) / 100), events: total };
}

/** Services with series of the old catalog pod: its own, and those of its calls to inventory. */
const REDEPLOYED = new Set(['shop/catalog', 'platform/inventory']);

/**
 * Where increase() is exact: both window ends on the sample grid and every series alive throughout.
 * A window reaching before the history extrapolates half a sample interval past the first sample;
 * one spanning the catalog deploy extrapolates past the end of the old pod's series.
 */
function tolerance(spec: SloSpec, time: number, window: string): number {
  const start = time - windowSeconds(window);
  if (start < HISTORY_START) return 1e-4;
  if (REDEPLOYED.has(`${spec.namespace}/${spec.service}`) && start < deploy) return 1e-3;
  return 1e-9;
}

const relative = (actual: number | null, expected: number | null, tol: number) => {
  if (expected === null) return expect(actual).toBeNull();
  expect(actual).not.toBeNull();
  expect(Math.abs((actual ?? 0) - expected)).toBeLessThanOrEqual(tol * Math.max(Math.abs(expected), 1e-9));
};

describe.each(FIXTURE_MESHES)('SLO statuses against the simulator truth (%s)', (mesh) => {
  const client = createPrometheusClient({ baseUrl: inject('prometheusUrls')[mesh], timeoutMs: 60_000 });
  const sli = FIXTURE_SLI[mesh];
  const statuses = new Map<number, Map<string, SloStatus>>();
  async function statusesAt(time: number) {
    let found = statuses.get(time);
    if (!found) {
      const { evaluations, queryCount } = await evaluateSlos(SPECS, { client, time, sli });
      // One query for recorded series (none in the fixture), then 8 windows (5m ... 3d, 30d) for
      // availability and 8 for latency, however many SLOs.
      expect(queryCount).toBe(17);
      found = new Map(evaluations.map((e) => [e.name, e.status as SloStatus]));
      statuses.set(time, found);
    }
    return found;
  }
  const statusOf = async (time: number, name: string) => {
    const s = (await statusesAt(time)).get(name);
    if (!s) throw new Error(`no status for ${name}`);
    return s;
  };

  const cases = Object.entries(TIMES).flatMap(([label, time]) => SPECS.map((spec) => [label, spec.name, time, spec] as const));

  it.each(cases)('%s: %s burn rates, budget, SLI and events equal the truth', async (_label, _name, time, spec) => {
    const status = await statusOf(time, spec.name);
    expect(status.evaluatedAt).toBe(new Date(time * 1000).toISOString());
    for (const window of Object.keys(status.burnRates)) {
      const truth = truthBurn(spec, time, window);
      relative(status.burnRates[window] ?? null, truth.burn, tolerance(spec, time, window));
    }
    const month = truthBurn(spec, time, spec.window);
    const tol = tolerance(spec, time, spec.window);
    relative(status.errorBudget.consumed, month.burn, tol);
    relative(status.errorBudget.remaining === null ? null : 1 - status.errorBudget.remaining, month.burn, tol);
    relative(status.sli === null ? null : (1 - status.sli) / ((100 - spec.objective) / 100), month.burn, tol);
    expect(Math.abs(status.traffic.events - month.events)).toBeLessThanOrEqual(Math.max(1, month.events * tol));
  });

  it('pages on the payments outage: the 1h/5m pair is over 14.4x', async () => {
    const status = await statusOf(TIMES['payments outage + 20 min'], 'payments-availability');
    const fast = status.alerts[0];
    expect(fast).toMatchObject({ severity: 'page', longWindow: '1h', shortWindow: '5m', threshold: 14.4, firing: true });
    expect(fast?.longBurnRate ?? 0).toBeGreaterThan(14.4);
    expect(status.recommendation.action).toBe('page');
    expect(status.recommendation.reason).toMatch(/^Page: the 1h\/5m page pair fired/);
  });

  it('tickets the cart slow burn without paging', async () => {
    const status = await statusOf(TIMES['anchor - 1h (cart slow burn)'], 'cart-availability');
    expect(status.alerts.filter((a) => a.severity === 'page').every((a) => !a.firing)).toBe(true);
    expect(status.alerts.find((a) => a.longWindow === '1d')?.firing).toBe(true);
    expect(status.recommendation.action).toBe('ticket');
    expect(status.timeToExhaustionSeconds).toBeGreaterThan(0);
  });

  it.each(['frontend-availability', 'inventory-availability', 'reviews-availability'])('keeps quiet %s quiet', async (name) => {
    const status = await statusOf(TIMES['anchor - 1h (cart slow burn)'], name);
    expect(status.alerts.some((a) => a.firing)).toBe(false);
    expect(status.recommendation.action).toBe('none');
    expect(status.traffic.lowTraffic).toBe(false);
  });

  it('flags the low-traffic service and says what to do', async () => {
    const status = await statusOf(anchor, 'audit-export-availability');
    expect(status.traffic.lowTraffic).toBe(true);
    expect(status.recommendation.reason).toContain('Low traffic:');
    expect(status.recommendation.reason).toContain('synthetic traffic');
  });

  it.each(Object.entries(TIMES))('recording rules evaluated by Prometheus give the status burn rates (%s)', async (_label, time) => {
    for (const spec of SPECS) {
      const status = await statusOf(time, spec.name);
      const rules = sloRuleGroups(spec, sli).flatMap((g) => g.rules.filter((r): r is RecordingRule => 'record' in r));
      for (const rule of rules) {
        const result = await client.instantQuery(rule.expr, { time });
        const value = result.resultType === 'vector' ? (result.samples[0]?.value ?? null) : null;
        const window = rule.record.replace(/^slo:sli_(error:ratio_rate|events:increase)/, '');
        if (rule.record === errorRatioRecord(window)) {
          const burn = status.burnRates[window] ?? null;
          relative(value, burn === null ? null : burn * ((100 - spec.objective) / 100), 1e-9);
        } else if (rule.record === eventsRecord(spec.window)) {
          expect(Math.round(value ?? 0)).toBe(status.traffic.events);
        }
      }
    }
  });

  it('finds the latency buckets in the data and rejects a threshold between them', async () => {
    expect(await findBucketBoundaries({ service: 'catalog', namespace: 'shop' }, { client, time: anchor, sli })).toEqual(model.facts.latencyBucketsMs);
    const { evaluations } = await evaluateSlos([slo('catalog-300', 'shop/catalog', { type: 'latency', thresholdMs: 300 }, 99)], { client, time: anchor, sli });
    expect(evaluations[0]?.error).toEqual({
      code: 'threshold_not_a_bucket',
      message: '300 ms is not a histogram bucket boundary in the data; nearest: 250 ms or 500 ms',
      details: { thresholdMs: 300, nearest: [250, 500] },
    });
  });
});
