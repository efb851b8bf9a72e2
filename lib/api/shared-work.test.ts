import { describe, expect, it } from 'vitest';
import { apiHandler } from './handler';
import { sharedJson, sharedWork } from './shared-work';

// Identical requests in flight share one computation, and a caller that leaves does not fail the others.

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('sharedWork', () => {
  it('runs once for identical requests in flight, whatever the order of their parameters', async () => {
    let runs = 0;
    const gate = deferred<void>();
    const handler = apiHandler('/api/test-shared', async (request: Request) => {
      const body = await sharedWork(request, async () => {
        runs += 1;
        await gate.promise;
        return { answer: 42 };
      });
      return Response.json(body);
    });
    const responses = Promise.all([
      handler(new Request('http://x/api/test-shared?a=1&b=2')),
      handler(new Request('http://x/api/test-shared?b=2&a=1')),
      handler(new Request('http://x/api/test-shared?b=2&a=1')),
    ]);
    await new Promise((resolve) => setTimeout(resolve, 10));
    gate.resolve();
    const bodies = await Promise.all((await responses).map((r) => r.json()));
    expect(bodies).toEqual([{ answer: 42 }, { answer: 42 }, { answer: 42 }]);
    expect(runs).toBe(1);
    // Nothing is kept once answered: the next identical request computes again.
    await handler(new Request('http://x/api/test-shared?a=1&b=2'));
    expect(runs).toBe(2);
  });

  it('keeps computing for the others when the first caller goes away', async () => {
    const gate = deferred<void>();
    let aborted = false;
    const handler = apiHandler('/api/test-shared-leave', async (request: Request) => {
      const body = await sharedWork(request, async (signal) => {
        signal.addEventListener('abort', () => (aborted = true));
        await gate.promise;
        return { ok: true };
      });
      return Response.json(body);
    });
    const leaving = new AbortController();
    const first = handler(new Request('http://x/api/test-shared-leave', { signal: leaving.signal }));
    const second = handler(new Request('http://x/api/test-shared-leave'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    leaving.abort();
    expect((await first).status).toBe(502); // upstream_error, kind aborted: nobody reads it
    gate.resolve();
    const answer = await second;
    expect([answer.status, await answer.json(), aborted]).toEqual([200, { ok: true }, false]);
  });

  it('keeps a shared JSON body for viewers arriving seconds later, with its headers', async () => {
    let runs = 0;
    const handler = apiHandler('/api/test-shared-json', async (request: Request) =>
      sharedJson(
        request,
        async () => {
          runs += 1;
          return { queries: ['a', 'b'] };
        },
        { headers: (body) => ({ 'x-count': String(body.queries.length) }) },
      ),
    );
    const first = await handler(new Request('http://x/api/test-shared-json?time=1'));
    const later = await handler(new Request('http://x/api/test-shared-json?time=1'));
    const other = await handler(new Request('http://x/api/test-shared-json?time=2'));
    expect(await later.json()).toEqual(await first.json());
    expect([later.headers.get('x-count'), later.headers.get('content-type')]).toEqual(['2', 'application/json']);
    expect((await other.json()).queries).toHaveLength(2);
    expect(runs).toBe(2);
  });

  it('keeps nothing once answered when told not to (bodies that show stored SLOs)', async () => {
    let runs = 0;
    const handler = apiHandler('/api/test-shared-fresh', async (request: Request) =>
      sharedJson(request, async () => ({ run: ++runs }), { keep: false }),
    );
    await handler(new Request('http://x/api/test-shared-fresh'));
    const second = await handler(new Request('http://x/api/test-shared-fresh'));
    expect(await second.json()).toEqual({ run: 2 });
  });
});
