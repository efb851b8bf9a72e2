import { afterEach, describe, expect, it, vi } from 'vitest';
import { PEER_HEADER, setPeerStampForTests } from '@/lib/api/client';
import { resetRateLimits } from '@/lib/api/guard';
import { parseEnv } from '@/lib/env';
import { prefetchFirstLoad, prefetchWithin } from './prefetch';

// The page's request headers, as next/headers would give them.
let requestHeaders = new Headers();
vi.mock('next/headers', () => ({ headers: () => Promise.resolve(requestHeaders) }));

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

describe('prefetchFirstLoad', () => {
  afterEach(() => {
    setPeerStampForTests(false);
    resetRateLimits();
  });
  const TOKENS = 'viewer-token-0002:viewer';
  const reads: string[] = [];
  const prefetches = [{ queryKey: keyA, load: () => (reads.push('store'), Promise.resolve({ slos: ['payments-availability'] })) }];

  it("puts data in the page only for a caller the API would answer (MESHWATCH_ANONYMOUS=none)", async () => {
    setPeerStampForTests(true);
    const none = parseEnv({ MESHWATCH_API_TOKENS: TOKENS, MESHWATCH_ANONYMOUS: 'none' });
    requestHeaders = new Headers({ [PEER_HEADER]: '10.0.0.7', 'sec-fetch-dest': 'document' });
    reads.length = 0;
    expect((await prefetchFirstLoad(prefetches, none)).queries).toEqual([]);
    // Nothing was read for the refused caller.
    expect(reads).toEqual([]);
    requestHeaders = new Headers({ [PEER_HEADER]: '10.0.0.7', authorization: 'Bearer viewer-token-0002' });
    expect((await prefetchFirstLoad(prefetches, none)).queries.map((q) => q.state.data)).toEqual([{ slos: ['payments-availability'] }]);
    // Anonymous readers are welcome by default.
    requestHeaders = new Headers({ [PEER_HEADER]: '10.0.0.7' });
    expect((await prefetchFirstLoad(prefetches, parseEnv({ MESHWATCH_API_TOKENS: TOKENS }))).queries).toHaveLength(1);
  });

  it("skips a client-side navigation's request, which already has the app running", async () => {
    requestHeaders = new Headers({ 'sec-fetch-dest': 'empty' });
    expect((await prefetchFirstLoad(prefetches, parseEnv({}))).queries).toEqual([]);
  });
});
