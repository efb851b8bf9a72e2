import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { shouldRetry } from './query-client';

const apiError = (status: number, code = `http_${status}`) => new ApiError(status, code, 'x');

describe('shouldRetry', () => {
  it.each([
    ['422 invalid input', apiError(422), 0, false],
    ['404', apiError(404), 0, false],
    ['schema mismatch on 200', apiError(200, 'schema'), 0, false],
    ['429 rate limited', apiError(429, 'rate_limited'), 0, false],
    ['502 first failure', apiError(502), 0, true],
    ['502 second failure', apiError(502), 1, false],
    ['504 upstream timeout, first failure', apiError(504, 'upstream_timeout'), 0, false],
    ['500', apiError(500, 'internal'), 0, true],
    ['network (status 0)', apiError(0, 'network'), 0, true],
    ['network, second failure', apiError(0, 'network'), 1, false],
    ['unknown error', new Error('boom'), 0, true],
    ['unknown error, exhausted', new Error('boom'), 1, false],
  ])('%s -> %s', (_name, error, failureCount, expected) => {
    expect(shouldRetry(failureCount, error)).toBe(expected);
  });
});
