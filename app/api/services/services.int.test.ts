// The home page's numbers, through the real route and a real Prometheus over each mesh's fixture
// history (the same shop under Istio and under Linkerd, the mesh detected), against the simulator's
// own truth for the same window (not against the app's PromQL), with the same tolerances.
import { describe, expect, inject, it } from 'vitest';
import { createModel } from '@/scripts/simulator';
import { servicesResponseSchema, type ServiceSummary } from '@/lib/queries/schemas';
import { appOnMesh, FIXTURE_MESHES } from '@/scripts/testing/app-mesh';
import { interpolatedQuantile } from '@/scripts/testing/truth-quantile';

const { seed, anchor } = inject('fixture');
const WINDOW_S = 300;

function row(rows: ServiceSummary[], id: string): ServiceSummary {
  const found = rows.find((r) => `${r.namespace}/${r.service}` === id);
  if (!found) throw new Error(`no row for ${id}`);
  return found;
}

describe.each(FIXTURE_MESHES)('GET /api/services against the simulator truth (%s)', (mesh) => {
  const model = createModel({ seed, anchor, mesh });
  const routes = appOnMesh(mesh, async () => ({ services: await import('./route'), batch: await import('../panels/[dashboard]/route') }));
  const GET = (request: Request) => routes().services.GET(request);
  async function services(query: string) {
    const res = await GET(new Request(`http://meshwatch.test/api/services?${query}`));
    return { status: res.status, body: (await res.json()) as unknown };
  }

  const times = {
    'quiet hour, slow burn on cart': anchor - 3600,
    'payments outage, 30 min in': (model.timeline.find((e) => e.id === 'payments-outage')?.start ?? 0) + 1800,
    'catalog retry storm': (model.timeline.find((e) => e.id === 'catalog-retry-storm')?.start ?? 0) + 1200,
  };

  it("the executive dashboard's batch carries the table for its range, equal to the truth over those 2 hours", async () => {
    const end = anchor - 3600;
    const start = end - 7200;
    const res = await routes().batch.GET(new Request(`http://meshwatch.test/api/panels/executive?panels=services,incidents&start=${start}&end=${end}&step=60`), {
      params: Promise.resolve({ dashboard: 'executive' }),
    });
    expect(res.status).toBe(200);
    const part = ((await res.json()) as { panels: Record<string, { status: number; body: unknown }> }).panels.services;
    expect(part?.status).toBe(200);
    const parsed = servicesResponseSchema.parse(part?.body);
    expect(parsed.window).toBe('2h');
    const truth = model.truth(start, end);
    const httpServices = truth.services.filter((t) => t.requests > 0);
    expect(httpServices.length).toBeGreaterThan(5);
    for (const t of httpServices) {
      const r = row(parsed.services, t.id);
      expect(r.rps, `${t.id} rps`).toBeCloseTo(t.requests / 7200, 9);
      if (t.errorRatio === null) expect(r.successRatio).toBeNull();
      else expect(r.successRatio, `${t.id} success`).toBeCloseTo(1 - t.errorRatio, 9);
    }
  });

  it.each(Object.entries(times))('rate, success ratio and p95 per service equal the truth (%s)', async (_name, time) => {
    const { status, body } = await services(`time=${time}&window=5m`);
    expect(status).toBe(200);
    const parsed = servicesResponseSchema.parse(body);
    const truth = model.truth(time - WINDOW_S, time);
    const httpServices = truth.services.filter((s) => s.requests > 0 || s.latencyBuckets.some((b) => b.count > 0));
    expect(parsed.services.length).toBeGreaterThanOrEqual(httpServices.length);
    for (const t of httpServices) {
      const r = row(parsed.services, t.id);
      expect(r.rps, `${t.id} rps`).toBeCloseTo(t.requests / WINDOW_S, 9);
      if (t.errorRatio === null) expect(r.successRatio).toBeNull();
      else expect(r.successRatio, `${t.id} success`).toBeCloseTo(1 - t.errorRatio, 9);
      const p95 = interpolatedQuantile(0.95, t.latencyBuckets);
      if (p95 === null) expect(r.p95Ms).toBeNull();
      else expect(r.p95Ms, `${t.id} p95`).toBeCloseTo(p95, 6);
    }
  });

  it('shows the outage: payments success collapses while it lasts', async () => {
    const time = times['payments outage, 30 min in'];
    const parsed = servicesResponseSchema.parse((await services(`time=${time}&window=5m`)).body);
    const payments = row(parsed.services, 'payments/payments');
    expect(payments.successRatio).not.toBeNull();
    expect(payments.successRatio ?? 1).toBeLessThan(0.2);
    expect(row(parsed.services, 'shop/frontend').successRatio ?? 0).toBeGreaterThan(0.99);
  });

  it('gives null, not 0 or NaN, for a service with no requests in the window', async () => {
    // audit-export gets a few requests an hour: find a 5-minute window the truth says is empty.
    let time = anchor - 6 * 3600;
    while (model.truth(time - WINDOW_S, time).services.find((s) => s.service === 'audit-export')?.requests !== 0) time += 60;
    const parsed = servicesResponseSchema.parse((await services(`time=${time}&window=5m`)).body);
    const audit = row(parsed.services, 'platform/audit-export');
    expect(audit.rps).toBe(0);
    expect(audit.successRatio).toBeNull();
    expect(audit.p95Ms).toBeNull();
  });

  it('filters by namespace, and a namespace with quotes is escaped, not injected', async () => {
    const time = anchor - 3600;
    const payments = servicesResponseSchema.parse((await services(`time=${time}&window=5m&namespace=payments`)).body);
    expect(new Set(payments.services.map((s) => s.namespace))).toEqual(new Set(['payments']));
    const hostile = encodeURIComponent('payments"} or vector(1) or {a="');
    const res = await services(`time=${time}&window=5m&namespace=${hostile}`);
    expect(res.status).toBe(200);
    expect(servicesResponseSchema.parse(res.body).services).toEqual([]);
  });

  it('rejects bad input with 422 and field errors', async () => {
    const res = await services('time=-5&window=banana');
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('window');
  });
});
