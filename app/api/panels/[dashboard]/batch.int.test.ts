// One request for several panels of a dashboard, against the fixture Prometheus: each part is what the
// single-panel route answers, a failing panel fails alone, and identical requests within a refresh
// slot are served the same bytes without asking Prometheus again.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as metrics } from '@/app/api/metrics/route';
import { GET as services } from '@/app/api/services/route';
import { DASHBOARDS } from '@/lib/dashboards';
import { sloSpecSchema } from '@/lib/slo/spec';
import { getSloStore, openSqliteStore, setSloStore } from '@/lib/store';
import { anchor } from './[panel]/int-helpers';
import { GET as single } from './[panel]/route';
import { GET as batch } from './route';

type Part = { status: number; body: unknown };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-batch-'));
  setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
});
afterAll(() => {
  setSloStore(undefined)?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** PromQL calls sent so far, from the app's own metrics (answers shared or cached are not calls). */
async function promqlSent(): Promise<number> {
  const text = await (await metrics()).text();
  return text
    .split('\n')
    .filter((l) => l.startsWith('meshwatch_prometheus_request_duration_seconds_count'))
    .reduce((sum, l) => sum + Number(l.split(' ').pop()), 0);
}

async function getBatch(dashboard: string, query: string): Promise<{ status: number; text: string }> {
  const res = await batch(new Request(`http://meshwatch.test/api/panels/${dashboard}?${query}`), { params: Promise.resolve({ dashboard }) });
  return { status: res.status, text: await res.text() };
}

async function getSingle(dashboard: string, panel: string, query: string): Promise<{ status: number; text: string }> {
  const res = await single(new Request(`http://meshwatch.test/api/panels/${dashboard}/${panel}?${query}`), { params: Promise.resolve({ dashboard, panel }) });
  return { status: res.status, text: await res.text() };
}

const executive = DASHBOARDS.executive.panels.map((p) => p.id).filter((id) => id !== 'services');

describe('GET /api/panels/{dashboard}', () => {
  const end = anchor - 5 * 3600;
  const query = `start=${end - 3600}&end=${end}&step=60`;

  it('answers each panel exactly as its own route does, and a second viewer in the same slot gets the same bytes with no PromQL sent', async () => {
    const first = await getBatch('executive', `panels=${executive.join(',')}&${query}`);
    expect(first.status).toBe(200);
    const parts = (JSON.parse(first.text) as { panels: Record<string, Part> }).panels;
    expect(Object.keys(parts).sort()).toEqual([...executive].sort());
    for (const id of executive) {
      const own = await getSingle('executive', id, query);
      expect([id, parts[id]?.status]).toEqual([id, own.status]);
      // The part is the single route's JSON text, embedded unchanged.
      expect(JSON.stringify(parts[id]?.body)).toBe(own.text);
    }
    const before = await promqlSent();
    const again = await getBatch('executive', `${query}&panels=${[...executive].reverse().join(',')}`);
    expect(await promqlSent()).toBe(before);
    const reparsed = (JSON.parse(again.text) as { panels: Record<string, Part> }).panels;
    for (const id of executive) expect(JSON.stringify(reparsed[id])).toBe(JSON.stringify(parts[id]));
  });

  it('asks Prometheus again for the next slot, and its data describe the new range', async () => {
    const later = `start=${end - 3600 + 60}&end=${end + 60}&step=60`;
    const before = await promqlSent();
    const { status, text } = await getBatch('executive', `panels=cert-expiry,incidents&${later}`);
    expect(status).toBe(200);
    expect(await promqlSent()).toBeGreaterThan(before);
    const parts = (JSON.parse(text) as { panels: Record<string, { body: { range: unknown } }> }).panels;
    expect(parts.incidents?.body.range).toEqual({ start: end - 3600 + 60, end: end + 60, step: 60 });
  });

  it('keeps a failing panel to itself: the others answer, and it carries its own error', async () => {
    const { status, text } = await getBatch('debug', `panels=inbound,no-such-panel&${query}&namespace=shop`);
    expect(status).toBe(200);
    const parts = (JSON.parse(text) as { panels: Record<string, Part> }).panels;
    expect(parts['no-such-panel']).toEqual({ status: 404, body: { error: { code: 'not_found', message: 'No panel "no-such-panel" on dashboard "debug"' } } });
    // The debug dashboard needs a service: the panel says so itself, as its own route would.
    expect(parts.inbound?.status).toBe(422);
    expect(parts.inbound?.body).toMatchObject({ error: { code: 'validation_failed', message: 'Invalid request: service: required by the debug dashboard' } });
    const ok = await getBatch('debug', `panels=inbound,no-such-panel&${query}&namespace=shop&service=frontend`);
    const fixed = (JSON.parse(ok.text) as { panels: Record<string, Part> }).panels;
    expect([fixed.inbound?.status, fixed['no-such-panel']?.status]).toEqual([200, 404]);
  });

  it('shows an SLO created in the same slot at once in the panels that read stored SLOs, then keeps sharing', async () => {
    const slotQuery = `panels=budget-by-team,incidents&start=${end - 7200}&end=${end - 3600}&step=60`;
    const before = await getBatch('executive', slotQuery);
    expect(before.text).not.toContain('payments-availability-batch');
    expect((await getBatch('executive', slotQuery)).text).toBe(before.text);
    const spec = sloSpecSchema.parse({ name: 'payments-availability-batch', service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });
    getSloStore().create(spec, 'int-test');
    const after = await getBatch('executive', slotQuery);
    const parts = (JSON.parse(after.text) as { panels: Record<string, Part> }).panels;
    expect(JSON.stringify(parts['budget-by-team']?.body)).toContain('payments-availability-batch');
    // The panel that reads no SLOs is the same answer as before.
    expect(JSON.stringify(parts.incidents)).toBe(JSON.stringify((JSON.parse(before.text) as { panels: Record<string, Part> }).panels.incidents));
    const sent = await promqlSent();
    expect((await getBatch('executive', slotQuery)).text).toBe(after.text);
    expect(await promqlSent()).toBe(sent);
  });

  it("carries the executive services table as `/api/services` answers it for the range's end and length, shared with that route", async () => {
    const from = end - 2 * 86_400;
    const to = end - 86_400;
    const range = `start=${from}&end=${to}&step=300`;
    const { status, text } = await getBatch('executive', `panels=services,incidents&${range}`);
    expect(status).toBe(200);
    const part = (JSON.parse(text) as { panels: Record<string, Part> }).panels.services;
    // A day long, ending at `to`: `time=<to>&window=1d`, written out here rather than derived.
    const sent = await promqlSent();
    const own = await services(new Request(`http://meshwatch.test/api/services?time=${to}&window=1d`));
    expect(await promqlSent()).toBe(sent);
    expect(part?.status).toBe(200);
    expect(JSON.stringify(part?.body)).toBe(await own.text());
    expect(part?.body).toMatchObject({ window: '1d', evaluatedAt: new Date(to * 1000).toISOString() });
    // In a namespace, the table keeps to it.
    const shop = (JSON.parse((await getBatch('executive', `panels=services,incidents&${range}&namespace=shop`)).text) as { panels: Record<string, { body: { services: { namespace: string }[] } }> }).panels;
    const namespaces = new Set(shop.services?.body.services.map((s) => s.namespace));
    expect([...namespaces]).toEqual(['shop']);
  });

  it('has no services part on a dashboard without a services table; without a range, the table covers the panels\' default hour', async () => {
    const debug = (JSON.parse((await getBatch('debug', `panels=services,inbound&${query}&namespace=shop&service=frontend`)).text) as { panels: Record<string, Part> }).panels;
    expect(debug.services?.status).toBe(404);
    const open = (JSON.parse((await getBatch('executive', 'panels=services,incidents')).text) as { panels: Record<string, Part> }).panels;
    expect(open.services).toMatchObject({ status: 200, body: { window: '1h' } });
  });

  it('refuses an unknown dashboard and an oversized list as a whole', async () => {
    expect((await getBatch('nope', query)).status).toBe(404);
    const many = Array.from({ length: 40 }, (_, i) => `p${i}`).join(',');
    expect((await getBatch('executive', `panels=${many}&${query}`)).status).toBe(422);
  });
});
