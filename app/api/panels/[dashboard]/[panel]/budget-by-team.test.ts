// The executive "error budget by team" panel through its route, with a scripted Prometheus and a
// temporary SQLite store: how many queries it runs, what Inspect says, and its error states.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { apiErrorBodySchema } from '@/lib/api/error-body';
import { panelResponseSchema } from '@/lib/dashboards/schema';
import { startScriptedServer, type RecordedRequest, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { resetRecordedPresence } from '@/lib/slo-engine/recorded-expect';
import { sliHash } from '@/lib/slo/sli-hash';
import { sloSpecSchema, type SloSpec } from '@/lib/slo/spec';
import { openSqliteStore, setSloStore, type SloStore } from '@/lib/store';
import { GET } from './route';
import { istioSli } from '@/lib/mesh';

const END = 1_790_856_000;
let server: ScriptedServer;
let dir: string;
beforeAll(async () => {
  server = await startScriptedServer();
  vi.stubEnv('PROMETHEUS_URL', server.url);
  vi.stubEnv('MESHWATCH_QUERY_CACHE_MB', '0'); // each test scripts its own answers to the same questions
  vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '1000');
  vi.stubEnv('MESH', 'istio');
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-budget-panel-'));
});
// Each test starts as a fresh process: the memo of series found missing is keyed by SLO name and SLI,
// which every test reuses (slo-0 is in all of them), so one test's read would change the next's queries.
beforeEach(() => resetRecordedPresence());
afterEach(() => setSloStore(undefined)?.close());
afterAll(async () => {
  vi.unstubAllEnvs();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

const spec = (i: number): SloSpec =>
  sloSpecSchema.parse({ name: `slo-${i}`, service: `svc-${i}`, namespace: 'shop', team: `team-${i % 3}`, indicator: { type: 'availability' }, objective: 99.9, window: '30d' });

// The SLOs were defined 40 days before the panel's instant: recorded series at END can only exist for
// definitions older than it (settled rules), and only then is the recorded read sent alone.
const DEFINED = new Date((END - 40 * 86_400) * 1000);

function storeWith(count: number): void {
  const store = openSqliteStore(path.join(dir, `slos-${count}-${Date.now()}.db`), { now: () => DEFINED });
  for (let i = 0; i < count; i++) store.create(spec(i), 'test');
  setSloStore(store);
}

const queryOf = (req: RecordedRequest) => new URLSearchParams(req.body).get('query') ?? '';
const vector = (result: unknown[]) => ({ body: { status: 'success', data: { resultType: 'vector', result } } });
const empty = () => vector([]);
const isRecordedRead = (q: string) => q.startsWith('{__name__=~');
/** The services a raw availability query selects and its window. */
const rawTarget = (q: string) => ({
  services: (/destination_service_name=~"([^"]*)"/.exec(q)?.[1] ?? '').split('|'),
  window: /\[(\w+)\]\)\)/.exec(q)?.[1] ?? '',
});
const WINDOWS = ['5m', '30m', '1h', '2h', '6h', '1d', '3d', '30d'];

async function load(): Promise<{ status: number; body: unknown; header: string | null; sent: string[] }> {
  const before = server.requests.length;
  const res = await GET(new Request(`http://meshwatch.test/api/panels/executive/budget-by-team?start=${END - 3600}&end=${END}`), {
    params: Promise.resolve({ dashboard: 'executive', panel: 'budget-by-team' }),
  });
  return { status: res.status, body: await res.json(), header: res.headers.get('x-meshwatch-queries'), sent: server.requests.slice(before).map(queryOf) };
}

