import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegistry } from '@/lib/metrics';
import { createPrometheusClient, type PrometheusClient } from './client';
import { closedPort, startScriptedServer, type ScriptedServer } from './scripted-server';

const success = (data: unknown) => ({ body: { status: 'success', data } });

let server: ScriptedServer;
let client: PrometheusClient;

beforeAll(async () => {
  server = await startScriptedServer();
  // A path prefix, as behind a reverse proxy or Thanos/Mimir gateways.
  client = createPrometheusClient({ baseUrl: `${server.url}/prom/`, timeoutMs: 2_000 });
});
afterAll(() => server.close());

const lastRequest = () => server.requests.at(-1);

describe('metadata endpoints', () => {
  it('series POSTs every matcher as match[]', async () => {
    server.reply(success([{ __name__: 'up', job: 'a' }]));
    expect(await client.series(['up', '{job="a"}'], { start: 10, end: 20 })).toEqual([{ __name__: 'up', job: 'a' }]);
    expect(lastRequest()?.url).toBe('/prom/api/v1/series');
    expect(new URLSearchParams(lastRequest()?.body).getAll('match[]')).toEqual(['up', '{job="a"}']);
    expect(new URLSearchParams(lastRequest()?.body).get('start')).toBe('10');
  });

  it('labels POSTs optional matchers', async () => {
    server.reply(success(['__name__', 'job']));
    expect(await client.labels()).toEqual(['__name__', 'job']);
    expect(lastRequest()?.body).toBe('');
  });

  it('labelValues GETs with the name encoded in the path', async () => {
    server.reply(success(['shop']));
    expect(await client.labelValues('namespace', { match: ['up{job="a"}'] })).toEqual(['shop']);
    const url = new URL(lastRequest()?.url ?? '', server.url);
    expect(lastRequest()?.method).toBe('GET');
    expect(url.pathname).toBe('/prom/api/v1/label/namespace/values');
    expect(url.searchParams.getAll('match[]')).toEqual(['up{job="a"}']);
  });

  it('buildInfo returns the version', async () => {
    server.reply(success({ version: '2.42.0', revision: 'abc', branch: 'HEAD', buildUser: 'x', goVersion: 'go1.20' }));
    expect(await client.buildInfo()).toEqual({ version: '2.42.0', revision: 'abc', branch: 'HEAD', goVersion: 'go1.20' });
  });

  it('alerts: value to number, activeAt to ms', async () => {
    const alert = { labels: { alertname: 'A' }, state: 'firing', activeAt: '2023-11-14T22:13:20.5Z', value: '1.44e+01' };
    server.reply(success({ alerts: [alert] }));
    expect(await client.alerts()).toEqual([
      { labels: { alertname: 'A' }, annotations: {}, state: 'firing', activeAtMs: 1_700_000_000_500, value: 14.4 },
    ]);
  });

  it('rules: both rule types, health and last error kept', async () => {
    const recording = { type: 'recording', name: 'r', query: 'sum(x)', health: 'ok', lastEvaluation: '2023-11-14T22:13:20Z' };
    const alerting = {
      type: 'alerting',
      name: 'A',
      query: 'x > 1',
      duration: 300,
      state: 'inactive',
      health: 'err',
      lastError: 'boom',
      lastEvaluation: '0001-01-01T00:00:00Z',
      labels: { severity: 'page' },
      alerts: [],
    };
    server.reply(success({ groups: [{ name: 'g', file: 'f.yml', interval: 30, rules: [recording, alerting] }] }));
    const [group] = await client.rules();
    expect(group?.rules[0]).toEqual({ type: 'recording', name: 'r', query: 'sum(x)', health: 'ok', labels: {}, lastEvaluationMs: 1_700_000_000_000 });
    expect(group?.rules[1]).toMatchObject({ type: 'alerting', health: 'err', lastError: 'boom', lastEvaluationMs: null, duration: 300 });
  });

  it('exemplars: trace ids with numeric values and ms timestamps', async () => {
    server.reply(
      success([{ seriesLabels: { job: 'a' }, exemplars: [{ labels: { trace_id: 'abc' }, value: '0.25', timestamp: 1_700_000_000.001 }] }]),
    );
    const [series] = await client.exemplars('x_bucket', { start: 1, end: 2 });
    expect(series?.exemplars).toEqual([{ labels: { trace_id: 'abc' }, value: 0.25, timeMs: 1_700_000_000_001 }]);
  });
});

describe('ready', () => {
  it('is true on 200 text and false on 503', async () => {
    server.reply({ body: 'Prometheus Server is Ready.' });
    expect(await client.ready()).toBe(true);
    expect(lastRequest()?.url).toBe('/prom/-/ready');
    server.reply({ status: 503, body: 'Service Unavailable' });
    expect(await client.ready()).toBe(false);
  });

  it('throws when Prometheus cannot be reached', async () => {
    const down = createPrometheusClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, timeoutMs: 1_000 });
    await expect(down.ready()).rejects.toMatchObject({ kind: 'network' });
  });
});

describe('metrics', () => {
  it('observes every call by endpoint template and outcome', async () => {
    const count = async (endpoint: string, outcome: string) => {
      const prefix = `meshwatch_prometheus_request_duration_seconds_count{endpoint="${endpoint}",outcome="${outcome}"} `;
      const line = (await getRegistry().metrics()).split('\n').find((l) => l.startsWith(prefix));
      return line === undefined ? 0 : Number(line.slice(prefix.length));
    };
    const before = await count('/api/v1/label/:name/values', 'api');
    server.reply({ status: 400, body: { status: 'error', errorType: 'bad_data', error: 'invalid label name' } });
    await expect(client.labelValues('x')).rejects.toThrow();
    expect(await count('/api/v1/label/:name/values', 'api')).toBe(before + 1);
  });
});
