import 'server-only';
// Every stored SLO with its status at one instant, through the bulk evaluation of /api/slos-status:
// one query for the recording rules' series, then one raw query per window per indicator kind for
// what they lack. Shared by the executive team rows and by every service health verdict, so a
// service's SLO state is the same wherever it is shown.
import { ApiError } from '@/lib/api/errors';
import { sloStatusesByService } from '@/lib/health';
import type { PrometheusClient } from '@/lib/prometheus';
import { getSloStore } from '@/lib/store';
import type { CountQuery } from './bulk-queries';
import { evaluateSlos } from './evaluate';
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

/** Every stored spec; a store that cannot be read is a 503 that names no file. */
export function readSpecs(): SloSpec[] {
  try {
    return getSloStore()
      .list()
      .map((s) => s.spec);
  } catch (err) {
    // SQLite messages name files on the server: log them, tell the caller only what failed.
    console.error(err);
    throw new ApiError(503, 'store_unavailable', 'The SLO store could not be read, so SLO figures are unavailable (see the server log)');
  }
}

export async function storedSloStatuses({ client, time, namespace, signal }: StoredStatusesOptions): Promise<{ value: StoredSloStatus[]; queries: CountQuery[] }> {
  const specs = readSpecs().filter((s) => !namespace || s.namespace === namespace);
  if (specs.length === 0) return { value: [], queries: [] };
  const { evaluations, queries } = await evaluateSlos(specs, { client, time, signal });
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
