// Per-pod proxy resources (cAdvisor, kube-state-metrics) and control-plane metrics.
import { compileCounter, type Counter, type Term } from './counter';
import { CONVERGENCE_BUCKETS_S, cdf, logNormal, mean } from './latency';
import { between, token } from './rng';
import { constantSeries, formatLe, seriesOf, type Family, type Series } from './series';
import { flatShape, shapeRate } from './shape';
import { startOffset, type HttpStreams, type StreamContext, type TcpSeries } from './streams';
import { within } from './timeline';
import type { Mesh, PodEpoch, Topology } from './topology';

/** Istio release the demo pretends to run. */
export const ISTIO_VERSION = '1.22.3';
/** Sidecar CPU: a constant idle cost (cores) plus CPU-seconds per request handled (either side). */
const IDLE_CORES = 0.004;
const CPU_PER_REQUEST = 0.00035;
const CPU_PER_CONNECTION = 0.002;
/** Sidecar working set: a seeded base plus this many bytes per request/s handled. */
const BYTES_PER_RPS = 250_000;
/** istiod push rates (pushes/s across the mesh) by xDS type, and their surge factors. */
const PUSH_RATES = { cds: 0.01, eds: 0.12, lds: 0.01, rds: 0.02 } as const;
const ROLLOUT_SURGE = 5;
const OUTAGE_EDS_SURGE = 6;
/** xDS NACKs while the new catalog pods roll out (per second). */
const ROLLOUT_REJECTS = 0.01;
/** payments' app container restarts this many minutes into the outage (CrashLoopBackOff). */
const PAYMENTS_RESTART_MINUTES = [4, 13, 24, 37];

interface Context extends StreamContext {
  mesh: Mesh;
  topology: Topology;
  http: readonly HttpStreams[];
  tcp: readonly TcpSeries[];
}

function proxyContainer(mesh: Mesh): string {
  return mesh === 'istio' ? 'istio-proxy' : 'linkerd-proxy';
}

function nodeOf(ctx: Context, epoch: PodEpoch): string {
  const n = Math.floor(between(ctx.seed, `${epoch.pod}:node`, 0, 3));
  return `gke-shop-pool-${n + 1}-${token(ctx.seed, `node${n}`, 'abcdefghijklmnopqrstuvwxyz0123456789', 4)}`;
}

/** CPU terms of everything a pod's proxy handles. */
function trafficTerms(ctx: Context, epoch: PodEpoch): Term[] {
  const alive = (t: number) => t >= epoch.from && t < epoch.to;
  const terms: Term[] = [];
  for (const s of ctx.http) {
    for (const side of ['server', 'client'] as const) {
      const workload = side === 'server' ? s.edge.target : s.edge.source;
      if (workload !== epoch.workload) continue;
      const classes = s.classes.filter((c) => c.sides.includes(side));
      const weightAt = (t: number) => (alive(t) ? classes.reduce((sum, c) => sum + c.share[side](t), 0) : 0);
      terms.push({ peak: s.edge.peakRps * CPU_PER_REQUEST, shape: s.shape, weightAt });
    }
  }
  for (const t of ctx.tcp) {
    const pod = t.side === 'server' ? t.dst : t.src;
    if (pod !== epoch) continue;
    terms.push({ peak: t.edge.peakConnections * CPU_PER_CONNECTION, shape: t.opened.spec.terms[0]?.shape ?? flatShape(ctx.timeline.anchor), weightAt: () => 1 });
  }
  return terms;
}

export function podFamilies(ctx: Context): Family[] {
  const { timeline } = ctx;
  const container = proxyContainer(ctx.mesh);
  const cpu: Series[] = [];
  const memory: Series[] = [];
  const restarts: Series[] = [];
  for (const w of ctx.topology.workloads) {
    for (const epoch of w.epochs) {
      const cadvisor = { container, namespace: w.namespace, pod: epoch.pod, job: 'kubernetes-nodes-cadvisor', instance: nodeOf(ctx, epoch) };
      const traffic = trafficTerms(ctx, epoch);
      const terms = [{ peak: IDLE_CORES, shape: flatShape(timeline.anchor), weightAt: () => 1 }, ...traffic];
      const cpuRate = terms.reduce((sum, term) => sum + term.peak * term.weightAt(epoch.from), 0);
      const offset = Math.round(startOffset(ctx, `${epoch.pod}:cpu`, epoch.from, cpuRate * 1000)) / 1000;
      const counter = compileCounter({ start: epoch.from, end: epoch.to, offset, terms, rounding: 'milli' }, timeline.breakpoints);
      cpu.push(seriesOf('container_cpu_usage_seconds_total', cadvisor, counter));
      const base = between(ctx.seed, `${epoch.pod}:memory`, 45e6, 70e6);
      const rps = (t: number) => traffic.reduce((sum, term) => sum + (term.peak / CPU_PER_REQUEST) * shapeRate(term.shape, t) * term.weightAt(t), 0);
      memory.push(constantSeries('container_memory_working_set_bytes', cadvisor, epoch.from, epoch.to, (t) => Math.round(base + BYTES_PER_RPS * rps(t))));
      const ksm = { namespace: w.namespace, pod: epoch.pod, job: 'kube-state-metrics', instance: '10.12.0.9:8080' };
      restarts.push(constantSeries('kube_pod_container_status_restarts_total', { ...ksm, container }, epoch.from, epoch.to, () => 0));
      const minutes = w.id === 'payments/payments' ? PAYMENTS_RESTART_MINUTES : [];
      restarts.push(
        constantSeries('kube_pod_container_status_restarts_total', { ...ksm, container: w.name }, epoch.from, epoch.to, (t) =>
          minutes.filter((m) => timeline.outage.start + m * 60 <= t).length,
        ),
      );
    }
  }
  return [
    { name: 'container_cpu_usage_seconds_total', help: 'Cumulative cpu time consumed in seconds.', type: 'counter', series: cpu },
    { name: 'container_memory_working_set_bytes', help: 'Current working set in bytes.', type: 'gauge', series: memory },
    { name: 'kube_pod_container_status_restarts_total', help: 'The number of container restarts per container.', type: 'counter', series: restarts },
  ];
}

