import { describe, expect, it } from 'vitest';
import { TEST_ANCHOR, TEST_SEED } from './fixture';
import { createModel } from './model';
import type { Family, Series } from './series';

const HOUR = 3600;
const DAY = 86_400;
const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR });

/** Every 10 minutes over 30 days, plus every minute around each scripted event. */
function probeTimes(): number[] {
  const times = new Set<number>();
  for (let t = TEST_ANCHOR - 30 * DAY; t <= TEST_ANCHOR + HOUR; t += 600) times.add(t);
  for (const e of model.timeline) {
    for (const edge of [e.start, e.end ?? e.start]) for (let t = edge - 600; t <= edge + 600; t += 60) times.add(t);
  }
  return [...times].sort((a, b) => a - b);
}
const TIMES = probeTimes();

function samples(series: Series): Array<[number, number]> {
  return TIMES.filter((t) => t >= series.start && t <= series.end).map((t) => [t, series.value(t)]);
}

// Walking every series of the 30 days is CPU-bound; on a shared machine it needs more than the default.
const WALK_TIMEOUT_MS = 120_000;
const counters = model.families.filter((f) => f.type === 'counter' || f.type === 'histogram');

describe('determinism', () => {
  const fingerprint = (f: Family[]) =>
    f.flatMap((family) => family.series.map((s) => `${s.name}${JSON.stringify(s.labels)}=${s.value(TEST_ANCHOR - 3 * DAY)},${s.value(TEST_ANCHOR)}`));

  it('gives identical series and values for the same seed and anchor', () => {
    const again = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR });
    expect(fingerprint(again.families)).toEqual(fingerprint(model.families));
    expect(again.truth(TEST_ANCHOR - DAY, TEST_ANCHOR)).toEqual(model.truth(TEST_ANCHOR - DAY, TEST_ANCHOR));
  });

  it('gives different values for another seed', () => {
    const other = createModel({ seed: TEST_SEED + 1, anchor: TEST_ANCHOR });
    expect(fingerprint(other.families)).not.toEqual(fingerprint(model.families));
  });
});

describe('counters', () => {
  it.each(counters.map((f) => [f.name, f] as const))('%s never decreases within a series', (_name, family) => {
    for (const series of family.series) {
      const values = samples(series);
      for (let i = 1; i < values.length; i++) {
        const [t, v] = values[i] ?? [0, 0];
        const prev = values[i - 1]?.[1] ?? 0;
        if (v < prev) throw new Error(`${series.name}${JSON.stringify(series.labels)} drops at ${t}: ${prev} -> ${v}`);
      }
    }
  }, WALK_TIMEOUT_MS);

  it('switches catalog v1 -> v2 at the deployment: old series end there, new ones start at 0', () => {
    const deploy = model.timeline.find((e) => e.id === 'catalog-deploy')?.start ?? 0;
    const requests = model.families.find((f) => f.name === 'istio_requests_total')?.series ?? [];
    const v1 = requests.filter((s) => s.labels.destination_canonical_revision === 'v1' && s.labels.destination_workload === 'catalog');
    const v2 = requests.filter((s) => s.labels.destination_canonical_revision === 'v2' && s.labels.destination_workload === 'catalog');
    expect(v1.length).toBeGreaterThan(0);
    expect(v2.length).toBeGreaterThan(0);
    for (const s of v1) expect(s.end).toBe(deploy);
    for (const s of v2) {
      expect(s.start).toBeGreaterThanOrEqual(deploy);
      expect(s.value(s.start)).toBe(0);
    }
  });

  it('starts series that exist since the epoch well above zero, so extrapolation is not clamped', () => {
    const requests = model.families.find((f) => f.name === 'istio_requests_total')?.series ?? [];
    for (const s of requests.filter((x) => x.start === model.facts.epoch)) expect(s.value(s.start)).toBeGreaterThanOrEqual(100);
  });
});

describe('histograms', () => {
  const histograms = model.families.filter((f) => f.type === 'histogram');
  const groups = (family: Family) => {
    const byLabels = new Map<string, { buckets: Series[]; count?: Series }>();
    for (const s of family.series) {
      const { le, ...rest } = s.labels;
      const key = JSON.stringify(rest);
      const g = byLabels.get(key) ?? { buckets: [] };
      if (s.name.endsWith('_bucket') && le !== undefined) g.buckets.push(s);
      if (s.name.endsWith('_count')) g.count = s;
      byLabels.set(key, g);
    }
    return [...byLabels.values()];
  };

  it.each(histograms.map((f) => [f.name, f] as const))('%s: cumulative buckets, +Inf == _count, at every probe', (_name, family) => {
    for (const g of groups(family)) {
      const les = g.buckets.map((b) => (b.labels.le === '+Inf' ? Infinity : Number(b.labels.le)));
      expect(les).toEqual([...les].sort((a, b) => a - b));
      expect(les.at(-1)).toBe(Infinity);
      const first = g.buckets[0];
      if (!first || !g.count) throw new Error('histogram without buckets or _count');
      for (const [t] of samples(first)) {
        const values = g.buckets.map((b) => b.value(t));
        const broken = values.some((v, i) => i > 0 && v < (values[i - 1] ?? 0)) || values.at(-1) !== g.count.value(t);
        if (broken) throw new Error(`${JSON.stringify(first.labels)} at ${t}: ${values.join(',')} / count ${g.count.value(t)}`);
      }
    }
  }, WALK_TIMEOUT_MS);
});

