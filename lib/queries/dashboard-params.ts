import { parsePromDuration } from '@/lib/prometheus/promql';

/** Window used when the URL does not name one. */
export const DEFAULT_WINDOW = '5m';

export type RawSearchParams = Record<string, string | string[] | undefined>;

export interface DashboardParams {
  /** Pinned evaluation time (unix seconds) from `?time=`; absent means "now". */
  time?: number;
  window: string;
  namespace?: string;
  /** Human-readable notes about URL values that were ignored. */
  problems: string[];
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

function isDuration(text: string): boolean {
  try {
    parsePromDuration(text);
    return true;
  } catch {
    return false;
  }
}

/** Reads `?time=`, `?window=` and `?namespace=`; bad values fall back to defaults with a note. */
export function parseDashboardParams(search: RawSearchParams): DashboardParams {
  const problems: string[] = [];
  const out: DashboardParams = { window: DEFAULT_WINDOW, problems };

  const time = first(search.time);
  if (time !== undefined) {
    const seconds = Number(time);
    if (/^\d+(\.\d+)?$/.test(time) && seconds > 0) out.time = seconds;
    else problems.push(`Ignored time "${time}": expected unix seconds, showing now instead.`);
  }
  const window = first(search.window);
  if (window !== undefined) {
    if (isDuration(window)) out.window = window;
    else problems.push(`Ignored window "${window}": expected a duration such as 5m or 1h, using ${DEFAULT_WINDOW}.`);
  }
  const namespace = first(search.namespace);
  if (namespace !== undefined) out.namespace = namespace;
  return out;
}
