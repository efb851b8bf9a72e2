import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { apiErrorBodySchema } from '@/lib/api/error-body';
import { panelResponseSchema } from '@/lib/dashboards/schema';
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { GET } from './route';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
  vi.stubEnv('PROMETHEUS_URL', server.url); // read once, when the client is first built
  vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '300');
  vi.stubEnv('MESH', 'istio');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

const get = (dashboard: string, panel: string, qs = '') =>
  GET(new Request(`http://meshwatch.test/api/panels/${dashboard}/${panel}?${qs}`), { params: Promise.resolve({ dashboard, panel }) });

const vector = (value: string) => ({ body: { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1_790_856_000, value] }] } } });
const params = (req: RecordedRequest) => new URLSearchParams(req.body);

describe('GET /api/panels/{dashboard}/{panel}', () => {
  it('runs the panel queries at the end of the range and answers the shared contract', async () => {
    server.reply((req) => (params(req).get('query')?.includes('!="mutual_tls"') ? { body: { status: 'success', data: { resultType: 'vector', result: [] } } } : vector('1')));
    const before = server.requests.length;
    const res = await get('executive', 'mtls-coverage', 'start=1790852400&end=1790856000&step=15');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-meshwatch-queries')).toBe('2');
    const body = panelResponseSchema.parse(await res.json());
    expect(body).toMatchObject({ dashboard: 'executive', panel: 'mtls-coverage', evaluatedAt: '2026-10-01T12:00:00.000Z', range: { start: 1_790_852_400, end: 1_790_856_000, step: 15 } });
    expect(body.data).toMatchObject({ kind: 'stat', value: 1, health: 'good' });
    expect(body.queries).toHaveLength(2);
    const sent = server.requests.slice(before);
    expect(sent.map((r) => params(r).get('time'))).toEqual(['1790856000', '1790856000']);
  });

  it.each([
    ['executive', 'services'],
    ['executive', 'nope'],
    ['nope', 'top-failing'],
  ])('is 404 JSON for %s/%s', async (dashboard, panel) => {
    const res = await get(dashboard, panel);
    expect(res.status).toBe(404);
    expect(apiErrorBodySchema.parse(await res.json()).error.code).toBe('not_found');
  });

  it.each([
    ['executive', 'cert-expiry', 'start=10&end=5', 'start'],
    ['executive', 'cert-expiry', 'step=0', 'step'],
    ['executive', 'cert-expiry', `namespace=${'n'.repeat(254)}`, 'namespace'],
    ['debug', 'inbound', 'namespace=shop', 'service'],
    ['debug', 'traces', 'service=cart', 'namespace'],
    ['debug', 'service-flags', '', 'service'],
  ])('is 422 with field errors for %s/%s?%s', async (dashboard, panel, qs, field) => {
    const res = await get(dashboard, panel, qs);
    expect(res.status).toBe(422);
    const { error } = apiErrorBodySchema.parse(await res.json());
    expect(error.code).toBe('validation_failed');
    expect(Object.keys((error.details as { fieldErrors: object }).fieldErrors)).toContain(field);
  });

  it('maps a Prometheus error to 502 and a timeout to 504', async () => {
    server.reply({ status: 400, body: { status: 'error', errorType: 'bad_data', error: 'parse error' } });
    const bad = await get('executive', 'cert-expiry');
    expect(bad.status).toBe(502);
    expect(apiErrorBodySchema.parse(await bad.json()).error.upstream).toMatchObject({ kind: 'api', errorType: 'bad_data' });
    server.reply('hang');
    expect((await get('executive', 'cert-expiry')).status).toBe(504);
  });
});
