import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPrometheusClient, type PrometheusClient } from './client';
import { PrometheusError } from './errors';
import { closedPort, startScriptedServer, type ScriptedServer } from './scripted-server';

const success = (data: unknown, warnings?: string[]) => ({ body: { status: 'success', data, warnings } });

let server: ScriptedServer;
let client: PrometheusClient;

beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  client = createPrometheusClient({
    baseUrl: `${server.url}/`,
    headers: { Authorization: 'Bearer s3cret', 'X-Scope-OrgID': 'tenant-a' },
    timeoutMs: 2_000,
  });
});

async function failure(promise: Promise<unknown>): Promise<PrometheusError> {
  const err = await promise.then(
    () => expect.fail('expected a PrometheusError'),
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PrometheusError);
  const prometheusError = err as PrometheusError;
  // Messages reach API responses: never the address, never the credentials.
  expect(prometheusError.message).not.toMatch(/127\.0\.0\.1|s3cret/);
  return prometheusError;
}

describe('instantQuery', () => {
  it('POSTs the query form-encoded with the configured headers', async () => {
    server.reply(success({ resultType: 'vector', result: [] }));
    await client.instantQuery('sum(rate(x{a="b c"}[5m]))', { time: 1_700_000_000.5 });
    const [req] = server.requests;
    expect(req?.method).toBe('POST');
    expect(req?.url).toBe('/api/v1/query');
    expect(req?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(req?.headers.authorization).toBe('Bearer s3cret');
    expect(req?.headers['x-scope-orgid']).toBe('tenant-a');
    expect(Object.fromEntries(new URLSearchParams(req?.body))).toEqual({
      query: 'sum(rate(x{a="b c"}[5m]))',
      time: '1700000000.5',
    });
  });

  it('asks for now on the 10-second grid when not given a time, so that viewers share one answer', async () => {
    server.reply(success({ resultType: 'vector', result: [] }));
    const before = Date.now() / 1000;
    await client.instantQuery('up');
    const time = Number(new URLSearchParams(server.requests[0]?.body).get('time'));
    expect(time % 10).toBe(0);
    expect(time).toBeGreaterThan(before - 10);
    expect(time).toBeLessThanOrEqual(Date.now() / 1000);
  });

  it('turns vector samples into numbers, NaN and ±Inf included, and seconds into ms', async () => {
    const at = 1_435_781_451.781;
    const values = ['1.5', 'NaN', '+Inf', '-Inf', '1e+06', '-0.25'];
    server.reply(success({ resultType: 'vector', result: values.map((v, i) => ({ metric: { i: `${i}` }, value: [at, v] })) }));
    const result = await client.instantQuery('x');
    expect(result.resultType).toBe('vector');
    if (result.resultType !== 'vector') return;
    expect(result.samples.map((s) => s.value)).toEqual([1.5, NaN, Infinity, -Infinity, 1_000_000, -0.25]);
    expect(result.samples[0]).toEqual({ labels: { i: '0' }, timeMs: 1_435_781_451_781, value: 1.5 });
    expect(result.warnings).toEqual([]);
  });

  it.each([
    ['scalar', [1_700_000_000, '+Inf'], { resultType: 'scalar', timeMs: 1_700_000_000_000, value: Infinity }],
    ['string', [1_700_000_000, 'hello'], { resultType: 'string', timeMs: 1_700_000_000_000, value: 'hello' }],
    [
      'matrix',
      [{ metric: { job: 'a' }, values: [[10, '1'], [20, 'NaN']] }],
      { resultType: 'matrix', series: [{ labels: { job: 'a' }, points: [[10_000, 1], [20_000, NaN]] }] },
    ],
  ])('normalises %s results', async (resultType, result, expected) => {
    server.reply(success({ resultType, result }));
    expect(await client.instantQuery('x')).toEqual({ ...expected, warnings: [] });
  });

  it('keeps warnings', async () => {
    server.reply(success({ resultType: 'vector', result: [] }, ['PromQL info: metric might not be a counter']));
    expect((await client.instantQuery('x')).warnings).toEqual(['PromQL info: metric might not be a counter']);
  });

  it('uses the per-call timeout', async () => {
    server.reply('hang');
    const err = await failure(client.instantQuery('x', { timeoutMs: 100 }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toBe('Prometheus did not answer within 100 ms');
  });
});

describe('rangeQuery', () => {
  it('sends start, end and step and returns ms points', async () => {
    server.reply(success({ resultType: 'matrix', result: [{ metric: {}, values: [[100, '1'], [160, '-Inf']] }] }));
    const result = await client.rangeQuery('vector(1)', { start: 100, end: 160, step: 60 });
    expect(Object.fromEntries(new URLSearchParams(server.requests[0]?.body))).toEqual({
      query: 'vector(1)',
      start: '100',
      end: '160',
      step: '60',
    });
    expect(result).toEqual({ resultType: 'matrix', series: [{ labels: {}, points: [[100_000, 1], [160_000, -Infinity]] }], warnings: [] });
  });

  it('rejects a vector where a matrix is due', async () => {
    server.reply(success({ resultType: 'vector', result: [] }));
    expect((await failure(client.rangeQuery('x', { start: 1, end: 2, step: 1 }))).kind).toBe('schema');
  });
});

describe('errors', () => {
  it.each([
    [400, 'bad_data', 'invalid parameter "query": 1:5: parse error: unclosed left parenthesis'],
    [422, 'execution', 'expanding series: too many samples'],
    [503, 'timeout', 'query timed out in query execution'],
  ])('keeps Prometheus %i %s errors as kind api', async (status, errorType, error) => {
    server.reply({ status, body: { status: 'error', errorType, error, warnings: ['w'] } });
    const err = await failure(client.instantQuery('sum('));
    expect(err).toMatchObject({ kind: 'api', status, errorType, error, warnings: ['w'], endpoint: '/api/v1/query' });
    expect(err.message).toBe(`Prometheus returned ${errorType}: ${error}`);
  });

  it('reports a non-JSON 502 as http', async () => {
    server.reply({ status: 502, contentType: 'text/html', body: '<html><body>Bad Gateway</body></html>' });
    const err = await failure(client.instantQuery('x'));
    expect(err).toMatchObject({ kind: 'http', status: 502, message: 'Prometheus answered HTTP 502' });
  });

  it.each([
    ['malformed JSON', '{"status":"success","data":'],
    ['a non-envelope', { hello: 'world' }],
    ['a bad sample value', { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: [1, 'abc'] }] } }],
    ['a missing timestamp', { status: 'success', data: { resultType: 'scalar', result: ['1'] } }],
  ])('reports %s on 200 as schema', async (_name, body) => {
    server.reply({ status: 200, body });
    const err = await failure(client.instantQuery('x'));
    expect(err).toMatchObject({ kind: 'schema', status: 200 });
    expect(err.message).toMatch(/^Prometheus returned an unexpected response/);
  });

  it('reports a server that never answers as timeout', async () => {
    server.reply('hang');
    const slow = createPrometheusClient({ baseUrl: server.url, timeoutMs: 150 });
    expect((await failure(slow.buildInfo())).kind).toBe('timeout');
  });

  it('reports a closed port as network, without the address', async () => {
    const port = await closedPort();
    const down = createPrometheusClient({ baseUrl: `http://127.0.0.1:${port}`, timeoutMs: 2_000 });
    const err = await failure(down.instantQuery('x'));
    expect(err).toMatchObject({ kind: 'network', message: 'Prometheus unreachable: connection refused' });
    expect(err.message).not.toContain(String(port));
  });

  it('reports a caller abort as aborted, not timeout', async () => {
    server.reply('hang');
    const controller = new AbortController();
    const pending = client.instantQuery('x', { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failure(pending)).kind).toBe('aborted');
  });

  it('does not send at all with an already-aborted signal', async () => {
    const err = await failure(client.instantQuery('x', { signal: AbortSignal.abort() }));
    expect(err.kind).toBe('aborted');
    expect(server.requests).toHaveLength(0);
  });
});
