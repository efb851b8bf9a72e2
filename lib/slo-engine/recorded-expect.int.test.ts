// SLOs whose recorded series are short (their rules started recording 40 minutes before the history's
// end, as for SLOs created then): sending the raw counters beside the recorded read, for SLOs whose
// series are not expected, gives the same statuses as reading first and the raw counters after, on a
// private real Prometheus over the fixture history with those series backfilled by Prometheus's own
// rule engine (scripts/testing/recorded-fixture.ts). On the Istio and on the Linkerd history.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrometheusClient, type PrometheusClient } from '@/lib/prometheus';
import { createModel } from '@/scripts/simulator';
import type { PrometheusProcess } from '@/scripts/system/prometheus';
import { startRecordedFixture } from '@/scripts/testing/recorded-fixture';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import { evaluateSlos, type SloEvaluation } from './evaluate';
import { createPresenceMemo, RULES_SETTLE_SECONDS, type RecordedHints } from './recorded-expect';

const { seed, anchor } = inject('fixture');
const model = createModel({ seed, anchor });
/** Where the recorded series start: the rules' first evaluations. */
const RECORDED_FROM = anchor - 40 * 60;

const slo = (name: string, service: string, indicator: unknown = { type: 'availability' }, objective = 99.9): SloSpec =>
  sloSpecSchema.parse({ name, service, namespace: 'shop', team: 'sre', indicator, objective, window: '30d' });
const CART = slo('cart-availability', 'cart');
const CATALOG = slo('catalog-latency', 'catalog', { type: 'latency', thresholdMs: 100 }, 99);
const SPECS = [CART, CATALOG];

describe.each(FIXTURE_MESHES)('raw counters beside the recorded read (%s)', (mesh) => {
  const sli = FIXTURE_SLI[mesh];
  let prom: PrometheusProcess;
  let client: PrometheusClient;
  /** Order of the queries' starts and ends, to tell which raw queries went out before the recorded answer came. */
  let events: string[];

  beforeAll(async () => {
    prom = await startRecordedFixture(SPECS, RECORDED_FROM, anchor, mesh);
    const real = createPrometheusClient({ baseUrl: prom.url, timeoutMs: 120_000 });
    client = {
      ...real,
      instantQuery: async (query, opts) => {
        const kind = query.startsWith('{__name__=~') ? 'recorded' : 'raw';
        events.push(`start ${kind}`);
        const result = await real.instantQuery(query, opts);
        events.push(`end ${kind}`);
        return result;
      },
    };
  }, 600_000);

  afterAll(async () => {
    await prom?.stop();
  });

  /** Raw queries that started before the recorded read answered. */
  const rawBeforeRecorded = () => events.slice(0, events.indexOf('end recorded')).filter((e) => e === 'start raw').length;

  async function evaluate(time: number, recordedHints?: RecordedHints) {
    events = [];
    const out = await evaluateSlos(SPECS, { client, time, sli, recordedHints });
    return { ...out, beside: rawBeforeRecorded() };
  }

  const statuses = (evaluations: SloEvaluation[]) => {
    for (const e of evaluations) expect(e.error, e.name).toBeNull();
    return evaluations.map((e) => e.status);
  };
  const hints = (definedAt: Record<string, number>): RecordedHints => ({ definedAt: new Map(Object.entries(definedAt)), memo: createPresenceMemo() });

  it('a recorded SLO beside a new one: the new one asks raw beside the read, and every figure is the sequential one', async () => {
    // At A-20m both have recorded series; catalog was defined 25 minutes before, still settling.
    const time = anchor - 20 * 60;
    const sequential = await evaluate(time);
    const parallel = await evaluate(time, hints({ [CART.name]: anchor - 86_400, [CATALOG.name]: anchor - 25 * 60 }));
    expect(sequential.beside).toBe(0);
    // The sequential read needed no raw counters: one query. The parallel one sent catalog's 8 windows beside it.
    expect(sequential.queryCount).toBe(1);
    expect(parallel.queryCount).toBe(9);
    expect(parallel.beside).toBe(8);
    expect(statuses(parallel.evaluations)).toEqual(statuses(sequential.evaluations));
    for (const s of statuses(parallel.evaluations)) expect(Object.values(s?.source ?? {})).toEqual(Array(8).fill('recorded'));
  });

  it('before the SLOs were defined, the raw counters go beside the read: the sequential figures, no more queries, the truth', async () => {
    const time = anchor - 3 * 3600;
    const sequential = await evaluate(time);
    const parallel = await evaluate(time, hints({ [CART.name]: RECORDED_FROM, [CATALOG.name]: RECORDED_FROM }));
    const raw = await evaluateSlos(SPECS, { client, time, sli, recorded: false });
    expect(sequential.beside).toBe(0);
    expect(parallel.beside).toBe(16);
    // One recorded read, 8 availability and 8 latency windows, on both paths.
    expect(parallel.queryCount).toBe(sequential.queryCount);
    expect(parallel.queryCount).toBe(17);
    expect(statuses(parallel.evaluations)).toEqual(statuses(sequential.evaluations));
    expect(statuses(parallel.evaluations).map((s) => s?.burnRates)).toEqual(statuses(raw.evaluations).map((s) => s?.burnRates));
    // The cart burn over 1d is the simulator's truth (time is on the minute grid, where its counts are exact).
    const truth = model.truth(time - 86_400, time).services.find((s) => s.id === 'shop/cart');
    const cart = statuses(parallel.evaluations)[0];
    const expected = (truth?.errors ?? 0) / (truth?.requests ?? 1) / 0.001;
    expect(Math.abs((cart?.burnRates['1d'] ?? Number.NaN) - expected)).toBeLessThanOrEqual(1e-9 * expected);
  });

  it('settled SLOs whose series were missing at the last read get their raw counters beside the next one', async () => {
    // Defined long before, so series are expected at A-1h; they start at A-40m (rules never delivered until then).
    const memoHints = hints({ [CART.name]: anchor - 86_400 - RULES_SETTLE_SECONDS, [CATALOG.name]: anchor - 86_400 });
    const time = anchor - 3600;
    const first = await evaluate(time, memoHints);
    const second = await evaluate(time, memoHints);
    expect(first.beside).toBe(0);
    expect(second.beside).toBe(16);
    expect(second.queryCount).toBe(first.queryCount);
    expect(statuses(second.evaluations)).toEqual(statuses(first.evaluations));
    // Once a read finds the series (A-10m), the next one reads them alone again.
    const present = anchor - 10 * 60;
    const found = await evaluate(present, memoHints);
    const alone = await evaluate(present, memoHints);
    expect(found.beside).toBe(16);
    expect(alone.beside).toBe(0);
    expect(alone.queryCount).toBe(1);
    expect(statuses(alone.evaluations)).toEqual(statuses(found.evaluations));
  });
});
