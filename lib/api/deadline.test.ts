import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrometheusClient } from '@/lib/prometheus';
import { startScriptedServer, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { apiHandler } from './handler';

// One deadline per API request: a handler that asks a slow Prometheus four questions one after
// another (each answered in 800 ms) ends at its 1 s deadline with a 504, not after 3.2 s.

const DEADLINE_MS = 1_000;
const ANSWER_MS = 800;
let server: ScriptedServer;

beforeAll(async () => {
  // Read by getEnv() on the first request below; nothing in this file read the environment before.
  process.env.MESHWATCH_REQUEST_DEADLINE_MS = String(DEADLINE_MS);
  server = await startScriptedServer();
  server.reply({ body: { status: 'success', data: { resultType: 'vector', result: [] } }, delayMs: ANSWER_MS });
});
afterAll(async () => {
  delete process.env.MESHWATCH_REQUEST_DEADLINE_MS;
  await server.close();
});

describe('request deadline', () => {
  it('ends a request of sequential stages at one deadline with 504, sending no stage after it', async () => {
    // A per-query timeout far above the deadline: only the request's deadline can end it early.
    const client = createPrometheusClient({ baseUrl: server.url, timeoutMs: 30_000 });
    let stagesDone = 0;
    const handler = apiHandler('/api/test-deadline', async (_request: Request) => {
      for (let stage = 0; stage < 4; stage += 1) {
        await client.instantQuery(`stage_${stage}`, { time: 1_700_000_000 });
        stagesDone += 1;
      }
      return Response.json({ stagesDone });
    });
    const response = await handler(new Request('http://localhost/api/test-deadline'));
    expect(response.status).toBe(504);
    const body = (await response.json()) as { error: { code: string; message: string; upstream: { kind: string } } };
    expect(body.error).toMatchObject({ code: 'upstream_timeout', upstream: { kind: 'timeout' } });
    expect(body.error.message).toContain(`deadline of ${DEADLINE_MS} ms`);
    // 800 ms per stage and a 1 s deadline: at most the first stage answers, the second is cut off and
    // no third is sent (bounds, not timings: a busy machine may cut the first stage already).
    expect(stagesDone).toBeLessThanOrEqual(1);
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });

  it('also ends a request whose queries wait in the queue for a slot', async () => {
    const client = createPrometheusClient({ baseUrl: server.url, timeoutMs: 30_000, maxConcurrency: 1 });
    server.requests.length = 0;
    const handler = apiHandler('/api/test-deadline', async (_request: Request) => {
      await Promise.all(Array.from({ length: 5 }, (_, i) => client.instantQuery(`queued_${i}`, { time: 1_700_000_000 })));
      return Response.json({});
    });
    const response = await handler(new Request('http://localhost/api/test-deadline'));
    expect(response.status).toBe(504);
    // One slot, 800 ms each: at most the second call is at Prometheus when the deadline passes; the rest never leave the queue.
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
    expect(server.requests.length).toBeLessThanOrEqual(2);
  });
});