function istiodPod(ctx: Context): PodEpoch {
  const workload = { id: 'istio-system/istiod', namespace: 'istio-system', name: 'istiod', team: 'platform', kind: 'service', protocol: 'http', serviceAccount: 'istiod', epochs: [] } as const;
  return {
    workload: { ...workload, epochs: [] },
    revision: 'v1',
    pod: `istiod-${token(ctx.seed, 'istiod:rs', 'abcdef0123456789', 9)}-${token(ctx.seed, 'istiod:pod', 'bcdfghjklmnpqrstvwxz2456789', 5)}`,
    ip: '10.12.0.7',
    from: ctx.timeline.epoch,
    to: Number.POSITIVE_INFINITY,
  };
}

export function istioControlPlaneFamilies(ctx: Context): Family[] {
  const { timeline, topology } = ctx;
  const istiod = istiodPod(ctx);
  const labels = { app: 'istiod', namespace: 'istio-system', pod: istiod.pod, job: 'kubernetes-pods', instance: `${istiod.ip}:15014` };
  const start = timeline.epoch;
  const end = Number.POSITIVE_INFINITY;
  const flat = flatShape(timeline.anchor);
  const surge = (t: number) => (within(timeline.rollout, t) ? ROLLOUT_SURGE : 1);
  const pushWeight = (type: keyof typeof PUSH_RATES) => (t: number) => surge(t) * (type === 'eds' && within(timeline.outage, t) ? OUTAGE_EDS_SURGE : 1);
  const counter = (key: string, terms: Term[], offset?: number): Counter => {
    const rate = terms.reduce((sum, term) => sum + term.peak * term.weightAt(start), 0);
    return compileCounter({ start, end, offset: offset ?? startOffset(ctx, key, start, rate), terms, rounding: 'floor' }, timeline.breakpoints);
  };
  const types = Object.keys(PUSH_RATES) as Array<keyof typeof PUSH_RATES>;
  const pushTerms = types.map((type): Term => ({ peak: PUSH_RATES[type], shape: flat, weightAt: pushWeight(type) }));
  const pushes = types.map((type, i) => seriesOf('pilot_xds_pushes', { ...labels, type }, counter(`pushes:${type}`, [pushTerms[i] as Term])));
  const rejects = counter('rejects', [{ peak: ROLLOUT_REJECTS, shape: flat, weightAt: (t) => (within(timeline.rollout, t) ? 1 : 0) }], 2);

  // Convergence slows down while the mesh churns (rollout, payments endpoints flapping).
  const convergence = (t: number) => (within(timeline.rollout, t) || within(timeline.outage, t) ? logNormal(0.4, 1) : logNormal(0.08, 1));
  const totalPushes = (t: number) => pushTerms.reduce((sum, term) => sum + term.peak * term.weightAt(t), 0);
  const histogramTerm = (weight: (t: number) => number): Term[] => [{ peak: 1, shape: flat, weightAt: (t) => totalPushes(t) * weight(t) }];
  const count = counter('convergence', histogramTerm(() => 1));
  const name = 'pilot_proxy_convergence_time';
  const convergenceSeries = [
    ...CONVERGENCE_BUCKETS_S.map((le) => {
      const f = (t: number) => cdf(convergence(t), le);
      const offset = Math.floor(count.spec.offset * f(start));
      return seriesOf(`${name}_bucket`, { ...labels, le: formatLe(le) }, counter('', histogramTerm(f), offset));
    }),
    seriesOf(`${name}_bucket`, { ...labels, le: '+Inf' }, count),
    seriesOf(`${name}_sum`, labels, compileCounter({ start, end, offset: count.spec.offset * mean(convergence(start)), terms: histogramTerm((t) => mean(convergence(t))), rounding: 'milli' }, timeline.breakpoints)),
    seriesOf(`${name}_count`, labels, count),
  ];

  const proxies = topology.workloads.flatMap((w) => w.epochs);
  const build = [
    constantSeries('istio_build', { component: 'pilot', tag: ISTIO_VERSION, ...labels }, start, end, () => 1),
    ...proxies.map((p) => constantSeries('istio_build', { component: 'proxy', tag: ISTIO_VERSION, app: p.workload.name, namespace: p.workload.namespace, pod: p.pod, job: 'kubernetes-pods', instance: `${p.ip}:15020` }, p.from, p.to, () => 1)),
  ];
  return [
    { name: 'pilot_xds', help: 'Number of endpoints connected to this pilot using XDS.', type: 'gauge', series: [constantSeries('pilot_xds', { ...labels, version: ISTIO_VERSION }, start, end, (t) => proxies.filter((p) => t >= p.from && t < p.to).length)] },
    { name: 'pilot_xds_pushes', help: 'Pilot build and send errors for lds, rds, cds and eds.', type: 'counter', series: pushes },
    { name: 'pilot_total_xds_rejects', help: 'Total number of XDS responses from pilot rejected by proxy.', type: 'counter', series: [seriesOf('pilot_total_xds_rejects', labels, rejects)] },
    { name, help: 'Delay in seconds between config change and a proxy receiving all required configuration.', type: 'histogram', series: convergenceSeries },
    { name: 'citadel_server_root_cert_expiry_timestamp', help: 'The unix timestamp, in seconds, when Citadel root cert will expire.', type: 'gauge', series: [constantSeries('citadel_server_root_cert_expiry_timestamp', labels, start, end, () => timeline.rootCertExpiry)] },
    { name: 'istio_build', help: 'Istio component build info', type: 'gauge', series: build },
  ];
}

