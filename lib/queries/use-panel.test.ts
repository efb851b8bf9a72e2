import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api/api-error';
import { panelQueryOptions, panelUrl } from './use-panel';

const range = { start: 1_790_848_800, end: 1_790_852_400, step: 15 };

describe('panelUrl', () => {
  it('asks for the aligned range and encodes the filters', () => {
    expect(panelUrl('debug', 'inbound', { ...range, service: 'a b', namespace: 'shop&co' })).toBe(
      '/api/panels/debug/inbound?start=1790848800&end=1790852400&step=15&namespace=shop%26co&service=a+b',
    );
  });

  it('leaves out empty filters', () => {
    expect(panelUrl('executive', 'mtls-coverage', { ...range, namespace: '' })).toBe(
      '/api/panels/executive/mtls-coverage?start=1790848800&end=1790852400&step=15',
    );
  });
});

describe('panelQueryOptions', () => {
  const options = panelQueryOptions('oncall', 'retries', range);
  const retry = options.retry as (count: number, error: unknown) => boolean;

  it.each([
    [422, false],
    [404, false],
    [502, true],
    [504, false], // an upstream timeout already spent the whole deadline
  ])('HTTP %d retries: %s', (status, expected) => {
    expect(retry(0, new ApiError(status, 'x', 'x'))).toBe(expected);
  });
});

describe('panelQueryOptions placeholder', () => {
  type Placeholder = (previous: unknown, query: { queryKey: readonly unknown[] } | undefined) => unknown;
  const previousData = { panel: 'inbound' };
  const previousKey = panelQueryOptions('debug', 'inbound', { ...range, service: 'cart', namespace: 'shop' }).queryKey;

  it('keeps the previous range on screen for the same service', () => {
    const next = panelQueryOptions('debug', 'inbound', { ...range, start: range.start - 3_600, service: 'cart', namespace: 'shop' });
    expect((next.placeholderData as Placeholder)(previousData, { queryKey: previousKey })).toBe(previousData);
  });

  it("does not show another service's data while loading", () => {
    const next = panelQueryOptions('debug', 'inbound', { ...range, service: 'catalog', namespace: 'shop' });
    expect((next.placeholderData as Placeholder)(previousData, { queryKey: previousKey })).toBeUndefined();
  });
});
