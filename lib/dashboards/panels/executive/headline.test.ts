// The top of `/`: what needs attention, and the success users experienced with its SLO-aware verdict.
import { describe, expect, it } from 'vitest';
import { istioAdapter, linkerdAdapter } from '@/lib/mesh';
import type { Sample } from '@/lib/prometheus/query-schemas';
import type { SloStatus } from '@/lib/slo/status-schema';
import { sloState } from '@/lib/slo/state';
import type { PanelParams } from '../../params';
import type { PanelContext, TableData } from '../types';
import { attention } from './attention';
import type { TeamSloInput } from './team-slos';
import { userSuccess } from './user-success';

const ctx: PanelContext = { mesh: istioAdapter, config: { teams: {} } };
const p: PanelParams = { start: 1_790_852_400, end: 1_790_856_000, step: 60, namespace: undefined, service: undefined };
const s = (labels: Record<string, string>, value: number): Sample => ({ labels, timeMs: p.end * 1000, value });
const svc = (namespace: string, service: string, value: number) => s({ destination_service_namespace: namespace, destination_service_name: service }, value);

type Action = SloStatus['recommendation']['action'];
/** A hand-made status: only the fields the panels read carry meaning. */
function status(name: string, remaining: number, action: Action): SloStatus {
  return {
    name,
    evaluatedAt: '2026-10-01T00:00:00Z',
    sli: 0.999,
    errorBudget: { consumed: 1 - remaining, remaining },
    burnRates: { '5m': 0, '1h': 0, '30d': 1 - remaining },
    alerts: [],
    timeToExhaustionSeconds: null,
    traffic: { events: 100_000, lowTraffic: false },
    recommendation: { action, reason: '' },
    state: sloState({ sli: 0.999, recommendation: { action }, errorBudget: { remaining }, traffic: { lowTraffic: false } }),
    source: { '5m': 'raw', '1h': 'raw', '30d': 'raw' },
  };
}
const slo = (name: string, service: string, st: SloStatus): TeamSloInput => ({ spec: { name, team: 't', namespace: 'shop', service }, status: st });

describe('needs attention', () => {
  const loaded = [
    slo('cart-latency', 'cart', status('cart-latency', 0.4, 'ticket')),
    slo('catalog-availability', 'catalog', status('catalog-availability', 0.9, 'none')),
    slo('payments-availability', 'payments', status('payments-availability', -0.6, 'page')),
    slo('search-availability', 'search', status('search-availability', -0.1, 'none')),
  ];
  const ratio = [svc('shop', 'payments', 0.5), svc('shop', 'cart', 0.02), svc('shop', 'catalog', 0.0001), svc('platform', 'audit-export', 0)];
  const rate = [svc('shop', 'payments', 10), svc('shop', 'cart', 20), svc('shop', 'catalog', 30), svc('platform', 'audit-export', 0.001)];

  it('lists paging SLOs, failing services, exhausted and ticketing SLOs, then warning services, each linked', () => {
    const rows = (attention.transform({ ratio, rate }, p, ctx, loaded).data as TableData).rows;
    expect(rows.map((r) => [r.id, r.cells.what])).toEqual([
      ['slo:payments-availability', 'SLO pages'],
      ['service:shop/payments', 'service failing'],
      ['slo:search-availability', 'SLO budget exhausted'],
      ['slo:cart-latency', 'SLO tickets'],
      ['service:shop/cart', 'service warning'],
    ]);
    expect(rows[0]?.cells).toMatchObject({ name: { text: 'payments-availability', href: '/slos/payments-availability' }, figure: '-60% of budget left' });
    expect(rows[1]?.cells).toMatchObject({ name: { text: 'payments', href: '/debug?service=payments&namespace=shop' }, figure: '50.0 % of requests failed over the range' });
    expect(rows[0]?.health).toMatchObject({ level: 'failing' });
  });

  it('says nothing needs attention when nothing does', () => {
    const { data } = attention.transform({ ratio: [svc('shop', 'catalog', 0.0001)], rate: [svc('shop', 'catalog', 30)] }, p, ctx, []);
    expect(data).toMatchObject({ rows: [], detail: expect.stringMatching(/^Nothing needs attention: .* 1 % or more/) });
  });
});

describe('success users experienced', () => {
  const trend = [{ labels: {}, points: [[1000, 0.01], [2000, Number.NaN]] as Array<[number, number]> }];

  it('is the callers\' success over the range, with the server side in the detail', () => {
    const { data } = userSuccess.transform({ ratio: [s({}, 0.033)], rate: [s({}, 400)], server: [s({}, 0.09)], trend }, p, ctx, []);
    expect(data).toMatchObject({ kind: 'stat', health: 'warn', detail: expect.stringContaining('Servers answered 91.0 % of attempts successfully (every retry counted).') });
    if (data.kind !== 'stat') throw new Error('stat');
    expect(data.value).toBeCloseTo(0.967, 12);
    expect(data.detail).toContain('over the 1h to 2026-10-01 12:00 UTC');
    expect(data.trend?.points).toEqual([[1000, 0.99], [2000, null]]);
  });

  it('never reads OK while an SLO pages: the verdict is the worse of the ratio and the SLOs', () => {
    const paging = [slo('payments-availability', 'payments', status('payments-availability', -0.6, 'page'))];
    const { data } = userSuccess.transform({ ratio: [s({}, 0.0007)], rate: [s({}, 400)], server: [s({}, 0.0007)], trend: [] }, p, ctx, paging);
    expect(data).toMatchObject({ health: 'bad', detail: expect.stringContaining('SLO payments-availability pages') });
    const calm = userSuccess.transform({ ratio: [s({}, 0.0007)], rate: [s({}, 400)], server: [s({}, 0.0007)], trend: [] }, p, ctx, []);
    expect(calm.data).toMatchObject({ health: 'good' });
  });

  it('asks each mesh for the callers\' side over the whole range', () => {
    expect(userSuccess.queries(p, ctx).ratio.promql).toContain('reporter="source"');
    expect(userSuccess.queries(p, ctx).ratio.promql).toContain('[1h]');
    expect(userSuccess.queries(p, ctx).server.promql).toContain('reporter="destination"');
    expect(userSuccess.queries(p, { ...ctx, mesh: linkerdAdapter }).ratio.promql).toContain('direction="outbound"');
  });
});
