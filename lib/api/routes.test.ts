import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as healthz } from '@/app/api/healthz/route';
import { GET as metrics } from '@/app/api/metrics/route';
import { GET as readyz } from '@/app/api/readyz/route';
import { startScriptedServer, type ScriptedServer } from '@/lib/prometheus/scripted-server';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
  // Read once by lib/env and cached with the client, so set before the first readyz call.
  vi.stubEnv('PROMETHEUS_URL', server.url);
  vi.stubEnv('PROMETHEUS_BASIC_AUTH_USER', 'meshwatch');
  vi.stubEnv('PROMETHEUS_BASIC_AUTH_PASSWORD', 'hunter2');
  vi.stubEnv('PROMETHEUS_HEADERS', 'X-Scope-OrgID=tenant-a');
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
});

describe('API routes', () => {
  it('healthz is ok', async () => {
    const response = await healthz();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('readyz reports the Prometheus version, sending the configured auth and tenant', async () => {
    server.reply({ body: { status: 'success', data: { version: '2.42.0' } } });
    const response = await readyz();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', prometheus: { version: '2.42.0' } });
    const headers = server.requests.at(-1)?.headers;
    expect(headers?.authorization).toBe(`Basic ${Buffer.from('meshwatch:hunter2').toString('base64')}`);
    expect(headers?.['x-scope-orgid']).toBe('tenant-a');
  });

  it('readyz is 503 with a reason and no address when Prometheus fails', async () => {
    server.reply({ status: 502, contentType: 'text/html', body: '<h1>Bad Gateway</h1>' });
    const response = await readyz();
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ status: 'not ready', reason: 'Prometheus answered HTTP 502' });
    expect(text).not.toMatch(/127\.0\.0\.1|hunter2/);
  });

  it('metrics serves the registry in the text format', async () => {
    const response = await metrics();
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('# TYPE meshwatch_prometheus_request_duration_seconds histogram');
    expect(text).toMatch(/meshwatch_http_requests_total\{route="\/api\/readyz",status="503"\} 1/);
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});
