import { ApiError } from '@/lib/api/api-error';
import type { PanelResponse } from '@/lib/dashboards/schema';
import { apiErrorOf, fetchApi, SCHEMA_MESSAGE } from './api-fetch';
import { isPanelResponse, isRecord, type Guard } from './response-guards';

// The panels of one dashboard mount together and ask for the same range and filters: their requests,
// gathered for one macrotask, go out as one `GET /api/panels/{dashboard}?panels=...` instead of one
// each (ten HTTP requests per viewer was most of the server's work with fifty viewers, and a browser
// runs six at a time per host). Each panel still gets its own data or its own ApiError. A dashboard's
// services table is a part of its batch too (`services`, the `/api/services` answer for the range's
// end and length), so a dashboard is one request.

interface BatchPart {
  status: number;
  body: unknown;
}
interface Batch {
  panels: Record<string, BatchPart>;
}
const isBatchPart = (value: unknown): value is BatchPart => isRecord(value) && Number.isInteger(value.status);
// Plain checks, not zod (kept out of the browser: response-guards.ts).
const isBatch: Guard<Batch> = (value): value is Batch => isRecord(value) && isRecord(value.panels) && Object.values(value.panels).every(isBatchPart);

interface Member {
  part: string;
  /** What the part's body must be. */
  guard: Guard<unknown>;
  /** The part's own URL, used when it is asked for alone. */
  single: string;
  signal?: AbortSignal;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

/** Panel requests waiting for the flush, by dashboard and query string. */
const groups = new Map<string, { dashboard: string; search: string; members: Member[] }>();

/** One panel's response, sent with the other panels of `dashboard` asked for in the same macrotask. */
export function fetchPanel(dashboard: string, panel: string, search: string, signal?: AbortSignal): Promise<PanelResponse> {
  return fetchPart(dashboard, panel, search, { guard: isPanelResponse, single: singleUrl(dashboard, panel, search) }, signal);
}

/**
 * One part of `dashboard`'s batch for `search` (a panel, or `services`), sent with the other parts asked
 * for in the same macrotask; alone, it is fetched from `single`. Its body must pass `guard`.
 */
export function fetchPart<T>(dashboard: string, part: string, search: string, { guard, single }: { guard: Guard<T>; single: string }, signal?: AbortSignal): Promise<T> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const key = `${dashboard}?${search}`;
    let group = groups.get(key);
    if (!group) {
      group = { dashboard, search, members: [] };
      groups.set(key, group);
      const flushed = group;
      setTimeout(() => {
        groups.delete(key);
        void send(flushed.dashboard, flushed.search, flushed.members);
      }, 0);
    }
    // A cancelled panel (react-query's signal) stops waiting at once, whatever the others do.
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
    group.members.push({ part, guard, single, signal, resolve: resolve as (value: unknown) => void, reject });
  });
}

const singleUrl = (dashboard: string, panel: string, search: string) => `/api/panels/${encodeURIComponent(dashboard)}/${encodeURIComponent(panel)}?${search}`;

/** Aborted only when every member has been cancelled: the others still want the answer. */
function sharedSignal(members: Member[]): AbortSignal | undefined {
  const signals = members.map((m) => m.signal);
  if (signals.some((s) => s === undefined)) return undefined;
  const controller = new AbortController();
  const check = () => {
    if (signals.every((s) => s?.aborted)) controller.abort();
  };
  for (const s of signals) s?.addEventListener('abort', check, { once: true });
  check();
  return controller.signal;
}

async function send(dashboard: string, search: string, members: Member[]): Promise<void> {
  const ids = [...new Set(members.map((m) => m.part))].sort();
  const signal = sharedSignal(members);
  const [first] = members;
  if (ids.length === 1 && first) {
    // One part alone (a retry, a single chart) keeps its own URL.
    const one = fetchApi(first.single, first.guard, signal);
    for (const m of members) one.then(m.resolve, m.reject);
    return;
  }
  let batch: Batch;
  try {
    const path = `/api/panels/${encodeURIComponent(dashboard)}?panels=${ids.map(encodeURIComponent).join(',')}&${search}`;
    batch = await fetchApi(path, isBatch, signal);
  } catch (err) {
    for (const m of members) m.reject(err);
    return;
  }
  for (const m of members) {
    const part = batch.panels[m.part];
    if (!part) {
      m.reject(new ApiError(200, 'schema', SCHEMA_MESSAGE));
    } else if (part.status < 200 || part.status > 299) {
      m.reject(apiErrorOf(part.status, part.body));
    } else {
      if (m.guard(part.body)) m.resolve(part.body);
      else m.reject(new ApiError(part.status, 'schema', SCHEMA_MESSAGE));
    }
  }
}
