// GET /api/services over a Linkerd mesh: MESH=auto detects it from the metric names, and the three
// summary queries are the Linkerd adapter's (inbound request_total / response_total /
// response_latency_ms_bucket by namespace, deployment), not Istio's.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { servicesResponseSchema } from '@/lib/queries/schemas';
import { openSqliteStore, setSloStore, type SloStore } from '@/lib/store';
import { GET } from './route';

let server: ScriptedServer;
let previousStore: SloStore | undefined;
beforeAll(async () => {
  // No SLOs: each verdict is its error ratio's (the store is read for the SLOs of every service).
  previousStore = setSloStore(openSqliteStore(':memory:'));
  server = await startScriptedServer();
  vi.stubEnv('PROMETHEUS_URL', server.url);
  vi.stubEnv('MESH', 'auto');
});
afterAll(async () => {
  setSloStore(previousStore)?.close();
  vi.unstubAllEnvs();
  await server.close();
});

// What the adapter's label_replace adds: Istio's destination labels next to Linkerd's own.
const sample = (ns: string, deployment: string, value: string) => ({
  metric: { namespace: ns, deployment, destination_service_namespace: ns, destination_service_name: deployment },
  value: [1_700_000_000, value],
});
const vector = (result: unknown[]) => ({ body: { status: 'success', data: { resultType: 'vector', result } } });

/** A Prometheus that holds only Linkerd's request counter, answering each summary query by its metric. */
function linkerdPrometheus(req: RecordedRequest) {
  if (req.url.startsWith('/api/v1/label/__name__/values')) return { body: { status: 'success', data: ['request_total'] } };
  const query = new URLSearchParams(req.body).get('query') ?? '';
  if (query.includes('response_latency_ms_bucket')) return vector([sample('shop', 'catalog', '87.5')]);
  if (query.includes('response_total')) return vector([sample('shop', 'catalog', '0.98')]);
  return vector([sample('shop', 'catalog', '12.5')]);
}

const get = (qs: string) => GET(new Request(`http://meshwatch.test/api/services?${qs}`));
const sentQueries = (from: number) =>
  server.requests.slice(from).filter((r) => r.url.startsWith('/api/v1/query')).map((r) => new URLSearchParams(r.body).get('query') ?? '');

describe('GET /api/services on a Linkerd mesh', () => {
  it('detects Linkerd once, then sends its three summary queries and joins them per service', async () => {
    server.reply(linkerdPrometheus);
    const before = server.requests.length;
    const res = await get(`time=1700000000&window=5m&namespace=${encodeURIComponent('sh"op')}`);
    expect(res.status).toBe(200);
    const body = servicesResponseSchema.parse(await res.json());
    expect(body.warnings).toEqual([]);
    expect(body.services).toEqual([
      {
        namespace: 'shop',
        service: 'catalog',
        rps: 12.5,
        successRatio: 0.98,
        p95Ms: 87.5,
        reasons: {},
        health: { level: 'warning', reason: '2.0 % of requests fail (warning at 1 % or more)' },
      },
    ]);

    const sent = server.requests.slice(before);
    expect(sent.filter((r) => r.url.startsWith('/api/v1/label/__name__/values'))).toHaveLength(1);
    const queries = sentQueries(before);
    expect(queries.sort()).toEqual([...body.queries].sort());
    expect(queries).toHaveLength(3);
    const [rps, successRatio, p95Ms] = body.queries;
    expect(rps).toContain('rate(request_total{');
    expect(successRatio).toContain('rate(response_total{');
    expect(successRatio).toContain('classification="failure"');
    expect(p95Ms).toContain('rate(response_latency_ms_bucket{');
    for (const q of body.queries) {
      expect(q).not.toContain('istio_');
      // Server-side figures, grouped per destination in PromQL, the namespace escaped.
      expect(q).toContain('direction="inbound"');
      expect(q).toContain('namespace="sh\\"op"');
      expect(q).toMatch(/by \((le, )?namespace, deployment\)/);
    }
  });

  it('asks for the mesh only once per process: a second load is three queries', async () => {
    server.reply(linkerdPrometheus);
    const before = server.requests.length;
    expect((await get('time=1700000000&window=5m')).status).toBe(200);
    expect(server.requests.slice(before).map((r) => r.url.split('?')[0])).toEqual(['/api/v1/query', '/api/v1/query', '/api/v1/query']);
  });
});
