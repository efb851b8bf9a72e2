// Reading the recording rules' series gives the same statuses as the raw counters, on a private real
// Prometheus over a copy of the fixture history whose recorded series are backfilled for [A-2h, A]
// with Prometheus's own rule engine (scripts/testing/recorded-fixture.ts). Run on the Istio and on the
// Linkerd history, each with its mesh's rules.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrometheusClient, type PrometheusClient } from '@/lib/prometheus';
import { createModel } from '@/scripts/simulator';
import type { PrometheusProcess } from '@/scripts/system/prometheus';
import { startRecordedFixture } from '@/scripts/testing/recorded-fixture';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import type { SliSource } from '@/lib/slo/sli-source';
import { evaluateSlos } from './evaluate';
import { eventsRecord, recordedSelector } from '@/lib/slo/rules/rules';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import type { SloStatus } from '@/lib/slo/status-schema';

const { seed, anchor } = inject('fixture');
const model = createModel({ seed, anchor });
/** The backfilled range: 2 hours, one TSDB block, ending at the history's end. */
const FROM = anchor - 7200;
const TO = anchor;

const slo = (name: string, service: string, namespace: string, indicator: unknown = { type: 'availability' }, objective = 99.9): SloSpec =>
  sloSpecSchema.parse({ name, service, namespace, team: 'sre', indicator, objective, window: '30d' });
/** The SLOs whose rules are backfilled; the custom one's queries are written for the mesh's counters. */
function recordedSpecs(sli: SliSource): SloSpec[] {
  const reviews = { namespace: 'shop', service: 'reviews' };
  const reviewsErrors = `sum(increase(${sli.failedRequests(reviews)}[{{window}}]))`;
  const reviewsTotal = `sum(increase(${sli.allRequests(reviews)}[{{window}}]))`;
  return [
    slo('cart-availability', 'cart', 'shop'),
    slo('payments-availability', 'payments', 'payments'),
    slo('audit-export-availability', 'audit-export', 'platform'),
    slo('catalog-latency', 'catalog', 'shop', { type: 'latency', thresholdMs: 100 }, 99),
    slo('reviews-custom', 'reviews', 'shop', { type: 'custom', errorQuery: reviewsErrors, totalQuery: reviewsTotal }),
  ];
}
/** cart-availability redefined on another service after its rules were recorded: its series are not its SLI. */
const REDEFINED = slo('cart-availability', 'frontend', 'shop');

