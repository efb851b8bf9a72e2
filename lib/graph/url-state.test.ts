import { describe, expect, it } from 'vitest';
import { neighbourhood } from './neighbourhood';
import { graphSearch, parseGraphState } from './url-state';

describe('graph URL state', () => {
  it('round-trips every field', () => {
    const search = '?time=1790852400&range=24h&window=15m&namespace=shop&focus=shop%2Fcart&hops=2&q=pay&hideIdle=1&compare=1790766000&view=workload&node=shop%2Fcart&edge=shop%2Ffrontend+-%3E+shop%2Fcart+%28http%29';
    expect(graphSearch(parseGraphState(new URLSearchParams(search)))).toBe(search);
  });

  it('keeps the cluster filter and the split by cluster, and leaves both out by default', () => {
    const search = '?namespace=shop&cluster=prod-eu-west&split=cluster';
    expect(parseGraphState(new URLSearchParams(search))).toMatchObject({ cluster: 'prod-eu-west', byCluster: true });
    expect(graphSearch(parseGraphState(new URLSearchParams(search)))).toBe(search);
    expect(parseGraphState({ split: 'pods' }).byCluster).toBe(false);
    expect(graphSearch(parseGraphState({}))).toBe('');
  });

  it('ignores bad values instead of failing', () => {
    const s = parseGraphState({ time: '12.5', range: 'forever', window: '5m])', hops: '9' });
    expect(s).toMatchObject({ time: undefined, range: '6h', window: '5m', hops: 3, hideIdle: false, view: 'service' });
    expect(parseGraphState({ view: 'pods' }).view).toBe('service');
  });
});

describe('neighbourhood', () => {
  const edges = [
    { source: 'a', target: 'b' },
    { source: 'b', target: 'c' },
    { source: 'c', target: 'd' },
    { source: 'x', target: 'c' },
  ];
  it.each([
    [1, ['a', 'b', 'c']],
    [2, ['a', 'b', 'c', 'd', 'x']],
  ])('follows edges both ways, %i hop(s) from b', (hops, expected) => {
    expect([...neighbourhood('b', edges, hops)].sort()).toEqual(expected);
  });
});
