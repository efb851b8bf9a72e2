import { describe, expect, it } from 'vitest';
import { diffEdges, edgeKey } from './diff';
import type { GraphEdge } from './schema';

const edge = (source: string, target: string, errorRatio: number | null, rps = 1): GraphEdge => ({
  source,
  target,
  protocol: 'http',
  rps,
  errorRatio,
  p95Ms: null,
  mtlsRatio: 1,
  health: { level: 'ok', reason: 'not judged here' },
  bytesPerSecond: null,
});

describe('diffEdges', () => {
  it('marks new, gone, worse, better and unchanged edges', () => {
    const now = [edge('a', 'b', 0.6), edge('a', 'c', 0.001), edge('a', 'n', 0), edge('c', 'd', 0.0)];
    const before = [edge('a', 'b', 0.001), edge('a', 'c', 0.0), edge('a', 'g', 0), edge('c', 'd', 0.2), edge('z', 'z2', null, 0)];
    const d = diffEdges(now, before);
    const change = (s: string, t: string) => d.get(edgeKey({ source: s, target: t, protocol: 'http' }))?.change;
    expect(change('a', 'b')).toBe('worse');
    expect(d.get('a -> b (http)')?.errorRatioDelta).toBeCloseTo(0.599, 9);
    expect(change('c', 'd')).toBe('better');
    expect(change('a', 'c')).toBe('same'); // 0.1 pp is noise
    expect(change('a', 'n')).toBe('new');
    expect(change('a', 'g')).toBe('gone');
    expect(change('z', 'z2')).toBeUndefined(); // idle in both
  });

  it('marks only the largest error-ratio moves', () => {
    const now = Array.from({ length: 8 }, (_, i) => edge('s', `t${i}`, 0.1 * (i + 1)));
    const before = now.map((e) => ({ ...e, errorRatio: 0 }));
    const worse = [...diffEdges(now, before).values()].filter((x) => x.change === 'worse').map((x) => x.target);
    expect(worse.sort()).toEqual(['t3', 't4', 't5', 't6', 't7']);
  });
});
