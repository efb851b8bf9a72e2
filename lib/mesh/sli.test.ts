import { describe, expect, it } from 'vitest';
import { windowExprs } from '@/lib/slo/queries';
import { sloSpecSchema } from '@/lib/slo/spec';
import { istioSli, linkerdSli } from './index';

const spec = (indicator: unknown) => sloSpecSchema.parse({ name: 'x', service: 'checkout', namespace: 'shop', team: 't', indicator, objective: 99.9, window: '30d' });

describe('SLI sources', () => {
  it('Istio: server-side reporter, 5xx and 0 are failures, the destination histogram', () => {
    const { ratio } = windowExprs(spec({ type: 'availability' }), '1h', istioSli);
    const sel = 'istio_requests_total{reporter="destination",destination_service_namespace="shop",destination_service_name="checkout"';
    expect(ratio).toBe(`(sum(increase(${sel},response_code=~"5..|0"}[1h])) or vector(0)) / (sum(increase(${sel}}[1h])) > 0)`);
  });

  it('Linkerd: inbound responses classified as failures, and the inbound latency histogram', () => {
    const sel = 'response_total{direction="inbound",namespace="shop",deployment="checkout"';
    expect(windowExprs(spec({ type: 'availability' }), '1h', linkerdSli).ratio).toBe(
      `(sum(increase(${sel},classification="failure"}[1h])) or vector(0)) / (sum(increase(${sel}}[1h])) > 0)`,
    );
    const buckets = 'response_latency_ms_bucket{direction="inbound",namespace="shop",deployment="checkout"';
    expect(windowExprs(spec({ type: 'latency', thresholdMs: 250 }), '5m', linkerdSli).bad).toBe(
      `sum(increase(${buckets},le="+Inf"}[5m])) - sum(increase(${buckets},le=~"250(\\\\.0)?"}[5m]))`,
    );
    expect(linkerdSli.serviceLabels).toEqual({ namespace: 'namespace', service: 'deployment' });
  });

  it('several services at once through regex matchers, for grouped queries', () => {
    expect(linkerdSli.allRequests({ namespace: ['=~', { literal: ['a', 'b.c'] }], service: 'x' })).toBe('response_total{direction="inbound",namespace=~"a|b\\\\.c",deployment="x"}');
  });

  it('names the cluster that served a request (server side), and can select one', () => {
    expect(istioSli.clusterLabel).toBe('destination_cluster');
    expect(linkerdSli.clusterLabel).toBe('cluster');
    expect(istioSli.allRequests({ namespace: 'shop', service: 'reviews', cluster: ['!=', ''] })).toBe(
      'istio_requests_total{reporter="destination",destination_service_namespace="shop",destination_service_name="reviews",destination_cluster!=""}',
    );
    expect(linkerdSli.failedRequests({ namespace: 'shop', service: 'reviews', cluster: 'prod-eu-west' })).toBe(
      'response_total{direction="inbound",namespace="shop",deployment="reviews",cluster="prod-eu-west",classification="failure"}',
    );
  });
});
