import 'server-only';
import { dehydrate, QueryClient, type DehydratedState } from '@tanstack/react-query';
import { setMaxListeners } from 'node:events';
import { headers } from 'next/headers';
import { mayReadPageData } from '@/lib/api/guard';
import type { Env } from '@/lib/env';
import { SHARED_SIGNAL_MAX_LISTENERS } from '@/lib/prometheus';

/**
 * How long a page waits for its data before it renders without it. The goal is first data on screen
 * within a second: the panels answered by then come with the HTML, and one slow panel must not hold the
 * others back; the rest come from the browser's own requests, which start as soon as the page hydrates.
 * `npm run bench -- pages` measured 800 ms as worse for first data than this.
 */
export const PREFETCH_DEADLINE_MS = 300;

/** One query the page prefetches: its key (from lib/queries/keys.ts, as the hook uses) and how to load it. */
export interface Prefetch {
  queryKey: readonly unknown[];
  /** Resolves to exactly what the hook's queryFn resolves to (parsed by the same schema). */
  load: (signal: AbortSignal) => Promise<unknown>;
}

/**
 * Runs the loads in parallel and dehydrates those answered within `deadlineMs`; the others are aborted
 * and left to the browser, which shows their loading state, then their data or error with Retry.
 */
export async function prefetchWithin(prefetches: readonly Prefetch[], deadlineMs = PREFETCH_DEADLINE_MS): Promise<DehydratedState> {
  const client = new QueryClient();
  const controller = new AbortController();
  // Every Prometheus request of every load listens on this one signal: on-call's send forty.
  setMaxListeners(SHARED_SIGNAL_MAX_LISTENERS, controller.signal);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve();
    }, deadlineMs);
  });
  const all = Promise.all(
    prefetches.map(async ({ queryKey, load }) => {
      try {
        const data = await load(controller.signal);
        if (!controller.signal.aborted) client.setQueryData(queryKey, data);
      } catch {
        // A failure is the browser's to show (with Retry); it asks again after hydration.
      }
    }),
  );
  try {
    await Promise.race([all, deadline]);
  } finally {
    clearTimeout(timer);
  }
  const state = dehydrate(client);
  client.clear();
  return state;
}

/** What a JSON response body would deliver: the browser parses `Response.json`, so the server must too. */
export function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * prefetchWithin for a page's document request only, and only for a caller the API would answer. A
 * client-side navigation (an RSC request, e.g. a new range) already has the app running: its panels keep
 * the previous data on screen while the new loads, so waiting for a prefetch would only delay the
 * navigation and flash the loading state. `env`: for tests.
 */
export async function prefetchFirstLoad(prefetches: readonly Prefetch[], env?: Pick<Env, 'auth' | 'http'>): Promise<DehydratedState> {
  const request = await headers();
  // Next hides its own `rsc` header from pages; the browser's Fetch Metadata tells a document load
  // (`document`) from the router's fetch (`empty`). Clients without it (curl, old browsers) get the data.
  const dest = request.get('sec-fetch-dest');
  if (dest !== null && dest !== 'document') return { mutations: [], queries: [] };
  // The loads read the store and Prometheus past the API's guard: without this, MESHWATCH_ANONYMOUS=none
  // kept the API closed while every page put its SLOs and panels in the HTML for anyone.
  if (!mayReadPageData(request, env)) return { mutations: [], queries: [] };
  return prefetchWithin(prefetches);
}
