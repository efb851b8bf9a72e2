import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defaultStep, panelQuerySchema } from './params';

const parse = (query: Record<string, string>) => panelQuerySchema.safeParse(query);
const fieldErrors = (query: Record<string, string>) => {
  const r = parse(query);
  return r.success ? {} : z.flattenError(r.error).fieldErrors;
};

describe('panelQuerySchema', () => {
  it('defaults to the last hour ending now, with a step giving at most ~300 points', () => {
    vi.useFakeTimers({ now: 1_700_000_000_500 });
    expect(parse({}).data).toEqual({ start: 1_699_996_400, end: 1_700_000_000, step: 15, namespace: undefined, service: undefined });
    vi.useRealTimers();
  });

  it('keeps explicit values and trims names', () => {
    expect(parse({ start: '1000', end: '4600', step: '60', namespace: ' shop ', service: 'cart' }).data).toEqual({
      start: 1000,
      end: 4600,
      step: 60,
      namespace: 'shop',
      service: 'cart',
    });
  });

  it.each([
    [{ start: '5000', end: '4000' }, { start: ['must be before end'] }],
    [{ start: '1', end: `${1 + 91 * 86_400}` }, { start: ['range must be at most 90 days'] }],
    [{ start: '1000', end: '2000', step: '0.5' }, { step: ['must be at least 1 second'] }],
    [{ start: '1000', end: '100000', step: '1' }, { step: ['too small: the range would have more than 11000 points'] }],
    [{ end: '1700000000000' }, { end: ['must be unix seconds, not milliseconds'] }],
    [{ start: 'yesterday' }, { start: ['must be unix seconds'] }],
    [{ start: '1000.5', end: '2000' }, { start: ['must be whole unix seconds'] }],
    [{ service: 'x'.repeat(254) }, { service: ['must be at most 253 characters'] }],
  ])('rejects %j', (query, errors) => {
    expect(fieldErrors(query)).toEqual(errors);
  });
});

describe('defaultStep', () => {
  it.each([
    [300, 15],
    [3_600, 15],
    [6 * 3_600, 120],
    [86_400, 300],
    [30 * 86_400, 10_800],
    [90 * 86_400, 43_200],
  ])('%i s of range -> %i s step', (range, step) => {
    expect(defaultStep(range)).toBe(step);
    expect(range / step).toBeLessThanOrEqual(300);
  });
});
