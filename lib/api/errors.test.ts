import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { EnvError } from '@/lib/env';
import { PrometheusError, type PrometheusErrorKind } from '@/lib/prometheus';
import { apiErrorBodySchema } from './error-body';
import { ApiError, errorResponse, jsonError } from './errors';

async function body(response: Response) {
  return apiErrorBodySchema.parse(await response.json());
}

describe('jsonError', () => {
  it('wraps code, message and details', async () => {
    const response = jsonError(404, 'not_found', 'No SLO named "x"', { name: 'x' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: 'No SLO named "x"', details: { name: 'x' } } });
  });

  it('leaves details out when absent', async () => {
    expect(await jsonError(400, 'bad', 'Bad').json()).toEqual({ error: { code: 'bad', message: 'Bad' } });
  });
});

describe('errorResponse', () => {
  it.each([
    ['timeout', 504, 'upstream_timeout'],
    ['network', 502, 'upstream_error'],
    ['http', 502, 'upstream_error'],
    ['api', 502, 'upstream_error'],
    ['schema', 502, 'upstream_error'],
    ['aborted', 502, 'upstream_error'],
  ] as [PrometheusErrorKind, number, string][])('maps PrometheusError %s to %i', async (kind, status, code) => {
    const err = new PrometheusError({ kind, endpoint: '/api/v1/query', message: 'Prometheus said no' });
    const response = errorResponse(err);
    expect(response.status).toBe(status);
    expect((await body(response)).error).toMatchObject({ code, message: 'Prometheus said no', upstream: { kind } });
  });

  it("keeps Prometheus's own errorType and error", async () => {
    const err = new PrometheusError({
      kind: 'api',
      endpoint: '/api/v1/query',
      status: 400,
      errorType: 'bad_data',
      error: 'parse error',
      message: 'Prometheus returned bad_data: parse error',
    });
    expect((await body(errorResponse(err))).error.upstream).toEqual({ kind: 'api', status: 400, errorType: 'bad_data', error: 'parse error' });
  });

  it("answers Prometheus' own timeout (503, errorType timeout) as a timeout, 504", async () => {
    const err = new PrometheusError({ kind: 'api', endpoint: '/api/v1/query', status: 503, errorType: 'timeout', error: 'query timed out in expression evaluation', message: 'Prometheus returned timeout: query timed out in expression evaluation' });
    const response = errorResponse(err);
    expect(response.status).toBe(504);
    expect((await body(response)).error).toMatchObject({ code: 'upstream_timeout', upstream: { kind: 'api', errorType: 'timeout' } });
  });

  it('answers a store that cannot be used now with 503, naming no file, and a broken statement with 500', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const sqlite = (code: string) => Object.assign(new Error(`${code}: /var/lib/meshwatch/slos.db`), { name: 'SqliteError', code });
    for (const code of ['SQLITE_BUSY', 'SQLITE_READONLY', 'SQLITE_FULL', 'SQLITE_IOERR_WRITE']) {
      const response = errorResponse(sqlite(code));
      expect(response.status).toBe(503);
      const { error } = await body(response);
      expect(error.code).toBe('store_unavailable');
      expect(error.message).not.toContain('/var/lib');
    }
    expect(errorResponse(sqlite('SQLITE_ERROR')).status).toBe(500);
    vi.restoreAllMocks();
  });

  it('maps a ZodError to 422 with field errors', async () => {
    const result = z.object({ time: z.number().positive('must be positive') }).safeParse({ time: -1 });
    const response = errorResponse(result.error);
    expect(response.status).toBe(422);
    const { error } = await body(response);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Invalid request: time: must be positive');
    expect(error.details).toEqual({ fieldErrors: { time: ['must be positive'] }, formErrors: [] });
  });

  it('passes ApiError through', async () => {
    const response = errorResponse(new ApiError(409, 'conflict', 'SLO exists'));
    expect(response.status).toBe(409);
    expect((await body(response)).error).toEqual({ code: 'conflict', message: 'SLO exists' });
  });

  it.each([
    [new Error('connect ECONNREFUSED http://admin:hunter2@10.0.0.5:9090'), 'internal'],
    ['a thrown string', 'internal'],
    [new EnvError(['PROMETHEUS_URL: must be an http(s) URL']), 'misconfigured'],
  ])('hides internals of %s behind a 500', async (err, code) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = errorResponse(err);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(/hunter2|10\.0\.0\.5|9090|PROMETHEUS_URL|thrown string/);
    expect(apiErrorBodySchema.parse(JSON.parse(text)).error.code).toBe(code);
    expect(log).toHaveBeenCalledWith(err);
    log.mockRestore();
  });
});

// Next.js bundles instrumentation.ts apart from the routes: a singleton it creates first throws errors
// of another copy of these classes. A fresh module registry gives such a copy here.
describe('errors from another bundle copy of the error classes', () => {
  async function otherCopies() {
    vi.resetModules();
    const api = await import('./errors');
    const prometheus = await import('@/lib/prometheus/errors');
    vi.resetModules();
    return { OtherApiError: api.ApiError, OtherPrometheusError: prometheus.PrometheusError };
  }

  it('are told apart by instanceof only through the brand: the copies are different classes', async () => {
    const { OtherApiError, OtherPrometheusError } = await otherCopies();
    expect(OtherApiError).not.toBe(ApiError);
    expect(OtherPrometheusError).not.toBe(PrometheusError);
    expect(new OtherApiError(409, 'already_exists', 'taken')).toBeInstanceOf(ApiError);
    expect(new OtherPrometheusError({ kind: 'network', endpoint: '/api/v1/query', message: 'down' })).toBeInstanceOf(PrometheusError);
    expect(new Error('plain')).not.toBeInstanceOf(ApiError);
    expect(new ApiError(400, 'x', 'y')).not.toBeInstanceOf(PrometheusError);
  });

  it('keep their status: 409 for a copied ApiError, 502 for a copied PrometheusError', async () => {
    const { OtherApiError, OtherPrometheusError } = await otherCopies();
    const conflict = errorResponse(new OtherApiError(409, 'already_exists', 'An SLO named "x" already exists'));
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.code).toBe('already_exists');
    const upstream = errorResponse(new OtherPrometheusError({ kind: 'network', endpoint: '/api/v1/query', message: 'connection refused' }));
    expect(upstream.status).toBe(502);
  });
});