describe('linkerd', () => {
  const linkerd = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR, mesh: 'linkerd' });

  it('speaks Linkerd metric names and labels', () => {
    const names = linkerd.families.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['request_total', 'response_total', 'response_latency_ms', 'identity_cert_expiration_timestamp_seconds']));
    const responses = linkerd.families.find((f) => f.name === 'response_total')?.series ?? [];
    const plaintext = responses.find((s) => s.labels.direction === 'inbound' && s.labels.deployment === 'notifications');
    expect(plaintext?.labels.tls).toBe('no_identity');
    expect(new Set(responses.map((s) => s.labels.classification))).toEqual(new Set(['success', 'failure']));
  });

  it('has the same truth as the Istio rendering (same model)', () => {
    expect(linkerd.truth(TEST_ANCHOR - DAY, TEST_ANCHOR).mesh).toEqual(model.truth(TEST_ANCHOR - DAY, TEST_ANCHOR).mesh);
  });
});

describe('replicas (a larger quiet mesh for benchmarks)', () => {
  it('copies the shop into <ns>-N namespaces with the same traffic and none of the incidents', () => {
    const base = createModel({ seed: 42, anchor: 1_790_856_000 });
    const big = createModel({ seed: 42, anchor: 1_790_856_000, replicas: 3 });
    const shopServices = base.services.filter((s) => !s.id.startsWith('istio-system/'));
    expect(big.services.length).toBe(base.services.length + 2 * shopServices.length);
    const outage = base.timeline.find((e) => e.id === 'payments-outage');
    if (!outage) throw new Error('no outage');
    const t = big.truth(outage.start, outage.start + 1800);
    const original = t.services.find((s) => s.id === 'payments/payments');
    const copy = t.services.find((s) => s.id === 'payments-3/payments');
    expect(original?.errorRatio ?? 0).toBeGreaterThan(0.5);
    expect(copy?.errorRatio ?? 1).toBeLessThan(0.01);
    expect(copy?.team).toBe('payments');
    expect(copy?.requests ?? 0).toBeGreaterThan(0);
  });
});

describe('clusters and on-demand partitions', () => {
  it('lists the clusters with their regions, and each service\'s clusters', () => {
    expect(model.facts.clusters).toEqual([
      { cluster: 'prod-us-east', region: 'us-east' },
      { cluster: 'prod-eu-west', region: 'eu-west' },
    ]);
    for (const s of model.services) expect(s.clusters, s.id).toEqual(s.id === 'shop/reviews' ? ['prod-us-east', 'prod-eu-west'] : ['prod-us-east']);
    expect(model.edges).toContainEqual({ source: 'shop/reviews', target: 'platform/inventory', protocol: 'http', peakRps: 10, mtls: true });
  });

  it('withPartitions keeps every series continuous and fails eu-west -> us-east calls from the injected start on', () => {
    const start = TEST_ANCHOR - 600;
    const end = TEST_ANCHOR + 600;
    const cut = model.withPartitions([{ start, end }]);
    const key = (s: Series) => `${s.name}${JSON.stringify(s.labels)}`;
    const before = new Map(model.families.flatMap((f) => f.series).map((s) => [key(s), s]));
    for (const family of cut.families) {
      // counters are continuous at the start; gauges (memory follows the load) change from it on
      const at = family.type === 'gauge' ? start - 60 : start;
      for (const s of family.series) {
        const old = before.get(key(s));
        // the partition's own series exist since the scripted one; none is new
        expect(old, key(s)).toBeDefined();
        if (old) expect(s.value(Math.max(s.start, at)), key(s)).toBe(old.value(Math.max(old.start, at)));
      }
    }
    expect(cut.families.flatMap((f) => f.series).length).toBe(before.size);
    const edge = (m: typeof model) => m.truth(start, TEST_ANCHOR).edges.find((e) => e.source === 'shop/reviews' && e.target === 'platform/inventory')?.byCluster.find((b) => b.sourceCluster === 'prod-eu-west');
    expect(edge(model)?.sourceErrorRatio ?? 1).toBeLessThan(0.01);
    expect(edge(cut)?.sourceErrorRatio).toBe(1);
    expect(edge(cut)?.requests).toBe(0);
    const euReviews = cut.truth(start, TEST_ANCHOR).services.find((s) => s.id === 'shop/reviews')?.byCluster.find((c) => c.cluster === 'prod-eu-west');
    expect(euReviews?.errorRatio).toBeCloseTo(0.8, 2);
  });
});
