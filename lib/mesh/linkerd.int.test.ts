// The Linkerd adapter's PromQL in a real Prometheus over six hours of the simulator's Linkerd
// rendering of the same shop, against the model's truth (the shared fixture is Istio-only).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { GET as getServices } from '@/app/api/services/route';
import { createPrometheusClient, type PrometheusClient } from '@/lib/prometheus';
import { servicesResponseSchema } from '@/lib/queries/schemas';
import { createModel, writeHistory } from '@/scripts/simulator';
import { freePort } from '@/scripts/system/ports';
import { interpolatedQuantile } from '@/scripts/testing/truth-quantile';
import { backfill, prometheusConfig, startPrometheus, type PrometheusProcess } from '@/scripts/system/prometheus';
import { linkerdAdapter as mesh } from './linkerd';
import { readDim } from './read';

const { seed, anchor } = inject('fixture');
const model = createModel({ seed, anchor, mesh: 'linkerd' });
const WINDOW = 300;
const time = anchor - 3600;
let dir: string;
let prom: PrometheusProcess;
let client: PrometheusClient;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-linkerd-'));
  const file = path.join(dir, 'history.om');
  await writeHistory({ model, from: anchor - 6 * 3600, to: anchor, outFile: file });
  await backfill(file, path.join(dir, 'data'));
  prom = await startPrometheus({ dataDir: path.join(dir, 'data'), workDir: dir, port: await freePort(), configYaml: prometheusConfig([]), retention: '100y' });
  client = createPrometheusClient({ baseUrl: prom.url, timeoutMs: 30_000 });
  // The app's own client (read once, on first use) points here, and the mesh is left to detection.
  vi.stubEnv('PROMETHEUS_URL', prom.url);
  vi.stubEnv('MESH', 'auto');
});

afterAll(async () => {
  vi.unstubAllEnvs();
  await prom?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function vector(promql: string) {
  const r = await client.instantQuery(promql, { time });
  if (r.resultType !== 'vector') throw new Error(r.resultType);
  return r.samples;
}

describe('Linkerd adapter over Linkerd telemetry', () => {
  const truth = model.truth(time - WINDOW, time);

  it('gives per-service rate and error ratio from inbound metrics equal to the truth', async () => {
    const q = { window: '5m', by: 'service' as const };
    const rates = await vector(mesh.requestRate(q).promql);
    const ratios = await vector(mesh.errorRatio(q).promql);
    const key = (labels: Record<string, string>) => `${readDim(labels, mesh.requestRate(q), 'namespace')}/${readDim(labels, mesh.requestRate(q), 'service')}`;
    for (const s of truth.services.filter((x) => x.requests > 0)) {
      expect(rates.find((r) => key(r.labels) === s.id)?.value, s.id).toBeCloseTo(s.requests / WINDOW, 9);
      expect(ratios.find((r) => key(r.labels) === s.id)?.value, s.id).toBeCloseTo(s.errorRatio ?? 0, 9);
    }
  });

  it('reads edges and mTLS from the caller side, naming both ends', async () => {
    const q = { window: '5m', by: 'edge' as const };
    const rates = await vector(mesh.requestRate(q).promql);
    const mtls = await vector(mesh.mtlsRatio(q).promql);
    const query = mesh.requestRate(q);
    const key = (l: Record<string, string>) =>
      `${readDim(l, query, 'sourceNamespace')}/${readDim(l, query, 'sourceService')}->${readDim(l, query, 'namespace')}/${readDim(l, query, 'service')}`;
    for (const e of truth.edges.filter((x) => x.sourceRequests > 0)) {
      expect(rates.find((r) => key(r.labels) === `${e.source}->${e.target}`)?.value, `${e.source}->${e.target}`).toBeCloseTo(e.sourceRequests / WINDOW, 9);
    }
    expect(mtls.find((r) => key(r.labels) === 'shop/checkout->platform/notifications')?.value).toBe(0);
    expect(mtls.find((r) => key(r.labels) === 'shop/frontend->shop/catalog')?.value).toBe(1);
  });

  it('gives the identity certificate expiry and says what Linkerd does not report', async () => {
    const [cert] = await vector(mesh.certExpiry().query.promql);
    expect(cert?.value).toBe(model.facts.rootCertExpiry);
    expect('unsupported' in mesh.responseFlags({ window: '5m', by: 'mesh' })).toBe(true);
    expect('unsupported' in mesh.retryStats({ window: '5m' })).toBe(true);
  });

  it('counts TCP connections per pod of the database, both from tcp_open_total and tcp_close_total', async () => {
    const open = await vector(mesh.tcpConnections({ window: '5m', namespace: 'platform', service: 'redis' }).open.promql);
    expect(open.length).toBeGreaterThan(0);
    for (const s of open) {
      expect(s.labels.direction).toBe('inbound');
      expect(s.value).toBeGreaterThanOrEqual(8);
      expect(s.value).toBeLessThanOrEqual(30);
    }
  });
});

describe('GET /api/services over Linkerd telemetry', () => {
  it('detects Linkerd and gives rate, success ratio and p95 per service equal to the truth', async () => {
    const res = await getServices(new Request(`http://meshwatch.test/api/services?time=${time}&window=5m`));
    expect(res.status).toBe(200);
    const body = servicesResponseSchema.parse(await res.json());
    expect(body.queries.every((q) => !q.includes('istio_'))).toBe(true);
    const truth = model.truth(time - WINDOW, time);
    const httpServices = truth.services.filter((s) => s.requests > 0 || s.latencyBuckets.some((b) => b.count > 0));
    expect(httpServices.length).toBeGreaterThan(0);
    for (const t of httpServices) {
      const r = body.services.find((x) => `${x.namespace}/${x.service}` === t.id);
      expect(r, t.id).toBeDefined();
      expect(r?.rps, `${t.id} rps`).toBeCloseTo(t.requests / WINDOW, 9);
      if (t.errorRatio === null) expect(r?.successRatio).toBeNull();
      else expect(r?.successRatio, `${t.id} success`).toBeCloseTo(1 - t.errorRatio, 9);
      const p95 = interpolatedQuantile(0.95, t.latencyBuckets);
      if (p95 === null) expect(r?.p95Ms).toBeNull();
      else expect(r?.p95Ms, `${t.id} p95`).toBeCloseTo(p95, 6);
    }
  });
});
