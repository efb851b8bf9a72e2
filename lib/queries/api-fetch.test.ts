import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { fetchApi } from './api-fetch';
import type { Guard } from './response-guards';

const isOk: Guard<{ ok: true }> = (value): value is { ok: true } => typeof value === 'object' && value !== null && 'ok' in value && value.ok === true;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function stubFetch(impl: () => Promise<Response>) {
  const fn = vi.fn(impl);
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchApi', () => {
  it('returns the parsed body and passes the signal', async () => {
    const fetchMock = stubFetch(async () => json(200, { ok: true }));
    const signal = new AbortController().signal;
    await expect(fetchApi('/api/x', isOk, signal)).resolves.toEqual({ ok: true });
    expect(fetchMock.mock.calls[0]).toEqual(['/api/x', expect.objectContaining({ signal })]);
  });

  it.each([
    [502, { error: { code: 'upstream_error', message: 'Prometheus unreachable' } }, 'upstream_error', 'Prometheus unreachable', true],
    [504, { error: { code: 'upstream_timeout', message: 'Prometheus timed out' } }, 'upstream_timeout', 'Prometheus timed out', false],
    [422, { error: { code: 'validation_failed', message: 'window: not a duration' } }, 'validation_failed', 'window: not a duration', false],
    [404, 'not json', 'http_404', 'Request failed with HTTP 404', false],
    [500, null, 'http_500', 'Request failed with HTTP 500', true],
  ])('HTTP %d becomes ApiError', async (status, body, code, message, retryable) => {
    stubFetch(async () => json(status, body));
    const err: unknown = await fetchApi('/api/x', isOk).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status, code, message, retryable });
  });

  it('reports a body that its guard refuses without retrying', async () => {
    stubFetch(async () => json(200, { ok: 'yes' }));
    await expect(fetchApi('/api/x', isOk)).rejects.toMatchObject({ code: 'schema', retryable: false });
  });

  it('turns a network failure into status 0', async () => {
    stubFetch(async () => Promise.reject(new TypeError('fetch failed')));
    await expect(fetchApi('/api/x', isOk)).rejects.toMatchObject({ status: 0, code: 'network', retryable: true });
  });

  it('rethrows aborts untouched', async () => {
    const controller = new AbortController();
    controller.abort();
    const abort = new DOMException('aborted', 'AbortError');
    stubFetch(async () => Promise.reject(abort));
    await expect(fetchApi('/api/x', isOk, controller.signal)).rejects.toBe(abort);
  });
});
