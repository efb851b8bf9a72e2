import { describe, expect, it } from 'vitest';
import { prefetchWithin } from './prefetch';

const keyA = ['meshwatch', 'a'] as const;
const keyB = ['meshwatch', 'b'] as const;
const keyC = ['meshwatch', 'c'] as const;

describe('prefetchWithin', () => {
  it('dehydrates the answers in by the deadline, aborts the late one and leaves failures to the browser', async () => {
    let lateSignal: AbortSignal | undefined;
    const state = await prefetchWithin(
      [
        { queryKey: keyA, load: () => Promise.resolve({ value: 1 }) },
        { queryKey: keyB, load: () => Promise.reject(new Error('Prometheus is down')) },
        {
          queryKey: keyC,
          // Never answers on its own: only the deadline's abort ends it.
          load: (signal) => {
            lateSignal = signal;
            return new Promise((_, reject) => signal.addEventListener('abort', () => reject(new Error('aborted'))));
          },
        },
      ],
      50,
    );
    expect(state.queries.map((q) => [q.queryKey, q.state.status, q.state.data])).toEqual([[keyA, 'success', { value: 1 }]]);
    expect(lateSignal?.aborted).toBe(true);
  });

  it('returns as soon as every load has answered', async () => {
    // A deadline of an hour would time the test out if prefetchWithin waited for it.
    const state = await prefetchWithin([{ queryKey: keyA, load: () => Promise.resolve([1, 2]) }], 3_600_000);
    expect(state.queries).toHaveLength(1);
    expect(state.queries[0]?.state.data).toEqual([1, 2]);
  });

  it("lets a dashboard's forty queries wait on its signal without Node's leak warning", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      // Each Prometheus query listens up to three times (flight, queue, HTTP call) while it runs.
      const load = async (signal: AbortSignal) => {
        const listeners = [0, 1, 2].map(() => () => undefined);
        for (const l of listeners) signal.addEventListener('abort', l);
        await new Promise((resolve) => setTimeout(resolve, 5));
        for (const l of listeners) signal.removeEventListener('abort', l);
        return 1;
      };
      await prefetchWithin(Array.from({ length: 40 }, (_, i) => ({ queryKey: ['q', i], load })), 3_600_000);
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});
