import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { LoadError } from './load-error';

const unreachable = new ApiError(502, 'upstream_error', 'Prometheus unreachable: connection refused');
const noop = () => undefined;

describe('LoadError', () => {
  it('says what failed with the API message and offers Retry', () => {
    const html = renderToStaticMarkup(<LoadError what="Could not load the graph" error={unreachable} retrying={false} onRetry={noop} />);
    expect(html).toMatch(/role="alert"[^]*Could not load the graph: Prometheus unreachable: connection refused[^]*<button type="button">Retry<\/button>/);
  });

  it('names a second Retry apart and disables it while retrying', () => {
    const html = renderToStaticMarkup(<LoadError what="Baseline at 2026-09-30 12:00 UTC could not be loaded" error={unreachable} retrying retryLabel="Retry baseline" onRetry={noop} />);
    expect(html).toContain('Baseline at 2026-09-30 12:00 UTC could not be loaded: Prometheus unreachable');
    expect(html).toContain('aria-label="Retry baseline"');
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Retrying…<\/button>/);
  });

  it('has a message even for an error without one', () => {
    expect(renderToStaticMarkup(<LoadError what="Could not load the graph" error={undefined} retrying={false} onRetry={noop} />)).toContain('Could not load the graph: something went wrong');
  });
});
