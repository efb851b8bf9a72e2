import { describe, expect, it } from 'vitest';
import { istioAdapter } from '@/lib/mesh';
import type { ExemplarSeries, Sample, Series } from '@/lib/prometheus/query-schemas';
import type { PanelParams } from '../../params';
import type { PanelContext, TableData, TimeseriesData } from '../types';
import { inbound, outbound } from './edges';
import { heatmap, routeLatency } from './latency';
import { statusCodes } from './status-codes';
import { tcpConnections } from './tcp-connections';
import { telemetryHealth } from './telemetry-health';
import { traces } from './traces';

const ctx: PanelContext = { mesh: istioAdapter, config: { teams: {} } };
const p: PanelParams = { start: 1000, end: 1120, step: 60, namespace: 'shop', service: 'catalog' };
const s = (labels: Record<string, string>, value: number): Sample => ({ labels, timeMs: p.end * 1000, value });
const series = (labels: Record<string, string>, values: number[]): Series => ({ labels, points: values.map((v, i) => [1_000_000 + i * 60_000, v]) });
const table = (data: unknown) => data as TableData;

describe('latency heatmap', () => {
  it('turns cumulative le series into per-bucket rates, in bucket order with +Inf last, from the buckets present', () => {
    const data = heatmap([series({ le: '+Inf' }, [10, 0]), series({ le: '25' }, [6, 0]), series({ le: '5' }, [1, 0]), series({ le: '10' }, [5.9999999, 0])], 'le');
    expect(data.buckets).toEqual(['5', '10', '25', '+Inf']);
    expect(data.timesMs).toEqual([1_000_000, 1_060_000]);
    const cells = data.cells.filter(([t]) => t === 0).map(([, b, v]) => [b, Number(v.toFixed(6))]);
    expect(cells).toEqual([[0, 1], [1, 5], [2, 0], [3, 4]]);
    expect(data.cells.filter(([t]) => t === 1).every(([, , v]) => v === 0)).toBe(true);
  });

  it('clamps float noise below zero and skips NaN points', () => {
    const data = heatmap([series({ le: '1' }, [2.0000001]), series({ le: '+Inf' }, [2]), series({ le: '0.5' }, [Number.NaN])], 'le');
    expect(data.buckets).toEqual(['0.5', '1', '+Inf']);
    expect(data.cells).toEqual([[0, 1, 2.0000001], [0, 2, 0]]);
  });
});

describe('latency by caller', () => {
  it('joins rate and quantiles per calling workload; NaN quantiles are null', () => {
    const caller = (name: string) => ({ source_workload_namespace: 'shop', source_workload: name });
    const { data } = routeLatency.transform(
      { rate: [s(caller('frontend'), 73), s(caller('idle'), 0)], p50: [s(caller('frontend'), 31)], p95: [s(caller('frontend'), 111), s(caller('idle'), Number.NaN)], p99: [s(caller('frontend'), Number.POSITIVE_INFINITY)], p95Now: [s(caller('frontend'), 450)] },
      p,
      ctx,
    );
    expect(table(data).rows.map((r) => r.cells)).toEqual([
      { caller: 'shop/frontend', rps: 73, p95Now: 450, p50: 31, p95: 111, p99: null },
      { caller: 'shop/idle', rps: 0, p95Now: null, p50: null, p95: null, p99: null },
    ]);
  });
});

describe('edges', () => {
  it('shows callers with error ratio, p95 and mTLS share, busiest first', () => {
    const caller = (name: string) => ({ source_workload_namespace: 'shop', source_workload: name });
    const { data } = inbound.transform(
      {
        rate: [s(caller('search'), 5), s(caller('frontend'), 25)],
        errorRatio: [s(caller('search'), 0.0004), s(caller('frontend'), 0.02)],
        p95: [s(caller('search'), 9)],
        mtls: [s(caller('search'), 0), s(caller('frontend'), 1)],
      },
      p,
      ctx,
    );
    expect(table(data).rows.map((r) => [r.cells.peer, r.cells.errorRatio, r.cells.p95, r.cells.mtls, r.health])).toEqual([
      [{ text: 'shop/frontend', href: '/debug?service=frontend&namespace=shop' }, 0.02, null, 1, { level: 'warning', reason: '2.0 % of requests fail (warning at 1 % or more)' }],
      [{ text: 'shop/search', href: '/debug?service=search&namespace=shop' }, 0.0004, 9, 0, { level: 'ok', reason: '0.04 % of requests fail (under the 1 % warning threshold)' }],
    ]);
  });

  it('groups outbound edges by destination service', () => {
    const q = outbound.queries(p, ctx);
    expect(q.rate?.promql).toContain('source_workload_namespace="shop",source_workload="catalog"');
    expect(q.rate?.promql).toContain('sum by (destination_service_namespace, destination_service_name)');
    const { data } = outbound.transform({ rate: [s({ destination_service_namespace: 'platform', destination_service_name: 'inventory' }, 45)], errorRatio: [], p95: [], mtls: [] }, p, ctx);
    expect(table(data).rows[0]?.cells.peer).toEqual({ text: 'platform/inventory', href: '/debug?service=inventory&namespace=platform' });
  });
});

