// What each HTTP edge carries: response classes (code + Envoy response flags) with their shares of
// the edge's base rate, per side (server = destination proxy, client = source proxy), and latency.
import { logNormal, type LogNormal } from './latency';
import { between } from './rng';
import { within, withinAny, type Timeline } from './timeline';
import { NOT_FOUND_EDGE, REMOTE_CLUSTER, SERVICE_LATENCY, type HttpEdge, type PodEpoch } from './topology';

export type Side = 'server' | 'client';

export interface TrafficClass {
  code: string;
  flags: string;
  born: number; // the first request of this class; series of later-born classes start at 0
  sides: readonly Side[];
  share: Record<Side, (t: number) => number>;
  latency: (t: number) => LogNormal; // as seen by the server
  /**
   * A client-only outcome for which the caller had picked an endpoint and failed to reach it: metrics
   * kept per endpoint (Linkerd's outbound, with dst_pod) count it too.
   */
  endpoint?: boolean;
}

/** Background 500 share per service: seeded between 0.02% and 0.08%. */
const BACKGROUND_ERROR = [0.0002, 0.0008] as const;
/** Cart slow burn: extra share of 500s. */
const SLOW_BURN_EXTRA = 0.004;
/** payments outage: destination 503 UF share; extra UH requests seen only by the caller. */
const OUTAGE_UF = 0.9;
const OUTAGE_UH_EXTRA = 0.3;
/** While payments crash-loops it makes a tenth of its usual downstream calls. */
const OUTAGE_DOWNSTREAM = 0.1;
/** Retry storm: attempts multiplier and 503 share at the destination; URX / UO shares at the source. */
const STORM_ATTEMPTS = 2.5;
const STORM_503 = 0.5;
const STORM_URX = 0.25;
const STORM_UO = 0.15;
/** 4xx edge: share of 404s. */
const NOT_FOUND_SHARE = 0.7;
/** Regional partition: share of 503s the eu-west pods answer while their calls to us-east fail. */
const PARTITION_503 = 0.8;
/** catalog v2: median latency x2.5, sigma +0.25 (heavier tail). */
const REGRESSION_MEDIAN = 2.5;
const REGRESSION_SIGMA = 0.25;

export function backgroundErrorShare(seed: number, service: string): number {
  return between(seed, `${service}:background-500`, BACKGROUND_ERROR[0], BACKGROUND_ERROR[1]);
}

/**
 * The classes of one (source pod, destination pod) pair of an edge, their shares already scaled by
 * the pair's share of the edge's traffic (its clusters' split).
 */
