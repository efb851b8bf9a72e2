import { describe, expect, it } from 'vitest';
import { createLimiter, pool } from './index';

/** A task that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLimiter', () => {
  it('runs at most `max` tasks at once and queues the rest', async () => {
    const limiter = createLimiter(2);
    const gates = [gate(), gate(), gate()];
    const started: number[] = [];
    const done = gates.map((g, i) =>
      limiter.run(async () => {
        started.push(i);
        await g.opened;
        return i;
      }),
    );
    await flush();
    expect(started).toEqual([0, 1]);
    expect([limiter.active, limiter.waiting]).toEqual([2, 1]);
    gates[0]?.open();
    await flush();
    expect(started).toEqual([0, 1, 2]);
    gates[1]?.open();
    gates[2]?.open();
    expect(await Promise.all(done)).toEqual([0, 1, 2]);
    expect([limiter.active, limiter.waiting]).toEqual([0, 0]);
  });

  it('serves waiting owners round-robin, so a busy owner cannot starve a quiet one', async () => {
    const limiter = createLimiter(1);
    const busy = {};
    const quiet = {};
    const order: string[] = [];
    const first = gate();
    const all = [limiter.run(async () => first.opened, { owner: busy })];
    for (let i = 1; i <= 4; i += 1) all.push(limiter.run(async () => void order.push(`busy${i}`), { owner: busy }));
    all.push(limiter.run(async () => void order.push('quiet'), { owner: quiet }));
    first.open();
    await Promise.all(all);
    // FIFO would put quiet last, behind all four; round-robin lets it in after one.
    expect(order).toEqual(['busy1', 'quiet', 'busy2', 'busy3', 'busy4']);
  });

  it('lets a waiter give up when its signal aborts, and the slot goes to the next', async () => {
    const limiter = createLimiter(1);
    const first = gate();
    const running = limiter.run(async () => first.opened);
    const controller = new AbortController();
    const abandoned = limiter.run(async () => 'never', { signal: controller.signal });
    const after = limiter.run(async () => 'next');
    controller.abort(new Error('deadline'));
    await expect(abandoned).rejects.toThrow('deadline');
    expect(limiter.waiting).toBe(1);
    first.open();
    await running;
    expect(await after).toBe('next');
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 7)).toBe(7);
  });

  it('refuses a size below one', () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});

describe('pool', () => {
  it('visits every item with at most `limit` running', async () => {
    let running = 0;
    let peak = 0;
    const seen: number[] = [];
    await pool([1, 2, 3, 4, 5, 6, 7], 3, async (n) => {
      running += 1;
      peak = Math.max(peak, running);
      await flush();
      seen.push(n);
      running -= 1;
    });
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(peak).toBe(3);
  });

  it('rejects with the first failure and starts no further item', async () => {
    const seen: number[] = [];
    const result = pool([1, 2, 3, 4], 1, async (n) => {
      seen.push(n);
      if (n === 2) throw new Error('two failed');
    });
    await expect(result).rejects.toThrow('two failed');
    await flush();
    expect(seen).toEqual([1, 2]);
  });
});
