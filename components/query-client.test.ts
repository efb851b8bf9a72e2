import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { shouldRetry } from './query-client';

const apiError = (status: number, code = `http_${status}`) => new ApiError(status, code, 'x');

describe('shouldRetry', () => {
  it.each([
    ['422 invalid input', apiError(422), 0, false],
    ['404', apiError(404), 0, false],
    ['schema mismatch on 200', apiError(200, 'schema'), 0, false],
    ['502 first failure', apiError(502), 0, true],
    ['502 second failure', apiError(502), 1, true],
    ['502 third failure', apiError(502), 2, false],
    ['504', apiError(504), 1, true],
    ['network (status 0)', apiError(0, 'network'), 0, true],
    ['unknown error', new Error('boom'), 1, true],
    ['unknown error, exhausted', new Error('boom'), 2, false],
  ])('%s -> %s', (_name, error, failureCount, expected) => {
    expect(shouldRetry(failureCount, error)).toBe(expected);
  });
});