export function edgeClasses(edge: HttpEdge, seed: number, tl: Timeline, pair: { src: PodEpoch; dst: PodEpoch }): TrafficClass[] {
  const target = edge.target.id;
  const split = edge.clusterShare(pair.src, pair.dst);
  const isOutageEdge = target === 'payments/payments';
  const isDownstreamOfOutage = edge.source.id === 'payments/payments';
  const isStormEdge = edge.source.id === 'shop/recommendations' && target === 'shop/catalog';
  const isNotFoundEdge = edge.source.id === NOT_FOUND_EDGE.source && target === NOT_FOUND_EDGE.target;
  const background = backgroundErrorShare(seed, target);
  const storm = (t: number) => isStormEdge && within(tl.retryStorm, t);
  const outage = (t: number) => within(tl.outage, t);
  // The partition cuts eu-west's egress to the other cluster: those calls fail at the caller and
  // never arrive; eu-west's own servers answer most of their requests with 503 meanwhile.
  const cutOff = pair.src.cluster === REMOTE_CLUSTER && pair.dst.cluster !== REMOTE_CLUSTER;
  const degraded = pair.dst.cluster === REMOTE_CLUSTER;
  const lost = (t: number) => cutOff && withinAny(tl.partitions, t);
  const partition503 = (t: number) => (degraded && withinAny(tl.partitions, t) ? PARTITION_503 : 0);

  const volume = (t: number) => split * (isDownstreamOfOutage && outage(t) ? OUTAGE_DOWNSTREAM : 1);
  const clientVolume = (t: number) => (lost(t) ? 0 : volume(t));
  const serverVolume = (t: number) => clientVolume(t) * (storm(t) ? STORM_ATTEMPTS : 1);
  const err500 = (t: number) => background + (target === 'shop/cart' && within(tl.slowBurn, t) ? SLOW_BURN_EXTRA : 0);
  const uf = (t: number) => (isOutageEdge && outage(t) ? OUTAGE_UF : 0);
  const notFound = isNotFoundEdge ? NOT_FOUND_SHARE : 0;
  const storm503 = (t: number) => (storm(t) ? STORM_503 : 0);
  const serverOk = (t: number) => 1 - err500(t) - notFound - uf(t) - storm503(t) - partition503(t);
  const clientOk = (t: number) => (storm(t) ? 1 - err500(t) - STORM_URX - STORM_UO : serverOk(t));

  const [median, sigma] = SERVICE_LATENCY[edge.target.baseId] ?? [20, 0.5];
  const jitter = between(seed, `${edge.key}:latency`, 0.9, 1.1);
  const okLatency = (t: number): LogNormal =>
    target === 'shop/catalog' && t >= tl.deploy
      ? logNormal(median * jitter * REGRESSION_MEDIAN, sigma + REGRESSION_SIGMA)
      : logNormal(median * jitter, sigma);
  const fixed = (dist: LogNormal) => () => dist;
  const both = ['server', 'client'] as const;

  const classes: TrafficClass[] = [
    {
      code: '200', flags: '-', born: tl.epoch, sides: both,
      share: { server: (t) => serverVolume(t) * serverOk(t), client: (t) => clientVolume(t) * clientOk(t) },
      latency: okLatency,
    },
    {
      code: '500', flags: '-', born: tl.epoch, sides: both,
      share: { server: (t) => serverVolume(t) * err500(t), client: (t) => clientVolume(t) * err500(t) },
      latency: (t) => { const d = okLatency(t); return { mu: d.mu + Math.log(0.7), sigma: d.sigma }; },
    },
  ];
  if (isNotFoundEdge) {
    classes.push({
      code: '404', flags: '-', born: tl.epoch, sides: both,
      share: { server: (t) => serverVolume(t) * NOT_FOUND_SHARE, client: (t) => clientVolume(t) * NOT_FOUND_SHARE },
      latency: fixed(logNormal(4, 0.4)),
    });
  }
  if (isOutageEdge) {
    classes.push(
      {
        code: '503', flags: 'UF', born: tl.outage.start, sides: both,
        share: { server: (t) => serverVolume(t) * uf(t), client: (t) => clientVolume(t) * uf(t) },
        latency: fixed(logNormal(1.2, 0.4)),
      },
      {
        code: '503', flags: 'UH', born: tl.outage.start, sides: ['client'],
        share: { server: () => 0, client: (t) => (outage(t) ? split * OUTAGE_UH_EXTRA : 0) },
        latency: fixed(logNormal(0.5, 0.3)),
      },
    );
  }
  if (isStormEdge) {
    const onlyInStorm = (share: number) => (t: number) => (storm(t) ? split * share : 0);
    classes.push(
      {
        code: '503', flags: '-', born: tl.retryStorm.start, sides: ['server'],
        share: { server: (t) => serverVolume(t) * storm503(t), client: () => 0 },
        latency: fixed(logNormal(60, 0.7)),
      },
      {
        code: '503', flags: 'URX', born: tl.retryStorm.start, sides: ['client'],
        share: { server: () => 0, client: onlyInStorm(STORM_URX) },
        latency: fixed(logNormal(60, 0.7)),
      },
      {
        code: '503', flags: 'UO', born: tl.retryStorm.start, sides: ['client'],
        share: { server: () => 0, client: onlyInStorm(STORM_UO) },
        latency: fixed(logNormal(0.5, 0.3)),
      },
    );
  }
  const firstPartition = tl.partitions[0]?.start ?? Number.POSITIVE_INFINITY;
  if (degraded) {
    classes.push({
      code: '503', flags: '-', born: firstPartition, sides: both,
      share: { server: (t) => serverVolume(t) * partition503(t), client: (t) => clientVolume(t) * partition503(t) },
      latency: fixed(logNormal(6, 0.5)),
    });
  }
  if (cutOff) {
    classes.push({
      code: '503', flags: 'UF', born: firstPartition, sides: ['client'], endpoint: true,
      share: { server: () => 0, client: (t) => (lost(t) ? volume(t) : 0) },
      latency: fixed(logNormal(1.2, 0.4)),
    });
  }
  return classes;
}

/** Retry, retry-overflow and pending-overflow rates of the source proxy, per request of the edge. */
export function retryShares(edge: HttpEdge, tl: Timeline): { retry: (t: number) => number; retryOverflow: (t: number) => number; pendingOverflow: (t: number) => number } {
  const isStormEdge = edge.source.id === 'shop/recommendations' && edge.target.id === 'shop/catalog';
  const storm = (t: number) => isStormEdge && within(tl.retryStorm, t);
  return {
    // a trickle of retries always (0.1%); in the storm every extra attempt is a retry
    retry: (t) => (storm(t) ? STORM_ATTEMPTS - 1 : 0.001),
    retryOverflow: (t) => (storm(t) ? STORM_URX : 0),
    pendingOverflow: (t) => (storm(t) ? STORM_UO : 0),
  };
}

export function isError(code: string): boolean {
  return code === '0' || code.startsWith('5');
}

export function isClientError(code: string): boolean {
  return code.startsWith('4');
}
