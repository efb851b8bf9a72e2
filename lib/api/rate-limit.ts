import 'server-only';

// Token buckets per key (an identity or a client address), in memory: one process's fair share. Each
// bucket holds `burst` requests and refills `perMinute` a minute; an empty bucket answers how long
// until the next request may go (Retry-After).

export interface Limit {
  burst: number;
  perMinute: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Keys kept before the stalest are dropped, so a flood of addresses cannot grow memory without bound. */
const MAX_KEYS = 10_000;

export interface RateLimiter {
  /** Takes one request from `key`'s bucket: 0 when allowed, else seconds to wait. */
  take(key: string, now?: number): number;
  /** Seconds until `key` may go again without taking anything (0: now). */
  wait(key: string, now?: number): number;
}

export function createRateLimiter(limit: Limit): RateLimiter {
  const buckets = new Map<string, Bucket>();
  const perMs = limit.perMinute / 60_000;
  const current = (key: string, now: number): Bucket => {
    const found = buckets.get(key);
    const bucket = found ? { tokens: Math.min(limit.burst, found.tokens + (now - found.at) * perMs), at: now } : { tokens: limit.burst, at: now };
    // Re-inserting keeps Map order by last use, so the first key is the stalest.
    buckets.delete(key);
    buckets.set(key, bucket);
    if (buckets.size > MAX_KEYS) buckets.delete(buckets.keys().next().value as string);
    return bucket;
  };
  const seconds = (bucket: Bucket) => Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
  return {
    take(key, now = Date.now()) {
      const bucket = current(key, now);
      if (bucket.tokens < 1) return seconds(bucket);
      bucket.tokens -= 1;
      return 0;
    },
    wait(key, now = Date.now()) {
      const bucket = current(key, now);
      return bucket.tokens < 1 ? seconds(bucket) : 0;
    },
  };
}
