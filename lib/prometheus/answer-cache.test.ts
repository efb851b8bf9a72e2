import { describe, expect, it } from 'vitest';
import { createAnswerCache } from './answer-cache';

describe('createAnswerCache', () => {
  it('returns an answer until its time to live has passed', () => {
    const cache = createAnswerCache<string>(100);
    cache.set('q', 'answer', 10, 15_000, 1_000);
    expect(cache.get('q', 15_999)).toBe('answer');
    expect(cache.get('q', 16_000)).toBeUndefined();
    // The expired entry no longer counts against the budget.
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });

  it('evicts the least recently used answers once the byte budget is spent', () => {
    const cache = createAnswerCache<string>(30);
    cache.set('a', 'A', 10, 60_000, 0);
    cache.set('b', 'B', 10, 60_000, 0);
    cache.set('c', 'C', 10, 60_000, 0);
    expect(cache.get('a', 1)).toBe('A'); // a is now the most recently used; b the least
    cache.set('d', 'D', 10, 60_000, 2);
    expect(cache.get('b', 3)).toBeUndefined();
    expect(['a', 'c', 'd'].map((k) => cache.get(k, 3))).toEqual(['A', 'C', 'D']);
    expect(cache.bytes).toBe(30);
  });

  it('evicts as many as a large answer needs, and never keeps one larger than the budget', () => {
    const cache = createAnswerCache<string>(30);
    cache.set('a', 'A', 10, 60_000, 0);
    cache.set('b', 'B', 10, 60_000, 0);
    cache.set('big', 'BIG', 25, 60_000, 0);
    expect([cache.get('a', 1), cache.get('b', 1), cache.get('big', 1)]).toEqual([undefined, undefined, 'BIG']);
    cache.set('huge', 'HUGE', 31, 60_000, 1);
    expect(cache.get('huge', 2)).toBeUndefined();
    expect(cache.get('big', 2)).toBe('BIG');
  });

  it('replaces an answer stored again under the same key, counting its bytes once', () => {
    const cache = createAnswerCache<string>(100);
    cache.set('q', 'old', 40, 60_000, 0);
    cache.set('q', 'new', 50, 60_000, 0);
    expect([cache.get('q', 1), cache.bytes]).toEqual(['new', 50]);
  });

  it('keeps nothing with a budget of zero', () => {
    const cache = createAnswerCache<string>(0);
    cache.set('q', 'answer', 1, 60_000, 0);
    expect(cache.get('q', 1)).toBeUndefined();
  });
});
