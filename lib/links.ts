// In-app links that several pages, panels and the generated alerts build: one spelling of each
// route's parameters. `time` (unix seconds) pins the moment the link shows, so a link followed
// later (from a pager, the next morning) still shows the incident, not "now".

const withPinned = (params: Record<string, string>, time: number | undefined): URLSearchParams =>
  new URLSearchParams(time === undefined ? params : { ...params, time: String(Math.floor(time)) });

/** The debug dashboard of one service, optionally pinned at `time`. */
export function debugHref(service: string, namespace: string, time?: number): string {
  return `/debug?${withPinned({ service, namespace }, time).toString()}`;
}

/** One SLO's page, optionally pinned at `time`. */
export function sloHref(name: string, time?: number): string {
  const qs = time === undefined ? '' : `?${withPinned({}, time).toString()}`;
  return `/slos/${encodeURIComponent(name)}${qs}`;
}

/** The service graph focused on one service, optionally pinned at `time`. */
export function graphHref(service: string, namespace: string, time?: number): string {
  return `/graph?${withPinned({ namespace, focus: `${namespace}/${service}` }, time).toString()}`;
}

/**
 * An in-app path made absolute against the public base URL (MESHWATCH_PUBLIC_URL), for links that
 * leave the browser (alert annotations, chat). Without a base the path stays relative.
 */
export function absoluteHref(path: string, base: string | undefined): string {
  if (!base) return path;
  return `${base.replace(/\/+$/, '')}${path}`;
}
