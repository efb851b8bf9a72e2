import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrometheusClient, PrometheusError } from '@/lib/prometheus';
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { evaluateSlo, evaluateSlos } from './evaluate';
import { sloSpecSchema } from './spec';

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());

const client = () => createPrometheusClient({ baseUrl: server.url, timeoutMs: 2000 });
const TIME = 1_790_856_000;
const availability = sloSpecSchema.parse({ name: 'cart', service: 'cart', namespace: 'shop', team: 't', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });
const custom = sloSpecSchema.parse({
  ...availability,
  name: 'mine',
  indicator: { type: 'custom', errorQuery: 'sum(increase(broken{[{{window}}]))', totalQuery: 'sum(increase(t[{{window}}]))' },
});
const queryOf = (req: RecordedRequest) => new URLSearchParams(req.body).get('query') ?? '';
const vector = (result: unknown[]) => ({ body: { status: 'success', data: { resultType: 'vector', result } } });
const part = (name: string, value: string) => ({
  metric: { destination_service_namespace: 'shop', destination_service_name: 'cart', slo_part: name },
  value: [TIME, value],
});

describe('evaluateSlos', () => {
  it('sends every query at the same instant and builds the statuses', async () => {
    server.reply(() => vector([part('bad', '3'), part('total', '6000')]));
    const before = server.requests.length;
    const status = await evaluateSlo(availability, { client: client(), time: TIME });
    const sent = server.requests.slice(before).map((r) => new URLSearchParams(r.body));
    expect(sent).toHaveLength(8);
    expect(new Set(sent.map((p) => p.get('time')))).toEqual(new Set([String(TIME)]));
    expect(status.burnRates['1h']).toBeCloseTo(0.5, 12);
  });

  it('fails only the custom SLO whose own PromQL Prometheus rejects', async () => {
    server.reply((req) =>
      queryOf(req).includes('broken{')
        ? { status: 400, body: { status: 'error', errorType: 'bad_data', error: 'parse error: unexpected "["' } }
        : vector([part('bad', '0'), part('total', '100')]),
    );
    const { evaluations } = await evaluateSlos([availability, custom], { client: client(), time: TIME });
    expect(evaluations[0]?.status?.sli).toBe(1);
    expect(evaluations[1]).toMatchObject({ name: 'mine', status: null, error: { code: 'query_failed', message: 'Prometheus rejected the custom query: parse error: unexpected "["' } });
  });

  it('fails the whole evaluation when a shared query fails', async () => {
    server.reply({ status: 503, contentType: 'text/plain', body: 'overloaded' });
    await expect(evaluateSlos([availability], { client: client(), time: TIME })).rejects.toBeInstanceOf(PrometheusError);
  });
});
