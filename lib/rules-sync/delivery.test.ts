// Rule delivery through the SLO routes: every saved change rewrites MESHWATCH_RULES_FILE (judged by the
// real promtool) and reloads Prometheus with the configured credentials; a rejected rule or a refused
// reload never loses the change. Prometheus is a scripted HTTP server here (the real one is in
// rules-sync.int.test.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { GET as getRules } from '@/app/api/rules/route';
import { GET as getAlerting } from '@/app/api/slos-alerting/route';
import { GET as getOne, PUT, DELETE } from '@/app/api/slos/[name]/route';
import { POST as create } from '@/app/api/slos/route';
import { startScriptedServer, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { rulesDeliverySchema } from '@/lib/slo/alerting-schema';
import { openSqliteStore, setSloStore } from '@/lib/store';
import { getRulesSyncer } from './index';

const EDITOR = { authorization: 'Bearer editor-token-123', 'content-type': 'application/json' };
const spec = { name: 'cart-availability', service: 'cart', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d' };
const promtoolSays = (file: string) => execFileSync('/usr/bin/promtool', ['check', 'rules', file], { encoding: 'utf8' });

let dir: string;
let file: string;
let prom: ScriptedServer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-delivery-'));
  file = path.join(dir, 'meshwatch-rules.yml');
  prom = await startScriptedServer();
  setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
  vi.stubEnv('PROMETHEUS_URL', prom.url);
  vi.stubEnv('PROMETHEUS_BEARER_TOKEN', 'prom-secret');
  vi.stubEnv('PROMETHEUS_HEADERS', 'X-Scope-OrgID=tenant-a');
  vi.stubEnv('MESHWATCH_API_TOKENS', 'editor-token-123:editor');
  vi.stubEnv('MESHWATCH_RULES_FILE', file);
  vi.stubEnv('MESHWATCH_PROMTOOL', '/usr/bin/promtool');
});
afterAll(async () => {
  setSloStore(undefined)?.close();
  vi.unstubAllEnvs();
  await prom.close();
  rmSync(dir, { recursive: true, force: true });
});

const url = (p: string) => `http://meshwatch.test/api${p}`;
const ctx = (name: string) => ({ params: Promise.resolve({ name }) });
/** Waits for the background sync the route started (a request queues behind it). */
const synced = () => getRulesSyncer()!.request();
const delivery = async () => rulesDeliverySchema.parse(await (await getRules(new Request(url('/rules')))).json());

describe('rule delivery', () => {
  it('creating an SLO writes its rules, checked, and reloads Prometheus with the configured auth', async () => {
    prom.reply({ status: 200, body: '' });
    expect((await create(new Request(url('/slos'), { method: 'POST', headers: EDITOR, body: JSON.stringify(spec) }))).status).toBe(201);
    await synced();
    expect(promtoolSays(file)).toContain('SUCCESS: 20 rules found');
    const reload = prom.requests.find((r) => r.url === '/-/reload');
    expect(reload).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer prom-secret', 'x-scope-orgid': 'tenant-a' } });
    expect(await delivery()).toMatchObject({ mode: 'file', file, groups: 3, lastSync: { ok: true, reload: 'ok', groups: 3 } });
  });

  it('says so when Prometheus has no lifecycle API (403), without failing the edit', async () => {
    prom.reply({ status: 403, body: 'Lifecycle API is not enabled.' });
    const res = await PUT(new Request(url('/slos/cart-availability'), { method: 'PUT', headers: EDITOR, body: JSON.stringify({ ...spec, objective: 99.5 }) }), ctx('cart-availability'));
    expect(res.status).toBe(200);
    await synced();
    const { lastSync } = await delivery();
    expect(lastSync).toMatchObject({ ok: true, reload: 'disabled', error: expect.stringContaining('--web.enable-lifecycle') });
    expect(readFileSync(file, 'utf8')).toContain('(14.4 * 0.005)');
  });

  it('saves an SLO whose rules promtool rejects, keeps the good file and records the error', async () => {
    prom.reply({ status: 200, body: '' });
    const good = readFileSync(file, 'utf8');
    const bad = { ...spec, indicator: { type: 'custom', errorQuery: 'sum(rate(bad[{{window}}])', totalQuery: 'sum(rate(all[{{window}}]))' } };
    const res = await PUT(new Request(url('/slos/cart-availability'), { method: 'PUT', headers: EDITOR, body: JSON.stringify(bad) }), ctx('cart-availability'));
    expect(res.status).toBe(200);
    await synced();
    expect(await (await getOne(new Request(url('/slos/cart-availability')), ctx('cart-availability'))).json()).toMatchObject({ indicator: { type: 'custom' } });
    expect(readFileSync(file, 'utf8')).toBe(good);
    expect((await delivery()).lastSync).toMatchObject({ ok: false, reload: 'skipped', checkOutput: expect.stringMatching(/parenthesis|parse error/) });
  });

  it('offers every SLO as PrometheusRule resources and as one rule file', async () => {
    const bundle = await getRules(new Request(url('/rules?format=prometheusrule')));
    expect(bundle.headers.get('content-type')).toMatch(/^application\/yaml/);
    const docs = parseAllDocuments(await bundle.text()).map((d) => d.toJS() as { kind: string; metadata: { namespace: string } });
    expect(docs).toEqual([expect.objectContaining({ kind: 'PrometheusRule', metadata: expect.objectContaining({ namespace: 'shop' }) })]);
    expect((await getRules(new Request(url('/rules?format=xml')))).status).toBe(422);
  });

  it('reports a failed reload, and the read-back answers 502 when Prometheus fails', async () => {
    prom.reply({ status: 500, body: 'boom' });
    const state = await synced();
    expect(state).toMatchObject({ ok: false, reload: 'skipped' }); // the broken spec from above is still stored
    await PUT(new Request(url('/slos/cart-availability'), { method: 'PUT', headers: EDITOR, body: JSON.stringify(spec) }), ctx('cart-availability'));
    expect(await synced()).toMatchObject({ ok: true, reload: 'error', error: expect.stringContaining('HTTP 500') });
    const res = await getAlerting(new Request(url('/slos-alerting')));
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_error' } });
  });

  it('deleting the SLO empties the rule file', async () => {
    prom.reply({ status: 200, body: '' });
    expect((await DELETE(new Request(url('/slos/cart-availability'), { method: 'DELETE', headers: EDITOR }), ctx('cart-availability'))).status).toBe(204);
    await synced();
    expect(promtoolSays(file)).toContain('SUCCESS: 0 rules found');
    expect(await delivery()).toMatchObject({ groups: 0, lastSync: { ok: true, reload: 'ok' } });
  });
});
