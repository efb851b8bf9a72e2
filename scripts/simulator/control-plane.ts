// Control-plane metrics: istiod (xDS, convergence, CA, build), Linkerd's identity and destination
// controllers, and both meshes' workload certificates.
import { compileCounter, type Counter, type Term } from './counter';
import { histogramCounters } from './histogram';
import { CONVERGENCE_BUCKETS_S, logNormal } from './latency';
import type { InfraContext } from './pods';
import { between, token } from './rng';
import { constantSeries, formatLe, seriesOf, type Family } from './series';
import { flatShape } from './shape';
import { startOffset } from './streams';
import { within } from './timeline';
import { HOME_CLUSTER, type Mesh, type PodEpoch, type Workload } from './topology';

/** Istio release the demo pretends to run. */
export const ISTIO_VERSION = '1.22.3';
/** istiod push rates (pushes/s across the mesh) by xDS type, and their surge factors. */
const PUSH_RATES = { cds: 0.01, eds: 0.12, lds: 0.01, rds: 0.02 } as const;
const ROLLOUT_SURGE = 5;
const OUTAGE_EDS_SURGE = 6;
/** xDS NACKs while the new catalog pods roll out (per second). */
const ROLLOUT_REJECTS = 0.01;

function istiodPod(ctx: InfraContext): PodEpoch {
  const workload: Workload = { id: 'istio-system/istiod', baseId: 'istio-system/istiod', namespace: 'istio-system', name: 'istiod', team: 'platform', kind: 'service', protocol: 'http', serviceAccount: 'istiod', clusters: [HOME_CLUSTER], epochs: [] };
  return {
    workload,
    cluster: HOME_CLUSTER,
    revision: 'v1',
    pod: `istiod-${token(ctx.seed, 'istiod:rs', 'abcdef0123456789', 9)}-${token(ctx.seed, 'istiod:pod', 'bcdfghjklmnpqrstvwxz2456789', 5)}`,
    ip: '10.12.0.7',
    from: ctx.timeline.epoch,
    to: Number.POSITIVE_INFINITY,
  };
}

export function istioControlPlaneFamilies(ctx: InfraContext): Family[] {
  const { timeline, topology } = ctx;
  const istiod = istiodPod(ctx);
  // One istiod in the home cluster (primary-remote: the eu-west proxies connect to it too).
  const labels = { app: 'istiod', namespace: 'istio-system', pod: istiod.pod, job: 'kubernetes-pods', instance: `${istiod.ip}:15014`, cluster: istiod.cluster };
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
  const h = histogramCounters({
    start,
    end,
    offset: startOffset(ctx, 'convergence', start, totalPushes(start)),
    peak: 1,
    shape: flat,
    components: [{ weight: totalPushes, dist: convergence }],
    les: CONVERGENCE_BUCKETS_S,
    breakpoints: timeline.breakpoints,
  });
  const name = 'pilot_proxy_convergence_time';
  const convergenceSeries = [
    ...h.buckets.map((b) => seriesOf(`${name}_bucket`, { ...labels, le: formatLe(b.le) }, b.counter)),
    seriesOf(`${name}_sum`, labels, h.sum),
    seriesOf(`${name}_count`, labels, h.count),
  ];

  const proxies = topology.workloads.flatMap((w) => w.epochs);
  const build = [
    constantSeries('istio_build', { component: 'pilot', tag: ISTIO_VERSION, ...labels }, start, end, () => 1),
    ...proxies.map((p) => constantSeries('istio_build', { component: 'proxy', tag: ISTIO_VERSION, app: p.workload.name, namespace: p.workload.namespace, pod: p.pod, job: 'kubernetes-pods', instance: `${p.ip}:15020`, cluster: p.cluster }, p.from, p.to, () => 1)),
  ];
  return [
    workloadCertFamily('istio', ctx),
    { name: 'pilot_xds', help: 'Number of endpoints connected to this pilot using XDS.', type: 'gauge', series: [constantSeries('pilot_xds', { ...labels, version: ISTIO_VERSION }, start, end, (t) => proxies.filter((p) => t >= p.from && t < p.to).length)] },
    { name: 'pilot_xds_pushes', help: 'Pilot build and send errors for lds, rds, cds and eds.', type: 'counter', series: pushes },
    { name: 'pilot_total_xds_rejects', help: 'Total number of XDS responses from pilot rejected by proxy.', type: 'counter', series: [seriesOf('pilot_total_xds_rejects', labels, rejects)] },
    { name, help: 'Delay in seconds between config change and a proxy receiving all required configuration.', type: 'histogram', series: convergenceSeries },
    { name: 'citadel_server_root_cert_expiry_timestamp', help: 'The unix timestamp, in seconds, when Citadel root cert will expire.', type: 'gauge', series: [constantSeries('citadel_server_root_cert_expiry_timestamp', labels, start, end, () => timeline.rootCertExpiry)] },
    { name: 'istio_build', help: 'Istio component build info', type: 'gauge', series: build },
  ];
}

