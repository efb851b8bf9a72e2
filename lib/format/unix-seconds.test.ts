import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseUnixSeconds, unixSecondsOrUndefined } from './unix-seconds';
import { unixSecondsSchema } from './unix-seconds-schema';

describe('parseUnixSeconds', () => {
  it.each([
    ['1790852400', 1_790_852_400],
    [' 1790852400 ', 1_790_852_400],
    ['1', 1],
    ['9999999999', 9_999_999_999],
  ])('reads %j as %d', (text, seconds) => {
    expect(parseUnixSeconds(text)).toEqual({ ok: true, seconds });
  });

  it.each([
    ['', 'must be unix seconds'],
    ['NaN', 'must be unix seconds'],
    ['Infinity', 'must be unix seconds'],
    ['1e9', 'must be unix seconds'],
    ['1e20', 'must be unix seconds'],
    ['0x10', 'must be unix seconds'],
    ['2026-10-01', 'must be unix seconds'],
    ['-5', 'must be positive unix seconds'],
    ['-1790852400.5', 'must be positive unix seconds'],
    ['0', 'must be positive unix seconds'],
    ['000', 'must be positive unix seconds'],
    ['1790852400.5', 'must be whole unix seconds'],
    ['1790852400.0', 'must be whole unix seconds'],
    ['10000000000', 'must be unix seconds, not milliseconds'],
    ['1790852400000', 'must be unix seconds, not milliseconds'],
    ['100000000000000000000', 'must be unix seconds, not milliseconds'],
  ])('refuses %j: %s', (text, error) => {
    expect(parseUnixSeconds(text)).toEqual({ ok: false, error });
  });

  it('gives undefined for absent or refused values', () => {
    expect(unixSecondsOrUndefined(undefined)).toBeUndefined();
    expect(unixSecondsOrUndefined(null)).toBeUndefined();
    expect(unixSecondsOrUndefined('12.5')).toBeUndefined();
    expect(unixSecondsOrUndefined('12')).toBe(12);
  });

  it('is a schema whose refusals name the reason (a 422 body)', () => {
    const schema = z.object({ time: unixSecondsSchema.optional() });
    expect(schema.parse({ time: '1790852400' })).toEqual({ time: 1_790_852_400 });
    expect(schema.parse({})).toEqual({});
    const failed = schema.safeParse({ time: '1e20' });
    expect(failed.success).toBe(false);
    expect(failed.error?.issues[0]).toMatchObject({ path: ['time'], message: 'must be unix seconds' });
    expect(schema.safeParse({ time: ['1', '2'] }).error?.issues[0]?.message).toBe('must be unix seconds');
  });
});
