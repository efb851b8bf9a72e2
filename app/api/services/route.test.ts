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
  vi.stubEnv('PROMETHEUS_URL', server.url); // read once, when the client is first built
  vi.stubEnv('MESHWATCH_QUERY_CACHE_MB', '0'); // each test scripts its own answers to the same questions
  vi.stubEnv('MESH', 'istio'); // no detection query; route-linkerd.test.ts covers detection
});
afterAll(async () => {
  setSloStore(previousStore)?.close();
  vi.unstubAllEnvs();
  await server.close();
});

const sample = (ns: string, svc: string, value: string) => ({
  metric: { destination_service_namespace: ns, destination_service_name: svc },
  value: [1_700_000_000, value],
});
const vector = (result: unknown[], warnings?: string[]) => ({
  body: { status: 'success', data: { resultType: 'vector', result }, ...(warnings ? { warnings } : {}) },
});

/** Answers like Prometheus would for the three summary queries over a tiny mesh. */
function prometheus(req: RecordedRequest) {
  const query = new URLSearchParams(req.body).get('query') ?? '';
  if (query.startsWith('histogram_quantile')) return vector([sample('shop', 'catalog', '219.625'), sample('shop', 'idle', 'NaN')]);
  if (query.startsWith('1 - ')) return vector([sample('shop', 'catalog', '0.9900990099009901')], ['w1']);
  return vector([sample('shop', 'idle', '0'), sample('shop', 'catalog', '10.1')], ['w1']);
}

const get = (qs: string) => GET(new Request(`http://meshwatch.test/api/services?${qs}`));

describe('GET /api/services', () => {
  it('runs the three queries at one time and joins them per service', async () => {
    server.reply(prometheus);
    const before = server.requests.length;
    const res = await get('time=1700000000&window=5m');
    expect(res.status).toBe(200);
    const body = servicesResponseSchema.parse(await res.json());
    expect(body.evaluatedAt).toBe('2023-11-14T22:13:20.000Z');
    expect(body.window).toBe('5m');
    expect(body.queries).toHaveLength(3);
    expect(body.warnings).toEqual(['w1']);
    expect(body.services).toEqual([
      {
        namespace: 'shop',
        service: 'catalog',
        rps: 10.1,
        successRatio: 0.9900990099009901,
        p95Ms: 219.625,
        reasons: {},
        // 1 in 101 requests failing is just under the 1 % warning threshold.
        health: { level: 'ok', reason: '0.99 % of requests fail (under the 1 % warning threshold)' },
      },
      {
        namespace: 'shop',
        service: 'idle',
        rps: 0,
        successRatio: null,
        p95Ms: null,
        reasons: { successRatio: 'no traffic in window', p95Ms: 'no traffic in window' },
        health: { level: 'idle', reason: 'no traffic in the window' },
      },
    ]);
    const sent = server.requests.slice(before).map((r) => new URLSearchParams(r.body));
    expect(sent.map((p) => p.get('time'))).toEqual(['1700000000', '1700000000', '1700000000']);
    expect(sent.map((p) => p.get('query')).sort()).toEqual([...body.queries].sort());
  });

  it('escapes the namespace into the PromQL it sends', async () => {
    server.reply(() => vector([]));
    const before = server.requests.length;
    const res = await get(`time=1700000000&namespace=${encodeURIComponent('sh"op')}`);
    expect(res.status).toBe(200);
    for (const req of server.requests.slice(before)) {
      expect(new URLSearchParams(req.body).get('query')).toContain('destination_service_namespace="sh\\"op"');
    }
  });

  it.each([
    ['window=banana', 'window'],
    ['window=30s', 'window'],
    ['time=yesterday', 'time'],
    ['time=1700000000000', 'time'],
  ])('rejects %s with 422 naming the field', async (qs, field) => {
    const res = await get(qs);
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { code: string; details: { fieldErrors: Record<string, unknown> } } };
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.details.fieldErrors)).toEqual([field]);
  });

  it('maps a failing Prometheus to 502 with its message', async () => {
    server.reply({ status: 503, contentType: 'text/html', body: '<h1>down</h1>' });
    const res = await get('time=1700000000');
    expect(res.status).toBe(502);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error).toMatchObject({ code: 'upstream_error', message: 'Prometheus answered HTTP 503' });
  });
});
