import { describe, expect, it } from 'vitest';
import { istioAdapter } from '@/lib/mesh';
import type { Sample, Series } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import type { PanelContext, TableData, TimeseriesData } from '../types';
import { controlPlane, controlPlaneHealth } from './control-plane';
import { deployments } from './deployments';
import { errorRatio } from './error-ratio';
import { responseFlags } from './flags';
import { proxyResources } from './proxy-resources';
import { clusterHost, retries } from './retries';
import { findRollouts } from './rollouts';
import { sloAlerts } from './slo-alerts';
import { topFailing } from './top-failing';

const ctx: PanelContext = { mesh: istioAdapter, config: { teams: {} } };
const p: PanelParams = { start: 1000, end: 1120, step: 60, namespace: undefined, service: undefined };
const svc = (namespace: string, service: string) => ({ destination_service_namespace: namespace, destination_service_name: service });
const s = (labels: Record<string, string>, value: number): Sample => ({ labels, timeMs: p.end * 1000, value });
const series = (labels: Record<string, string>, values: Array<number | undefined>, startMs = 1_000_000, stepMs = 60_000): Series => ({
  labels,
  points: values.flatMap((v, i) => (v === undefined ? [] : [[startMs + i * stepMs, v] as [number, number]])),
});
const table = (data: unknown) => data as TableData;
const chart = (data: unknown) => data as TimeseriesData;

describe('top failing services', () => {
  it('ranks services with errors by error ratio, then errors per second, with a sparkline and a debug link', () => {
    const { data, warnings } = topFailing.transform(
      {
        ratio: [s(svc('payments', 'payments'), 0.45), s(svc('shop', 'cart'), 0.004), s(svc('shop', 'big'), 0.004), s(svc('shop', 'fine'), 0)],
        now: [s(svc('payments', 'payments'), 0.9)],
        errors: [s(svc('payments', 'payments'), 3), s(svc('shop', 'cart'), 0.2), s(svc('shop', 'big'), 4), s(svc('shop', 'fine'), 0)],
        rate: [s(svc('payments', 'payments'), 6.5), s(svc('shop', 'cart'), 50), s(svc('shop', 'big'), 1000)],
        trend: [series(svc('payments', 'payments'), [0, 0.9, Number.NaN])],
      },
      p,
      ctx,
    );
    const rows = table(data).rows;
    // The verdict of lib/health, as /api/services and /api/graph give it: 0.4 % is under the 1 % warning.
    const under = { level: 'ok', reason: '0.40 % of requests fail (under the 1 % warning threshold)' };
    expect(rows.map((r) => [r.cells.namespace, r.cells.errorRatio, r.health])).toEqual([
      ['payments', 0.45, { level: 'failing', reason: '45.0 % of requests fail (failing at 5 % or more)' }],
      ['shop', 0.004, under],
      ['shop', 0.004, under],
    ]);
    expect(rows[1]?.cells.service).toEqual({ text: 'big', href: '/debug?service=big&namespace=shop' });
    expect(rows[0]?.cells.trend).toEqual({ sparkline: [0, 0.9, null] });
    // The last 5 minutes beside the range's average; no sample now is no value, not 0.
    expect(rows.map((r) => r.cells.errorRatioNow)).toEqual([0.9, null, null]);
    expect(rows[2]?.cells.trend).toEqual({ sparkline: [null, null, null] });
    expect(warnings).toEqual([]);
  });

  it('shows at most ten, says how many more, and explains an empty table', () => {
    const many = Array.from({ length: 12 }, (_, i) => s(svc('ns', `s${i}`), 0.01 * (i + 1)));
    const out = topFailing.transform({ ratio: many, now: [], errors: many, rate: many, trend: [] }, p, ctx);
    expect(table(out.data).rows).toHaveLength(10);
    expect(table(out.data).rows[0]?.cells.namespace).toBe('ns');
    expect(out.warnings).toEqual(['2 more services had errors; showing the worst 10.']);
    expect(topFailing.transform({ ratio: [], now: [], errors: [], rate: [], trend: [] }, p, ctx).data).toMatchObject({ rows: [], detail: expect.any(String) });
  });
});

