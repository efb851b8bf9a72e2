// The `?time=` of the SLO pages: unix seconds, or null for "now".
import { unixSecondsOrUndefined } from '@/lib/format';
import { nowUnixSeconds } from './time';

/** Parses `?time=` with the one reader (lib/format); anything it refuses means now. */
export function parseTimeParam(value: string | null | undefined): number | null {
  return unixSecondsOrUndefined(value) ?? null;
}

/**
 * The moment the SLO form lists services at: the page's time, else now (rounded, so the server's
 * prefetch and the browser's first render usually agree on the key).
 */
export function formServicesTime(time: number | null): number {
  return time ?? nowUnixSeconds();
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
