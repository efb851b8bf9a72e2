// GET /api/alertmanager and GET /api/slos/{name}/rules/tests through their handlers, over a temporary
// SQLite store: readable without any identity, YAML out, field errors and 422s in JSON.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { sloSpecSchema } from '@/lib/slo';
import { openSqliteStore, setSloStore, type SloStore } from '@/lib/store';
import { GET as tests } from '../slos/[name]/rules/tests/route';
import { GET as alertmanager } from './route';

const slo = (name: string, team: string, indicator: unknown) =>
  sloSpecSchema.parse({ name, service: 'checkout', namespace: 'shop', team, indicator, objective: 99.9, window: '30d' });

let dir: string;
let store: SloStore;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-am-api-'));
  store = openSqliteStore(path.join(dir, 'slos.db'));
  setSloStore(store);
  store.create(slo('checkout-availability', 'payments', { type: 'availability' }), 'test');
  store.create(slo('odd-custom', 'storefront', { type: 'custom', errorQuery: 'sum(rate(a[{{window}}])) * 2', totalQuery: 'sum(rate(b[{{window}}]))' }), 'test');
});
afterAll(() => {
  setSloStore(undefined)?.close();
  rmSync(dir, { recursive: true, force: true });
});

const get = (p: string) => new Request(`http://meshwatch.test${p}`);
const ctx = (name: string) => ({ params: Promise.resolve({ name }) });

describe('GET /api/alertmanager', () => {
  it('serves a whole alertmanager.yml by default', async () => {
    const res = await alertmanager(get('/api/alertmanager'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('alertmanager.yml');
    expect(parse(await res.text())).toMatchObject({ route: { receiver: 'meshwatch-default' } });
  });

  it('serves the fragment, with a receiver pair per stored team on request', async () => {
    const res = await alertmanager(get('/api/alertmanager?format=fragment&teams=true'));
    const doc = parse(await res.text()) as { receivers: Array<{ name: string }>; route: Record<string, unknown> };
    expect(doc.route).not.toHaveProperty('receiver');
    expect(doc.receivers.map((r) => r.name)).toEqual(['meshwatch-page', 'meshwatch-ticket', 'meshwatch-page-payments', 'meshwatch-ticket-payments', 'meshwatch-page-storefront', 'meshwatch-ticket-storefront']);
  });

  it('serves the notification templates the config loads, as text', async () => {
    const res = await alertmanager(get('/api/alertmanager?format=templates'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('meshwatch.tmpl');
    expect(await res.text()).toContain('{{ define "meshwatch.debug_url" }}');
  });

  it('answers 422 for an unknown format', async () => {
    const res = await alertmanager(get('/api/alertmanager?format=json'));
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain('must be yaml, fragment or templates');
  });
});

describe('GET /api/slos/{name}/rules/tests', () => {
  it('serves the promtool test file that loads the rules download', async () => {
    const res = await tests(get('/api/slos/checkout-availability/rules/tests'), ctx('checkout-availability'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('slo-checkout-availability.test.yml');
    expect(parse(await res.text())).toMatchObject({ rule_files: ['slo-checkout-availability.rules.yaml'] });
  });

  it('says why a custom indicator gets no tests, and 404s an unknown SLO', async () => {
    const odd = await tests(get('/api/slos/odd-custom/rules/tests'), ctx('odd-custom'));
    expect(odd.status).toBe(422);
    expect(JSON.stringify(await odd.json())).toMatch(/not of the form sum\(increase/);
    expect((await tests(get('/api/slos/nope/rules/tests'), ctx('nope'))).status).toBe(404);
  });
});
