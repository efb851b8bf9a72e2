import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseSearchParams, timeParamSchema, windowParamSchema } from './params';

const schema = z.object({ time: timeParamSchema, window: windowParamSchema.default('5m') });
const parse = (query: string) => parseSearchParams(schema, `http://localhost/api/graph?${query}`);

describe('parseSearchParams', () => {
  it('returns typed, normalised values', () => {
    expect(parse('time=1700000000&window=90m')).toEqual({ time: 1_700_000_000, window: '1h30m' });
  });

  it('applies defaults and leaves optional values out', () => {
    expect(parse('')).toEqual({ window: '5m' });
  });

  it('turns repeated keys into arrays', () => {
    const tags = parseSearchParams(z.object({ tag: z.array(z.string()) }), new URL('http://x/?tag=a&tag=b'));
    expect(tags).toEqual({ tag: ['a', 'b'] });
  });

  it('throws a ZodError naming the field', () => {
    expect(() => parse('time=abc')).toThrow(z.ZodError);
    expect(() => parse('time=1700000000.5')).toThrow('must be whole unix seconds');
    const err = (() => {
      try {
        return parse('window=2s');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(z.ZodError);
    expect(z.flattenError(err as z.ZodError).fieldErrors).toEqual({ window: ['must be between 1m and 90d'] });
  });
});

describe('timeParamSchema', () => {
  it.each([
    ['abc', 'must be unix seconds'],
    ['', 'must be unix seconds'],
    ['1700000000.5', 'must be whole unix seconds'],
    ['1e20', 'must be unix seconds'],
    ['NaN', 'must be unix seconds'],
    ['-5', 'must be positive unix seconds'],
    ['Infinity', 'must be unix seconds'],
    ['1700000000000', 'must be unix seconds, not milliseconds'],
  ])('rejects %j: %s', (time, message) => {
    const result = timeParamSchema.safeParse(time);
    expect(result.error?.issues.map((i) => i.message)).toEqual([message]);
  });
});

describe('windowParamSchema', () => {
  it.each([
    ['1m', '1m'],
    ['5m', '5m'],
    ['60m', '1h'],
    ['1h30m', '1h30m'],
    ['4w2d', '30d'],
    ['90d', '90d'],
  ])('accepts %s as %s', (text, expected) => {
    expect(windowParamSchema.parse(text)).toBe(expected);
  });

  it.each([
    ['59s', 'must be between 1m and 90d'],
    ['91d', 'must be between 1m and 90d'],
    ['1y', 'must be between 1m and 90d'],
    ['5 m', 'must be a duration such as 5m, 1h or 30d'],
    ['5m]) or vector(1', 'must be a duration such as 5m, 1h or 30d'],
  ])('rejects %j', (text, message) => {
    expect(windowParamSchema.safeParse(text).error?.issues[0]?.message).toBe(message);
  });
});
