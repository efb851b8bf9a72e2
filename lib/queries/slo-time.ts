// The `?time=` of the SLO pages: unix seconds, or null for "now".

/** Parses `?time=`; anything but a positive finite number means now. */
export function parseTimeParam(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const n = Number(value);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : null;
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
