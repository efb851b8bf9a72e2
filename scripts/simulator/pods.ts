// Per-pod proxy resources: cAdvisor CPU and memory of the sidecar, kube-state-metrics restarts.
import { compileCounter, type Term } from './counter';
import { between, token } from './rng';
import { constantSeries, seriesOf, type Family, type Series } from './series';
import { flatShape, shapeRate } from './shape';
import { startOffset, type HttpStreams, type StreamContext, type TcpSeries } from './streams';
import { HOME_CLUSTER, type Mesh, type PodEpoch, type Topology } from './topology';

/** Sidecar CPU: a constant idle cost (cores) plus CPU-seconds per request handled (either side). */
const IDLE_CORES = 0.004;
const CPU_PER_REQUEST = 0.00035;
const CPU_PER_CONNECTION = 0.002;
/** Sidecar working set: a seeded base plus this many bytes per request/s handled. */
const BYTES_PER_RPS = 250_000;
/** payments' app container restarts this many minutes into the outage (CrashLoopBackOff). */
export const PAYMENTS_RESTART_MINUTES = [4, 13, 24, 37];

export interface InfraContext extends StreamContext {
  mesh: Mesh;
  topology: Topology;
  http: readonly HttpStreams[];
  tcp: readonly TcpSeries[];
}

function proxyContainer(mesh: Mesh): string {
  return mesh === 'istio' ? 'istio-proxy' : 'linkerd-proxy';
}

function nodeOf(ctx: InfraContext, epoch: PodEpoch): string {
  const n = Math.floor(between(ctx.seed, `${epoch.pod}:node`, 0, 3));
  const home = epoch.cluster === HOME_CLUSTER;
  return `gke-${home ? 'shop' : 'shop-eu'}-pool-${n + 1}-${token(ctx.seed, home ? `node${n}` : `node${n}@${epoch.cluster}`, 'abcdefghijklmnopqrstuvwxyz0123456789', 4)}`;
}

/** CPU terms of everything a pod's proxy handles. */
function trafficTerms(ctx: InfraContext, epoch: PodEpoch): Term[] {
  const terms: Term[] = [];
  for (const s of ctx.http) {
    for (const side of ['server', 'client'] as const) {
      for (const pair of s.pairs) {
        if ((side === 'server' ? pair.dst : pair.src) !== epoch) continue;
        const classes = pair.classes.filter((c) => c.sides.includes(side));
        // A pair lives while both its pods do (old revisions' pairs end at the deployment).
        const alive = (t: number) => t >= pair.from && t < pair.to;
        const weightAt = (t: number) => (alive(t) ? classes.reduce((sum, c) => sum + c.share[side](t), 0) : 0);
        terms.push({ peak: s.edge.peakRps * CPU_PER_REQUEST, shape: s.shape, weightAt });
      }
    }
  }
  for (const t of ctx.tcp) {
    const pod = t.side === 'server' ? t.dst : t.src;
    if (pod !== epoch) continue;
    terms.push({ peak: t.edge.peakConnections * CPU_PER_CONNECTION, shape: t.shape, weightAt: () => 1 });
  }
  return terms;
}

export function podFamilies(ctx: InfraContext): Family[] {
  const { timeline } = ctx;
  const container = proxyContainer(ctx.mesh);
  const cpu: Series[] = [];
  const memory: Series[] = [];
  const restarts: Series[] = [];
  for (const w of ctx.topology.workloads) {
    for (const epoch of w.epochs) {
      // `cluster`: the label each cluster's Prometheus adds (external label / federation), as on every pod series.
      const cadvisor = { container, namespace: w.namespace, pod: epoch.pod, job: 'kubernetes-nodes-cadvisor', instance: nodeOf(ctx, epoch), cluster: epoch.cluster };
      const traffic = trafficTerms(ctx, epoch);
      const terms = [{ peak: IDLE_CORES, shape: flatShape(timeline.anchor), weightAt: () => 1 }, ...traffic];
      const cpuRate = terms.reduce((sum, term) => sum + term.peak * term.weightAt(epoch.from), 0);
      const offset = Math.round(startOffset(ctx, `${epoch.pod}:cpu`, epoch.from, cpuRate * 1000)) / 1000;
      const counter = compileCounter({ start: epoch.from, end: epoch.to, offset, terms, rounding: 'milli' }, timeline.breakpoints);
      cpu.push(seriesOf('container_cpu_usage_seconds_total', cadvisor, counter));
      const base = between(ctx.seed, `${epoch.pod}:memory`, 45e6, 70e6);
      // CPU terms are rates scaled by a per-event cost; memory follows the same load.
      const load = (t: number) => traffic.reduce((sum, term) => sum + (term.peak / CPU_PER_REQUEST) * shapeRate(term.shape, t) * term.weightAt(t), 0);
      memory.push(constantSeries('container_memory_working_set_bytes', cadvisor, epoch.from, epoch.to, (t) => Math.round(base + BYTES_PER_RPS * load(t))));
      const ksm = { namespace: w.namespace, pod: epoch.pod, job: 'kube-state-metrics', instance: epoch.cluster === HOME_CLUSTER ? '10.12.0.9:8080' : '10.44.0.9:8080', cluster: epoch.cluster };
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
