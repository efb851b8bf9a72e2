// The SLO API over the fixture history: statuses, the list of statuses, the form's preview and bucket
// picker, through the real route handlers, a real Prometheus and a temporary SQLite store. A suite per
// mesh, as a new user would meet it (MESH unset, the mesh detected from the metric names):
// slos.int.test.ts over the Istio history, slos-linkerd.int.test.ts over the Linkerd one. The
// environment and the mesh detection are per process, so each mesh has its own test file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { bucketsResponseSchema, previewResponseSchema, slosStatusResponseSchema, sloStatusSchema } from '@/lib/slo';
import { openSqliteStore, setSloStore } from '@/lib/store';
import { createModel } from '@/scripts/simulator';
import { checkRules } from '@/scripts/system/prometheus';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import type { FixtureMesh } from '@/scripts/testing/fixture-tsdb';
import { GET as rules } from './[name]/rules/route';
import { GET as status } from './[name]/status/route';
import { GET as buckets } from './buckets/route';
import { POST as preview } from './preview/route';
import { POST as create } from './route';
import { GET as allStatuses } from '../slos-status/route';

const { seed, anchor } = inject('fixture');
const model = createModel({ seed, anchor });
const outageStart = model.timeline.find((e) => e.id === 'payments-outage')?.start ?? 0;
const EDITOR = { authorization: 'Bearer int-editor-token', 'content-type': 'application/json' };
const VIEWER = { authorization: 'Bearer int-viewer-token' };

const spec = (name: string, service: string, namespace: string, indicator: unknown = { type: 'availability' }, objective = 99.9) => ({
  name,
  service,
  namespace,
  team: 'sre',
  indicator,
  objective,
  window: '30d',
});
const SPECS = [
  spec('payments-availability', 'payments', 'payments'),
  spec('cart-availability', 'cart', 'shop'),
  spec('audit-export-availability', 'audit-export', 'platform'),
  spec('catalog-latency', 'catalog', 'shop', { type: 'latency', thresholdMs: 100 }, 99),
  spec('catalog-latency-300', 'catalog', 'shop', { type: 'latency', thresholdMs: 300 }, 99),
];

