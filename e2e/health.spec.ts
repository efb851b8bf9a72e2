import { expect, test } from '@playwright/test';
import { fixtureTime, startPrometheus, stopPrometheus } from './prometheus-control';

test.describe('health, readiness and upstream failure over HTTP', () => {
  test.afterEach(async ({ request }) => {
    await startPrometheus(request);
  });

  test('liveness stays up, readiness and data routes report a stopped Prometheus, then recover', async ({ request }) => {
    const live = await request.get('/api/healthz');
    expect(live.status()).toBe(200);
    expect(await live.json()).toMatchObject({ status: 'ok' });

    const ready = await request.get('/api/readyz');
    expect(ready.status()).toBe(200);

    await stopPrometheus(request);

    const notReady = await request.get('/api/readyz');
    expect(notReady.status()).toBe(503);
    const reason = (await notReady.json()) as { status: string; reason: string };
    expect(reason.status).toBe('not ready');
    expect(reason.reason).toMatch(/unreachable|refused/i);
    expect(JSON.stringify(reason)).not.toContain('127.0.0.1');

    expect((await request.get('/api/healthz')).status()).toBe(200);

    // A time no other spec asked about: answers about settled times are served from the app's cache
    // even while Prometheus is down, so only a new question shows the outage.
    const uncached = `/api/services?time=${fixtureTime() - 1_170}&window=5m`;
    const data = await request.get(uncached);
    expect(data.status()).toBe(502);
    const body = (await data.json()) as { error: { code: string; message: string; upstream?: { kind: string } } };
    expect(body.error.upstream?.kind).toBe('network');
    expect(body.error.message.length).toBeGreaterThan(0);

    await startPrometheus(request);
    await expect.poll(async () => (await request.get('/api/readyz')).status(), { timeout: 30_000 }).toBe(200);
    expect((await request.get(uncached)).status()).toBe(200);
  });

  test('the app exposes its own metrics, including upstream query durations', async ({ request }) => {
    await request.get(`/api/services?time=${fixtureTime()}&window=5m`);
    const res = await request.get('/api/metrics');
    expect(res.status()).toBe(200);
    const text = await res.text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toMatch(/meshwatch_prometheus_request_duration_seconds_count\{[^}]*outcome="success"[^}]*\} [1-9]/);
  });
});
