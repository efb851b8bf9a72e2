import { describe, expect, it } from 'vitest';
import { apiHandler } from './handler';
import { PrometheusError } from '@/lib/prometheus';
import { ApiError } from './errors';
import { sharedJson, sharedJsonText } from './shared-json';
import { sharedWork } from './shared-work';

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

  it('gives a batch part the same kept text as the GET it stands for, and its error body when it fails', async () => {
    let runs = 0;
    const handler = apiHandler('/api/test-shared-part', async (request: Request) => sharedJson(request, async () => ({ run: ++runs })));
    const got = await handler(new Request('http://x/api/test-shared-part?t=1'));
    const part = await sharedJsonText('http://x/api/test-shared-part?t=1', new AbortController().signal, () => ({ run: async () => ({ run: ++runs }) }));
    expect(part).toEqual({ status: 200, text: await got.text(), headers: {}, kept: true });
    expect(runs).toBe(1);
    const refused = await sharedJsonText('http://x/api/test-shared-part?t=2', new AbortController().signal, () => {
      throw new ApiError(422, 'validation_failed', 'Invalid request: service: required');
    });
    expect([refused.status, JSON.parse(refused.text)]).toEqual([422, { error: { code: 'validation_failed', message: 'Invalid request: service: required' } }]);
  });

  it('never keeps a failure: the next identical request computes again', async () => {
    let runs = 0;
    const compute = async () => {
      runs += 1;
      if (runs === 1) throw new PrometheusError({ kind: 'http', endpoint: '/api/v1/query', message: 'Prometheus answered HTTP 503', status: 503 });
      return { run: runs };
    };
    const signal = new AbortController().signal;
    const failed = await sharedJsonText('http://x/api/test-shared-error?t=1', signal, () => ({ run: compute }));
    expect(failed.status).toBe(502);
    const retried = await sharedJsonText('http://x/api/test-shared-error?t=1', signal, () => ({ run: compute }));
    expect([retried.status, JSON.parse(retried.text)]).toEqual([200, { run: 2 }]);
    // And the answer, once there, is kept for the slot.
    await sharedJsonText('http://x/api/test-shared-error?t=1', signal, () => ({ run: compute }));
    expect(runs).toBe(2);
  });
});
