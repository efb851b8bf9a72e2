// The regional partition (eu-west cannot reach us-east, 30 minutes) on the two-cluster fixture, as the
// API shows it with a perRegion availability SLO on shop/reviews in a temporary store: the SLO status at
// an explicit `time=` inside the partition pages eu-west and not us-east, and the executive "Budget
// burn by region" panel shows eu-west burning, at the burn rate of the simulator's own counts. Both meshes.
import { describe, expect, it } from 'vitest';
import { withTempSloStore } from '@/scripts/testing/temp-slo-store';
import { sloStatusSchema } from '@/lib/slo';
import { sloSpecSchema } from '@/lib/slo/spec';
import { appOnMesh, FIXTURE_MESHES } from '@/scripts/testing/app-mesh';
import { meshFixture, table } from './int-helpers';

const SLOS = [
  { name: 'reviews-availability', service: 'reviews', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d', perRegion: true },
  // Not evaluated per region: must not count in any region's row.
  { name: 'cart-availability', service: 'cart', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d' },
].map((s) => sloSpecSchema.parse(s));

withTempSloStore('region-int', SLOS);

describe.each(FIXTURE_MESHES)('the regional partition by region (%s)', (mesh) => {
  const { model, panel } = meshFixture(mesh);
  const statusRoute = appOnMesh(mesh, () => import('../../../slos/[name]/status/route'));
  const partition = model.timeline.find((e) => e.id === 'region-partition');
  if (!partition) throw new Error('no region partition in the story');
  const TIME = partition.start + 20 * 60;

  /** eu-west's reviews over the last hour from the truth: errors / requests / (1 - 0.999). */
  const truthBurn1h = (region: string) => {
    const reviews = model.truth(TIME - 3600, TIME).services.find((s) => s.id === 'shop/reviews');
    const mine = reviews?.byCluster.filter((c) => c.region === region) ?? [];
    const requests = mine.reduce((n, c) => n + c.requests, 0);
    return mine.reduce((n, c) => n + c.errors, 0) / requests / 0.001;
  };

  it('the status at time= inside the partition pages eu-west, not us-east, and names eu-west the worst region', async () => {
    const res = await statusRoute().GET(new Request(`http://meshwatch.test/api/slos/reviews-availability/status?time=${TIME}`), { params: Promise.resolve({ name: 'reviews-availability' }) });
    expect(res.status).toBe(200);
    const status = sloStatusSchema.parse(await res.json());
    expect(status.evaluatedAt).toBe(new Date(TIME * 1000).toISOString());
    const region = (name: string) => status.regions?.find((r) => r.region === name);
    const pages = (name: string) => region(name)?.alerts.filter((a) => a.severity === 'page' && a.firing) ?? [];
    expect(pages('eu-west').map((a) => `${a.longWindow}/${a.shortWindow}`)).toContain('1h/5m');
    expect(pages('us-east')).toEqual([]);
    expect(status.worstRegion).toBe('eu-west');
    expect(region('eu-west')?.burnRates['1h']).toBeCloseTo(truthBurn1h('eu-west'), 6);
    expect(region('us-east')?.burnRates['1h']).toBeCloseTo(truthBurn1h('us-east'), 6);
  });

  it('the executive "Budget burn by region" panel shows eu-west burning, first, at the truth 1h burn', async () => {
    const response = await panel('executive', 'budget-by-region', { start: TIME - 3600, end: TIME });
    const rows = table(response).rows;
    expect(rows.map((r) => r.id)).toEqual(['eu-west', 'us-east']);
    const [eu, us] = rows;
    expect(eu?.cells.alerting).toMatch(/^1 paging/);
    expect(eu?.health).toMatchObject({ level: 'failing' });
    expect(eu?.cells.burn1h).toBeCloseTo(truthBurn1h('eu-west'), 6);
    expect(truthBurn1h('eu-west')).toBeGreaterThan(14.4);
    expect(us?.cells.alerting).toMatch(/^0 paging/);
    expect(us?.cells.burn1h).toBeCloseTo(truthBurn1h('us-east'), 6);
    // Only the perRegion SLO counts: one SLO per region.
    expect(eu?.cells.summary).toMatch(/^1 SLO:/);
    // Its figures come from the bulk evaluation; the per-region part is one query per window per kind.
    expect(response.queries.filter((q) => q.purpose.startsWith('SLO figures per region'))).toHaveLength(8);
  });
});
