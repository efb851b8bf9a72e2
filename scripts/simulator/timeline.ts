// The scripted story, relative to the anchor (the story's "now"). Every boundary sits on a whole
// minute so that 60 s samples land exactly on it.
import { REMOTE_CLUSTER } from './topology';

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86_400;

/** Pods have been up this long before the anchor; histories can reach back at most this far. */
export const MODEL_EPOCH_DAYS = 90;
/** Hard outage of payments/payments: starts 3 days and 10 minutes before the anchor, lasts 45 min. */
const OUTAGE_BEFORE = 72 * HOUR + 10 * MINUTE;
const OUTAGE_LENGTH = 45 * MINUTE;
/** catalog v1 -> v2 deployment (latency regression), 2 days before the anchor. */
const DEPLOY_BEFORE = 48 * HOUR;
/** istiod pushes harder while the new catalog pods roll out. */
const ROLLOUT_LENGTH = 10 * MINUTE;
/** Slow burn of 0.4% extra 500s on shop/cart for the last 20 hours, continuing live. */
const SLOW_BURN_BEFORE = 20 * HOUR;
/** Retry storm recommendations -> catalog, 5 hours before the anchor, 40 minutes long. */
const STORM_BEFORE = 5 * HOUR;
const STORM_LENGTH = 40 * MINUTE;
/** Regional partition: eu-west's egress to us-east is down, 30 hours before the anchor, 30 minutes long. */
const PARTITION_BEFORE = 30 * HOUR;
const PARTITION_LENGTH = 30 * MINUTE;
/** The mesh root certificate expires 10 days after the anchor (an executive-dashboard risk). */
const ROOT_CERT_AFTER = 10 * DAY;

export interface Span {
  start: number;
  end: number; // Infinity when it is still going on
}

export interface TimelineEvent {
  id: 'payments-outage' | 'catalog-deploy' | 'cart-slow-burn' | 'catalog-retry-storm' | 'region-partition';
  title: string;
  start: number;
  end: number | null; // null: ongoing at the anchor and afterwards
  service: string; // namespace/name
  edge: { source: string; target: string } | null;
  /** The cluster whose workloads the event hits; absent for events of the whole service. */
  cluster?: string;
  effect: string;
}

export interface Timeline {
  anchor: number;
  epoch: number;
  outage: Span;
  deploy: number;
  rollout: Span;
  slowBurn: Span;
  retryStorm: Span;
  /** The scripted regional partition. */
  partition: Span;
  /** Every partition, the scripted one first, then any injected live (withPartitions). */
  partitions: Span[];
  rootCertExpiry: number;
  events: TimelineEvent[];
  /** Every time at which some rate or share changes. */
  breakpoints: number[];
}

export function createTimeline(anchor: number, extraPartitions: readonly Span[] = []): Timeline {
  const base = Math.floor(anchor / MINUTE) * MINUTE;
  const epoch = base - MODEL_EPOCH_DAYS * DAY;
  const outage = { start: base - OUTAGE_BEFORE, end: base - OUTAGE_BEFORE + OUTAGE_LENGTH };
  const deploy = base - DEPLOY_BEFORE;
  const rollout = { start: deploy, end: deploy + ROLLOUT_LENGTH };
  const slowBurn = { start: base - SLOW_BURN_BEFORE, end: Number.POSITIVE_INFINITY };
  const retryStorm = { start: base - STORM_BEFORE, end: base - STORM_BEFORE + STORM_LENGTH };
  const partition = { start: base - PARTITION_BEFORE, end: base - PARTITION_BEFORE + PARTITION_LENGTH };
  const partitions = [partition, ...extraPartitions.map((p) => ({ ...p }))];
  const events: TimelineEvent[] = [
    {
      id: 'payments-outage',
      title: 'payments hard outage',
      ...outage,
      service: 'payments/payments',
      edge: { source: 'shop/checkout', target: 'payments/payments' },
      effect: 'destination sees 90% 503 UF; checkout proxy also sees 503 UH for 30% extra requests; payments container restarts',
    },
    {
      id: 'catalog-deploy',
      title: 'catalog v2 deployment (latency regression)',
      start: deploy,
      end: null,
      service: 'shop/catalog',
      edge: null,
      effect: 'revision v1 -> v2, new pod; median latency x2.5 and a heavier tail',
    },
    {
      id: 'cart-slow-burn',
      title: 'cart slow burn',
      start: slowBurn.start,
      end: null,
      service: 'shop/cart',
      edge: null,
      effect: 'extra 0.4% of 500 responses at the destination',
    },
    {
      id: 'catalog-retry-storm',
      title: 'retry storm recommendations -> catalog',
      ...retryStorm,
      service: 'shop/catalog',
      edge: { source: 'shop/recommendations', target: 'shop/catalog' },
      effect: 'destination sees 2.5x attempts, 50% 503; source sees 25% 503 URX and 15% 503 UO',
    },
    {
      id: 'region-partition',
      title: 'regional partition: eu-west cannot reach us-east',
      ...partition,
      service: 'shop/reviews',
      edge: { source: 'shop/reviews', target: 'platform/inventory' },
      cluster: REMOTE_CLUSTER,
      effect: 'reviews (prod-eu-west) -> inventory: every call 503 UF at the source, none reach inventory; reviews (prod-eu-west) answers 503 to 80% of its requests; prod-us-east reviews unaffected',
    },
  ];
  const breakpoints = [...new Set([epoch, outage.start, outage.end, deploy, rollout.end, slowBurn.start, retryStorm.start, retryStorm.end, ...partitions.flatMap((p) => [p.start, p.end])])]
    .filter((t) => Number.isFinite(t))
    .sort((a, b) => a - b);
  return { anchor, epoch, outage, deploy, rollout, slowBurn, retryStorm, partition, partitions, rootCertExpiry: base + ROOT_CERT_AFTER, events, breakpoints };
}

export function within(span: Span, t: number): boolean {
  return t >= span.start && t < span.end;
}

export function withinAny(spans: readonly Span[], t: number): boolean {
  return spans.some((span) => within(span, t));
}