/**
 * Linkerd's control plane: linkerd-identity's issuer certificate (seconds left; the story's expiring
 * CA certificate), linkerd-destination's endpoint subscribers (one per proxy watching each service
 * it calls), and every proxy's own identity certificate.
 */
export function linkerdControlPlaneFamilies(ctx: InfraContext): Family[] {
  const podName = (name: string) => `linkerd-${name}-${token(ctx.seed, `${name}:rs`, 'abcdef0123456789', 9)}-${token(ctx.seed, `${name}:pod`, 'bcdfghjklmnpqrstvwxz2456789', 5)}`;
  const { epoch, rootCertExpiry } = ctx.timeline;
  const identity = { namespace: 'linkerd', pod: podName('identity'), job: 'linkerd-controller', component: 'identity', instance: '10.12.0.8:9990', cluster: HOME_CLUSTER };
  const destination = { namespace: 'linkerd', pod: podName('destination'), job: 'linkerd-controller', component: 'destination', instance: '10.12.0.9:9996', cluster: HOME_CLUSTER };
  const live = (w: Workload, t: number) => w.epochs.filter((p) => t >= p.from && t < p.to).length;
  const callers = (target: Workload) => ctx.topology.httpEdges.filter((e) => e.target === target).map((e) => e.source);
  const served = ctx.topology.workloads.filter((w) => callers(w).length > 0);
  return [
    {
      name: 'issuer_cert_ttl_seconds',
      help: 'The remaining time-to-live of the issuer certificate, in seconds.',
      type: 'gauge',
      series: [constantSeries('issuer_cert_ttl_seconds', identity, epoch, Number.POSITIVE_INFINITY, (t) => rootCertExpiry - t)],
    },
    {
      name: 'endpoints_subscribers',
      help: 'A gauge for the current number of subscribers to a endpoints.',
      type: 'gauge',
      // The service's own labels are exported_* here: honor_labels keeps the target's namespace.
      series: served.map((w) =>
        constantSeries('endpoints_subscribers', { ...destination, exported_namespace: w.namespace, service: w.name, port: '8080' }, epoch, Number.POSITIVE_INFINITY, (t) =>
          callers(w).reduce((n, c) => n + live(c, t), 0),
        ),
      ),
    },
    workloadCertFamily('linkerd', ctx),
  ];
}

/** Workload certificates live a day (both meshes' default). */
const WORKLOAD_CERT_TTL = 86_400;
/** Renewal point as a share of the certificate's life: Istio's SECRET_GRACE_PERIOD_RATIO 0.5, Linkerd's proxy at 70 %. */
const RENEW_AT: Record<Mesh, number> = { istio: 0.5, linkerd: 0.7 };

/**
 * Each proxy's workload certificate, issued when its pod starts and renewed on schedule: Istio's
 * pilot-agent reports the seconds left (istio_agent_cert_expiry_seconds), Linkerd's proxy the expiry time.
 */
function workloadCertFamily(mesh: Mesh, ctx: InfraContext): Family {
  const period = WORKLOAD_CERT_TTL * RENEW_AT[mesh];
  // Pods already running when the story starts got their certificates at seeded moments before it;
  // a pod started later gets its first one at start.
  const phase = (p: PodEpoch) => (p.from <= ctx.timeline.epoch ? between(ctx.seed, `${p.pod}:cert`, 0, period) : 0);
  const issuedAt = (p: PodEpoch, t: number) => p.from - phase(p) + Math.floor(Math.max(0, t - p.from + phase(p)) / period) * period;
  const pods = ctx.topology.workloads.flatMap((w) => w.epochs);
  if (mesh === 'istio') {
    const name = 'istio_agent_cert_expiry_seconds';
    return {
      name,
      help: 'The time remaining, in seconds, before the certificate chain will expire. A negative value indicates the cert is expired.',
      type: 'gauge',
      series: pods.map((p) =>
        constantSeries(name, { app: p.workload.name, namespace: p.workload.namespace, pod: p.pod, job: 'kubernetes-pods', instance: `${p.ip}:15020`, resource_name: 'default', cluster: p.cluster }, p.from, p.to, (t) => issuedAt(p, t) + WORKLOAD_CERT_TTL - t),
      ),
    };
  }
  const name = 'identity_cert_expiration_timestamp_seconds';
  return {
    name,
    help: "Time when the this proxy's current mTLS identity certificate will expire (in seconds since the UNIX epoch).",
    type: 'gauge',
    series: pods.map((p) =>
      constantSeries(name, { namespace: p.workload.namespace, pod: p.pod, deployment: p.workload.name, job: 'linkerd-proxy', instance: `${p.ip}:4191`, cluster: p.cluster }, p.from, p.to, (t) => issuedAt(p, t) + WORKLOAD_CERT_TTL),
    ),
  };
}
