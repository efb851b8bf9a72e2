import { describe, expect, it } from 'vitest';
import { isUnsupported } from './adapter';
import { linkerdAdapter as mesh } from './linkerd';

describe('Linkerd adapter', () => {
  it('reads server-side figures from inbound metrics, by namespace and deployment', () => {
    const q = mesh.errorRatio({ window: '5m', by: 'service', namespace: 'shop' });
    const total = 'sum by (namespace, deployment) (rate(response_total{direction="inbound",namespace="shop"}[5m]))';
    const failures = 'sum by (namespace, deployment) (rate(response_total{direction="inbound",namespace="shop",classification="failure"}[5m]))';
    expect(q.promql).toBe(`(${failures} or ${total} * 0) / (${total} > 0)`);
    expect(q.labels).toEqual({ namespace: 'namespace', service: 'deployment' });
  });

  it('reads callers and edges from the caller side, where both ends are labelled', () => {
    const q = mesh.requestRate({ window: '1h', by: 'source', namespace: 'shop', service: 'catalog' });
    expect(q.promql).toBe('sum by (namespace, deployment) (rate(request_total{direction="outbound",dst_namespace="shop",dst_deployment="catalog"}[1h]))');
    expect(q.labels).toEqual({ sourceNamespace: 'namespace', sourceService: 'deployment' });
    const out = mesh.mtlsRatio({ window: '1h', by: 'service', sourceNamespace: 'shop', sourceService: 'checkout' });
    expect(out.promql).toContain('request_total{direction="outbound",namespace="shop",deployment="checkout",tls="true"}');
    expect(out.labels).toEqual({ namespace: 'dst_namespace', service: 'dst_deployment' });
  });

  it('reads what callers got from route metrics per call where they exist, endpoint metrics elsewhere', () => {
    const q = mesh.callerErrorRatio({ window: '5m', by: 'mesh', namespace: 'sh.op', service: 'catalog' });
    expect(q.promql).toContain('route_response_total{direction="outbound",dst=~"catalog[.]sh\\\\.op[.].*",classification="failure"}[5m]');
    expect(q.promql).toContain('response_total{direction="outbound",dst_namespace="sh.op",dst_deployment="catalog"}[5m]');
    expect(q.promql).toContain('unless on (namespace, deployment, authority)');
    expect(mesh.callerSide).toContain('ServiceProfile routes');
  });

  it('escapes names like every adapter', () => {
    const q = mesh.latencyQuantile({ window: '5m', by: 'mesh', quantile: 0.95, namespace: 'a"b', service: 'c\\d' });
    expect(q.promql).toContain('namespace="a\\"b",deployment="c\\\\d"');
  });

  it('says which signals Linkerd does not have, and how to get close', () => {
    for (const q of [mesh.responseFlags({ window: '5m', by: 'mesh' }), mesh.retryStats({ window: '5m' }), mesh.controlPlane({ window: '5m' }), mesh.revisions({})]) {
      expect(isUnsupported(q)).toBe(true);
    }
  });

  it('keeps the services table working by renaming its labels to the ones the table joins on', () => {
    const q = mesh.serviceSummaryQueries({ window: '5m' });
    for (const promql of Object.values(q)) expect(promql).toMatch(/^label_replace\(label_replace\(.*"destination_service_name", "\$1", "deployment", "\(\.\*\)"\)$/);
  });

  it('watches the linkerd-proxy container', () => {
    expect(mesh.proxyResources({ window: '1h', limit: 5 }).cpu.promql).toContain('container="linkerd-proxy"');
  });
});
