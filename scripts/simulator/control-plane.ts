// Control-plane metrics: istiod (xDS, convergence, CA, build) and Linkerd's identity expiry.
import { compileCounter, type Counter, type Term } from './counter';
import { histogramCounters } from './histogram';
import { CONVERGENCE_BUCKETS_S, logNormal } from './latency';
import type { InfraContext } from './pods';
import { token } from './rng';
import { constantSeries, formatLe, seriesOf, type Family } from './series';
import { flatShape } from './shape';
import { startOffset } from './streams';
import { within } from './timeline';
import { HOME_CLUSTER, type PodEpoch, type Workload } from './topology';

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
    { name: 'pilot_xds', help: 'Number of endpoints connected to this pilot using XDS.', type: 'gauge', series: [constantSeries('pilot_xds', { ...labels, version: ISTIO_VERSION }, start, end, (t) => proxies.filter((p) => t >= p.from && t < p.to).length)] },
    { name: 'pilot_xds_pushes', help: 'Pilot build and send errors for lds, rds, cds and eds.', type: 'counter', series: pushes },
    { name: 'pilot_total_xds_rejects', help: 'Total number of XDS responses from pilot rejected by proxy.', type: 'counter', series: [seriesOf('pilot_total_xds_rejects', labels, rejects)] },
    { name, help: 'Delay in seconds between config change and a proxy receiving all required configuration.', type: 'histogram', series: convergenceSeries },
    { name: 'citadel_server_root_cert_expiry_timestamp', help: 'The unix timestamp, in seconds, when Citadel root cert will expire.', type: 'gauge', series: [constantSeries('citadel_server_root_cert_expiry_timestamp', labels, start, end, () => timeline.rootCertExpiry)] },
    { name: 'istio_build', help: 'Istio component build info', type: 'gauge', series: build },
  ];
}

/** Linkerd's identity issuer certificate expiry, on the linkerd-identity pod. */
export function linkerdControlPlaneFamilies(ctx: InfraContext): Family[] {
  const pod = `linkerd-identity-${token(ctx.seed, 'identity:rs', 'abcdef0123456789', 9)}-${token(ctx.seed, 'identity:pod', 'bcdfghjklmnpqrstvwxz2456789', 5)}`;
  const labels = { namespace: 'linkerd', pod, job: 'linkerd-controller', instance: '10.12.0.8:9990', cluster: HOME_CLUSTER };
  return [
    {
      name: 'identity_cert_expiration_timestamp_seconds',
      help: 'Time when this proxy\'s current mTLS identity certificate will expire (in seconds since the UNIX epoch).',
      type: 'gauge',
      series: [constantSeries('identity_cert_expiration_timestamp_seconds', labels, ctx.timeline.epoch, Number.POSITIVE_INFINITY, () => ctx.timeline.rootCertExpiry)],
    },
  ];
}
