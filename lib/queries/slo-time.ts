// The `?time=` of the SLO pages: unix seconds, or null for "now".
import { unixSecondsOrUndefined } from '@/lib/format';
import { nowUnixSeconds } from './time';
import { LIVE_REFRESH_MS } from './time-range';

/** Parses `?time=` with the one reader (lib/format); anything it refuses means now. */
export function parseTimeParam(value: string | null | undefined): number | null {
  return unixSecondsOrUndefined(value) ?? null;
}

/**
 * The moment the SLO form lists services at: the page's time, else `now`, the server render's clock
 * (so the list it prefetched is the one the browser hydrates with), else the browser's.
 */
export function formServicesTime(time: number | null, now?: number): number {
  return time ?? now ?? nowUnixSeconds();
}

/** Appends `time=` to an API path when one is set. */
export function withTime(path: string, time: number | null): string {
  if (time === null) return path;
  return `${path}${path.includes('?') ? '&' : '?'}time=${time}`;
}

/** A page link keeping the URL's `?time=`. */
export function pageHref(path: string, time: number | null): string {
  return withTime(path, time);
}

/**
 * How often an SLO page's query is read again: "now" (null) is one key whose answer ages, so live it is
 * re-read every refresh (react-query pauses while the tab is hidden and reads once it is shown), or an
 * open tab would show the same figures for ever; a pinned time never changes.
 */
export function liveRefresh(time: number | null): number | false {
  return time === null ? LIVE_REFRESH_MS : false;
}
