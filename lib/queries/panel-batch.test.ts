import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { fetchPanel, fetchPart } from './panel-batch';
import { isServicesResponse } from './response-guards';

// Panels asked for together go out as one request; each still gets its own data or its own error.

const SEARCH = 'start=100&end=200&step=60';
const body = (panel: string, value: number) => ({
  dashboard: 'executive',
  panel,
  evaluatedAt: '2026-01-01T00:00:00Z',
  range: { start: 100, end: 200, step: 60 },
  queries: [],
  warnings: [],
  data: { kind: 'stat', value, unit: 'ratio', health: 'good' },
});
const json = (status: number, value: unknown) => new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });

function stubFetch(impl: (url: string, init?: RequestInit) => Promise<Response>) {
  const fn = vi.fn(impl);
  vi.stubGlobal('fetch', fn);
  return fn;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('fetchPanel', () => {
  it('sends panels asked for together as one request, and a failing panel fails alone with its own message', async () => {
    const fetchMock = stubFetch(async () =>
      json(200, {
        panels: {
          'cert-expiry': { status: 200, body: body('cert-expiry', 0.5) },
          attention: { status: 502, body: { error: { code: 'upstream_error', message: 'Prometheus said no to attention' } } },
          incidents: { status: 200, body: body('incidents', 2) },
        },
      }),
    );
    const results = await Promise.allSettled([
      fetchPanel('executive', 'incidents', SEARCH),
      fetchPanel('executive', 'attention', SEARCH),
      fetchPanel('executive', 'cert-expiry', SEARCH),
    ]);
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(fetchMock.mock.calls[0]?.[0]).toBe(`/api/panels/executive?panels=attention,cert-expiry,incidents&${SEARCH}`);
    const [incidents, attention, cert] = results;
    expect(incidents).toEqual({ status: 'fulfilled', value: body('incidents', 2) });
    expect(cert).toEqual({ status: 'fulfilled', value: body('cert-expiry', 0.5) });
    expect(attention?.status).toBe('rejected');
    const reason: unknown = attention?.status === 'rejected' ? attention.reason : undefined;
    expect(reason).toBeInstanceOf(ApiError);
    expect(reason).toMatchObject({ status: 502, code: 'upstream_error', message: 'Prometheus said no to attention' });
  });

  it('keeps the single-panel URL for a panel asked for alone, and batches only panels of one range', async () => {
    const fetchMock = stubFetch(async (url) => json(200, body(url.includes('incidents') ? 'incidents' : 'attention', 1)));
    await Promise.all([fetchPanel('executive', 'incidents', SEARCH), fetchPanel('executive', 'attention', 'start=0&end=100&step=60')]);
    expect(fetchMock.mock.calls.map((c) => c[0]).sort()).toEqual([`/api/panels/executive/attention?start=0&end=100&step=60`, `/api/panels/executive/incidents?${SEARCH}`]);
  });

  it('fails every panel of a batch the server refused as a whole, with the server message', async () => {
    stubFetch(async () => json(422, { error: { code: 'validation_failed', message: 'Invalid request: start: must be unix seconds' } }));
    const results = await Promise.allSettled([fetchPanel('debug', 'inbound', SEARCH), fetchPanel('debug', 'outbound', SEARCH)]);
    for (const r of results) expect(r).toMatchObject({ status: 'rejected', reason: { status: 422, message: 'Invalid request: start: must be unix seconds' } });
  });

  it('a panel whose part is missing or malformed gets a schema error, the others their data', async () => {
    stubFetch(async () => json(200, { panels: { incidents: { status: 200, body: { not: 'a panel' } }, attention: { status: 200, body: body('attention', 3) } } }));
    const [missing, malformed, ok] = await Promise.allSettled([
      fetchPanel('executive', 'cert-expiry', SEARCH),
      fetchPanel('executive', 'incidents', SEARCH),
      fetchPanel('executive', 'attention', SEARCH),
    ]);
    expect(missing).toMatchObject({ status: 'rejected', reason: { code: 'schema' } });
    expect(malformed).toMatchObject({ status: 'rejected', reason: { code: 'schema' } });
    expect(ok).toEqual({ status: 'fulfilled', value: body('attention', 3) });
  });

  it('a cancelled panel stops waiting; the request goes on for the others and is aborted only when all left', async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const fetchMock = stubFetch(async () => {
      await released;
      return json(200, { panels: { incidents: { status: 200, body: body('incidents', 1) }, attention: { status: 200, body: body('attention', 2) } } });
    });
    const leaving = new AbortController();
    const staying = new AbortController();
    const left = fetchPanel('executive', 'incidents', SEARCH, leaving.signal);
    const stays = fetchPanel('executive', 'attention', SEARCH, staying.signal);
    await new Promise((resolve) => setTimeout(resolve, 5));
    leaving.abort(new Error('unmounted'));
    await expect(left).rejects.toThrow('unmounted');
    const sent = fetchMock.mock.calls[0]?.[1]?.signal;
    expect(sent?.aborted).toBe(false);
    release();
    expect(await stays).toEqual(body('attention', 2));
    staying.abort();
    expect(sent?.aborted).toBe(true);
  });

  it("carries a dashboard's services table in its batch, checked as a services answer, and alone at its own URL", async () => {
    const services = { evaluatedAt: '2026-01-01T00:00:00Z', window: '1m', services: [], queries: [], warnings: [] };
    const fetchMock = stubFetch(async () => json(200, { panels: { services: { status: 200, body: services }, incidents: { status: 200, body: body('incidents', 1) } } }));
    const single = '/api/services?time=200&window=1m';
    const [table, incidents] = await Promise.all([fetchPart('executive', 'services', SEARCH, { guard: isServicesResponse, single }), fetchPanel('executive', 'incidents', SEARCH)]);
    expect(fetchMock.mock.calls.map((c) => c[0])).toEqual([`/api/panels/executive?panels=incidents,services&${SEARCH}`]);
    expect([table, incidents]).toEqual([services, body('incidents', 1)]);
    // A panel's body is not a services answer: the guard refuses it.
    stubFetch(async () => json(200, { panels: { services: { status: 200, body: body('incidents', 1) }, incidents: { status: 200, body: body('incidents', 1) } } }));
    const [wrong] = await Promise.allSettled([fetchPart('executive', 'services', SEARCH, { guard: isServicesResponse, single }), fetchPanel('executive', 'incidents', SEARCH)]);
    expect(wrong).toMatchObject({ status: 'rejected', reason: { code: 'schema' } });
    const alone = stubFetch(async () => json(200, services));
    expect(await fetchPart('executive', 'services', SEARCH, { guard: isServicesResponse, single })).toEqual(services);
    expect(alone.mock.calls.map((c) => c[0])).toEqual([single]);
  });
});
