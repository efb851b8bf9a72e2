import { describe, expect, it } from 'vitest';
import { ApiError, fieldErrorsOf } from './api-error';

describe('fieldErrorsOf', () => {
  const fieldErrors = { objective: ['must be below 100'] };

  it('reads a 422 thrown on the server (details are the flattened fields)', () => {
    expect(fieldErrorsOf(new ApiError(422, 'validation_failed', 'Invalid', { fieldErrors, formErrors: [] }))).toEqual(fieldErrors);
  });

  it('reads a 422 rebuilt in the browser (the body`s details nested under details)', () => {
    expect(fieldErrorsOf(new ApiError(422, 'validation_failed', 'Invalid', { details: { fieldErrors, formErrors: [] } }))).toEqual(fieldErrors);
  });

  it.each([
    ['another status', new ApiError(409, 'conflict', 'stale', { fieldErrors })],
    ['a plain Error', new Error('x')],
    ['a 422 without field errors', new ApiError(422, 'validation_failed', 'Invalid')],
  ])('is empty for %s', (_, error) => {
    expect(fieldErrorsOf(error)).toEqual({});
  });
});
