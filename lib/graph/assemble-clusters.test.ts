// The graph split by cluster: one node per service and cluster, calls with both ends' clusters.
import { describe, expect, it } from 'vitest';
import { istioAdapter, linkerdAdapter } from '@/lib/mesh';
import { sample } from './graph-samples';
import { assembleGraph, emptyVectors } from './assemble';

describe.each([istioAdapter, linkerdAdapter].map((a) => [a.kind, a.graphQueries({ window: '5m', view: 'service', byCluster: true })] as const))(
  'assembleGraph split by cluster (%s)',
  (_mesh, plan) => {
    const q = plan.queries;
    const call = (src: string, srcCluster: string, dst: string, dstCluster: string) => {
      const [sourceNamespace = '', sourceService = ''] = src.split('/');
      const [namespace = '', service = ''] = dst.split('/');
      return { sourceNamespace, sourceService, sourceCluster: srcCluster, namespace, service, cluster: dstCluster };
    };
    const node = (id: string, cluster: string) => {
      const [namespace = '', service = ''] = id.split('/');
      return { namespace, service, cluster };
    };
    const frontendToEu = call('shop/frontend', 'us', 'shop/reviews', 'eu');
    const frontendToUs = call('shop/frontend', 'us', 'shop/reviews', 'us');
    const euToInventory = call('shop/reviews', 'eu', 'platform/inventory', 'us');
    const g = assembleGraph(
      {
        ...emptyVectors(),
        edgeRequests: [sample(q.edgeRequests, frontendToEu, 10), sample(q.edgeRequests, frontendToUs, 15), sample(q.edgeRequests, euToInventory, 4)],
        edgeErrors: [sample(q.edgeErrors, euToInventory, 4), sample(q.edgeErrors, frontendToEu, 8)],
        serviceRequests: [sample(q.serviceRequests, node('shop/reviews', 'eu'), 10), sample(q.serviceRequests, node('shop/reviews', 'us'), 15)],
        serviceErrors: [sample(q.serviceErrors, node('shop/reviews', 'eu'), 8)],
      },
      plan,
    );

    it('draws one node per service and cluster, with its own figures', () => {
      expect(g.nodes.map((n) => n.id)).toEqual(['platform/inventory@us', 'shop/frontend@us', 'shop/reviews@eu', 'shop/reviews@us']);
      expect(g.nodes.find((n) => n.id === 'shop/reviews@eu')).toMatchObject({ service: 'reviews', namespace: 'shop', cluster: 'eu', rps: 10, errorRatio: 0.8 });
      expect(g.nodes.find((n) => n.id === 'shop/reviews@us')).toMatchObject({ cluster: 'us', rps: 15, errorRatio: 0 });
    });

    it('marks calls across clusters', () => {
      const find = (s: string, t: string) => g.edges.find((e) => e.source === s && e.target === t);
      expect(find('shop/frontend@us', 'shop/reviews@eu')).toMatchObject({ sourceCluster: 'us', targetCluster: 'eu', crossCluster: true, rps: 10, errorRatio: 0.8 });
      expect(find('shop/frontend@us', 'shop/reviews@us')).toMatchObject({ sourceCluster: 'us', targetCluster: 'us', crossCluster: false, errorRatio: 0 });
      expect(find('shop/reviews@eu', 'platform/inventory@us')).toMatchObject({ crossCluster: true, errorRatio: 1 });
    });
  },
);

describe('assembleGraph without the split', () => {
  it('keeps ids and fields as before: no cluster anywhere', () => {
    const plan = istioAdapter.graphQueries({ window: '5m', view: 'service' });
    const e = { sourceNamespace: 'shop', sourceService: 'frontend', namespace: 'shop', service: 'reviews' };
    const g = assembleGraph({ ...emptyVectors(), edgeRequests: [sample(plan.queries.edgeRequests, e, 5)] }, plan);
    expect(g.edges[0]).toEqual({ source: 'shop/frontend', target: 'shop/reviews', protocol: 'http', rps: 5, errorRatio: 0, p95Ms: null, mtlsRatio: 0, bytesPerSecond: null });
    expect(g.nodes.map((n) => Object.keys(n).includes('cluster'))).toEqual([false, false]);
  });
});
