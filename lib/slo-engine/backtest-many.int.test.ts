// The bulk backtest (grouped queries for many SLOs) finds what each SLO's own backtest finds, over the
// fixture history in a real Prometheus. The single-SLO backtest is checked against the simulator's
// truth in backtest.int.test.ts; here the grouped read-back must not change a single episode, on the
// Istio and on the Linkerd history.
import { describe, expect, inject, it } from 'vitest';
import { createPrometheusClient } from '@/lib/prometheus';
import { TEST_HISTORY_DAYS } from '@/scripts/simulator';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { backtestMany } from './backtest-many';
import { backtestSlo } from './backtest-run';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';

const { anchor } = inject('fixture');
const FROM = anchor - TEST_HISTORY_DAYS * 86_400;

const slo = (name: string, id: string, indicator: SloSpec['indicator'] = { type: 'availability' }, objective = 99.9): SloSpec => {
  const [namespace, service] = id.split('/');
  return sloSpecSchema.parse({ name, service, namespace, team: 'sre', indicator, objective, window: '30d' });
};

describe.each(FIXTURE_MESHES)('backtestMany over the 30-day story (%s)', (mesh) => {
  const client = createPrometheusClient({ baseUrl: inject('prometheusUrls')[mesh], timeoutMs: 120_000 });
  const sli = FIXTURE_SLI[mesh];
  const specs = [
    slo('payments-availability', 'payments/payments'),
    slo('cart-availability', 'shop/cart'),
    slo('frontend-availability', 'shop/frontend'),
    slo('catalog-latency', 'shop/catalog', { type: 'latency', thresholdMs: 250 }, 99),
    slo('catalog-latency-no-bucket', 'shop/catalog', { type: 'latency', thresholdMs: 123 }, 99),
  ];

  it("gives each SLO the episodes, events and summary of its own backtest, from one query per window and kind", async () => {
    const bulk = await backtestMany(specs, { client, from: FROM, to: anchor, sli });
    expect(bulk.backtests.map((b) => b.name)).toEqual(specs.map((s) => s.name));
    let singleQueries = 0;
    for (const spec of specs.slice(0, 4)) {
      const single = await backtestSlo(spec, { client, from: FROM, to: anchor, sli });
      singleQueries += single.queryCount;
      const mine = bulk.backtests.find((b) => b.name === spec.name);
      expect(mine?.error).toBeNull();
      expect(mine?.result?.episodes).toEqual(single.result.episodes);
      expect(mine?.result?.events).toEqual(single.result.events);
      expect(mine?.result?.summary).toEqual(single.result.summary);
      expect(mine?.result?.recommendations).toEqual(single.result.recommendations);
    }
    // The story's episodes are there (payments pages, cart tickets), so the equality above is not 0 = 0.
    expect(bulk.backtests[0]?.result?.summary.pages).toBe(1);
    expect(bulk.backtests[1]?.result?.summary.tickets).toBe(1);
    // 4 SLOs of 2 kinds read through 2 x 8 grouped queries: fewer requests than their own backtests.
    expect(bulk.queryCount).toBeLessThan(singleQueries);
    // A threshold that is no bucket fails that SLO alone, naming the nearest buckets.
    expect(bulk.backtests[4]).toMatchObject({ result: null, error: { code: 'threshold_not_a_bucket' } });
    expect(bulk.backtests[4]?.error?.message).toMatch(/100/);
  });
});
