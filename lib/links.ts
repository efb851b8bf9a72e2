// In-app links that several pages and panels build: one spelling of each route's parameters.

/** The debug dashboard of one service. */
export function debugHref(service: string, namespace: string): string {
  return `/debug?${new URLSearchParams({ service, namespace }).toString()}`;
}

/** One SLO's page. */
export function sloHref(name: string): string {
  return `/slos/${encodeURIComponent(name)}`;
}
