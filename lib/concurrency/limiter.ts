// The project's one concurrency limiter: at most `max` tasks run at once, the rest wait in a queue.
// Pure (no I/O): the Prometheus client holds one process-wide instance, and `pool` bounds one caller.

export interface RunOptions {
  /** Abandons the wait (not a task already running): the returned promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /**
   * Who asks. Waiting tasks are started round-robin across owners, so one owner that queued
   * a hundred tasks delays another owner's single task by at most one turn per owner ahead of it.
   */
  owner?: object;
}

export interface Limiter {
  run<T>(task: () => Promise<T>, opts?: RunOptions): Promise<T>;
  /** Tasks running now. */
  readonly active: number;
  /** Tasks waiting for a slot. */
  readonly waiting: number;
}

interface Waiter {
  start(): void;
}

const ANONYMOUS = {};

export function createLimiter(max: number): Limiter {
  if (!Number.isInteger(max) || max < 1) throw new RangeError(`limiter size must be a positive integer, got ${max}`);
  let active = 0;
  let waiting = 0;
  // Insertion order of a Map is the round-robin order: an owner served goes to the back of the line.
  const queues = new Map<object, Waiter[]>();

  const next = () => {
    while (active < max) {
      const first = queues.entries().next();
      if (first.done) return;
      const [owner, queue] = first.value;
      queues.delete(owner);
      const waiter = queue.shift();
      if (queue.length > 0) queues.set(owner, queue);
      if (waiter) {
        waiting -= 1;
        waiter.start();
      }
    }
  };

  const run = <T>(task: () => Promise<T>, { signal, owner = ANONYMOUS }: RunOptions = {}): Promise<T> => {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const queue = queues.get(owner);
        const at = queue?.indexOf(waiter) ?? -1;
        if (queue && at >= 0) {
          queue.splice(at, 1);
          if (queue.length === 0) queues.delete(owner);
          waiting -= 1;
          reject(signal?.reason);
        }
      };
      const waiter: Waiter = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          active += 1;
          task()
            .then(resolve, reject)
            .finally(() => {
              active -= 1;
              next();
            });
        },
      };
      if (active < max && queues.size === 0) return waiter.start();
      signal?.addEventListener('abort', onAbort, { once: true });
      const queue = queues.get(owner);
      if (queue) queue.push(waiter);
      else queues.set(owner, [waiter]);
      waiting += 1;
    });
  };

  return {
    run,
    get active() {
      return active;
    },
    get waiting() {
      return waiting;
    },
  };
}

/** Runs `run` over every item, at most `limit` at a time; rejects with the first failure and starts no more. */
export async function pool<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  const limiter = createLimiter(Math.max(1, limit));
  let failed = false;
  await Promise.all(
    items.map((item) =>
      limiter.run(async () => {
        if (failed) return;
        try {
          await run(item);
        } catch (err) {
          failed = true;
          throw err;
        }
      }),
    ),
  );
}
