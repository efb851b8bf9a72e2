import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { Panel, type PanelQuery } from './panel';

const base: PanelQuery = { isPending: false, isError: false, isFetching: false, error: null, refetch: () => undefined };
const unreachable = new ApiError(502, 'upstream_error', 'Prometheus unreachable: connection refused');

function render(query: Partial<PanelQuery>, extra: { isEmpty?: boolean; queries?: { purpose?: string; promql: string }[]; description?: string } = {}) {
  return renderToStaticMarkup(
    <Panel title="Services" query={{ ...base, ...query }} empty="No mesh traffic found" {...extra}>
      <table />
    </Panel>,
  );
}

describe('Panel', () => {
  it('is busy with a skeleton while the first answer loads', () => {
    const html = render({ isPending: true, isFetching: true });
    expect(html).toContain('aria-busy="true"');
    expect(html).toContain('Loading services…');
    expect(html).not.toContain('<table');
    expect(html).not.toContain('role="alert"');
  });

  it('shows the API message and a Retry button when the first load fails', () => {
    const html = render({ isError: true, error: unreachable });
    expect(html).toMatch(/role="alert"[^]*Prometheus unreachable: connection refused[^]*<button type="button">Retry<\/button>/);
    expect(html).not.toContain('<table');
    expect(html).not.toContain('aria-busy');
  });

  it('keeps the last good data under the alert when a refresh fails', () => {
    const html = render({ isError: true, error: unreachable, data: {} });
    expect(html).toContain('Showing the last successful result below.');
    expect(html).toContain('<table');
  });

  it('says "Retrying…" and disables the button while a retry runs', () => {
    expect(render({ isError: true, error: unreachable, isFetching: true })).toContain('disabled="">Retrying…</button>');
  });

  it('shows the empty state instead of the content', () => {
    const html = render({ data: {} }, { isEmpty: true });
    expect(html).toContain('No mesh traffic found');
    expect(html).not.toContain('<table');
  });

  it('lists the PromQL under Inspect once there is data', () => {
    const html = render({ data: {} }, { queries: [{ purpose: 'Requests per second', promql: 'sum(rate(x[5m]))' }, { promql: 'up == 0' }] });
    expect(html).toContain('<summary>Inspect</summary>');
    expect(html).toMatch(/Requests per second[^]*aria-label="Copy PromQL: Requests per second"[^]*<code>sum\(rate\(x\[5m\]\)\)<\/code>/);
    expect(html).toContain('<code>up == 0</code>');
    expect(html).toContain('aria-label="Copy PromQL: query 2"');
  });

  it('describes the panel under its title', () => {
    const html = render({ data: {} }, { description: 'Share of requests that used mTLS.' });
    expect(html).toMatch(/aria-describedby="([^"]+)"[^]*<p id="\1"[^>]*>Share of requests that used mTLS.<\/p>/);
  });

  it('is busy while an old range stands in for the new one', () => {
    expect(render({ data: {}, isPlaceholderData: true, isFetching: true })).toContain('aria-busy="true"');
    expect(render({ data: {}, isPlaceholderData: false, isFetching: true })).not.toContain('aria-busy');
  });
});