describe.each(FIXTURE_MESHES)('recorded reads (%s)', (mesh) => {
  const sli = FIXTURE_SLI[mesh];
  const RECORDED = recordedSpecs(sli);
  let prom: PrometheusProcess;
  let client: PrometheusClient;

  beforeAll(async () => {
    prom = await startRecordedFixture(RECORDED, FROM, TO, mesh);
    client = createPrometheusClient({ baseUrl: prom.url, timeoutMs: 120_000 });
  }, 600_000);

  afterAll(async () => {
    await prom?.stop();
  });

  async function both(specs: SloSpec[], time: number) {
    const recorded = await evaluateSlos(specs, { client, time, sli });
    const raw = await evaluateSlos(specs, { client, time, recorded: false, sli });
    const byName = (r: typeof recorded) => new Map(r.evaluations.map((e) => [e.name, e.status as SloStatus]));
    return { recorded: byName(recorded), raw: byName(raw), recordedQueries: recorded.queryCount, rawQueries: raw.queryCount };
  }

  async function statusOf(spec: SloSpec, time: number, recorded: boolean): Promise<SloStatus> {
    const { evaluations } = await evaluateSlos([spec], { client, time, recorded, sli });
    const status = evaluations[0]?.status;
    if (!status) throw new Error(`no status for ${spec.name}: ${JSON.stringify(evaluations[0]?.error)}`);
    return status;
  }

  /**
   * When the rule group holding `record` last evaluated at or before `time`: Prometheus (and the
   * backfill) evaluates each group at its own offset within the interval, so a recorded value is the
   * raw value at that instant, not at `time`.
   */
  async function evaluatedAt(record: string, spec: SloSpec, time: number): Promise<number> {
    const result = await client.instantQuery(`timestamp(${recordedSelector(record, spec, sli)})`, { time });
    const at = result.resultType === 'vector' ? result.samples[0]?.value : undefined;
    if (at === undefined) throw new Error(`no ${record} for ${spec.name} at ${time}`);
    return at;
  }

  const close = (actual: number | null | undefined, expected: number | null | undefined, what: string) => {
    if (expected === null || expected === undefined) return expect(actual ?? null, what).toBeNull();
    expect(actual, what).not.toBeNull();
    expect(Math.abs((actual ?? 0) - expected), what).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(expected), 1e-12));
  };

  /**
   * The status read from recorded series at the instant the spec's short-window group evaluated equals
   * the raw one at that instant for those windows, and the SLO-window figures (burn, budget, SLI, events)
   * equal the raw ones at the instant the SLO-window group evaluated.
   */
  async function expectRecordedEqualsRaw(spec: SloSpec, time: number) {
    const sliAt = await evaluatedAt(eventsRecord('1h'), spec, time);
    const budgetAt = await evaluatedAt(eventsRecord(spec.window), spec, sliAt);
    const recorded = await statusOf(spec, sliAt, true);
    const raw = await statusOf(spec, sliAt, false);
    const rawBudget = await statusOf(spec, budgetAt, false);
    expect(Object.values(recorded.source ?? {})).toEqual(Array(8).fill('recorded'));
    expect(Object.values(raw.source ?? {})).toEqual(Array(8).fill('raw'));
    expect(Object.keys(recorded.burnRates)).toEqual(Object.keys(raw.burnRates));
    for (const w of Object.keys(raw.burnRates)) {
      const reference = w === spec.window ? rawBudget : raw;
      close(recorded.burnRates[w], reference.burnRates[w], `${spec.name} ${w} burn rate`);
    }
    close(recorded.sli, rawBudget.sli, `${spec.name} SLI`);
    close(recorded.errorBudget.consumed, rawBudget.errorBudget.consumed, `${spec.name} budget consumed`);
    expect(recorded.traffic.events).toBe(rawBudget.traffic.events);
    return { recorded, raw, sliAt };
  }

  describe('recorded series read for status', () => {
    it.each([
      ['A-90m', anchor - 90 * 60],
      ['A-1h (cart slow burn)', anchor - 3600],
      ['A-20m', anchor - 20 * 60],
    ])('at %s all SLOs read recorded series in one query', async (_label, time) => {
      const { recorded, recordedQueries, rawQueries } = await both(RECORDED, time);
      // One query for all five SLOs, instead of 8 + 8 shared raw queries and 8 for the custom SLO.
      expect(recordedQueries).toBe(1);
      expect(rawQueries).toBe(24);
      for (const spec of RECORDED) expect(Object.values(recorded.get(spec.name)?.source ?? {})).toEqual(Array(8).fill('recorded'));
    });

    it.each(RECORDED.flatMap((spec) => [anchor - 90 * 60, anchor - 3600, anchor - 20 * 60].map((t) => [spec.name, t, spec] as const)))(
      '%s at %i: recorded burn rates, budget, SLI and events equal the raw ones at the recorded instant',
      async (_name, time, spec) => {
        await expectRecordedEqualsRaw(spec, time);
      },
    );

    it('the cart burn read from recorded series is the simulator truth over 1h and 1d', async () => {
      const cart = RECORDED[0] as SloSpec;
      // On the minute grid (where the truth's counts are exact): the instant the rules evaluated.
      const at = await evaluatedAt(eventsRecord('1h'), cart, anchor - 3600);
      const status = await statusOf(cart, at, true);
      expect(status.source?.['1h']).toBe('recorded');
      const ratio = (seconds: number) => {
        // increase() over [at - W, at] sees the samples of whole minutes inside it, extrapolated to W.
        const t = model.truth(Math.ceil(at / 60) * 60 - seconds, Math.floor(at / 60) * 60).services.find((s) => s.id === 'shop/cart');
        return (t?.errors ?? 0) / (t?.requests ?? 1) / 0.001;
      };
      // Extrapolation scales errors and requests alike, so the ratio is the truth's over whole minutes.
      close(status.burnRates['1h'], ratio(3600), 'cart 1h');
      close(status.burnRates['1d'], ratio(86_400), 'cart 1d');
    });

    it('zero traffic in a recorded window is null, as the raw counters give, and still read recorded', async () => {
      const audit = RECORDED[2] as SloSpec;
      // Minutes where the recorded 5m events of audit-export are 0 (Prometheus's own answer, not ours).
      const quiet = await client.rangeQuery(`${recordedSelector(eventsRecord('5m'), audit, sli)} == 0`, { start: FROM + 600, end: TO - 600, step: 60 });
      const first = quiet.series[0]?.points[0]?.[0];
      expect(first, 'audit-export has a quiet 5 minutes in the recorded range').toBeDefined();
      const { recorded, raw } = await expectRecordedEqualsRaw(audit, (first ?? 0) / 1000);
      expect(recorded.burnRates['5m']).toBeNull();
      expect(raw.burnRates['5m']).toBeNull();
      expect(recorded.source?.['5m']).toBe('recorded');
    });

    it('falls back to the raw counters outside the recorded range', async () => {
      const time = anchor - 3 * 3600;
      const { recorded, raw, recordedQueries } = await both(RECORDED, time);
      expect(recordedQueries).toBe(25);
      for (const spec of RECORDED) {
        const r = recorded.get(spec.name) as SloStatus;
        expect(Object.values(r.source ?? {})).toEqual(Array(8).fill('raw'));
        expect(r.burnRates).toEqual(raw.get(spec.name)?.burnRates);
        expect(r.traffic).toEqual(raw.get(spec.name)?.traffic);
      }
    });

    it('does not read series recorded for an older definition of the SLO', async () => {
      const time = anchor - 3600;
      const { recorded, raw, recordedQueries } = await both([REDEFINED], time);
      expect(recordedQueries).toBe(9);
      const r = recorded.get('cart-availability') as SloStatus;
      expect(Object.values(r.source ?? {})).toEqual(Array(8).fill('raw'));
      expect(r.burnRates).toEqual(raw.get('cart-availability')?.burnRates);
      // The figures are frontend's, not the recorded cart's slow burn (on the minute grid: exact).
      const t = model.truth(time - 86_400, time).services.find((s) => s.id === 'shop/frontend');
      close(r.burnRates['1d'], (t?.errors ?? 0) / (t?.requests ?? 1) / 0.001, 'frontend 1d');
    });
  });
});
