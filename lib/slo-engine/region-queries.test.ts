import { describe, expect, it } from 'vitest';
import { istioSli, linkerdSli } from '@/lib/mesh';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import { PART_LABEL, type CountSample } from './bulk-queries';
import { planRegionQueries, regionalSpecs, regionCountsFromResults } from './region-queries';

const spec = (name: string, service: string, indicator: unknown = { type: 'availability' }, perRegion = true): SloSpec =>
  sloSpecSchema.parse({ name, service, namespace: 'shop', team: 't', indicator, objective: 99.9, window: '30d', perRegion });
const REGIONS = { 'prod-us-east': 'us-east', 'prod-us-east-2': 'us-east', 'prod-eu-west': 'eu-west' };

describe('regionalSpecs', () => {
  it('takes perRegion SLOs only, and none while no region is configured', () => {
    const specs = [spec('a', 'x'), spec('b', 'y', undefined, false)];
    expect(regionalSpecs(specs, REGIONS).map((s) => s.name)).toEqual(['a']);
    expect(regionalSpecs(specs, {})).toEqual([]);
  });
});

describe('planRegionQueries', () => {
  it('needs one query per window per indicator kind, however many SLOs and regions', () => {
    const many = Array.from({ length: 100 }, (_, i) => spec(`a${i}`, `s${i}`));
    const latency = Array.from({ length: 30 }, (_, i) => spec(`l${i}`, `s${i}`, { type: 'latency', thresholdMs: 250 }));
    const queries = planRegionQueries([...many, ...latency], istioSli);
    expect(queries).toHaveLength(16);
    expect(queries.map((q) => q.id)).toContain('availability-by-cluster:1h');
  });

  it('groups by service and the serving cluster, leaving out series without one', () => {
    const [first] = planRegionQueries([spec('a', 'reviews')], istioSli);
    const sel = 'istio_requests_total{reporter="destination",destination_service_namespace=~"shop",destination_service_name=~"reviews",destination_cluster!=""';
    const by = 'sum by (destination_service_namespace, destination_service_name, destination_cluster)';
    expect(first?.query).toBe(
      `label_replace(${by} (increase(${sel},response_code=~"5..|0"}[5m])), "slo_part", "bad", "", "") or label_replace(${by} (increase(${sel}}[5m])), "slo_part", "total", "", "")`,
    );
    const [linkerd] = planRegionQueries([spec('a', 'reviews', { type: 'latency', thresholdMs: 250 })], linkerdSli);
    expect(linkerd?.query).toContain('sum by (namespace, deployment, cluster, le)');
  });
});

describe('regionCountsFromResults', () => {
  const labels = (service: string, cluster: string, extra: Record<string, string>) => ({
    destination_service_namespace: 'shop',
    destination_service_name: service,
    destination_cluster: cluster,
    ...extra,
  });
  const part = (service: string, cluster: string, name: string, value: number): CountSample => ({ labels: labels(service, cluster, { [PART_LABEL]: name }), value });

  it('sums the clusters of a region, keeps unmapped clusters as their own region, and ignores other services', () => {
    const samples = [
      part('reviews', 'prod-us-east', 'bad', 1),
      part('reviews', 'prod-us-east', 'total', 1000),
      part('reviews', 'prod-us-east-2', 'total', 500),
      part('reviews', 'prod-eu-west', 'bad', 400),
      part('reviews', 'prod-eu-west', 'total', 1000),
      part('reviews', 'lab', 'total', 10),
      part('search', 'prod-eu-west', 'bad', 999),
      part('search', 'prod-eu-west', 'total', 999),
    ];
    const counts = regionCountsFromResults(spec('r', 'reviews'), new Map([['availability-by-cluster:1h', samples]]), istioSli, REGIONS);
    expect(counts['us-east']?.['1h']).toEqual({ bad: 1, total: 1500 });
    expect(counts['eu-west']?.['1h']).toEqual({ bad: 400, total: 1000 });
    expect(counts.lab?.['1h']).toEqual({ bad: 0, total: 10 });
    expect(Object.keys(counts).sort()).toEqual(['eu-west', 'lab', 'us-east']);
  });

  it('latency: requests over the threshold are all (+Inf) minus those within it, per region', () => {
    const b = (cluster: string, le: string, value: number): CountSample => ({ labels: labels('reviews', cluster, { le }), value });
    const results = new Map([['latency-by-cluster:1h', [b('prod-us-east', '250', 90), b('prod-us-east', '+Inf', 100), b('prod-eu-west', '250.0', 10), b('prod-eu-west', '+Inf', 40)]]]);
    const counts = regionCountsFromResults(spec('l', 'reviews', { type: 'latency', thresholdMs: 250 }), results, istioSli, REGIONS);
    expect(counts['us-east']?.['1h']).toEqual({ bad: 10, total: 100 });
    expect(counts['eu-west']?.['1h']).toEqual({ bad: 30, total: 40 });
  });
});
