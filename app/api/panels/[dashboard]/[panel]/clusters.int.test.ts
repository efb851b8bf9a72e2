// On-call and debug kept to one cluster, through the real route and a real Prometheus over each
// mesh's two-cluster fixture, against the simulator's per-cluster truth.
import { describe, expect, it } from 'vitest';
import { DASHBOARDS } from '@/lib/dashboards/catalog';
import { clustersResponseSchema } from '@/lib/queries/schemas';
import { appOnMesh, FIXTURE_MESHES } from '@/scripts/testing/app-mesh';
import { meshFixture, table, text } from './int-helpers';

const EU = 'prod-eu-west';

describe.each(FIXTURE_MESHES)('dashboards filtered by cluster (%s)', (mesh) => {
  const { model, panel } = meshFixture(mesh);
  const partition = model.timeline.find((e) => e.id === 'region-partition');
  if (!partition) throw new Error('no region-partition event');
  const start = partition.start;
  const end = partition.end ?? partition.start + 1800;
  const range = { start, end, step: 60 };
  const clustersRoute = appOnMesh(mesh, () => import('@/app/api/clusters/route'));

  it('GET /api/clusters finds both clusters of the fixture', async () => {
    const res = await clustersRoute().GET(new Request('http://meshwatch.test/api/clusters'));
    expect(res.status).toBe(200);
    expect(clustersResponseSchema.parse(await res.json()).clusters).toEqual(model.facts.clusters.map((c) => c.cluster).sort());
  });

  it('every on-call and debug panel runs as many queries kept to a cluster as without, and none fails', async () => {
    const counts: string[] = [];
    for (const dashboard of ['oncall', 'debug'] as const) {
      for (const { id } of DASHBOARDS[dashboard].panels) {
        const q = { ...range, namespace: 'shop', service: 'reviews' };
        const [all, one] = await Promise.all([panel(dashboard, id, q), panel(dashboard, id, { ...q, cluster: EU })]);
        expect(one.queries.length, `${dashboard}/${id}`).toBe(all.queries.length);
        counts.push(`${dashboard}/${id}: ${one.queries.length}`);
      }
    }
    expect(counts.length).toBe(DASHBOARDS.oncall.panels.length + DASHBOARDS.debug.panels.length);
  });

  it('on-call filtered to prod-eu-west lists only services that run there, with that cluster\'s error ratio', async () => {
    const truth = model.truth(start, end);
    const inEu = new Set(model.services.filter((s) => s.clusters.includes(EU)).map((s) => s.id));
    expect([...inEu]).toEqual(['shop/reviews']);
    const filtered = table(await panel('oncall', 'top-failing', { ...range, cluster: EU }));
    const ids = filtered.rows.map((r) => `${r.cells.namespace}/${text(r.cells.service)}`);
    expect(ids).toEqual(['shop/reviews']);
    const euTruth = truth.services.find((s) => s.id === 'shop/reviews')?.byCluster.find((c) => c.cluster === EU);
    expect(filtered.rows[0]?.cells.errorRatio).toBeCloseTo(euTruth?.errorRatio ?? NaN, 9);
    expect(filtered.rows[0]?.cells.rps).toBeCloseTo((euTruth?.requests ?? NaN) / (end - start), 9);
    // Unfiltered, the mesh's other failing services show too, and reviews is diluted by us-east.
    const all = table(await panel('oncall', 'top-failing', range));
    const allReviews = all.rows.find((r) => `${r.cells.namespace}/${text(r.cells.service)}` === 'shop/reviews');
    expect(allReviews?.cells.errorRatio).toBeCloseTo(truth.services.find((s) => s.id === 'shop/reviews')?.errorRatio ?? NaN, 9);
    expect(Number(allReviews?.cells.errorRatio)).toBeLessThan(Number(filtered.rows[0]?.cells.errorRatio));
  });

  it('debug of reviews filtered to prod-eu-west: its callers and its calls out are the eu-west pods\' own', async () => {
    // A quiet hour: the debug edges are what servers saw, and in the partition no server sees eu-west's calls out.
    const [qs, qe] = [model.anchor - 3600, model.anchor];
    const truth = model.truth(qs, qe);
    const q = { start: qs, end: qe, step: 60, namespace: 'shop', service: 'reviews', cluster: EU };
    const inbound = table(await panel('debug', 'inbound', q));
    const callers = inbound.rows.map((r) => text(r.cells.peer));
    // Only frontend calls reviews in eu-west (search stays in us-east).
    expect(callers).toEqual(['shop/frontend']);
    const fr = truth.edges.find((e) => e.source === 'shop/frontend' && e.target === 'shop/reviews')?.byCluster.find((b) => b.targetCluster === EU);
    expect(inbound.rows[0]?.cells.rps).toBeCloseTo((fr?.requests ?? NaN) / (qe - qs), 9);
    const outbound = table(await panel('debug', 'outbound', q));
    expect(outbound.rows.map((r) => text(r.cells.peer))).toEqual(['platform/inventory']);
  });
});
