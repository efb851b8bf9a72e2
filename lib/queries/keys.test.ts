import { describe, expect, it } from 'vitest';
import { queryKeys } from './keys';
import { nowUnixSeconds, roundUnixSeconds } from './time';
import { servicesUrl } from './use-services';

describe('roundUnixSeconds', () => {
  it.each([
    [1_700_000_000, 1_700_000_000],
    [1_700_000_009.999, 1_700_000_000],
    [1_700_000_010, 1_700_000_010],
    [1_700_000_015, 1_700_000_010],
  ])('%d -> %d', (input, expected) => {
    expect(roundUnixSeconds(input)).toBe(expected);
  });

  it('rounds the browser clock from milliseconds', () => {
    expect(nowUnixSeconds(1_700_000_019_500)).toBe(1_700_000_010);
  });
});

describe('queryKeys.services', () => {
  it('shares one cache entry for times within the same 10 s', () => {
    const a = queryKeys.services({ time: 1_700_000_001, window: '5m' });
    const b = queryKeys.services({ time: 1_700_000_009, window: '5m' });
    expect(a).toEqual(b);
    expect(queryKeys.services({ time: 1_700_000_010, window: '5m' })).not.toEqual(a);
  });

  it('sits under the services prefix so a prefix invalidation reaches it', () => {
    const key = queryKeys.services({ time: 1, window: '1h', namespace: 'shop' });
    expect(key.slice(0, 2)).toEqual(queryKeys.servicesAll());
    expect(key[2]).toEqual({ time: 0, window: '1h', namespace: 'shop' });
  });

  it.each([undefined, ''])('treats namespace %j as all namespaces', (namespace) => {
    expect(queryKeys.services({ time: 10, window: '5m', namespace })[2].namespace).toBeNull();
  });
});

describe('servicesUrl', () => {
  it('sends the rounded time and encodes the namespace', () => {
    expect(servicesUrl({ time: 1_700_000_007, window: '5m', namespace: 'a b&c' })).toBe(
      '/api/services?time=1700000000&window=5m&namespace=a+b%26c',
    );
  });
});

describe('queryKeys.panel', () => {
  const range = { start: 1_790_848_800, end: 1_790_852_400, step: 15 };

  it('sits under its dashboard so a dashboard can be refetched at once', () => {
    const key = queryKeys.panel('oncall', 'top-failing', range);
    expect(key.slice(0, 3)).toEqual(queryKeys.dashboard('oncall'));
    expect(key[4]).toEqual({ ...range, namespace: null, service: null, cluster: null });
  });

  it('differs per panel and per filter', () => {
    const a = queryKeys.panel('debug', 'inbound', { ...range, service: 'cart', namespace: 'shop' });
    expect(queryKeys.panel('debug', 'outbound', { ...range, service: 'cart', namespace: 'shop' })).not.toEqual(a);
    expect(queryKeys.panel('debug', 'inbound', { ...range, service: 'catalog', namespace: 'shop' })).not.toEqual(a);
  });
});

describe('every key comes from the factory, under one root', () => {
  const under = (key: readonly unknown[], prefix: readonly unknown[]) => expect(key.slice(0, prefix.length)).toEqual(prefix);

  it('keeps each graph slider stop apart (no rounding) and reads an empty namespace as all', () => {
    expect(queryKeys.graph({ time: 1_790_852_405, window: '5m' })).not.toEqual(queryKeys.graph({ time: 1_790_852_400, window: '5m' }));
    expect(queryKeys.graph({ time: 1, window: '5m', namespace: '' })).toEqual(queryKeys.graph({ time: 1, window: '5m', view: 'service' }));
    expect(queryKeys.graph({ time: 1, window: '5m', view: 'workload' })).not.toEqual(queryKeys.graph({ time: 1, window: '5m' }));
    under(queryKeys.graph({ time: 1, window: '5m' }), queryKeys.all);
  });

  it('puts what a saved SLO changes under slosAll, so a save refreshes it', () => {
    under(queryKeys.slosAlerting(1_700_000_007), queryKeys.slosAll());
    expect(queryKeys.slosAlerting(1_700_000_007)).toEqual(queryKeys.slosAlerting(1_700_000_001));
    under(queryKeys.rulesDelivery(), queryKeys.slosAll());
    under(queryKeys.alertmanagerConfig('yaml', true), queryKeys.slosAll());
    under(queryKeys.sloRules('a', 'prometheus'), queryKeys.slo('a'));
    under(queryKeys.sloBacktest('a', { from: 1, to: 2 }), queryKeys.slo('a'));
  });

  it('keeps draft backtests outside slosAll (a save must not wait for them)', () => {
    const draft = queryKeys.backtestDraft({ service: 'a' }, { from: 1, to: 2 }, null);
    under(draft, queryKeys.all);
    expect(draft.slice(0, 2)).not.toEqual(queryKeys.slosAll());
  });
});
