// The mesh-health alert settings API: defaults for a new store, editor-only writes with the same
// cross-site refusal as every mutation, zod validation per alert bounds, and a saved change rewriting
// the delivered rule file (judged by the real promtool). Prometheus is a scripted HTTP server here.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse } from 'yaml';
import { meshAlertsResponseSchema } from '@/lib/mesh-alerts';
import { startScriptedServer, type ScriptedServer } from '@/lib/prometheus/scripted-server';
import { getRulesSyncer } from '@/lib/rules-sync';
import { openSqliteStore, setSloStore } from '@/lib/store';
import { GET, PUT } from './route';

const EDITOR = { authorization: 'Bearer editor-token-123', 'content-type': 'application/json' };
const VIEWER = { authorization: 'Bearer viewer-token-1234', 'content-type': 'application/json' };
const PUBLIC = 'https://meshwatch.example.com';

let dir: string;
let file: string;
let prom: ScriptedServer;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-mesh-alerts-'));
  file = path.join(dir, 'meshwatch-rules.yml');
  prom = await startScriptedServer();
  prom.reply({ status: 200, body: '' });
  setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
  vi.stubEnv('PROMETHEUS_URL', prom.url);
  vi.stubEnv('MESH', 'istio');
  vi.stubEnv('MESHWATCH_API_TOKENS', 'editor-token-123:editor,viewer-token-1234:viewer');
  vi.stubEnv('MESHWATCH_RULES_FILE', file);
  vi.stubEnv('MESHWATCH_PROMTOOL', '/usr/bin/promtool');
  vi.stubEnv('MESHWATCH_PUBLIC_URL', PUBLIC);
});
afterAll(async () => {
  setSloStore(undefined)?.close();
  vi.unstubAllEnvs();
  await prom.close();
  rmSync(dir, { recursive: true, force: true });
});

const url = `${PUBLIC}/api/mesh-alerts`;
const put = (body: unknown, headers: Record<string, string> = EDITOR) => PUT(new Request(url, { method: 'PUT', headers, body: JSON.stringify(body) }));
const read = async () => meshAlertsResponseSchema.parse(await (await GET(new Request(url))).json());
type RuleFile = { groups: Array<{ name: string; rules: Array<{ alert: string; expr: string; labels: Record<string, string>; annotations: Record<string, string> }> }> };

describe('/api/mesh-alerts', () => {
  it('lists every alert with its defaults, runbook and availability on the mesh', async () => {
    const body = await read();
    expect(body.mesh).toBe('istio');
    expect(body.alerts).toHaveLength(9);
    expect(body.alerts.find((a) => a.id === 'ca-cert-ticket')).toMatchObject({ enabled: true, threshold: 7, unit: 'days', severity: 'ticket', available: true, runbookUrl: `${PUBLIC}/runbooks/mesh-health#ca-cert-ticket`, updatedBy: null });
    expect(body.alerts.find((a) => a.id === 'ca-cert-page')).toMatchObject({ threshold: 1, severity: 'page' });
  });

  it('refuses writes from viewers, anonymous users and other sites', async () => {
    expect((await put({ alerts: [{ id: 'proxy-restarts', enabled: false, threshold: 3 }] }, VIEWER)).status).toBe(403);
    expect((await put({ alerts: [{ id: 'proxy-restarts', enabled: false, threshold: 3 }] }, { 'content-type': 'application/json' })).status).toBe(401);
    const crossSite = await put({ alerts: [{ id: 'proxy-restarts', enabled: false, threshold: 3 }] }, { ...EDITOR, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' });
    expect(crossSite.status).toBe(403);
    expect((await read()).alerts.find((a) => a.id === 'proxy-restarts')?.enabled).toBe(true);
  });

  it.each([
    ['a threshold out of its bounds', { alerts: [{ id: 'ca-cert-ticket', enabled: true, threshold: 400 }] }, /between 0.01 and 365 days/],
    ['minutes that are not whole', { alerts: [{ id: 'control-plane-down', enabled: true, threshold: 2.5 }] }, /whole number of minutes/],
    ['an unknown alert', { alerts: [{ id: 'nope', enabled: true, threshold: 1 }] }, /control-plane-down/],
    ['an alert given twice', { alerts: [{ id: 'proxy-restarts', enabled: true, threshold: 3 }, { id: 'proxy-restarts', enabled: false, threshold: 3 }] }, /given twice/],
  ])('answers 422 for %s, and saves nothing', async (_what, body, message) => {
    const res = await put(body);
    expect(res.status).toBe(422);
    const error = ((await res.json()) as { error: { code: string; message: string } }).error;
    expect(error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(message) });
    expect((await read()).alerts.every((a) => a.updatedAt === null)).toBe(true);
  });

  it('saves a change, says who made it, and rewrites the rule file with it', async () => {
    const res = await put({ alerts: [{ id: 'ca-cert-ticket', enabled: true, threshold: 14 }, { id: 'proxy-restarts', enabled: false, threshold: 3 }] });
    expect(res.status).toBe(200);
    const body = meshAlertsResponseSchema.parse(await res.json());
    expect(body.alerts.find((a) => a.id === 'ca-cert-ticket')).toMatchObject({ threshold: 14, updatedAt: expect.any(String), updatedBy: expect.stringMatching(/\S/) });
    await getRulesSyncer()!.request();
    expect(execFileSync('/usr/bin/promtool', ['check', 'rules', file], { encoding: 'utf8' })).toContain('SUCCESS: 9 rules found'); // 8 mesh-health alerts left on, and the rollout alert
    const rules = (parse(readFileSync(file, 'utf8')) as RuleFile).groups.find((g) => g.name === 'meshwatch-mesh-health')?.rules ?? [];
    expect(rules.map((r) => r.labels.meshwatch_alert)).not.toContain('proxy-restarts');
    // 14 days in seconds, compared with the seconds left on the CA's certificates.
    const ticket = rules.find((r) => r.labels.meshwatch_alert === 'ca-cert-ticket');
    expect(ticket?.expr).toMatch(/ < 1209600$/);
    expect(ticket?.annotations.runbook_url).toBe(`${PUBLIC}/runbooks/mesh-health#ca-cert-ticket`);
    expect((await read()).alerts.find((a) => a.id === 'proxy-restarts')).toMatchObject({ enabled: false });
  });

  it('downloads the group and its promtool tests, which the real promtool passes', async () => {
    const rules = await GET(new Request(`${url}?format=rules`));
    const tests = await GET(new Request(`${url}?format=tests`));
    expect(rules.headers.get('content-disposition')).toContain('meshwatch-mesh-health.rules.yml');
    const sub = mkdtempSync(path.join(dir, 'download-'));
    writeFileSync(path.join(sub, 'meshwatch-mesh-health.rules.yml'), await rules.text());
    writeFileSync(path.join(sub, 'tests.yml'), await tests.text());
    // The stored settings (proxy restarts off, the CA ticket at 14 days) shape both files.
    expect(execFileSync('/usr/bin/promtool', ['test', 'rules', 'tests.yml'], { cwd: sub, encoding: 'utf8' })).toContain('SUCCESS');
    expect((await GET(new Request(`${url}?format=xml`))).status).toBe(422);
  });
});
