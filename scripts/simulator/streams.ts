// Mesh-agnostic counters of the model: one per (edge, response class, side, pod pair), latency
// histograms per (edge, pod pair) on the server side, and TCP counters. Renderers only add labels.
import { compileCounter, type Counter } from './counter';
import { classHistogram } from './histogram';
import { LATENCY_BUCKETS_MS } from './latency';
import { between } from './rng';
import { diurnalShape, type Shape } from './shape';
import type { Timeline } from './timeline';
import { epochPairs, HOME_CLUSTER, type HttpEdge, type PodEpoch, type TcpEdge, type Topology } from './topology';
import { edgeClasses, type Side, type TrafficClass } from './traffic';

/** Mean of the diurnal factor: turns a peak rate into an average one for offsets. */
const MEAN_DIURNAL = 0.775;
const DAY = 86_400;

export interface ClassSeries {
  edge: HttpEdge;
  side: Side;
  cls: TrafficClass;
  src: PodEpoch;
  dst: PodEpoch;
  counter: Counter;
}

export interface LatencySeries {
  edge: HttpEdge;
  src: PodEpoch;
  dst: PodEpoch;
  buckets: Array<{ le: number; counter: Counter }>; // cumulative, last one is +Inf
  sum: Counter;
  count: Counter; // the +Inf bucket's counter itself
}

/** A (source pod, destination pod) pair of an edge with the classes it carries (its share of the edge). */
export interface PairClasses {
  src: PodEpoch;
  dst: PodEpoch;
  from: number;
  to: number;
  classes: TrafficClass[];
}

export interface HttpStreams {
  edge: HttpEdge;
  shape: Shape;
  pairs: PairClasses[];
  series: ClassSeries[];
  histograms: LatencySeries[];
}

export interface TcpSeries {
  edge: TcpEdge;
  shape: Shape;
  side: Side;
  src: PodEpoch;
  dst: PodEpoch;
  opened: Counter;
  closed: Counter;
  requestBytes: Counter;
  responseBytes: Counter;
}

export interface StreamContext {
  seed: number;
  timeline: Timeline;
}

/**
 * Series alive since the epoch start at about one day's worth of their own traffic (at least 100),
 * so that Prometheus' extrapolation at the start of a window is never clamped at zero; series born
 * later (new pods, new response codes) start at 0 like real ones.
 */
export function startOffset(ctx: StreamContext, key: string, start: number, ratePerSecond: number): number {
  if (start > ctx.timeline.epoch) return 0;
  return Math.floor(Math.max(100, ratePerSecond * DAY * between(ctx.seed, `${key}:offset`, 0.5, 1.5)));
}

/** A pod's part of a seeding key: its revision, and its cluster outside the home cluster (home keys predate clusters). */
function podKey(pod: PodEpoch): string {
  return pod.cluster === HOME_CLUSTER ? pod.revision : `${pod.revision}@${pod.cluster}`;
}

export function httpStreams(ctx: StreamContext, topology: Topology): HttpStreams[] {
  const { timeline } = ctx;
  return topology.httpEdges.map((edge) => {
    const shape = diurnalShape(ctx.seed, edge.key, timeline.anchor);
    const series: ClassSeries[] = [];
    const histograms: LatencySeries[] = [];
    const pairs: PairClasses[] = [];
    for (const pair of epochPairs(edge.source, edge.target)) {
      // Pairs in clusters the edge does not run between carry nothing and have no series.
      if (edge.clusterShare(pair.src, pair.dst) === 0) continue;
      const classes = edgeClasses(edge, ctx.seed, timeline, pair);
      pairs.push({ ...pair, classes });
      const keyOf = (side: Side, cls: TrafficClass) =>
        `${edge.key}:${podKey(pair.src)}:${podKey(pair.dst)}:${side}:${cls.code}:${cls.flags}`;
      const served = classes.filter((c) => c.sides.includes('server') && Math.max(pair.from, c.born) < pair.to);
      const histogram = classHistogram({
        start: pair.from,
        end: pair.to,
        peak: edge.peakRps,
        shape,
        les: LATENCY_BUCKETS_MS,
        breakpoints: timeline.breakpoints,
        classes: served.map((cls) => {
          const start = Math.max(pair.from, cls.born);
          const weight = cls.share.server;
          const offset = startOffset(ctx, keyOf('server', cls), start, edge.peakRps * MEAN_DIURNAL * weight(start));
          return { start, offset, weight, dist: cls.latency };
        }),
      });
      for (const cls of classes) {
        for (const side of cls.sides) {
          const start = Math.max(pair.from, cls.born);
          if (start >= pair.to) continue;
          const weightAt = cls.share[side];
          const servedIndex = side === 'server' ? served.indexOf(cls) : -1;
          const counter =
            servedIndex >= 0
              ? (histogram.perClass[servedIndex] as Counter)
              : compileCounter(
                  {
                    start,
                    end: pair.to,
                    offset: startOffset(ctx, keyOf(side, cls), start, edge.peakRps * MEAN_DIURNAL * weightAt(start)),
                    terms: [{ peak: edge.peakRps, shape, weightAt }],
                    rounding: 'floor',
                  },
                  timeline.breakpoints,
                );
          series.push({ edge, side, cls, src: pair.src, dst: pair.dst, counter });
        }
      }
      histograms.push({ edge, src: pair.src, dst: pair.dst, buckets: histogram.buckets, sum: histogram.sum, count: histogram.count });
    }
    return { edge, shape, pairs, series, histograms };
  });
}

export function tcpStreams(ctx: StreamContext, topology: Topology): TcpSeries[] {
  const out: TcpSeries[] = [];
  for (const edge of topology.tcpEdges) {
    const shape = diurnalShape(ctx.seed, edge.key, ctx.timeline.anchor);
    for (const pair of epochPairs(edge.source, edge.target)) {
      for (const side of ['client', 'server'] as const) {
        const key = `${edge.key}:${pair.src.revision}:${pair.dst.revision}:${side}`;
        const make = (peak: number, offset: number) =>
          compileCounter(
            { start: pair.from, end: pair.to, offset, terms: [{ peak, shape, weightAt: () => 1 }], rounding: 'floor' },
            ctx.timeline.breakpoints,
          );
        const opened = startOffset(ctx, `${key}:opened`, pair.from, edge.peakConnections * MEAN_DIURNAL);
        // closed = opened - (connections currently open), a constant pool
        const pool = Math.min(opened, Math.floor(between(ctx.seed, `${key}:pool`, 8, 30)));
        out.push({
          edge,
          shape,
          side,
          src: pair.src,
          dst: pair.dst,
          opened: make(edge.peakConnections, opened),
          closed: make(edge.peakConnections, opened - pool),
          requestBytes: make(edge.peakConnections * edge.requestBytes, startOffset(ctx, `${key}:request-bytes`, pair.from, edge.peakConnections * edge.requestBytes * MEAN_DIURNAL)),
          responseBytes: make(edge.peakConnections * edge.responseBytes, startOffset(ctx, `${key}:response-bytes`, pair.from, edge.peakConnections * edge.responseBytes * MEAN_DIURNAL)),
        });
      }
    }
  }
  return out;
}
