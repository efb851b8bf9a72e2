// The backtest routes' failure paths through their handlers, with a temporary SQLite file and a
// scripted Prometheus (a real HTTP server): 404 unknown SLO, 422 bad input, 502/504 upstream.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetRateLimits } from '@/lib/api/guard';
import { startScriptedServer, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { sloSpecSchema } from '@/lib/slo';
import { slosBacktestResponseSchema } from '@/lib/slo/backtest/schema';
import { getSloStore, openMaintenanceStore, openSqliteStore, setMaintenanceStore, setSloStore } from '@/lib/store';
import { GET } from './[name]/backtest/route';
import { POST } from './backtest/route';
import { GET as GET_ALL } from '../slos-backtest/route';

const EDITOR = { authorization: 'Bearer editor-token-123' };
// With tokens configured, backtests need an identity (MESHWATCH_ANONYMOUS defaults to dashboards).
const VIEWER = { authorization: 'Bearer viewer-token-456' };
const spec = { name: 'cart-availability', service: 'cart', namespace: 'shop', team: 'shop', indicator: { type: 'availability' }, objective: 99.9, window: '30d' };
const TO = 1_790_856_000;

let dir: string;
let prom: ScriptedServer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-backtest-api-'));
  setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
  setMaintenanceStore(openMaintenanceStore(path.join(dir, 'slos.db')));
  getSloStore().create(sloSpecSchema.parse(spec), 'test');
  prom = await startScriptedServer();
  vi.stubEnv('PROMETHEUS_URL', prom.url);
  vi.stubEnv('MESH', 'istio'); // the fake Prometheus answers no metric names
  vi.stubEnv('MESHWATCH_QUERY_CACHE_MB', '0'); // each test scripts its own answers to the same questions
  vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '500');
  vi.stubEnv('MESHWATCH_API_TOKENS', 'editor-token-123:editor,viewer-token-456:viewer');
});
// Each test starts with full rate-limit buckets; the limits have tests of their own.
beforeEach(() => resetRateLimits());
afterAll(async () => {
  setSloStore(undefined)?.close();
  setMaintenanceStore(undefined)?.close();
  vi.unstubAllEnvs();
  await prom.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (name: string, query: string, headers: Record<string, string> = VIEWER) =>
  GET(new Request(`http://meshwatch.test/api/slos/${name}/backtest?${query}`, { headers }), { params: Promise.resolve({ name }) });
const post = (body: unknown, headers: Record<string, string> = VIEWER) =>
  POST(new Request('http://meshwatch.test/api/slos/backtest', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) }));
type ErrorBody = { error: { code: string; message: string; details?: { fieldErrors?: Record<string, string[]> } } };
const errorOf = async (res: Response) => ((await res.json()) as ErrorBody).error;

describe('GET /api/slos/{name}/backtest', () => {
  it('404s an unknown SLO', async () => {
    const res = await get('nope', `to=${TO}`);
    expect(res.status).toBe(404);
  });

  it.each([
    ['from after to', `from=${TO}&to=${TO - 60}`, 'from', /before to/],
    ['a range over 35 days', `from=${TO - 36 * 86_400}&to=${TO}`, 'from', /at most 35 days/],
    ['milliseconds', `to=${TO * 1000}`, 'to', /not milliseconds/],
    ['a policy that is not JSON', `to=${TO}&policy=%7Bnope`, 'policy', /must be JSON/],
    ['a long window beyond the SLO window', `to=${TO}&policy=${encodeURIComponent(JSON.stringify({ alerts: [{ severity: 'page', longWindow: '60d', threshold: 2 }] }))}`, 'policy.alerts.0.longWindow', /longer than the SLO window/],
    ['a pair with neither threshold nor budgetPercent', `to=${TO}&policy=${encodeURIComponent(JSON.stringify({ alerts: [{ severity: 'page', longWindow: '1h' }] }))}`, 'policy.alerts.0.threshold', /exactly one/],
  ])('422s %s with a field error', async (_name, query, field, message) => {
    const res = await get('cart-availability', query);
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.details?.fieldErrors?.[field]?.join(' ')).toMatch(message);
  });

  it('502s when Prometheus answers with an error, naming it', async () => {
    prom.reply({ status: 503, body: 'overloaded' });
    const res = await get('cart-availability', `to=${TO}`);
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe('upstream_error');
  });

  it('504s when Prometheus does not answer in time', async () => {
    prom.reply('hang');
    // Another range than the test before: its queries still in flight would be joined, not sent again.
    const res = await get('cart-availability', `to=${TO - 3_600}`);
    expect(res.status).toBe(504);
    expect((await errorOf(res)).code).toBe('upstream_timeout');
  });
});

