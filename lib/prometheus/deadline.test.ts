import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTimeoutReason, requestScope, scopedSignal, withRequestDeadline } from './deadline';

// The request's deadline: one signal for every query of the request, aborting at the deadline or when
// the caller goes, and nothing left behind (no timer, no listener) once the request's work settles.

afterEach(() => {
  vi.useRealTimers();
});

describe('withRequestDeadline', () => {
  it('aborts its scope with a TimeoutError at the deadline', async () => {
    vi.useFakeTimers();
    let signal: AbortSignal | undefined;
    const run = withRequestDeadline(50, undefined, async () => {
      signal = requestScope()?.signal;
      await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()));
    });
    await vi.advanceTimersByTimeAsync(49);
    expect(signal?.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await run;
    expect(isTimeoutReason(signal?.reason)).toBe(true);
  });

  it('aborts its scope with the reason of the caller that went away', async () => {
    const parent = new AbortController();
    let signal: AbortSignal | undefined;
    const run = withRequestDeadline(10_000, parent.signal, async () => {
      signal = requestScope()?.signal;
      await new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()));
    });
    parent.abort(new Error('client gone'));
    await run;
    expect((signal?.reason as Error).message).toBe('client gone');
  });

  it('leaves no timer and no listener on the caller once the work settles, whether it succeeds or fails', async () => {
    vi.useFakeTimers();
    const parent = new AbortController();
    await withRequestDeadline(10_000, parent.signal, async () => 'done');
    await expect(withRequestDeadline(10_000, parent.signal, async () => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    expect(() => withRequestDeadline(10_000, parent.signal, () => {
      throw new Error('thrown');
    })).toThrow('thrown');
    expect(withRequestDeadline(10_000, parent.signal, () => 7)).toBe(7);
    expect(vi.getTimerCount()).toBe(0);
    expect(getEventListeners(parent.signal, 'abort')).toHaveLength(0);
  });

  it("lets a dashboard's forty queries wait on the scope without Node's leak warning", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    try {
      withRequestDeadline(1000, undefined, () => {
        const signal = requestScope()?.signal;
        for (let i = 0; i < 3 * 40; i += 1) signal?.addEventListener('abort', () => undefined);
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });

  it('starts aborted under a caller that has already gone', () => {
    const parent = new AbortController();
    parent.abort(new Error('gone before'));
    const aborted = withRequestDeadline(1000, parent.signal, () => requestScope()?.signal.aborted);
    expect(aborted).toBe(true);
  });
});

describe('scopedSignal', () => {
  it("is the scope's own signal when the wait's signal is what the scope follows, or none", () => {
    const parent = new AbortController();
    withRequestDeadline(1000, parent.signal, () => {
      const scope = requestScope();
      expect(scopedSignal(undefined, scope)).toBe(scope?.signal);
      expect(scopedSignal(parent.signal, scope)).toBe(scope?.signal);
      expect(scopedSignal(scope?.signal, scope)).toBe(scope?.signal);
    });
    const own = new AbortController();
    expect(scopedSignal(own.signal, undefined)).toBe(own.signal);
  });

  it('aborts with either an unrelated signal or the scope', () => {
    const other = new AbortController();
    withRequestDeadline(1000, undefined, () => {
      const combined = scopedSignal(other.signal, requestScope());
      expect(combined).not.toBe(other.signal);
      other.abort(new Error('the flight ended'));
      expect(combined?.aborted).toBe(true);
    });
  });
});
