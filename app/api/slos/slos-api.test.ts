// The SLO API through its route handlers, with a temporary SQLite file and Prometheus down (a closed
// port): specs must stay readable and editable, only statuses fail (502).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { GET as me } from '@/app/api/me/route';
import { historyResponseSchema, meResponseSchema, sloListResponseSchema } from '@/lib/slo';
import { PEER_HEADER, setPeerStampForTests } from '@/lib/api/client';
import { openSqliteStore, setSloStore } from '@/lib/store';
import { freePort } from '@/scripts/system/ports';
import { GET as getOne, PUT, DELETE } from './[name]/route';
import { GET as exportSlo } from './[name]/export/route';
import { GET as history } from './[name]/history/route';
import { GET as rules } from './[name]/rules/route';
import { GET as status } from './[name]/status/route';
import { POST as importSlos } from './import/route';
import { GET as list, POST as create } from './route';

const EDITOR = { authorization: 'Bearer editor-token-123' };
const VIEWER = { authorization: 'Bearer viewer-token-456' };
const spec = {
  name: 'checkout-availability',
  service: 'checkout',
  namespace: 'shop',
  team: 'payments',
  description: 'Checkout answers',
  indicator: { type: 'availability' },
  objective: 99.9,
  window: '30d',
};

let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-api-'));
  setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
  // As behind `next start`: the connecting address is known, and only 127.0.0.1 is the sign-in proxy.
  setPeerStampForTests(true);
  vi.stubEnv('PROMETHEUS_URL', `http://127.0.0.1:${await freePort()}`); // nothing listens there
  vi.stubEnv('PROMETHEUS_TIMEOUT_MS', '2000');
  vi.stubEnv('MESHWATCH_API_TOKENS', 'editor-token-123:editor,viewer-token-456:viewer');
  vi.stubEnv('MESHWATCH_AUTH_USER_HEADER', 'X-Forwarded-User');
  vi.stubEnv('MESHWATCH_TRUSTED_PROXIES', '127.0.0.1');
  vi.stubEnv('MESHWATCH_AUTH_GROUPS_HEADER', 'X-Forwarded-Groups');
  vi.stubEnv('MESHWATCH_GROUP_ROLES', 'sre:editor');
});
afterAll(() => {
  setPeerStampForTests(false);
  setSloStore(undefined)?.close();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

const url = (p: string) => `http://meshwatch.test/api/slos${p}`;
const ctx = (name: string) => ({ params: Promise.resolve({ name }) });
const FROM_PROXY = { [PEER_HEADER]: '127.0.0.1' };
const json = (method: string, p: string, body: unknown, headers: Record<string, string> = EDITOR) =>
  new Request(url(p), { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string; details?: Record<string, unknown> } }).error;

describe('SLO API with Prometheus down', () => {
  it('creates, reads, updates with If-Match, lists, exports and deletes, keeping the history', async () => {
    const created = await create(json('POST', '', spec));
    expect(created.status).toBe(201);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('location')).toBe('/api/slos/checkout-availability');
    expect(await created.json()).toEqual(spec);

    const read = await getOne(new Request(url('/checkout-availability')), ctx('checkout-availability'));
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');

    const updated = await PUT(json('PUT', '/checkout-availability', { ...spec, objective: 99.5 }, { ...EDITOR, 'if-match': '"1"' }), ctx('checkout-availability'));
    expect(updated.status).toBe(200);
    expect(updated.headers.get('etag')).toBe('"2"');

    expect(sloListResponseSchema.parse(await (await list()).json())).toEqual([{ ...spec, objective: 99.5 }]);

    const yaml = await rules(new Request(url('/checkout-availability/rules?format=prometheusrule')), ctx('checkout-availability'));
    expect(yaml.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect(parse(await yaml.text())).toMatchObject({ kind: 'PrometheusRule' });
    const openslo = await exportSlo(new Request(url('/checkout-availability/export?format=openslo')), ctx('checkout-availability'));
    expect(parse(await openslo.text())).toMatchObject({ apiVersion: 'openslo/v1', kind: 'SLO', metadata: { name: 'checkout-availability' } });

    const stale = await DELETE(new Request(url('/checkout-availability'), { method: 'DELETE', headers: { ...EDITOR, 'if-match': '"1"' } }), ctx('checkout-availability'));
    expect(stale.status).toBe(409);
    expect(await errorOf(stale)).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2 } });

    const deleted = await DELETE(new Request(url('/checkout-availability'), { method: 'DELETE', headers: { ...EDITOR, 'if-match': '"2"' } }), ctx('checkout-availability'));
    expect(deleted.status).toBe(204);
    expect((await getOne(new Request(url('/checkout-availability')), ctx('checkout-availability'))).status).toBe(404);

    const past = historyResponseSchema.parse(await (await history(new Request(url('/checkout-availability/history')), ctx('checkout-availability'))).json());
    expect(past.entries.map((e) => [e.action, e.actor, e.version])).toEqual([
      ['delete', 'api-token-1', 2],
      ['update', 'api-token-1', 2],
      ['create', 'api-token-1', 1],
    ]);
    expect(past.entries[1]?.before?.objective).toBe(99.9);
    expect(past.entries[1]?.after?.objective).toBe(99.5);
  });

  it('answers a stale edit with 409 and the current version', async () => {
    await create(json('POST', '', { ...spec, name: 'stale' }));
    await PUT(json('PUT', '/stale', { ...spec, name: 'stale', objective: 99 }, { ...EDITOR, 'if-match': '1' }), ctx('stale'));
    const res = await PUT(json('PUT', '/stale', { ...spec, name: 'stale', objective: 98 }, { ...EDITOR, 'if-match': '"1"' }), ctx('stale'));
    expect(res.status).toBe(409);
    expect(await errorOf(res)).toMatchObject({ code: 'version_conflict', details: { currentVersion: 2, current: { objective: 99 } } });
    expect((await create(json('POST', '', { ...spec, name: 'stale' }))).status).toBe(409);
  });

  it.each([
    ['no identity', {}, 401, 'unauthenticated'],
    ['an unknown token', { authorization: 'Bearer guess' }, 401, 'unauthenticated'],
    ['a viewer token', VIEWER, 403, 'forbidden'],
    ['a proxy user outside sre', { ...FROM_PROXY, 'x-forwarded-user': 'bo', 'x-forwarded-groups': 'devs' }, 403, 'forbidden'],
    ['proxy headers from an address that is not the proxy', { [PEER_HEADER]: '10.9.9.9', 'x-forwarded-user': 'ana', 'x-forwarded-groups': 'sre' }, 401, 'unauthenticated'],
  ])('refuses mutations from %s', async (_who, headers, statusCode, code) => {
    for (const res of [
      await create(json('POST', '', { ...spec, name: 'nope' }, headers)),
      await PUT(json('PUT', '/stale', { ...spec, name: 'stale' }, headers), ctx('stale')),
      await DELETE(new Request(url('/stale'), { method: 'DELETE', headers }), ctx('stale')),
      await importSlos(new Request(url('/import'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(spec) })),
    ]) {
      expect(res.status).toBe(statusCode);
      expect((await errorOf(res)).code).toBe(code);
    }
    // Reading needs no role, but a wrong token is refused rather than read as anonymous.
    const wrongToken = 'authorization' in headers && headers.authorization === 'Bearer guess';
    expect((await getOne(new Request(url('/stale'), { headers }), ctx('stale'))).status).toBe(wrongToken ? 401 : 200);
  });

  it('lets a proxy user in an editor group edit, recorded under their name', async () => {
    const res = await create(json('POST', '', { ...spec, name: 'by-proxy' }, { ...FROM_PROXY, 'x-forwarded-user': 'ana', 'x-forwarded-groups': 'sre' }));
    expect(res.status).toBe(201);
    const past = (await (await history(new Request(url('/by-proxy/history')), ctx('by-proxy'))).json()) as { entries: Array<{ actor: string }> };
    expect(past.entries[0]?.actor).toBe('ana');
  });

  it('rejects invalid specs with 422 and messages per field', async () => {
    const res = await create(json('POST', '', { ...spec, name: 'Bad Name', objective: 100, indicator: { type: 'latency', thresholdMs: -1 } }));
    expect(res.status).toBe(422);
    const error = await errorOf(res);
    expect(error.code).toBe('validation_failed');
    expect(error.details?.fieldErrors).toEqual({
      name: ['must be lowercase letters, digits and dashes, starting and ending with a letter or digit'],
      'indicator.thresholdMs': ['must be a positive number of milliseconds'],
      objective: ['must be below 100 (100% leaves no error budget)'],
    });
    const renamed = await PUT(json('PUT', '/stale', { ...spec, name: 'other' }), ctx('stale'));
    expect(renamed.status).toBe(422);
    expect((await errorOf(renamed)).details?.fieldErrors).toEqual({ name: ['must be stale: SLOs cannot be renamed'] });
    const notJson = await create(new Request(url(''), { method: 'POST', headers: { ...EDITOR, 'content-type': 'application/json' }, body: '{' }));
    expect(notJson.status).toBe(400);
  });

  it('answers 404 for unknown SLOs', async () => {
    for (const res of [
      await getOne(new Request(url('/ghost')), ctx('ghost')),
      await rules(new Request(url('/ghost/rules')), ctx('ghost')),
      await history(new Request(url('/ghost/history')), ctx('ghost')),
      await PUT(json('PUT', '/ghost', { ...spec, name: 'ghost' }), ctx('ghost')),
    ]) {
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe('not_found');
    }
  });

  it('imports Sloth YAML in one go, or only previews it with dryRun', async () => {
    const sloth = 'version: prometheus/v1\nservice: cart\nlabels: { namespace: shop, team: storefront }\nslos:\n  - name: cart-errors\n    objective: 99\n    sli: { events: { error_query: "sum(rate(e[{{.window}}]))", total_query: "sum(rate(t[{{.window}}]))" } }\n';
    const YAML = { ...EDITOR, 'content-type': 'application/yaml' };
    const dry = await importSlos(new Request(url('/import?dryRun=true'), { method: 'POST', headers: YAML, body: sloth }));
    expect(dry.status).toBe(200);
    expect((await getOne(new Request(url('/cart-errors')), ctx('cart-errors'))).status).toBe(404);
    const res = await importSlos(new Request(url('/import'), { method: 'POST', headers: YAML, body: sloth }));
    expect(res.status).toBe(201);
    expect((await getOne(new Request(url('/cart-errors')), ctx('cart-errors'))).status).toBe(200);
    const bad = await importSlos(new Request(url('/import'), { method: 'POST', headers: YAML, body: 'kind: Pod' }));
    expect(bad.status).toBe(422);
  });

  it('fails only the status, with 502 and a JSON reason', async () => {
    const res = await status(new Request(url('/stale/status?time=1790856000')), ctx('stale'));
    expect(res.status).toBe(502);
    expect(await errorOf(res)).toMatchObject({ code: 'upstream_error', message: expect.stringContaining('connection refused') });
  });

  it('says who is asking at /api/me', async () => {
    expect(meResponseSchema.parse(await (await me(new Request('http://meshwatch.test/api/me', { headers: VIEWER }))).json())).toEqual({ user: 'api-token-2', role: 'viewer', demo: false });
    expect(await (await me(new Request('http://meshwatch.test/api/me'))).json()).toEqual({ user: null, role: null, demo: false });
  });
});