describe('rollouts', () => {
  const rev = (service: string, revision: string, values: Array<number | undefined>) =>
    series({ ...svc('shop', service), destination_canonical_revision: revision }, values);
  const q = istioAdapter.revisions({});
  if ('unsupported' in q) throw new Error('istio has revisions');

  it.each([
    ['a revision appearing mid-range', [rev('catalog', 'v1', [1, 1, 1, undefined]), rev('catalog', 'v2', [undefined, undefined, 1, 1])], [['catalog', 'v2', 1_120_000, ['v1']]]],
    ['revisions present from the start are not rollouts', [rev('catalog', 'v1', [1, 1]), rev('cart', 'v7', [1, 1])], []],
    ['the first rollout of a service has nothing to replace', [rev('new', 'v1', [undefined, 1])], [['new', 'v1', 1_060_000, []]]],
    ['newest first', [rev('a', 'v2', [undefined, 1, 1]), rev('b', 'v2', [undefined, undefined, 1])], [['b', 'v2', 1_120_000, []], ['a', 'v2', 1_060_000, []]]],
  ] as const)('%s', (_name, input, expected) => {
    const found = findRollouts(input, q, 1_000_000).map((r) => [r.service, r.revision, r.timeMs, r.previous]);
    expect(found).toEqual(expected);
  });

  it('become deployment rows and error-ratio markers', () => {
    const revisions = [rev('catalog', 'v1', [1, 1, undefined]), rev('catalog', 'v2', [undefined, 1, 1])];
    expect(table(deployments.transform({ revisions }, p, ctx).data).rows[0]?.cells).toMatchObject({ namespace: 'shop', revision: 'v2', previous: 'v1', time: 1_060_000 });
    const ranking = [s(svc('shop', 'catalog'), 0.01)];
    const out = errorRatio.transform({ ranking, series: [series(svc('shop', 'catalog'), [0.01, 0.02])], revisions }, p, ctx);
    expect(chart(out.data).markers).toEqual([{ timeMs: 1_060_000, label: 'shop/catalog → v2', kind: 'deployment' }]);
  });
});

describe('error ratio of the worst services', () => {
  it('draws the five worst by their ratio over the range, skipping services without errors', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const ranking = names.map((n, i) => s(svc('shop', n), i === 6 ? 0 : (i + 1) / 100));
    const out = errorRatio.transform({ ranking, series: names.map((n) => series(svc('shop', n), [0.5])), revisions: [] }, p, ctx);
    expect(chart(out.data).series.map((x) => x.name)).toEqual(['shop/f', 'shop/e', 'shop/d', 'shop/c', 'shop/b']);
  });
});

describe('response flags and retries', () => {
  it('names flags by what they mean', () => {
    const out = responseFlags.transform({ flags: [series({ response_flags: 'UH' }, [2]), series({ response_flags: 'XYZ' }, [1])] }, p, ctx);
    expect(chart(out.data).series.map((x) => x.name)).toEqual(['UH (no healthy upstream)', 'XYZ']);
    expect(chart(out.data).stacked).toBe(true);
  });

  it.each([
    ['outbound|8080||catalog.shop.svc.cluster.local', 'catalog.shop'],
    ['outbound|443||api.example.com', 'api.example.com'],
    ['xds-grpc', 'xds-grpc'],
  ])('reads cluster %s as %s', (cluster, host) => {
    expect(clusterHost(cluster)).toBe(host);
  });

  it('shows Envoy stats per upstream when the proxies export them', () => {
    const cluster = { cluster_name: 'outbound|8080||catalog.shop.svc.cluster.local' };
    const out = retries.transform({ retries: [series(cluster, [60])], retryOverflow: [series(cluster, [0])], pendingOverflow: [], fallback: [] }, p, ctx);
    expect(out.missing).toBeUndefined();
    expect(chart(out.data).series.map((x) => x.name)).toEqual(['catalog.shop retries', 'catalog.shop retries refused (retry overflow)']);
  });

  it('says how to enable them when absent and falls back to URX/UO response flags', () => {
    const fallback = [series({ response_flags: 'URX' }, [10]), series({ response_flags: 'UO' }, [6])];
    const out = retries.transform({ retries: [], retryOverflow: [], pendingOverflow: [], fallback }, p, ctx);
    expect(out.missing?.howToEnable).toContain('proxyStatsMatcher');
    expect(out.missing?.howToEnable).toContain('.*upstream_rq_retry.*');
    expect(chart(out.data).series.map((x) => x.name)).toEqual(['URX (retry limit exceeded), from response flags', 'UO (circuit breaker overflow), from response flags']);
  });
});

describe('control plane', () => {
  it.each([
    [1, 0, 0.1, 'good'],
    [1, 2, 0.1, 'warn'],
    [1, 0, 4.2, 'warn'],
    [0, 0, 0.1, 'bad'],
    [null, null, null, 'bad'],
  ] as const)('up=%s rejects=%s p99=%s is %s', (up, rejects, p99, health) => {
    expect(controlPlaneHealth(up, rejects, p99)).toBe(health);
  });

  it('joins the signals per istiod pod and rounds extrapolated rejects', () => {
    const pod = { pod: 'istiod-1' };
    const out = controlPlane.transform(
      { up: [s(pod, 1)], connectedProxies: [s(pod, 16)], pushesPerSecond: [s(pod, 0.16)], rejects: [s(pod, 5.9)], convergenceP99: [s(pod, Number.NaN)] },
      p,
      ctx,
    );
    expect(table(out.data).rows).toEqual([
      { id: 'istiod-1', health: 'warn', cells: { pod: 'istiod-1', up: 1, connectedProxies: 16, pushesPerSecond: 0.16, rejects: 6, convergenceP99: null } },
    ]);
  });

  it('says istiod is not scraped when nothing reports', () => {
    const out = controlPlane.transform({ up: [], connectedProxies: [], pushesPerSecond: [], rejects: [], convergenceP99: [] }, p, ctx);
    expect(out.missing?.reason).toContain('pilot_xds');
  });
});