/** The SLO API story over `mesh`'s fixture history. */
export function slosApiSuite(mesh: FixtureMesh): void {
  let dir: string;
  beforeAll(async () => {
    vi.stubEnv('PROMETHEUS_URL', inject('prometheusUrls')[mesh]);
    dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-slo-int-'));
    setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
    vi.stubEnv('MESHWATCH_API_TOKENS', 'int-editor-token:editor,int-viewer-token:viewer');
    for (const s of SPECS) {
      const res = await create(new Request('http://meshwatch.test/api/slos', { method: 'POST', headers: EDITOR, body: JSON.stringify(s) }));
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => {
    setSloStore(undefined)?.close();
    vi.unstubAllEnvs();
    rmSync(dir, { recursive: true, force: true });
  });

  const ctx = (name: string) => ({ params: Promise.resolve({ name }) });
  const truthBurn = (id: string, time: number, seconds: number) => {
    const t = model.truth(time - seconds, time).services.find((s) => s.id === id);
    return t && t.requests > 0 ? t.errors / t.requests / 0.001 : null;
  };

  describe(`SLO API over the fixture history (${mesh})`, () => {
    it('GET /api/slos/{name}/status pages during the payments outage, with the truth burn rates', async () => {
      const time = outageStart + 20 * 60;
      const res = await status(new Request(`http://meshwatch.test/api/slos/payments-availability/status?time=${time}`), ctx('payments-availability'));
      expect(res.status).toBe(200);
      const body = sloStatusSchema.parse(await res.json());
      expect(body.burnRates['1h']).toBeCloseTo(truthBurn('payments/payments', time, 3600) ?? 0, 6);
      expect(body.burnRates['5m']).toBeCloseTo(truthBurn('payments/payments', time, 300) ?? 0, 6);
      expect(body.alerts[0]).toMatchObject({ longWindow: '1h', shortWindow: '5m', threshold: 14.4, firing: true });
      expect(body.recommendation.action).toBe('page');
    });

    it('GET /api/slos-status evaluates every SLO with a bounded number of queries', async () => {
      const res = await allStatuses(new Request(`http://meshwatch.test/api/slos-status?time=${anchor - 3600}`));
      expect(res.status).toBe(200);
      const body = slosStatusResponseSchema.parse(await res.json());
      // One query for recorded series (the fixture has none), then 8 windows x 2 indicator kinds.
      expect(body.queryCount).toBe(17);
      expect(body.statuses.every((s) => Object.values(s.source ?? {}).every((v) => v === 'raw'))).toBe(true);
      expect(body.statuses.map((s) => [s.name, s.recommendation.action])).toEqual([
        ['audit-export-availability', 'none'],
        ['cart-availability', 'ticket'],
        ['catalog-latency', 'ticket'],
        ['payments-availability', 'none'],
      ]);
      expect(body.statuses.find((s) => s.name === 'audit-export-availability')?.traffic.lowTraffic).toBe(true);
      expect(body.errors).toEqual([expect.objectContaining({ name: 'catalog-latency-300', code: 'threshold_not_a_bucket', details: { thresholdMs: 300, nearest: [250, 500] } })]);
    });

    it('POST /api/slos/preview gives the status and a budget curve ending where the status does', async () => {
      const body = JSON.stringify(spec('unsaved', 'cart', 'shop'));
      const res = await preview(new Request(`http://meshwatch.test/api/slos/preview?time=${anchor}`, { method: 'POST', headers: EDITOR, body }));
      expect(res.status).toBe(200);
      const out = previewResponseSchema.parse(await res.json());
      expect(out.budgetCurve.step).toBe(21_600);
      expect(out.budgetCurve.points).toHaveLength(121);
      expect(out.budgetCurve.points[0]).toEqual({ time: anchor - 30 * 86_400, remaining: 1 });
      expect(out.budgetCurve.points.at(-1)?.time).toBe(anchor);
      expect(out.budgetCurve.points.at(-1)?.remaining).toBeCloseTo(out.status.errorBudget.remaining ?? 0, 9);
      const remaining = out.budgetCurve.points.map((p) => p.remaining ?? 1);
      expect(remaining.every((r, i) => i === 0 || r <= (remaining[i - 1] ?? 1))).toBe(true);
    });

    it.each(['7d', '28d'])('POST /api/slos/preview draws a %s curve over exactly its window', async (window) => {
      const body = JSON.stringify({ ...spec('unsaved', 'cart', 'shop'), window });
      const res = await preview(new Request(`http://meshwatch.test/api/slos/preview?time=${anchor}`, { method: 'POST', headers: EDITOR, body }));
      expect(res.status).toBe(200);
      const out = previewResponseSchema.parse(await res.json());
      const days = Number(window.slice(0, -1));
      expect(out.budgetCurve.points[0]?.time).toBe(anchor - days * 86_400);
      expect(out.budgetCurve.points.at(-1)?.time).toBe(anchor);
      // The same window as the status, so the same budget at its end.
      expect(out.budgetCurve.points.at(-1)?.remaining).toBeCloseTo(out.status.errorBudget.remaining ?? 0, 9);
    });

    it('POST /api/slos/preview rejects a latency threshold between buckets with the nearest ones', async () => {
      const body = JSON.stringify(spec('unsaved', 'catalog', 'shop', { type: 'latency', thresholdMs: 300 }, 99));
      const res = await preview(new Request(`http://meshwatch.test/api/slos/preview?time=${anchor}`, { method: 'POST', headers: EDITOR, body }));
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({
        error: { code: 'threshold_not_a_bucket', details: { nearest: [250, 500], fieldErrors: { 'indicator.thresholdMs': [expect.stringContaining('nearest: 250 ms or 500 ms')] } } },
      });
      const viewer = await preview(new Request(`http://meshwatch.test/api/slos/preview?time=${anchor}`, { method: 'POST', headers: VIEWER, body }));
      expect(viewer.status).toBe(403);
    });

    it('GET /api/slos/buckets lists the boundaries found in the data', async () => {
      const res = await buckets(new Request(`http://meshwatch.test/api/slos/buckets?service=catalog&namespace=shop&time=${anchor}`));
      expect(bucketsResponseSchema.parse(await res.json())).toEqual({ service: 'catalog', namespace: 'shop', boundariesMs: model.facts.latencyBucketsMs });
    });

    it('GET /api/slos/{name}/rules passes promtool check rules', async () => {
      const text = await (await rules(new Request('http://meshwatch.test/api/slos/catalog-latency/rules'), ctx('catalog-latency'))).text();
      const file = path.join(dir, 'rules.yml');
      writeFileSync(file, text);
      expect(await checkRules(file)).toContain('SUCCESS: 20 rules found');
      // Over the detected mesh's own histogram.
      expect(text).toContain(FIXTURE_SLI[mesh].latencyBuckets({ namespace: 'shop', service: 'catalog' }, '+Inf'));
    });
  });
}
