// Maintenance windows through the API against a real Alertmanager: a window creates a silence that
// Alertmanager lists with the window's matchers, who and why, and deleting the window expires it.
// Alertmanager down: the window is still saved, its silence pending, and the retry creates it once
// Alertmanager is back.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { maintenanceListSchema, maintenanceWindowSchema, type MaintenanceWindow } from '@/lib/maintenance';
import { alertmanagerYaml } from '@/lib/slo/rules/alertmanager';
import { openMaintenanceStore, setMaintenanceStore } from '@/lib/store';
import { startAlertmanager, type AlertmanagerProcess } from '@/scripts/system/alertmanager';
import { findNeedBinary } from '@/scripts/system/deps';
import { freePort } from '@/scripts/system/ports';
import { DELETE } from './[id]/route';
import { POST as retry } from './[id]/silence/route';
import { GET, POST } from './route';

const present = findNeedBinary('alertmanager', 'alertmanager') !== null;
const EDITOR = { authorization: 'Bearer editor-token-maintenance', 'content-type': 'application/json' };
const VIEWER = { authorization: 'Bearer viewer-token-maintenance', 'content-type': 'application/json' };
const url = (p: string) => `http://meshwatch.test/api${p}`;
const ctx = (id: number) => ({ params: Promise.resolve({ id: String(id) }) });

interface AmSilence {
  id: string;
  status: { state: 'active' | 'pending' | 'expired' };
  matchers: Array<{ name: string; value: string; isRegex: boolean; isEqual?: boolean }>;
  createdBy: string;
  comment: string;
  startsAt: string;
  endsAt: string;
}

let dir: string;
let am: AlertmanagerProcess | undefined;
let port: number;
const startAm = async () => {
  am = await startAlertmanager({ workDir: path.join(dir, 'am'), port, configYaml: alertmanagerYaml(), portEnvName: 'TEST_ALERTMANAGER_PORT' });
};
const silences = async () => (await (await fetch(`http://127.0.0.1:${port}/api/v2/silences`)).json()) as AmSilence[];
const now = () => Math.floor(Date.now() / 1000);
const create = (body: unknown, headers: Record<string, string> = EDITOR) => POST(new Request(url('/maintenance'), { method: 'POST', headers, body: JSON.stringify(body) }));

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-maintenance-am-'));
  port = await freePort();
  setMaintenanceStore(openMaintenanceStore(path.join(dir, 'meshwatch.db')));
  vi.stubEnv('MESHWATCH_API_TOKENS', 'editor-token-maintenance:editor,viewer-token-maintenance:viewer');
  vi.stubEnv('MESHWATCH_ALERTMANAGER_URL', `http://127.0.0.1:${port}`);
  if (present) await startAm();
});
afterAll(async () => {
  await am?.stop();
  setMaintenanceStore(undefined)?.close();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!present)('maintenance windows and Alertmanager silences', () => {
  let window: MaintenanceWindow;

  it('creating a window silences its scope in Alertmanager for its span, with who and why', async () => {
    const start = now() - 60;
    const end = now() + 3600;
    const response = await create({ scope: { namespace: 'shop', service: 'catalog' }, start, end, reason: 'catalog database upgrade' });
    expect(response.status).toBe(201);
    window = maintenanceWindowSchema.parse(await response.json());
    expect(window).toMatchObject({ scope: { namespace: 'shop', service: 'catalog' }, start, end, createdBy: 'api-token-1', silence: { state: 'active', error: null } });
    const found = (await silences()).find((s) => s.id === window.silence.id);
    expect(found?.status.state).toBe('active');
    expect(found?.matchers.map((m) => [m.name, m.value, m.isRegex, m.isEqual ?? true]).sort()).toEqual([
      ['namespace', 'shop', false, true],
      ['service', 'catalog', false, true],
    ]);
    expect(found).toMatchObject({ createdBy: 'api-token-1', comment: 'catalog database upgrade' });
    expect(Date.parse(found?.endsAt ?? '')).toBe(end * 1000);
    const list = maintenanceListSchema.parse(await (await GET()).json());
    expect(list).toMatchObject({ alertmanager: true, windows: [{ id: window.id, silence: { state: 'active' } }] });
  });

  it('refuses viewers (403) and invalid windows (422, by field)', async () => {
    expect((await create({ scope: { namespace: 'shop' }, start: now(), end: now() + 60, reason: 'x' }, VIEWER)).status).toBe(403);
    const bad = await create({ scope: { namespace: '' }, start: now(), end: now() - 60, reason: 'x' });
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { details: { fieldErrors: Record<string, string[]> } } };
    expect(body.error.details.fieldErrors).toMatchObject({ 'scope.namespace': ['namespace is required'], end: ['must be after start'] });
  });

  it('deleting the window expires its silence', async () => {
    const response = await DELETE(new Request(url(`/maintenance/${window.id}`), { method: 'DELETE', headers: EDITOR }), ctx(window.id));
    expect(response.status).toBe(204);
    expect((await silences()).find((s) => s.id === window.silence.id)?.status.state).toBe('expired');
    expect(maintenanceListSchema.parse(await (await GET()).json()).windows).toEqual([]);
  });

  it('Alertmanager down: the window is saved with its silence pending; the retry creates it once Alertmanager is back', async () => {
    await am?.stop();
    const response = await create({ scope: { namespace: 'payments' }, start: now(), end: now() + 1800, reason: 'payments failover drill' });
    expect(response.status).toBe(201);
    const saved = maintenanceWindowSchema.parse(await response.json());
    expect(saved.silence).toEqual({ state: 'pending', id: null, error: 'Alertmanager is unreachable' });
    await startAm();
    const retried = maintenanceWindowSchema.parse(await (await retry(new Request(url(`/maintenance/${saved.id}/silence`), { method: 'POST', headers: EDITOR }), ctx(saved.id))).json());
    expect(retried.silence.state).toBe('active');
    const found = (await silences()).find((s) => s.id === retried.silence.id);
    expect(found?.matchers.map((m) => [m.name, m.value])).toEqual([['namespace', 'payments']]);
    expect(found?.status.state).toBe('active');

    // Down again: the delete is refused (502) and the window kept, so its silence is not orphaned.
    await am?.stop();
    const refused = await DELETE(new Request(url(`/maintenance/${saved.id}`), { method: 'DELETE', headers: EDITOR }), ctx(saved.id));
    expect(refused.status).toBe(502);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('alertmanager_unavailable');
    await startAm();
    expect((await DELETE(new Request(url(`/maintenance/${saved.id}`), { method: 'DELETE', headers: EDITOR }), ctx(saved.id))).status).toBe(204);
    expect((await silences()).find((s) => s.id === retried.silence.id)?.status.state).toBe('expired');
  });

  it('a window that is already over is saved for the report without a silence', async () => {
    const response = await create({ scope: { namespace: 'shop' }, start: now() - 7200, end: now() - 3600, reason: 'last night' });
    expect(maintenanceWindowSchema.parse(await response.json()).silence).toEqual({ state: 'ended', id: null, error: null });
  });
});
