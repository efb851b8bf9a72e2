import { describe, expect, it } from 'vitest';
import { TEST_ANCHOR, TEST_SEED } from './fixture';
import { createModel } from './model';
import type { Truth } from './truth';

const HOUR = 3600;
const DAY = 86_400;
const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR });
const event = (id: string) => {
  const e = model.timeline.find((x) => x.id === id);
  if (!e) throw new Error(`no event ${id}`);
  return e;
};
const service = (truth: Truth, id: string) => {
  const s = truth.services.find((x) => x.id === id);
  if (!s) throw new Error(`no service ${id}`);
  return s;
};
const edge = (truth: Truth, source: string, target: string) => {
  const e = truth.edges.find((x) => x.source === source && x.target === target);
  if (!e) throw new Error(`no edge ${source} -> ${target}`);
  return e;
};

describe('truth additivity', () => {
  it.each([
    [TEST_ANCHOR - 30 * DAY, TEST_ANCHOR - 4 * DAY, TEST_ANCHOR],
    [event('payments-outage').start - 600, event('payments-outage').start + 1234, (event('payments-outage').end ?? 0) + 3607],
    [event('catalog-deploy').start - HOUR, event('catalog-deploy').start, event('catalog-deploy').start + HOUR],
  ])('truth(%i, %i) + truth(%i, ...) == truth over the union', (a, b, c) => {
    const ab = model.truth(a, b);
    const bc = model.truth(b, c);
    const ac = model.truth(a, c);
    ac.services.forEach((s, i) => {
      const x = ab.services[i];
      const y = bc.services[i];
      expect(s.requests).toBe((x?.requests ?? 0) + (y?.requests ?? 0));
      expect(s.errors).toBe((x?.errors ?? 0) + (y?.errors ?? 0));
      expect(s.latencyBuckets.map((l) => l.count)).toEqual(s.latencyBuckets.map((_, k) => (x?.latencyBuckets[k]?.count ?? 0) + (y?.latencyBuckets[k]?.count ?? 0)));
    });
    ac.edges.forEach((e, i) => expect(e.sourceRequests).toBe((ab.edges[i]?.sourceRequests ?? 0) + (bc.edges[i]?.sourceRequests ?? 0)));
    expect(ac.mesh.requests).toBe(ab.mesh.requests + bc.mesh.requests);
  });

  it('keeps latency buckets cumulative in every window', () => {
    const t = model.truth(event('catalog-retry-storm').start, event('catalog-retry-storm').start + 61);
    for (const s of t.services) {
      const counts = s.latencyBuckets.map((b) => b.count);
      expect(counts).toEqual([...counts].sort((a, b) => a - b));
      expect(counts.at(-1)).toBe(s.requests);
    }
  });

  it.each([
    ['the retry storm', event('catalog-retry-storm').start, 300],
    ['a quiet day', TEST_ANCHOR - 10 * DAY, DAY],
    ['five minutes on the low-traffic service', TEST_ANCHOR - 6 * HOUR, 300],
    ['across the catalog deployment', event('catalog-deploy').start - 600, 1200],
  ])('counts in the latency histogram exactly the requests the request counter saw (%s)', (_name, from, length) => {
    for (const s of model.truth(from, from + length).services) {
      const counts = s.latencyBuckets.map((b) => b.count);
      expect(counts, s.id).toEqual([...counts].sort((a, b) => a - b));
      expect(counts.at(-1), s.id).toBe(s.requests);
    }
  });

  it('gives null ratios, not 0 or NaN, without traffic', () => {
    const t = model.truth(TEST_ANCHOR, TEST_ANCHOR);
    for (const s of t.services) expect(s.errorRatio).toBeNull();
    expect(t.mesh.errorRatio).toBeNull();
  });
});

