import 'server-only';
import { createAnswerCache } from './answer-cache';

// Shared work for identical questions: an answer still fresh in the cache is reused; an identical
// question already on its way to Prometheus is joined rather than sent again (single flight).
// Every caller gets the same objects, so callers treat answers as read-only (the panel transforms
// copy before they sort). Freezing them deeply would enforce it, at a tenth of a dashboard's CPU.

export interface Answer<T> {
  value: T;
  /** What the answer costs in the cache (its size as Prometheus sent it). */
  bytes: number;
  /** How long to keep this answer, when it differs from the caller's `ttlMs` (0: not at all). */
  ttlMs?: number;
}

export interface SharedAnswers {
  /**
   * The answer for `key`, loaded by `load` only when neither the cache nor a flight in progress has it.
   * `signal` abandons this caller's wait; the flight itself is aborted only once all its callers left.
   */
  get<T>(key: string, ttlMs: number, load: (signal: AbortSignal) => Promise<Answer<T>>, signal?: AbortSignal): Promise<T>;
}

interface Flight {
  promise: Promise<unknown>;
  waiters: number;
  settled: boolean;
  controller: AbortController;
}

export type Lookup = 'hit' | 'joined' | 'miss';

export interface SharedOptions {
  /** Told where each answer came from, and the cache's size after each change (metrics). */
  onLookup?(result: Lookup): void;
  onSize?(bytes: number): void;
  now?(): number;
}

export function createSharedAnswers(maxBytes: number, { onLookup, onSize, now = Date.now }: SharedOptions = {}): SharedAnswers {
  const cache = createAnswerCache<unknown>(maxBytes);
  const flights = new Map<string, Flight>();

  const start = <T>(key: string, ttlMs: number, load: (signal: AbortSignal) => Promise<Answer<T>>): Flight => {
    const controller = new AbortController();
    const flight: Flight = { promise: Promise.resolve(), waiters: 0, settled: false, controller };
    const landed = () => {
      flight.settled = true;
      flights.delete(key);
    };
    // One reaction for each outcome (each promise of a query's path is paid for again by the
    // process' async hooks, issue 13's profile).
    flight.promise = load(controller.signal).then(
      ({ value, bytes, ttlMs: own }) => {
        landed();
        cache.set(key, value, bytes, own ?? ttlMs, now());
        onSize?.(cache.bytes);
        return value;
      },
      (err: unknown) => {
        landed();
        throw err;
      },
    );
    // Callers that all left early never read the outcome; it must not become an unhandled rejection.
    flight.promise.catch(() => undefined);
    flights.set(key, flight);
    return flight;
  };

  return {
    async get<T>(key: string, ttlMs: number, load: (signal: AbortSignal) => Promise<Answer<T>>, signal?: AbortSignal): Promise<T> {
      const cached = cache.get(key, now());
      if (cached !== undefined) {
        onLookup?.('hit');
        return cached as T;
      }
      let flight = flights.get(key);
      onLookup?.(flight ? 'joined' : 'miss');
      flight ??= start(key, ttlMs, load);
      flight.waiters += 1;
      try {
        return (await untilAborted(flight.promise, signal)) as T;
      } finally {
        flight.waiters -= 1;
        if (flight.waiters === 0 && !flight.settled) flight.controller.abort(new Error('every caller left'));
      }
    },
  };
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (err: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(err);
      },
    );
  });
}