describe('proxy resources', () => {
  it('lists the union of top CPU, top memory and restarting pods, restarts first', () => {
    const pod = (name: string) => ({ namespace: 'shop', pod: name });
    const out = proxyResources.transform(
      { cpu: [s(pod('a'), 0.12), s(pod('b'), 0.05)], memory: [s(pod('a'), 1.3e8), s(pod('c'), 2e8)], restarts: [s({ namespace: 'payments', pod: 'pay' }, 3.1)] },
      p,
      ctx,
    );
    expect(table(out.data).rows.map((r) => [r.cells.pod, r.cells.cpu, r.cells.memory, r.cells.restarts, r.health])).toEqual([
      ['pay', null, null, 3, 'warn'],
      ['a', 0.12, 1.3e8, 0, 'good'],
      ['b', 0.05, null, 0, 'good'],
      ['c', null, 2e8, 0, 'good'],
    ]);
  });
});

describe('SLO burn-rate alerts', () => {
  const burn = (slo: string, severity: string, state: string) =>
    s({ slo, severity, alertstate: state, service: 'cart', namespace: 'shop', long_window: severity === 'page' ? '1h' : '1d', short_window: severity === 'page' ? '5m' : '2h' }, 1);
  it('lists firing pages first, with since, SLO and service links', () => {
    const states = [burn('cart-availability', 'ticket', 'firing'), burn('cart-latency', 'page', 'pending'), burn('cart-availability', 'page', 'firing')];
    const since = [s({ slo: 'cart-availability', severity: 'page', service: 'cart', namespace: 'shop', long_window: '1h', short_window: '5m' }, 990)];
    const { data } = sloAlerts.transform({ states, since }, p, ctx);
    expect(table(data).rows.map((r) => [r.cells.slo, r.cells.severity, r.cells.state, r.cells.windows, r.cells.since, r.health])).toEqual([
      [{ text: 'cart-availability', href: '/slos/cart-availability?time=990' }, 'page', 'firing', '1h and 5m', 990, 'bad'],
      [{ text: 'cart-availability', href: '/slos/cart-availability' }, 'ticket', 'firing', '1d and 2h', null, 'warn'],
      [{ text: 'cart-latency', href: '/slos/cart-latency' }, 'page', 'pending', '1h and 5m', null, 'warn'],
    ]);
    // Pinned at the alert's start; rows without one keep the page's time (the link sets none).
    expect(table(data).rows[0]?.cells.service).toEqual({ text: 'shop/cart', href: '/debug?service=cart&namespace=shop&time=990' });
  });

  it('keeps one row per region of a perRegion SLO, with a region column only then', () => {
    const regional = (region: string) => s({ slo: 'reviews', severity: 'page', alertstate: 'firing', service: 'reviews', namespace: 'shop', long_window: '1h', short_window: '5m', region }, 1);
    const data = table(sloAlerts.transform({ states: [regional('eu-west'), regional('us-east')], since: [] }, p, ctx).data);
    expect(data.rows.map((r) => r.cells.region)).toEqual(['eu-west', 'us-east']);
    expect(new Set(data.rows.map((r) => r.id)).size).toBe(2);
    expect(data.columns.map((c) => c.key)).toContain('region');
    expect(table(sloAlerts.transform({ states: [burn('a', 'page', 'firing')], since: [] }, p, ctx).data).columns.map((c) => c.key)).not.toContain('region');
  });

  it('says how alerts get there when none fires, and filters by namespace', () => {
    expect(sloAlerts.transform({ states: [], since: [] }, p, ctx).data).toMatchObject({ rows: [], detail: expect.stringContaining('/api/rules') });
    const q = sloAlerts.queries({ ...p, namespace: 'shop' }, ctx);
    expect(q.states.promql).toBe(
      'max by (slo, service, namespace, severity, long_window, short_window, region, alertstate) (ALERTS{alertname="SLOErrorBudgetBurn",alertstate=~"pending|firing",namespace="shop"})',
    );
  });
});

describe('restart markers', () => {
  it('marks each step up of a pod restart counter, only for the service\'s pods', async () => {
    const { restartMarkers } = await import('./markers');
    const { istioAdapter } = await import('@/lib/mesh');
    const q = istioAdapter.proxyResources({ window: '5m', namespace: 'payments', limit: 1 }).restartCounts;
    const counter = (pod: string, values: number[]) => ({ labels: { namespace: 'payments', pod }, points: values.map((v, i) => [60_000 * i, v] as [number, number]) });
    const markers = restartMarkers([counter('payments-abc', [0, 0, 1, 1, 3]), counter('ledger-xyz', [0, 1, 1, 1, 1])], q, 'payments-');
    expect(markers).toEqual([
      { timeMs: 120_000, label: 'restart payments/payments-abc', kind: 'other' },
      { timeMs: 240_000, label: 'restart payments/payments-abc', kind: 'other' },
    ]);
  });
});
