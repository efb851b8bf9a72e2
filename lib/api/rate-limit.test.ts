import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
  it('lets a burst through, then one request per refill interval', () => {
    // 3 at once, then 6 a minute: one every 10 s.
    const limiter = createRateLimiter({ burst: 3, perMinute: 6 });
    const t0 = 1_000_000;
    expect([limiter.take('a', t0), limiter.take('a', t0), limiter.take('a', t0)]).toEqual([0, 0, 0]);
    expect(limiter.take('a', t0)).toBe(10);
    expect(limiter.take('a', t0 + 4_000)).toBe(6);
    expect(limiter.take('a', t0 + 10_000)).toBe(0);
    expect(limiter.take('a', t0 + 10_000)).toBe(10);
    // Others are not affected.
    expect(limiter.take('b', t0 + 10_000)).toBe(0);
  });

  it('never refills past the burst', () => {
    const limiter = createRateLimiter({ burst: 2, perMinute: 60 });
    limiter.take('a', 0);
    const later = 3_600_000;
    expect([limiter.take('a', later), limiter.take('a', later), limiter.take('a', later)]).toEqual([0, 0, 1]);
  });

  it('waits without taking', () => {
    const limiter = createRateLimiter({ burst: 1, perMinute: 1 });
    expect(limiter.wait('a', 0)).toBe(0);
    expect(limiter.take('a', 0)).toBe(0);
    expect(limiter.wait('a', 0)).toBe(60);
    expect(limiter.wait('a', 30_000)).toBe(30);
  });
});