describe('status codes', () => {
  it('stacks codes and says what code 0 means', () => {
    const { data } = statusCodes.transform({ codes: [series({ response_code: '503' }, [1]), series({ response_code: '0' }, [2]), series({ response_code: '200' }, [90])] }, p, ctx);
    expect((data as TimeseriesData).series.map((x) => x.name)).toEqual(['0 (no response)', '200', '503']);
  });
});

describe('tcp connections', () => {
  it('gives each pod and direction its last values and sparklines', () => {
    const labels = { pod: 'redis-0', direction: 'inbound' };
    const out = tcpConnections.transform({ opened: [series(labels, [3, 4, 5])], open: [series(labels, [20, 20, 20])] }, p, ctx);
    expect(table(out.data).rows[0]?.cells).toEqual({ pod: 'redis-0', direction: 'inbound', open: 20, openTrend: { sparkline: [20, 20, 20] }, opened: 5, openedTrend: { sparkline: [3, 4, 5] } });
  });
});

describe('telemetry health', () => {
  const empty = { up: [], duration: [], samples: [], ruleDuration: [], ruleLag: [], missed: [] };

  it('says clearly when Prometheus has no scrape or rule metadata', () => {
    const out = telemetryHealth.transform(empty, p, ctx);
    expect(out.missing?.reason).toContain('up, scrape_duration_seconds, scrape_samples_scraped');
    expect(out.warnings[0]).toContain('prometheus_rule_group_');
    expect(table(out.data).rows).toEqual([]);
  });

  it('lists targets and the rule-evaluation row when present', () => {
    const t = { instance: '10.0.0.1:15020', pod: 'catalog-1' };
    const out = telemetryHealth.transform({ ...empty, up: [s(t, 0)], duration: [s(t, 0.02)], samples: [s(t, 812)], ruleDuration: [s({}, 0.3)], ruleLag: [s({}, 12)], missed: [s({}, 0)] }, p, ctx);
    expect(out.missing).toBeUndefined();
    expect(table(out.data).rows).toEqual([
      { id: 'target:catalog-1', health: 'bad', cells: { target: 'catalog-1', up: 0, duration: 0.02, samples: 812, lag: null } },
      { id: 'rules', health: 'good', cells: { target: 'Prometheus rule groups', up: null, duration: 0.3, samples: null, lag: 12 } },
    ]);
  });
});

describe('traces', () => {
  const exemplar: ExemplarSeries = { seriesLabels: {}, exemplars: [{ labels: { trace_id: 'abc123' }, value: 812, timeMs: 1_100_000 }, { labels: {}, value: 5, timeMs: 1_050_000 }] };

  it('explains how to configure a trace UI when there is no template, and still lists exemplars', () => {
    const out = traces.transform({ exemplars: [exemplar] }, p, ctx);
    expect(out.missing?.howToEnable).toContain('TRACE_URL_TEMPLATE');
    expect(table(out.data).rows.map((r) => r.cells)).toEqual([
      { what: 'Trace abc123', link: null, time: 1_100_000, value: 812 },
      { what: 'Exemplar without a trace id', link: null, time: 1_050_000, value: 5 },
    ]);
  });

  it('builds failed and all-request links and trace links from the template, URL-encoded', () => {
    const template = 'http://jaeger:16686/search?service={service}.{namespace}&start={startUs}&end={endUs}&err={error}&id={traceId}';
    const out = traces.transform({ exemplars: [exemplar] }, { ...p, service: 'ca t&x' }, { ...ctx, config: { teams: {}, traceUrlTemplate: template } });
    const rows = table(out.data).rows;
    expect(out.missing).toBeUndefined();
    expect(rows[0]?.cells.link).toEqual({ text: 'Open in trace UI', href: 'http://jaeger:16686/search?service=ca%20t%26x.shop&start=1000000000&end=1120000000&err=true&id={traceId}' });
    expect(rows[1]?.cells.link).toMatchObject({ href: expect.stringContaining('&err=false') });
    expect(rows[2]?.cells.link).toEqual({ text: 'Open trace', href: 'http://jaeger:16686/search?service={service}.{namespace}&start={startUs}&end={endUs}&err={error}&id=abc123' });
  });
});