/** Envoy cluster stats, enabled (proxyStatsMatcher) on the recommendations proxy only. */
export function envoyRetryFamilies(ctx: Context, retry: { retry: (t: number) => number; retryOverflow: (t: number) => number; pendingOverflow: (t: number) => number }): Family[] {
  const stream = ctx.http.find((s) => s.edge.source.id === 'shop/recommendations' && s.edge.target.id === 'shop/catalog');
  if (!stream) return [];
  const pod = stream.edge.source.epochs[0];
  if (!pod) return [];
  const labels = { cluster_name: 'outbound|8080||catalog.shop.svc.cluster.local', namespace: pod.workload.namespace, pod: pod.pod, job: 'kubernetes-pods', instance: `${pod.ip}:15020` };
  const make = (name: string, help: string, weightAt: (t: number) => number, minimum: boolean): Family => {
    const offset = minimum ? startOffset(ctx, `${pod.pod}:${name}`, pod.from, stream.edge.peakRps * 0.775 * weightAt(pod.from)) : Math.floor(between(ctx.seed, `${pod.pod}:${name}`, 0, 5));
    const counter = compileCounter({ start: pod.from, end: pod.to, offset, terms: [{ peak: stream.edge.peakRps, shape: stream.shape, weightAt }], rounding: 'floor' }, ctx.timeline.breakpoints);
    return { name, help, type: 'counter', series: [seriesOf(name, labels, counter)] };
  };
  return [
    make('envoy_cluster_upstream_rq_retry', 'Total request retries.', retry.retry, true),
    make('envoy_cluster_upstream_rq_retry_overflow', 'Total requests not retried due to circuit breaking or exceeding the retry budget.', retry.retryOverflow, false),
    make('envoy_cluster_upstream_rq_pending_overflow', 'Total requests that overflowed connection pool or requests (mainly for HTTP/2 and above) circuit breaking and were failed.', retry.pendingOverflow, false),
  ];
}

/** Linkerd's identity issuer certificate expiry, on the linkerd-identity pod. */
export function linkerdControlPlaneFamilies(ctx: Context): Family[] {
  const pod = `linkerd-identity-${token(ctx.seed, 'identity:rs', 'abcdef0123456789', 9)}-${token(ctx.seed, 'identity:pod', 'bcdfghjklmnpqrstvwxz2456789', 5)}`;
  const labels = { namespace: 'linkerd', pod, job: 'linkerd-controller', instance: '10.12.0.8:9990' };
  return [
    {
      name: 'identity_cert_expiration_timestamp_seconds',
      help: 'Time when this proxy\'s current mTLS identity certificate will expire (in seconds since the UNIX epoch).',
      type: 'gauge',
      series: [constantSeries('identity_cert_expiration_timestamp_seconds', labels, ctx.timeline.epoch, Number.POSITIVE_INFINITY, () => ctx.timeline.rootCertExpiry)],
    },
  ];
}

export type InfraContext = Context;
