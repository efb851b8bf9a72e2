import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getRegistry } from '@/lib/metrics';
import { createPrometheusClient } from './client';
import { PrometheusError } from './errors';
import { startScriptedServer, type ScriptedReply, type ScriptedServer } from './scripted-server';

// The client under load, over real HTTP: shared answers, the cap on calls in flight, the size cap.

const vector = (value: string): Exclude<ScriptedReply, 'hang'> => ({
  body: { status: 'success', data: { resultType: 'vector', result: [{ metric: { job: 'a' }, value: [1_700_000_000, value] }] } },
});
const PAST = 1_700_000_000; // long settled: its answers are kept for the long time to live

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

async function lookups(result: string): Promise<number> {
  const metric = await getRegistry().getSingleMetric('meshwatch_prometheus_cache_lookups_total')?.get();
  return metric?.values.find((v) => v.labels.result === result)?.value ?? 0;
}

describe('shared answers', () => {
  it('sends identical questions in flight once, and every caller gets the answer', async () => {
    const client = createPrometheusClient({ baseUrl: server.url, timeoutMs: 5_000 });
    server.reply({ ...vector('42'), delayMs: 200 });
    const joinedBefore = await lookups('joined');
    const answers = await Promise.all(Array.from({ length: 10 }, () => client.instantQuery('up', { time: PAST })));
    expect(server.requests).toHaveLength(1);
    expect(answers.map((a) => (a.resultType === 'vector' ? a.samples[0]?.value : null))).toEqual(new Array(10).fill(42));
    expect((await lookups('joined')) - joinedBefore).toBe(9);
  });

  it('answers again from the cache, keyed on the question and its time', async () => {
    const client = createPrometheusClient({ baseUrl: server.url, timeoutMs: 5_000, cacheBytes: 1_000_000 });
    server.reply(vector('1'));
    const hitsBefore = await lookups('hit');
    await client.instantQuery('up', { time: PAST });
    server.reply(vector('2'));
    const again = await client.instantQuery('up', { time: PAST });
    const later = await client.instantQuery('up', { time: PAST + 60 });
    const other = await client.instantQuery('down', { time: PAST });
    expect(server.requests).toHaveLength(3);
    expect([again, later, other].map((a) => (a.resultType === 'vector' ? a.samples[0]?.value : null))).toEqual([1, 2, 2]);
    expect((await lookups('hit')) - hitsBefore).toBe(1);
  });

  it('does not cache failures', async () => {
    const client = createPrometheusClient({ baseUrl: server.url, timeoutMs: 5_000, cacheBytes: 1_000_000 });
    server.reply({ status: 503, body: 'overloaded' });
    await expect(client.instantQuery('up', { time: PAST })).rejects.toBeInstanceOf(PrometheusError);
    server.reply(vector('3'));
    const answer = await client.instantQuery('up', { time: PAST });
    expect(answer.resultType === 'vector' ? answer.samples[0]?.value : null).toBe(3);
    expect(server.requests).toHaveLength(2);
  });

  it('lets one caller leave without failing the others waiting for the same answer', async () => {
    const client = createPrometheusClient({ baseUrl: server.url, timeoutMs: 5_000 });
    server.reply({ ...vector('7'), delayMs: 300 });
    const leaving = new AbortController();
    const left = client.instantQuery('up', { time: PAST, signal: leaving.signal });
    const stays = client.instantQuery('up', { time: PAST });
    setTimeout(() => leaving.abort(), 50);
    await expect(left).rejects.toMatchObject({ kind: 'aborted' });
    const answer = await stays;
    expect(answer.resultType === 'vector' ? answer.samples[0]?.value : null).toBe(7);
    expect(server.requests).toHaveLength(1);
  });
});

describe('cap on calls in flight', () => {
  it('never has more than maxConcurrency calls at Prometheus, and answers them all', async () => {
    const client = createPrometheusClient({ baseUrl: server.url, timeoutMs: 10_000, maxConcurrency: 2 });
    let atPrometheus = 0;
    let peak = 0;
    server.reply(() => {
      atPrometheus += 1;
      peak = Math.max(peak, atPrometheus);
      // Registered before the server's own answer timer, so it runs first.
      setTimeout(() => (atPrometheus -= 1), 100);
      return { ...vector('1'), delayMs: 100 };
    });
    const answers = await Promise.all(Array.from({ length: 7 }, (_, i) => client.instantQuery(`q${i}`, { time: PAST })));
    expect(answers).toHaveLength(7);
    expect(server.requests).toHaveLength(7);
    expect(peak).toBe(2);
  });
});

describe('size cap', () => {
  const client = () => createPrometheusClient({ baseUrl: server.url, timeoutMs: 10_000, maxResponseBytes: 1_000_000 });

  it('refuses an answer whose declared length is over the cap', async () => {
    server.reply({ body: 'x'.repeat(1_500_000), contentType: 'application/json' });
    const err = await client()
      .instantQuery('up', { time: PAST })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'too_large' });
    expect((err as Error).message).toMatch(/more than 1 MB.*PROMETHEUS_MAX_RESPONSE_MB/);
  });

  it('cuts off a streamed answer without a length once it passes the cap', async () => {
    // 100 MB would be sent in full by a Prometheus gone wrong; the client stops after about 1 MB.
    server.reply({ body: `${'y'.repeat(1_023)}\n`, contentType: 'application/json', repeat: 100_000 });
    const used = process.memoryUsage().rss;
    const err = await client()
      .rangeQuery('up', { start: PAST - 3_600, end: PAST, step: 15 })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'too_large', endpoint: '/api/v1/query_range' });
    // Generous: holding the whole answer would take 100 MB or more.
    expect(process.memoryUsage().rss - used).toBeLessThan(50_000_000);
  });

  it('passes answers under the cap', async () => {
    server.reply(vector('9'));
    const answer = await client().instantQuery('up', { time: PAST });
    expect(answer.resultType === 'vector' ? answer.samples[0]?.value : null).toBe(9);
  });
});
