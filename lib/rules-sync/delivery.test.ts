// Rule delivery through the SLO routes: every saved change rewrites MESHWATCH_RULES_FILE (judged by the
// real promtool) and reloads Prometheus with the configured credentials; a refused reload never loses
// the change, and an SLO whose rules promtool rejects is refused at save time (or, stored earlier, left
// out of the file so the others are still delivered). Prometheus is a scripted HTTP server here (the real one is in
// rules-sync.int.test.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { GET as getRules } from '@/app/api/rules/route';
import { GET as getAlerting } from '@/app/api/slos-alerting/route';
import { GET as getOne, PUT, DELETE } from '@/app/api/slos/[name]/route';
import { POST as importSlos } from '@/app/api/slos/import/route';
import { GET as list, POST as create } from '@/app/api/slos/route';
import { startScriptedServer, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { rulesDeliverySchema, slosAlertingResponseSchema } from '@/lib/slo/alerting-schema';
import { getSloStore, openSqliteStore, setSloStore } from '@/lib/store';
import { getRulesSyncer } from './index';

const EDITOR = { authorization: 'Bearer editor-token-123', 'content-type': 'application/json' };
const spec = { name: 'cart-availability', service: 'cart', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d' };
/** Istio's mesh-health alerts with default settings: every alert of the catalog (independent count: the catalog lists nine). */
const MESH_RULES = 9;
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
  vi.stubEnv('MESH', 'istio'); // the fake Prometheus answers no metric names
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
    // The SLO's 20 rules, the 9 mesh-health alerts (Istio, default settings) and the rollout alert in the same file.
    expect(promtoolSays(file)).toContain(`SUCCESS: ${20 + MESH_RULES + 1} rules found`);
    const reload = prom.requests.find((r) => r.url === '/-/reload');
    expect(reload).toMatchObject({ method: 'POST', headers: { authorization: 'Bearer prom-secret', 'x-scope-orgid': 'tenant-a' } });
    expect(await delivery()).toMatchObject({ mode: 'file', file, groups: 5, lastSync: { ok: true, reload: 'ok', groups: 5 } });
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

  // Changed intent: such an SLO used to be saved (200) while its rules silently blocked the rule file of
  // every SLO. It is now refused at save time with promtool's own line, and nothing is stored.
  it('refuses (422 rules_rejected) an SLO whose rules promtool rejects, with promtool\'s line on the field, and stores nothing', async () => {
    prom.reply({ status: 200, body: '' });
    const good = readFileSync(file, 'utf8');
    const errorQuery = 'sum(rate(bad[{{window}}])';
    const bad = { ...spec, indicator: { type: 'custom', errorQuery, totalQuery: 'sum(rate(all[{{window}}]))' } };
    // promtool's verdict on the bad query alone: the independent reference for the message.
    const probe = path.join(dir, 'probe.yml');
    writeFileSync(probe, `groups:\n- name: probe\n  rules:\n  - record: probe\n    expr: ${errorQuery.replace('{{window}}', '5m')}\n`);
    const reason = /unclosed left parenthesis/;
    expect(() => promtoolSays(probe)).toThrow(reason);

    const put = await PUT(new Request(url('/slos/cart-availability'), { method: 'PUT', headers: EDITOR, body: JSON.stringify(bad) }), ctx('cart-availability'));
    expect(put.status).toBe(422);
    const body = (await put.json()) as { error: { code: string; message: string; details: { fieldErrors: Record<string, string[]> } } };
    expect(body.error).toMatchObject({ code: 'rules_rejected', message: expect.stringMatching(reason) });
    expect(body.error.details.fieldErrors['indicator.errorQuery']).toEqual([expect.stringMatching(reason)]);
    expect(body.error.details.fieldErrors['indicator.totalQuery']).toBeUndefined();
    expect(await (await getOne(new Request(url('/slos/cart-availability')), ctx('cart-availability'))).json()).toMatchObject({ objective: 99.5, indicator: { type: 'availability' } });

    const post = await create(new Request(url('/slos'), { method: 'POST', headers: EDITOR, body: JSON.stringify({ ...bad, name: 'cart-custom' }) }));
    expect(post.status).toBe(422);
    const imported = await importSlos(new Request(url('/slos/import'), { method: 'POST', headers: EDITOR, body: JSON.stringify([{ ...spec, name: 'cart-second' }, { ...bad, name: 'cart-custom' }]) }));
    expect(imported.status).toBe(422);
    // All or none: the good SLO is not stored either; only the bad one is named.
    const importError = ((await imported.json()) as { error: { code: string; details: { fieldErrors: Record<string, string[]> } } }).error;
    expect(importError.code).toBe('rules_rejected');
    expect(importError.details.fieldErrors).toEqual({ 'cart-custom.indicator.errorQuery': [expect.stringMatching(reason)] });
    expect((await (await list()).json()) as Array<{ name: string }>).toEqual([expect.objectContaining({ name: 'cart-availability' })]);
    await synced();
    expect(readFileSync(file, 'utf8')).toBe(good);
  });

  it('leaves out an SLO stored before the check whose rules promtool rejects, delivers the others, and reports it rejected', async () => {
    prom.reply((req) => {
      if (req.url.startsWith('/api/v1/rules')) return { body: { status: 'success', data: { groups: [] } } };
      if (req.url.startsWith('/api/v1/alerts')) return { body: { status: 'success', data: { alerts: [] } } };
      return { status: 200, body: '' };
    });
    // As if stored by an older Meshwatch: straight into the store, past the routes' check.
    const legacy = { ...spec, name: 'legacy-custom', indicator: { type: 'custom' as const, errorQuery: 'sum(rate(bad[{{window}}])', totalQuery: 'sum(rate(all[{{window}}]))' } };
    getSloStore().create(legacy, 'older-meshwatch');
    const state = await synced();
    expect(state).toMatchObject({ ok: false, reload: 'ok', groups: 5, excluded: [{ slo: 'legacy-custom', output: expect.stringMatching(/unclosed left parenthesis/) }] });
    // promtool counts only cart's 20 rules (and the mesh-health and rollout alerts) in the written file.
    expect(promtoolSays(file)).toContain(`SUCCESS: ${20 + MESH_RULES + 1} rules found`);
    expect(readFileSync(file, 'utf8')).not.toContain('legacy-custom');
    expect((await delivery()).lastSync?.excluded?.map((e) => e.slo)).toEqual(['legacy-custom']);
    const alerting = slosAlertingResponseSchema.parse(await (await getAlerting(new Request(url('/slos-alerting')))).json());
    expect(alerting.slos.find((s) => s.name === 'legacy-custom')).toMatchObject({ rules: 'rejected', detail: expect.stringMatching(/unclosed left parenthesis/) });
    expect(alerting.slos.find((s) => s.name === 'cart-availability')?.rules).toBe('not_loaded');
    expect((await DELETE(new Request(url('/slos/legacy-custom'), { method: 'DELETE', headers: EDITOR }), ctx('legacy-custom'))).status).toBe(204);
    expect(await synced()).toMatchObject({ ok: true, groups: 5 });
    expect((await synced()).excluded).toBeUndefined();
  });

  it('offers every SLO as PrometheusRule resources and as one rule file', async () => {
    const bundle = await getRules(new Request(url('/rules?format=prometheusrule')));
    expect(bundle.headers.get('content-type')).toMatch(/^application\/yaml/);
    const docs = parseAllDocuments(await bundle.text()).map((d) => d.toJS() as { kind: string; metadata: { namespace: string } });
    expect(docs).toEqual([
      expect.objectContaining({ kind: 'PrometheusRule', metadata: expect.objectContaining({ namespace: 'shop' }) }),
      expect.objectContaining({ kind: 'PrometheusRule', metadata: expect.objectContaining({ name: 'meshwatch-mesh-health' }) }),
    ]);
    expect((await getRules(new Request(url('/rules?format=xml')))).status).toBe(422);
  });

  it('reports a failed reload, and the read-back answers 502 when Prometheus fails', async () => {
    prom.reply({ status: 500, body: 'boom' });
    await PUT(new Request(url('/slos/cart-availability'), { method: 'PUT', headers: EDITOR, body: JSON.stringify(spec) }), ctx('cart-availability'));
    expect(await synced()).toMatchObject({ ok: true, reload: 'error', error: expect.stringContaining('HTTP 500') });
    const res = await getAlerting(new Request(url('/slos-alerting')));
    expect(res.status).toBe(502);
    expect(await res.json()).toMatchObject({ error: { code: 'upstream_error' } });
  });

  // Changed intent: the file used to be empty without SLOs; the mesh-health and rollout alerts now stay in it.
  it('deleting the SLO leaves only the mesh-health and rollout alerts in the rule file', async () => {
    prom.reply({ status: 200, body: '' });
    expect((await DELETE(new Request(url('/slos/cart-availability'), { method: 'DELETE', headers: EDITOR }), ctx('cart-availability'))).status).toBe(204);
    await synced();
    expect(promtoolSays(file)).toContain(`SUCCESS: ${MESH_RULES + 1} rules found`);
    expect(await delivery()).toMatchObject({ groups: 2, lastSync: { ok: true, reload: 'ok' } });
  });
});