describe('scripted timeline', () => {
  const outage = event('payments-outage');
  const inOutage = model.truth(outage.start, outage.end ?? 0);

  it('payments: ~90% 5xx at the destination during the outage', () => {
    expect(service(inOutage, 'payments/payments').errorRatio).toBeCloseTo(0.9, 2);
  });

  it('checkout proxy sees 30% extra requests (UH) that never reach payments', () => {
    const e = edge(inOutage, 'shop/checkout', 'payments/payments');
    expect(e.sourceRequests / e.requests).toBeCloseTo(1.3, 2);
  });

  it('payments background errors stay between 0.02% and 0.08% outside incidents', () => {
    const quiet = model.truth(TEST_ANCHOR - 10 * DAY, TEST_ANCHOR - 9 * DAY);
    for (const s of quiet.services) {
      expect(s.errorRatio ?? 0).toBeLessThanOrEqual(0.0012); // low traffic makes audit-export noisy
    }
    expect(service(quiet, 'payments/payments').errorRatio).toBeGreaterThan(0.0001);
  });

  it('cart burns an extra 0.4% during the last 20 hours', () => {
    const before = service(model.truth(TEST_ANCHOR - 3 * DAY, TEST_ANCHOR - 2 * DAY), 'shop/cart').errorRatio ?? 0;
    const during = service(model.truth(TEST_ANCHOR - 20 * HOUR, TEST_ANCHOR), 'shop/cart').errorRatio ?? 0;
    expect(during - before).toBeCloseTo(0.004, 4);
  });

  it('retry storm: catalog sees 2.5x attempts from recommendations, half of them 503', () => {
    const storm = event('catalog-retry-storm');
    const during = edge(model.truth(storm.start, storm.end ?? 0), 'shop/recommendations', 'shop/catalog');
    expect(during.requests / during.sourceRequests).toBeCloseTo(2.5, 2);
    expect(during.errorRatio).toBeCloseTo(0.5, 2);
    expect(during.sourceErrorRatio).toBeCloseTo(0.4, 2);
  });

  it('catalog v2 doubles-and-a-half its latency: far fewer requests under 25 ms', () => {
    const deploy = event('catalog-deploy').start;
    const share25 = (t: Truth) => {
      const s = service(t, 'shop/catalog');
      return (s.latencyBuckets.find((b) => b.le === 25)?.count ?? 0) / s.requests;
    };
    expect(share25(model.truth(deploy - DAY, deploy))).toBeGreaterThan(0.9);
    expect(share25(model.truth(deploy, deploy + DAY))).toBeLessThan(0.5);
  });

  it('search -> reviews is 70% 404, counted as 4xx not errors; checkout -> notifications is plaintext', () => {
    const day = model.truth(TEST_ANCHOR - DAY, TEST_ANCHOR);
    const notFound = edge(day, 'shop/search', 'shop/reviews');
    expect(notFound.fourxx / notFound.requests).toBeCloseTo(0.7, 3);
    expect(notFound.errorRatio ?? 1).toBeLessThan(0.001);
    expect(edge(day, 'shop/checkout', 'platform/notifications').mtlsRatio).toBe(0);
    expect(edge(day, 'shop/frontend', 'shop/catalog').mtlsRatio).toBe(1);
  });

  it('audit-export gets a few requests per hour', () => {
    const perHour = service(model.truth(TEST_ANCHOR - 7 * DAY, TEST_ANCHOR), 'platform/audit-export').requests / (7 * 24);
    expect(perHour).toBeGreaterThan(1.5);
    expect(perHour).toBeLessThan(3);
  });
});

