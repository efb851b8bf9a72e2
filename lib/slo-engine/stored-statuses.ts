import 'server-only';
// Every stored SLO with its status at one instant, through the bulk evaluation of /api/slos-status:
// one query for the recording rules' series and one raw query per window per indicator kind for what
// they lack (sent beside it where they are not expected: recorded-expect.ts). Shared by the executive team rows and by every service health verdict, so a
// service's SLO state is the same wherever it is shown.
import { ApiError } from '@/lib/api/errors';
import { sloStatusesByService } from '@/lib/health';
import { isPrometheusError, requestScope, type PrometheusClient } from '@/lib/prometheus';
import { getSloStore, type StoredSlo } from '@/lib/store';
import type { CountQuery } from './bulk-queries';
import { evaluateSlos } from './evaluate';
import { storedHints } from './recorded-expect';
import type { SloSpec } from '@/lib/slo/spec';
import type { SloStatus } from '@/lib/slo/status-schema';

/** One stored SLO and its evaluation at the instant (or why it has none). */
export interface StoredSloStatus {
  spec: SloSpec;
  status: SloStatus | null;
  /** Why the SLO could not be evaluated (custom query rejected, latency threshold not a bucket). */
  error?: string;
}

export interface StoredStatusesOptions {
  client: PrometheusClient;
  /** Unix seconds. */
  time: number;
  /** Only the SLOs of this namespace. */
  namespace?: string;
  signal?: AbortSignal;
}

/** Every stored SLO; a store that cannot be read is a 503 that names no file. */
export function readStored(): StoredSlo[] {
  try {
    return getSloStore().list();
  } catch (err) {
    // A stored SLO the schema cannot read says which (lib/store/rows.ts).
    if (err instanceof ApiError) throw err;
    // SQLite messages name files on the server: log them, tell the caller only what failed.
    console.error(err);
    throw new ApiError(503, 'store_unavailable', 'The SLO store could not be read, so SLO figures are unavailable (see the server log)');
  }
}

/** Every stored spec (readStored's 503 when the store cannot be read). */
export function readSpecs(): SloSpec[] {
  return readStored().map((s) => s.spec);
}

export async function storedSloStatuses({ client, time, namespace, signal }: StoredStatusesOptions): Promise<{ value: StoredSloStatus[]; queries: CountQuery[] }> {
  const stored = readStored().filter((s) => !namespace || s.spec.namespace === namespace);
  if (stored.length === 0) return { value: [], queries: [] };
  const specs = stored.map((s) => s.spec);
  const { evaluations, queries } = await evaluateSlos(specs, { client, time, signal, recordedHints: storedHints(stored) });
  const value = specs.map((spec, i): StoredSloStatus => {
    const e = evaluations[i];
    return e?.status ? { spec, status: e.status } : { spec, status: null, error: e?.error?.message ?? 'not evaluated' };
  });
  return { value, queries };
}

/** `namespace/service` -> the statuses of its SLOs at `time`, for lib/health's verdict. */
export async function serviceSloStatuses(opts: StoredStatusesOptions): Promise<Map<string, SloStatus[]>> {
  return sloStatusesByService((await storedSloStatuses(opts)).value);
}

/**
 * serviceSloStatuses for a view whose own figures do not come from SLOs (the services table, the graph):
 * when the SLOs cannot be read (the store, or their shared count queries), its health is judged from
 * the error ratio alone and a warning says so, instead of the whole view failing. A caller that left or
 * a request past its deadline still fails: the view's own queries are cut short too.
 */
export async function serviceSloStatusesOrWarning(opts: StoredStatusesOptions): Promise<{ slos: Map<string, SloStatus[]>; warnings: string[] }> {
  try {
    return { slos: await serviceSloStatuses(opts), warnings: [] };
  } catch (err) {
    if (opts.signal?.aborted || requestScope()?.signal.aborted) throw err;
    // ApiError and PrometheusError messages are written for users and name no URL or file.
    const told = err instanceof ApiError || isPrometheusError(err);
    if (!told) console.error(err);
    const why = told ? err.message : 'an internal error (see the server log)';
    return { slos: new Map(), warnings: [`SLO statuses unavailable, so health is judged from the error ratio alone: ${why}`] };
  }
}
