// The SLOs a fresh demo starts with, so that Prometheus evaluates burn-rate alerts out of the box:
// cart burns slowly (a ticket fires a few minutes after start), payments is quiet until
// `npm run demo:incident -- payments 15m`, catalog's latency SLO holds since the v2 deployment.
// Created through the app's own API, so they go through validation and the rules sync like any edit.

const DEFAULT_PAIRS = [
  { severity: 'page', longWindow: '1h', shortWindow: '5m', budgetPercent: 2 },
  { severity: 'page', longWindow: '6h', shortWindow: '30m', budgetPercent: 5 },
  { severity: 'ticket', longWindow: '1d', shortWindow: '2h', budgetPercent: 10 },
  { severity: 'ticket', longWindow: '3d', shortWindow: '6h', budgetPercent: 10 },
] as const;

export const DEMO_SLOS = [
  {
    name: 'payments-availability',
    service: 'payments',
    namespace: 'payments',
    team: 'payments',
    description: 'Payments answers without a server error. Try `npm run demo:incident -- payments 15m`: the 1h/5m page fires in about five minutes.',
    indicator: { type: 'availability' },
    objective: 99.9,
    window: '30d',
  },
  {
    name: 'cart-availability',
    service: 'cart',
    namespace: 'shop',
    team: 'storefront',
    description:
      'Cart answers without a server error. It has burned slowly (+0.4% errors) for the last 20 hours: the tickets fire. ' +
      'They wait 5 minutes instead of the default hour, so that the demo shows one soon after it starts.',
    indicator: { type: 'availability' },
    objective: 99.9,
    window: '30d',
    policy: { alerts: DEFAULT_PAIRS.map((p) => (p.severity === 'ticket' ? { ...p, for: '5m' } : { ...p })) },
  },
  {
    name: 'catalog-latency',
    service: 'catalog',
    namespace: 'shop',
    team: 'storefront',
    description: 'Catalog answers within 250 ms (a bucket boundary of the mesh histograms), even after the slower v2 deployment.',
    indicator: { type: 'latency', thresholdMs: 250 },
    objective: 99.5,
    window: '30d',
  },
] as const;

/**
 * Evaluated per region (the demo sets MESHWATCH_REGIONS): reviews runs in both clusters, and
 * `npm run demo:partition -- 30m` makes eu-west's reviews fail while us-east's hold. Kept apart from
 * DEMO_SLOS, which tests replay on the fixture as they are.
 */
export const DEMO_REGION_SLOS = [
  {
    name: 'reviews-availability',
    service: 'reviews',
    namespace: 'shop',
    team: 'storefront',
    description: 'Reviews answers without a server error, in each region. Try `npm run demo:partition -- 30m`: eu-west pages, us-east does not.',
    indicator: { type: 'availability' },
    objective: 99.9,
    window: '30d',
    perRegion: true,
  },
] as const;

/** Creates the demo SLOs; an SLO that already exists (409) is left as it is. Returns the names created. */
export async function seedDemoSlos(appUrl: string, token: string): Promise<string[]> {
  const created: string[] = [];
  for (const spec of [...DEMO_SLOS, ...DEMO_REGION_SLOS]) {
    const res = await fetch(`${appUrl}/api/slos`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(spec),
    });
    if (res.status === 201) created.push(spec.name);
    else if (res.status !== 409) throw new Error(`creating the demo SLO ${spec.name} answered HTTP ${res.status}: ${await res.text()}`);
  }
  return created;
}