describe('clusters and regions', () => {
  const partition = event('region-partition');
  const inPartition = model.truth(partition.start, partition.end ?? 0);
  const quiet = model.truth(TEST_ANCHOR - 10 * DAY, TEST_ANCHOR - 9 * DAY);
  const inCluster = (truth: Truth, id: string, cluster: string) => {
    const c = service(truth, id).byCluster.find((x) => x.cluster === cluster);
    if (!c) throw new Error(`no ${id} in ${cluster}`);
    return c;
  };
  const between = (truth: Truth, source: string, target: string, sourceCluster: string, targetCluster: string) =>
    edge(truth, source, target).byCluster.find((b) => b.sourceCluster === sourceCluster && b.targetCluster === targetCluster);

  it.each([
    ['a quiet day', quiet],
    ['the partition', inPartition],
    ['the last week', model.truth(TEST_ANCHOR - 7 * DAY, TEST_ANCHOR)],
  ])('per-cluster figures sum to the all-clusters figures (%s)', (_name, t) => {
    for (const s of t.services) {
      expect(s.byCluster.length, s.id).toBeGreaterThan(0);
      expect(s.byCluster.reduce((sum, c) => sum + c.requests, 0), s.id).toBe(s.requests);
      expect(s.byCluster.reduce((sum, c) => sum + c.errors, 0), s.id).toBe(s.errors);
      expect(s.byCluster.reduce((sum, c) => sum + c.fourxx, 0), s.id).toBe(s.fourxx);
      s.latencyBuckets.forEach((b, i) => expect(s.byCluster.reduce((sum, c) => sum + (c.latencyBuckets[i]?.count ?? 0), 0)).toBe(b.count));
    }
    for (const e of t.edges) {
      expect(e.byCluster.reduce((sum, c) => sum + c.requests, 0)).toBe(e.requests);
      expect(e.byCluster.reduce((sum, c) => sum + c.sourceRequests, 0)).toBe(e.sourceRequests);
      expect(e.byCluster.reduce((sum, c) => sum + c.sourceErrors, 0)).toBe(e.sourceErrors);
    }
    expect(t.mesh.byCluster.reduce((sum, c) => sum + c.requests, 0)).toBe(t.mesh.requests);
    expect(t.mesh.byCluster.reduce((sum, c) => sum + c.errors, 0)).toBe(t.mesh.errors);
  });

  it('runs reviews in both clusters and everything else in prod-us-east only', () => {
    for (const s of quiet.services) {
      const expected = s.id === 'shop/reviews' ? ['prod-us-east', 'prod-eu-west'] : ['prod-us-east'];
      expect(s.byCluster.map((c) => c.cluster), s.id).toEqual(expected);
    }
    expect(inCluster(quiet, 'shop/reviews', 'prod-eu-west').region).toBe('eu-west');
    expect(inCluster(quiet, 'shop/reviews', 'prod-us-east').region).toBe('us-east');
  });

  it('splits frontend -> reviews and reviews -> inventory 60/40 by cluster; search -> reviews stays in us-east', () => {
    const fr = edge(quiet, 'shop/frontend', 'shop/reviews');
    expect((between(quiet, 'shop/frontend', 'shop/reviews', 'prod-us-east', 'prod-eu-west')?.requests ?? 0) / fr.requests).toBeCloseTo(0.4, 2);
    expect((between(quiet, 'shop/frontend', 'shop/reviews', 'prod-us-east', 'prod-us-east')?.requests ?? 0) / fr.requests).toBeCloseTo(0.6, 2);
    const ri = edge(quiet, 'shop/reviews', 'platform/inventory');
    expect((between(quiet, 'shop/reviews', 'platform/inventory', 'prod-eu-west', 'prod-us-east')?.requests ?? 0) / ri.requests).toBeCloseTo(0.4, 2);
    expect(edge(quiet, 'shop/search', 'shop/reviews').byCluster.map((b) => [b.sourceCluster, b.targetCluster])).toEqual([['prod-us-east', 'prod-us-east']]);
    // reviews -> inventory peaks at 10 rps in all: about a day's worth at the mean diurnal factor.
    expect(ri.requests / DAY).toBeGreaterThan(5);
    expect(ri.requests / DAY).toBeLessThan(10);
  });

  it('partition: eu-west reviews answer 503 to 80% of requests, us-east reviews are unaffected', () => {
    expect(inCluster(inPartition, 'shop/reviews', 'prod-eu-west').errorRatio).toBeCloseTo(0.8, 2);
    const usDuring = inCluster(inPartition, 'shop/reviews', 'prod-us-east');
    const usBefore = inCluster(model.truth(partition.start - 1800, partition.start), 'shop/reviews', 'prod-us-east');
    expect(usDuring.errors / usDuring.requests).toBeLessThan(0.002);
    expect(usBefore.errors / usBefore.requests).toBeLessThan(0.002);
    // frontend's proxy sees the same 503s on its side of the cross-region calls
    expect(between(inPartition, 'shop/frontend', 'shop/reviews', 'prod-us-east', 'prod-eu-west')?.sourceErrorRatio).toBeCloseTo(0.8, 2);
    // and before the partition eu-west was as healthy as us-east
    expect(inCluster(model.truth(partition.start - 1800, partition.start), 'shop/reviews', 'prod-eu-west').errorRatio ?? 1).toBeLessThan(0.002);
  });

  it('partition: inventory receives no call from eu-west; every eu-west call fails at the caller (503 UF)', () => {
    const cut = between(inPartition, 'shop/reviews', 'platform/inventory', 'prod-eu-west', 'prod-us-east');
    expect(cut?.requests).toBe(0);
    expect(cut?.sourceRequests ?? 0).toBeGreaterThan(1000);
    expect(cut?.sourceErrors).toBe(cut?.sourceRequests);
    const usCalls = between(inPartition, 'shop/reviews', 'platform/inventory', 'prod-us-east', 'prod-us-east');
    expect(usCalls?.requests ?? 0).toBeGreaterThan(1000);
    expect(usCalls?.sourceErrorRatio ?? 1).toBeLessThan(0.002);
    // calls resume right after
    const after = between(model.truth(partition.end ?? 0, (partition.end ?? 0) + 1800), 'shop/reviews', 'platform/inventory', 'prod-eu-west', 'prod-us-east');
    expect(after?.requests ?? 0).toBeGreaterThan(1000);
  });
});

describe('endpoint requests (per-endpoint counters)', () => {
  it('equal the requests that reached the server, plus the partition\'s calls that failed to reach one', () => {
    const partition = event('region-partition');
    const t = model.truth(partition.start, partition.end ?? 0);
    for (const e of t.edges) {
      const cut = e.source === 'shop/reviews' && e.target === 'platform/inventory';
      if (!cut) expect(e.endpointRequests, `${e.source} -> ${e.target}`).toBe(e.requests);
    }
    const ri = edge(t, 'shop/reviews', 'platform/inventory');
    const eu = ri.byCluster.find((b) => b.sourceCluster === 'prod-eu-west');
    expect(eu?.endpointRequests).toBe(eu?.sourceRequests);
    expect(eu?.endpointErrors).toBe(eu?.sourceRequests);
    expect(ri.endpointRequests).toBe(ri.requests + (eu?.sourceRequests ?? 0));
  });
});