describe('POST /api/slos/backtest', () => {
  it('422s an invalid spec with the form field paths', async () => {
    const res = await post({ spec: { ...spec, objective: 100 }, to: TO });
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details?.fieldErrors?.objective?.join(' ')).toMatch(/below 100/);
  });

  it('422s a body without a spec', async () => {
    const res = await post({ to: TO });
    expect(res.status).toBe(422);
  });

  it('asks for an editor before running a custom indicator', async () => {
    const custom = { ...spec, indicator: { type: 'custom', errorQuery: 'sum(rate(x[{{window}}]))', totalQuery: 'sum(rate(y[{{window}}]))' } };
    expect((await post({ spec: custom, to: TO })).status).toBe(403);
    expect((await post({ spec: custom, to: TO }, {})).status).toBe(401);
  });

  it('asks anonymous callers to sign in before any backtest', async () => {
    const before = prom.requests.length;
    expect((await post({ spec, to: TO }, {})).status).toBe(401);
    expect((await get('cart-availability', `to=${TO}`, {})).status).toBe(401);
    expect(prom.requests.length).toBe(before);
  });

  it('answers 429 with Retry-After once a caller has spent its backtests, before asking Prometheus', async () => {
    prom.reply({ status: 500, body: 'boom' });
    // A frozen clock: the buckets refill with time, and this test must not depend on how fast it runs.
    vi.spyOn(Date, 'now').mockReturnValue(TO * 1000);
    // LIMITS.backtest.burst (10) go through; the 11th at the same instant is refused.
    const statuses = [];
    for (let i = 0; i < 10; i++) statuses.push((await post({ spec, to: TO })).status);
    expect(statuses).toEqual(Array(10).fill(502));
    const before = prom.requests.length;
    const refused = await post({ spec, to: TO });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await errorOf(refused)).code).toBe('rate_limited');
    expect(prom.requests.length).toBe(before);
    // Another identity has its own allowance.
    expect((await post({ spec, to: TO }, EDITOR)).status).toBe(502);
    vi.restoreAllMocks();
  });

  it('422s a custom query that Prometheus rejects', async () => {
    prom.reply((req) =>
      req.url.startsWith('/api/v1/query_range')
        ? { status: 400, body: { status: 'error', errorType: 'bad_data', error: 'parse error: unexpected identifier' } }
        : { body: { status: 'success', data: { resultType: 'vector', result: [] } } },
    );
    const custom = { ...spec, indicator: { type: 'custom', errorQuery: 'sum(rate(x[{{window}}])) nope', totalQuery: 'sum(rate(y[{{window}}]))' } };
    const res = await post({ spec: custom, to: TO }, EDITOR);
    expect(res.status).toBe(422);
    expect(await errorOf(res)).toMatchObject({ code: 'query_failed', message: expect.stringMatching(/parse error/) });
  });

  it('502s a valid spec when Prometheus fails', async () => {
    prom.reply({ status: 500, body: 'boom' });
    const res = await post({ spec, to: TO });
    expect(res.status).toBe(502);
  });
});

describe('GET /api/slos-backtest', () => {
  const getAll = (query: string) => GET_ALL(new Request(`http://meshwatch.test/api/slos-backtest?${query}`, { headers: VIEWER }));

  it('422s a range that ends before it starts', async () => {
    const res = await getAll(`from=${TO}&to=${TO - 60}`);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).details?.fieldErrors?.from?.join(' ')).toMatch(/before to/);
  });

  it('answers a viewer with every SLO digested over the longest window before `to`', async () => {
    prom.reply({ body: { status: 'success', data: { resultType: 'matrix', result: [] } } });
    const res = await getAll(`to=${TO}`);
    expect(res.status).toBe(200);
    const body = slosBacktestResponseSchema.parse(await res.json());
    expect(body.to - body.from).toBe(30 * 86_400);
    expect(body.backtests).toEqual([expect.objectContaining({ name: 'cart-availability', source: 'raw', episodes: 0 })]);
    expect(body.errors).toEqual([]);
  });

  it('502s when Prometheus answers with an error', async () => {
    prom.reply({ status: 503, body: 'overloaded' });
    const res = await getAll(`to=${TO}`);
    expect(res.status).toBe(502);
    expect((await errorOf(res)).code).toBe('upstream_error');
  });

  it('504s when Prometheus does not answer in time', async () => {
    prom.reply('hang');
    // Another range than the test before: its queries still in flight would be joined, not sent again.
    const res = await getAll(`to=${TO - 3_600}`);
    expect(res.status).toBe(504);
    expect((await errorOf(res)).code).toBe('upstream_timeout');
  });
});