describe('error budget by team: queries', () => {
  it('runs only the two namespace queries on a fresh install', async () => {
    storeWith(0);
    server.reply(empty);
    const { status, header, sent } = await load();
    expect(status).toBe(200);
    expect(header).toBe('2');
    expect(sent).toHaveLength(2);
  });

  // 2 namespace queries + 1 read of the recorded series + 8 raw windows (5m 30m 1h 2h 6h 1d 3d 30d, the
  // default policy's windows and the SLO window) for availability SLOs: 11, for 1 SLO as for 40.
  it.each([1, 40])('runs 11 queries without recorded series, whatever the number of SLOs (%i)', async (count) => {
    storeWith(count);
    server.reply(empty);
    const { status, body, header, sent } = await load();
    expect(status).toBe(200);
    expect(header).toBe('11');
    expect(sent).toHaveLength(11);
    const { queries } = panelResponseSchema.parse(body);
    // Inspect lists every PromQL that ran and says the figures came from the raw counters.
    expect(new Set(queries.map((q) => q.promql))).toEqual(new Set(sent));
    expect(queries[2]?.purpose).toMatch(new RegExp(`recording rules, read first for ${count} SLOs?: 0 of ${count * 8} SLO windows came from recorded series, ${count * 8} from raw counters`));
    expect(queries.slice(3).every((q) => /^SLO figures from raw counters: availability SLOs over \w+/.test(q.purpose))).toBe(true);
  });

  // The first read finds every series missing and remembers it; the second sends the 8 raw queries
  // beside the recorded read instead of after it: the same 2 + 1 + 8 queries, none sent twice.
  it('sends the raw queries beside the recorded read once a read found the series missing, still 11', async () => {
    storeWith(40);
    server.reply(empty);
    const first = await load();
    const second = await load();
    expect(first.header).toBe('11');
    expect(second.header).toBe('11');
    expect(second.sent).toHaveLength(11);
    expect(new Set(second.sent)).toEqual(new Set(first.sent));
  });

  // slo-0's series were found missing by an earlier read (alone in its store), so its 8 windows go out
  // beside the recorded read; the other 39 SLOs' are expected, found missing by the read, and asked
  // after it, grouped over those 39 services only: 2 + 1 + 8 + 8 = 19. No service's window is asked
  // twice, and each SLO's figures come from the answer that selected it: svc-0 fails 5 of 1000
  // requests (a 5x burn against the 0.1% budget), every other service 1 of 1000 (1x).
  it('asks each SLO window once when one SLO is known missing and the others turn out missing: 19', async () => {
    storeWith(1);
    server.reply(empty);
    expect((await load()).header).toBe('11');
    storeWith(40);
    server.reply((req) => {
      const q = queryOf(req);
      if (isRecordedRead(q) || !q.includes('slo_part')) return empty();
      return vector(
        rawTarget(q).services.flatMap((svc) => [
          { metric: { destination_service_namespace: 'shop', destination_service_name: svc, slo_part: 'bad' }, value: [END, svc === 'svc-0' ? '5' : '1'] },
          { metric: { destination_service_namespace: 'shop', destination_service_name: svc, slo_part: 'total' }, value: [END, '1000'] },
        ]),
      );
    });
    const { status, body, header, sent } = await load();
    expect(status).toBe(200);
    expect(header).toBe('19');
    const raw = sent.filter((q) => q.includes('slo_part')).map(rawTarget);
    expect(raw).toHaveLength(16);
    for (const window of WINDOWS) {
      const asked = raw.filter((r) => r.window === window).flatMap((r) => r.services);
      expect(asked.toSorted()).toEqual(Array.from({ length: 40 }, (_, i) => `svc-${i}`).toSorted());
    }
    const data = panelResponseSchema.parse(body);
    const burn = (team: string) => (data.data.kind === 'table' ? data.data.rows.find((r) => r.id === team)?.cells.burn1h : undefined);
    // team-0 holds slo-0 (answered beside the read) and takes its team's fastest burn; team-1 has no slo-0.
    expect(burn('team-0')).toBeCloseTo(5, 9);
    expect(burn('team-1')).toBeCloseTo(1, 9);
  });

  it('runs 3 queries when the recording rules give every window, and Inspect says so', async () => {
    storeWith(2);
    const recorded = [0, 1].flatMap((i) =>
      WINDOWS.flatMap((w) => [
        { metric: { __name__: `slo:sli_error:ratio_rate${w}`, slo: `slo-${i}`, sli_hash: sliHash(spec(i), istioSli) }, value: [END, '0.0005'] },
        { metric: { __name__: `slo:sli_events:increase${w}`, slo: `slo-${i}`, sli_hash: sliHash(spec(i), istioSli) }, value: [END, '2000'] },
      ]),
    );
    server.reply((req) => (isRecordedRead(queryOf(req)) ? vector(recorded) : empty()));
    const { status, body, header } = await load();
    expect(status).toBe(200);
    expect(header).toBe('3');
    const data = panelResponseSchema.parse(body);
    expect(data.queries[2]?.purpose).toMatch(/16 of 16 SLO windows came from recorded series, 0 from raw counters/);
    // 0.0005 error ratio against a 0.001 budget: a 0.5x burn everywhere, half the budget left.
    const row = data.data.kind === 'table' ? data.data.rows.find((r) => r.id === 'team-0') : undefined;
    expect(row?.cells).toMatchObject({ summary: '1 SLO: worst budget 50%', alerting: '0 paging, 0 ticketing, 1 ok', burn1h: 0.5 });
  });
});

describe('error budget by team: errors are the panel error', () => {
  it('answers 502 when Prometheus rejects the SLO queries, though the namespace queries work', async () => {
    storeWith(1);
    server.reply((req) => (queryOf(req).includes('slo_part') ? { status: 422, body: { status: 'error', errorType: 'execution', error: 'too many samples' } } : empty()));
    const { status, body } = await load();
    expect(status).toBe(502);
    expect(apiErrorBodySchema.parse(body).error.upstream).toMatchObject({ kind: 'api', error: 'too many samples' });
  });

  it('answers 504 when Prometheus does not answer in time', async () => {
    storeWith(1);
    server.reply('hang');
    expect((await load()).status).toBe(504);
  });

  it('answers 503 when the SLO store cannot be read, without the SQLite message', async () => {
    const broken = { list: () => { throw new Error('SQLITE_CANTOPEN: /secret/path/slos.db'); }, close: () => {} } as unknown as SloStore;
    setSloStore(broken);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    server.reply(empty);
    const { status, body } = await load();
    expect(status).toBe(503);
    const { error } = apiErrorBodySchema.parse(body);
    expect(error.code).toBe('store_unavailable');
    expect(error.message).not.toContain('/secret');
  });
});
