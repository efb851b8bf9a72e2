import { unixSecondsOrUndefined as unixSeconds } from '@/lib/format';
import {
  DEFAULT_RANGE,
  DEFAULT_REFRESH,
  isRangePreset,
  isRefreshOption,
  RANGE_PRESETS,
  type RangePreset,
  type RefreshOption,
} from './time-range';

// A dashboard's state as it lives in the URL: `?range=6h&time=<unix s>&refresh=1m&namespace=&service=&cluster=`,
// or an absolute range `?from=<unix s>&time=<unix s>`. Pure, so the server page and the client agree.

export type RawSearchParams = Record<string, string | string[] | undefined>;

export interface TimeState {
  /** The relative range; ignored while `from` is set. */
  range: RangePreset;
  /** Absolute start (unix seconds); only together with `time`. */
  from?: number;
  /** Pinned end (unix seconds): a shared link keeps showing the same moment. Absent: live. */
  time?: number;
  /** Auto-refresh of a live dashboard. */
  refresh: RefreshOption;
  namespace?: string;
  service?: string;
  /** A mesh cluster the dashboard keeps to. */
  cluster?: string;
  /** Human-readable notes about URL values that were ignored. */
  problems: string[];
}

/** Absolute ranges shorter than a minute hold less than one rate window; longer than 90 days is unbounded work. */
export const MIN_ABSOLUTE_SECONDS = 60;
export const MAX_ABSOLUTE_SECONDS = 90 * 86_400;

/** Pages that can be kept to a mesh cluster (`?cluster=`): links to them keep the reader's. */
const CLUSTER_PAGES = ['/oncall', '/debug', '/graph'];

/** The URL keys that describe time; links between dashboards carry these. */
export const TIME_KEYS = ['range', 'from', 'time', 'refresh'] as const;

/** A search parameter's first value, trimmed; empty is absent. */
export const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** Reads the dashboard state from search params; bad values fall back to defaults with a note. */
export function parseTimeState(search: RawSearchParams): TimeState {
  const problems: string[] = [];
  const state: TimeState = { range: DEFAULT_RANGE, refresh: DEFAULT_REFRESH, problems };

  const range = first(search.range);
  if (range !== undefined) {
    if (isRangePreset(range)) state.range = range;
    else problems.push(`Ignored range "${range}": expected one of ${Object.keys(RANGE_PRESETS).join(', ')}.`);
  }
  const time = first(search.time);
  if (time !== undefined) {
    state.time = unixSeconds(time);
    if (state.time === undefined) problems.push(`Ignored time "${time}": expected unix seconds, showing now instead.`);
  }
  const from = first(search.from);
  if (from !== undefined) {
    const start = unixSeconds(from);
    const span = start !== undefined && state.time !== undefined ? state.time - start : undefined;
    if (span !== undefined && span >= MIN_ABSOLUTE_SECONDS && span <= MAX_ABSOLUTE_SECONDS) state.from = start;
    else problems.push(`Ignored from "${from}": it needs a time after it, between a minute and 90 days later.`);
  }
  const refresh = first(search.refresh);
  if (refresh !== undefined) {
    if (isRefreshOption(refresh)) state.refresh = refresh;
    else problems.push(`Ignored refresh "${refresh}": expected off, 30s, 1m or 5m.`);
  }
  const namespace = first(search.namespace);
  if (namespace !== undefined) state.namespace = namespace;
  const service = first(search.service);
  if (service !== undefined) state.service = service;
  const cluster = first(search.cluster);
  if (cluster !== undefined) state.cluster = cluster;
  return state;
}

/** The state's canonical query string (defaults left out, so links stay short). */
export function timeStateSearch(state: Omit<TimeState, 'problems'>): URLSearchParams {
  const search = new URLSearchParams();
  if (state.from !== undefined && state.time !== undefined) search.set('from', String(state.from));
  else if (state.range !== DEFAULT_RANGE) search.set('range', state.range);
  if (state.time !== undefined) search.set('time', String(state.time));
  if (state.refresh !== DEFAULT_REFRESH) search.set('refresh', state.refresh);
  if (state.namespace) search.set('namespace', state.namespace);
  if (state.service) search.set('service', state.service);
  if (state.cluster) search.set('cluster', state.cluster);
  return search;
}

/** `pathname` with the state's query string. */
export function timeStateHref(pathname: string, state: Omit<TimeState, 'problems'>): string {
  const qs = timeStateSearch(state).toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/**
 * An in-app link that keeps the reader's time range: the state's time keys are added unless the
 * link sets them itself. External and malformed links are returned untouched.
 */
export function withTime(href: string, state: Omit<TimeState, 'problems'>): string {
  if (!href.startsWith('/') || href.startsWith('//')) return href;
  const url = new URL(href, 'http://x');
  const time = timeStateSearch({ ...state, namespace: undefined, service: undefined, cluster: undefined });
  // The cluster is the one filter that goes along: on-call's failing eu-west service, debugged, is eu-west's.
  if (state.cluster && CLUSTER_PAGES.includes(url.pathname) && !url.searchParams.has('cluster')) url.searchParams.set('cluster', state.cluster);
  if (TIME_KEYS.some((key) => url.searchParams.has(key))) return `${url.pathname}${url.search}${url.hash}`;
  for (const [key, value] of time) url.searchParams.set(key, value);
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Seconds the state's range covers. */
export function rangeSeconds(state: Pick<TimeState, 'range' | 'from' | 'time'>): number {
  return state.from !== undefined && state.time !== undefined ? state.time - state.from : RANGE_PRESETS[state.range];
}
