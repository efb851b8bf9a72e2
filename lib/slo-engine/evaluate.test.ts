import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrometheusClient, PrometheusError } from '@/lib/prometheus';
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { evaluateSlo, evaluateSlos } from './evaluate';
import { sliHash } from '@/lib/slo/sli-hash';
import { sloSpecSchema } from '@/lib/slo/spec';
import { istioSli } from '@/lib/mesh';

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
    const status = await evaluateSlo(availability, { client: client(), sli: istioSli, time: TIME });
    const sent = server.requests.slice(before).map((r) => new URLSearchParams(r.body));
    // One query for the recorded series (none here), then the 8 raw windows.
    expect(sent).toHaveLength(9);
    expect(sent[0]?.get('query')).toMatch(/^\{__name__=~"slo:sli_error:ratio_rate1d\|/);
    expect(new Set(sent.map((p) => p.get('time')))).toEqual(new Set([String(TIME)]));
    expect(status.burnRates['1h']).toBeCloseTo(0.5, 12);
    expect(status.source?.['30d']).toBe('raw');
  });

  it('reads recorded windows from the one recorded query and only the missing window raw', async () => {
    const labels = { slo: 'cart', sli_hash: sliHash(availability, istioSli) };
    // Every window but 30d recorded: ratio 0.0005 over 2000 events, a 0.5x burn.
    const recorded = ['5m', '30m', '1h', '2h', '6h', '1d', '3d'].flatMap((w) => [
      { metric: { __name__: `slo:sli_error:ratio_rate${w}`, ...labels }, value: [TIME, '0.0005'] },
      { metric: { __name__: `slo:sli_events:increase${w}`, ...labels }, value: [TIME, '2000'] },
    ]);
    server.reply((req) => (queryOf(req).startsWith('{__name__=~') ? vector(recorded) : vector([part('bad', '9'), part('total', '6000')])));
    const before = server.requests.length;
    const { evaluations, queryCount } = await evaluateSlos([availability], { client: client(), sli: istioSli, time: TIME });
    const sent = server.requests.slice(before).map(queryOf);
    expect(sent).toHaveLength(2);
    expect(queryCount).toBe(2);
    expect(sent[1]).toContain('[30d]');
    const status = evaluations[0]?.status;
    expect(status?.burnRates['1h']).toBeCloseTo(0.5, 12);
    // 9 / 6000 / 0.001 from the raw counters.
    expect(status?.burnRates['30d']).toBeCloseTo(1.5, 12);
    expect(status?.traffic.events).toBe(6000);
    expect(status?.source).toMatchObject({ '1h': 'recorded', '5m': 'recorded', '30d': 'raw' });
  });

  it('sends raw queries beside the read for a new SLO, and their failure does not fail it when every window is recorded', async () => {
    const labels = { slo: 'cart', sli_hash: sliHash(availability, istioSli) };
    const recorded = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'].flatMap((w) => [
      { metric: { __name__: `slo:sli_error:ratio_rate${w}`, ...labels }, value: [TIME, '0.0005'] },
      { metric: { __name__: `slo:sli_events:increase${w}`, ...labels }, value: [TIME, '2000'] },
    ]);
    server.reply((req) => (queryOf(req).startsWith('{__name__=~') ? vector(recorded) : { status: 503, contentType: 'text/plain', body: 'overloaded' }));
    const recordedHints = { definedAt: new Map([['cart', TIME - 60]]) };
    const { evaluations, queryCount } = await evaluateSlos([availability], { client: client(), sli: istioSli, time: TIME, recordedHints });
    // The recorded read and the 8 raw windows beside it; the recorded figures stand.
    expect(queryCount).toBe(9);
    expect(evaluations[0]?.status?.burnRates['30d']).toBeCloseTo(0.5, 12);
    // Without the recorded series, the same failed raw answers are needed: the evaluation fails.
    server.reply((req) => (queryOf(req).startsWith('{__name__=~') ? vector([]) : { status: 503, contentType: 'text/plain', body: 'overloaded' }));
    await expect(evaluateSlos([availability], { client: client(), sli: istioSli, time: TIME, recordedHints })).rejects.toBeInstanceOf(PrometheusError);
  });

  it('forces the raw counters with recorded: false', async () => {
    server.reply(() => vector([part('bad', '3'), part('total', '6000')]));
    const before = server.requests.length;
    const { queryCount } = await evaluateSlos([availability], { client: client(), sli: istioSli, time: TIME, recorded: false });
    expect(queryCount).toBe(8);
    expect(server.requests.slice(before).map(queryOf).some((q) => q.includes('slo:sli_'))).toBe(false);
  });

  it('fails only the custom SLO whose own PromQL Prometheus rejects', async () => {
    server.reply((req) =>
      queryOf(req).includes('broken{')
        ? { status: 400, body: { status: 'error', errorType: 'bad_data', error: 'parse error: unexpected "["' } }
        : vector([part('bad', '0'), part('total', '100')]),
    );
    const { evaluations } = await evaluateSlos([availability, custom], { client: client(), sli: istioSli, time: TIME });
    expect(evaluations[0]?.status?.sli).toBe(1);
    expect(evaluations[1]).toMatchObject({ name: 'mine', status: null, error: { code: 'query_failed', message: 'Prometheus rejected the custom query: parse error: unexpected "["' } });
  });

  it('fails the whole evaluation when a shared query fails', async () => {
    server.reply({ status: 503, contentType: 'text/plain', body: 'overloaded' });
    await expect(evaluateSlos([availability], { client: client(), sli: istioSli, time: TIME })).rejects.toBeInstanceOf(PrometheusError);
  });
});
