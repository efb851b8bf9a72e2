import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrometheusClient } from './client';
import { checkPrometheusReadiness } from './readiness';
import { closedPort, startScriptedServer, type ScriptedServer } from './scripted-server';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const client = () => createPrometheusClient({ baseUrl: server.url, timeoutMs: 1_000 });

describe('checkPrometheusReadiness', () => {
  it('is ready with the build version', async () => {
    server.reply({ body: { status: 'success', data: { version: '2.42.0' } } });
    expect(await checkPrometheusReadiness(client())).toEqual({ ready: true, version: '2.42.0' });
  });

  it('falls back to a trivial query when buildinfo does not exist', async () => {
    server.reply((req) =>
      req.url.endsWith('/buildinfo')
        ? { status: 404, body: '404 page not found' }
        : { body: { status: 'success', data: { resultType: 'vector', result: [] } } },
    );
    expect(await checkPrometheusReadiness(client())).toEqual({ ready: true, version: 'unknown' });
  });

  it.each([
    [{ status: 503, body: 'Service Unavailable' }, 'Prometheus answered HTTP 503'],
    [{ status: 401, body: 'Unauthorized' }, /^Prometheus refused the credentials \(HTTP 401\); check PROMETHEUS_BEARER_TOKEN/],
    ['hang' as const, 'Prometheus did not answer within 200 ms'],
  ])('is not ready on %j', async (reply, reason) => {
    server.reply(reply);
    const result = await checkPrometheusReadiness(client(), 200);
    expect(result.ready).toBe(false);
    if (!result.ready) expect(result.reason).toMatch(reason);
  });

  it('names a refused connection without the address', async () => {
    const down = createPrometheusClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, timeoutMs: 1_000 });
    expect(await checkPrometheusReadiness(down)).toEqual({ ready: false, reason: 'Prometheus unreachable: connection refused' });
  });
});
