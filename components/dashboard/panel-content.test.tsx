import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { PanelData, PanelResponse } from '@/lib/dashboards/schema';
import { PanelContent } from './panel-content';

const response = (data: PanelData, extra: Partial<PanelResponse> = {}): PanelResponse => ({
  dashboard: 'oncall',
  panel: 'retries',
  evaluatedAt: '2026-10-01T11:00:00Z',
  range: { start: 1_790_848_800, end: 1_790_852_400, step: 15 },
  queries: [],
  warnings: [],
  data,
  ...extra,
});
const render = (r: PanelResponse) => renderToStaticMarkup(<PanelContent response={r} title="Panel" linkHref={(href) => `${href}&time=1790852400`} />);

const table: PanelData = {
  kind: 'table',
  columns: [
    { key: 'service', label: 'Service', kind: 'link' },
    { key: 'ratio', label: 'Error ratio', kind: 'number', unit: 'ratio' },
    { key: 'mem', label: 'Memory', kind: 'number', unit: 'bytes' },
    { key: 'trend', label: 'Trend', kind: 'sparkline', unit: 'ratio' },
    { key: 'trace', label: 'Traces', kind: 'link' },
  ],
  rows: [
    {
      id: 'shop/cart',
      health: 'bad',
      cells: {
        service: { text: 'cart', href: '/debug?service=cart&namespace=shop' },
        ratio: 0.0041,
        mem: 64 * 1024 * 1024,
        trend: { sparkline: [0.001, 0.004] },
        trace: { text: 'Jaeger', href: 'https://jaeger.example/search?service=cart' },
      },
    },
    { id: 'shop/catalog', cells: { service: { text: 'catalog', href: '/debug?service=catalog&namespace=shop' }, ratio: null } },
  ],
};

describe('PanelContent', () => {
  it('renders a stat as a big number with its unit, health colour and health in words', () => {
    const html = render(response({ kind: 'stat', value: 10.04, unit: 'days', health: 'bad', detail: 'istio-ca root' }));
    expect(html).toContain('data-health="bad"');
    expect(html).toMatch(/data-testid="stat-value">10<\/span><span[^>]*>days<\/span>/);
    expect(html).toMatch(/>Failing<\/span> istio-ca root/);
  });

  it('says "No data" for a null stat instead of 0 or NaN', () => {
    const html = render(response({ kind: 'stat', value: null, unit: 'ratio', health: 'unknown', detail: 'no traffic in the range' }));
    expect(html).toContain('No data');
    expect(html).toContain('no traffic in the range');
    expect(html).not.toMatch(/NaN|>0</);
  });

  it('renders a table with a caption, units in headers and a health cue on failing rows', () => {
    const html = render(response(table));
    expect(html).toContain('<caption class="sr-only">Panel</caption>');
    expect(html).toMatch(/Error ratio<span class="[^"]*"> \(%\)<\/span>/);
    expect(html).not.toMatch(/Memory<span class="[^"]*"> \(/); // bytes carry their own unit per cell
    expect(html).toMatch(/<tr data-health="bad"><th scope="row"><a href="\/debug\?service=cart&amp;namespace=shop&amp;time=1790852400">cart<\/a><span[^>]*data-health="bad">Failing<\/span>/);
    expect(html).toMatch(/<tr><th scope="row"><a [^>]*>catalog<\/a><\/th><td[^>]*><span[^>]*><span aria-hidden="true">—<\/span><span class="sr-only">no data<\/span>/);
    expect(html).toContain('>0.41<');
    expect(html).toContain('>64 MiB<');
    expect(html).toMatch(/<svg[^>]*data-health="bad"[^>]*role="img" aria-label="Trend: from 0.10% to 0.40%, peak 0.40%"/);
  });

  it('renders a row verdict (lib/health) as the health chip, with the reason as its name, and colours the row by it', () => {
    const verdict = { level: 'warning' as const, reason: '3.0 % of requests fail (warning at 1 % or more)' };
    const html = render(response({ ...table, rows: [{ id: 'payments/payments', health: verdict, cells: { service: { text: 'payments', href: '/debug?service=payments&namespace=payments' } } }] }));
    expect(html).toMatch(/<tr data-health="warn"><th scope="row"><a [^>]*>payments<\/a><span[^>]*><span[^>]*data-level="warning" role="img" aria-label="Warning: 3.0 % of requests fail \(warning at 1 % or more\)"/);
    expect(html).toContain('>▲ Warning<');
  });

  it('opens external links in a new tab, and leaves them without the time range', () => {
    const html = render(response(table));
    expect(html).toContain('href="https://jaeger.example/search?service=cart" target="_blank" rel="noopener noreferrer"');
  });

  it('shows a missing signal with how to enable it, and the fallback data under it', () => {
    const html = render(
      response(table, { missing: { reason: 'Envoy retry stats are off.', howToEnable: 'proxyStatsMatcher:\n  inclusionRegexps: [".*retry.*"]' } }),
    );
    expect(html).toMatch(/Signal not available[^]*Envoy retry stats are off\.[^]*<code>proxyStatsMatcher:/);
    expect(html.indexOf('Signal not available')).toBeLessThan(html.indexOf('<table'));
  });

  it('shows a missing signal instead of an empty chart', () => {
    const html = render(response({ kind: 'timeseries', unit: 'reqps', series: [], markers: [], stacked: false }, { missing: { reason: 'off' } }));
    expect(html).toContain('Signal not available');
    expect(html).not.toContain('No data in this range');
  });

  it("says what an empty table means, in the server's words when it has them", () => {
    expect(render(response({ ...table, rows: [], detail: 'No alerts firing at the end of the range.' }))).toContain('No alerts firing at the end of the range.');
    expect(render(response({ ...table, rows: [] }, { panel: 'incidents' }))).toContain('No alert fired in this range.');
  });
});
