import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startScriptedServer, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { openSqliteStore, setSloStore, type SloStore } from '@/lib/store';
import { GET } from './route';

// The graph route's failure paths against a real (scripted) HTTP server standing in for Prometheus.
let server: ScriptedServer;
let previousStore: SloStore | undefined;
beforeAll(async () => {
  // The graph reads the SLOs of its services: an empty store, not the developer's .data file.
  previousStore = setSloStore(openSqliteStore(':memory:'));
  server = await startScriptedServer();
  vi.stubEnv('PROMETHEUS_URL', server.url); // read once, when the client is first built
  vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '1000'); // short enough for the hang test, long enough for a busy machine
});
afterAll(async () => {
  setSloStore(previousStore)?.close();
  vi.unstubAllEnvs();
  await server.close();
});

const get = (qs: string) => GET(new Request(`http://meshwatch.test/api/graph?${qs}`));
type ErrorBody = { error: { code: string; message: string } };

describe('GET /api/graph failure paths', () => {
  it('answers 502 with a JSON error naming what Prometheus said', async () => {
    server.reply({ status: 503, contentType: 'text/html', body: '<h1>down</h1>' });
    const res = await get('time=1700000000');
    expect(res.status).toBe(502);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as ErrorBody;
    expect(body.error).toMatchObject({ code: 'upstream_error', message: 'Prometheus answered HTTP 503' });
  });

  it('answers 504 with a JSON error when Prometheus does not answer in time', async () => {
    server.reply('hang');
    // Another time than the test before: its queries still in flight would be joined, not sent again.
    const res = await get('time=1700003600&view=workload');
    expect(res.status).toBe(504);
    const body = (await res.json()) as ErrorBody;
    expect(body.error.code).toMatch(/timeout/);
    expect(body.error.message).not.toBe('');
  });

  it('rejects an unknown view with 422 before asking Prometheus', async () => {
    const before = server.requests.length;
    const res = await get('view=galaxy');
    expect(res.status).toBe(422);
    expect(server.requests.length).toBe(before);
  });
});
