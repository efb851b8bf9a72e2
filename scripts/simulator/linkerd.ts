// Linkerd's rendering of the same model: request_total, response_total, response_latency_ms, tcp_*,
// with the labels https://linkerd.io/2/reference/proxy-metrics/ lists for each direction (plus the
// namespace/deployment/pod that Linkerd's Prometheus scrape config adds from the pod).
import type { Counter } from './counter';
import { formatLe, mergeCounters, type Family, type Labels } from './series';
import type { HttpStreams, TcpSeries } from './streams';
import type { PodEpoch } from './topology';
import { isError, type Side } from './traffic';

/** Linkerd proxies serve metrics on their admin port. */
const ADMIN_PORT = 4191;
/** All shop services listen on 8080. */
const SERVICE_PORT = 8080;

type Draft = { name: string; labels: Labels; counter: Counter };

function identity(epoch: PodEpoch): string {
  const w = epoch.workload;
  return `${w.serviceAccount}.${w.namespace}.serviceaccount.identity.linkerd.cluster.local`;
}

/** The ReplicaSet hash in a Deployment's pod name (`name-<hash>-<suffix>`). */
function podTemplateHash(epoch: PodEpoch): string {
  return epoch.pod.split('-').at(-2) ?? '';
}

/**
 * Linkerd multicluster: the destination controller labels a mirrored service's endpoints with
 * target_cluster / target_service / target_service_namespace (linkerd2's endpoints watcher,
 * metricLabels), which the proxy exposes with its dst_ prefix on outbound series.
 */
function remoteLabels(dst: PodEpoch): Record<string, string> {
  const d = dst.workload;
  return { dst_target_cluster: dst.cluster, dst_target_service: d.name, dst_target_service_namespace: d.namespace };
}

function directionLabels(side: Side, src: PodEpoch, dst: PodEpoch, mtls: boolean): Record<string, string> {
  const d = dst.workload;
  const authority = `${d.name}.${d.namespace}.svc.cluster.local:${SERVICE_PORT}`;
  const tls = mtls ? 'true' : 'no_identity';
  if (side === 'server') {
    return {
      direction: 'inbound',
      namespace: d.namespace,
      deployment: d.name,
      pod: dst.pod,
      authority,
      tls,
      ...(mtls ? { client_id: identity(src) } : { no_tls_reason: 'no_authority_in_http_request' }),
      job: 'linkerd-proxy',
      instance: `${dst.ip}:${ADMIN_PORT}`,
      // The label each cluster's Prometheus adds to what it scrapes (federation / external labels).
      cluster: dst.cluster,
    };
  }
  const s = src.workload;
  return {
    direction: 'outbound',
    namespace: s.namespace,
    deployment: s.name,
    pod: src.pod,
    // The destination controller's metadata of the endpoint the request went to.
    dst_namespace: d.namespace,
    dst_deployment: d.name,
    dst_service: d.name,
    dst_serviceaccount: d.serviceAccount,
    dst_pod: dst.pod,
    dst_pod_template_hash: podTemplateHash(dst),
    authority,
    tls,
    ...(mtls ? { server_id: identity(dst) } : { no_tls_reason: 'not_provided_by_service_discovery' }),
    ...(dst.cluster === src.cluster ? {} : remoteLabels(dst)),
    job: 'linkerd-proxy',
    instance: `${src.ip}:${ADMIN_PORT}`,
    cluster: src.cluster,
  };
}

export function linkerdHttpFamilies(streams: readonly HttpStreams[]): Family[] {
  const requests: Draft[] = [];
  const responses: Draft[] = [];
  const latency: Draft[] = [];
  const sides = ['server', 'client'] as const;
  for (const s of streams) {
    // Linkerd's outbound metrics are per endpoint (they carry dst_pod): the caller's proxy counts
    // each attempt that reached a server, with that server's answer, so both directions count the
    // server side's series. Envoy's client-only outcomes (UH, URX, UO: no endpoint, retries given
    // up, circuit open) have no Linkerd counterpart with endpoint labels and are not rendered;
    // client-only failures to reach a chosen endpoint (a partition's UF) are, on the outbound side.
    const counted = s.series.filter((x) => x.side === 'server' || (x.side === 'client' && x.cls.endpoint === true));
    for (const c of counted) {
      for (const side of c.side === 'server' ? sides : (['client'] as const)) {
        const labels = directionLabels(side, c.src, c.dst, s.edge.mtls);
        requests.push({ name: 'request_total', labels, counter: c.counter });
        const classification = isError(c.cls.code) ? 'failure' : 'success';
        responses.push({ name: 'response_total', labels: { ...labels, classification, status_code: c.cls.code }, counter: c.counter });
      }
    }
    for (const h of s.histograms) {
      // Both directions (edges' latency is the caller's view); no status_code, to keep the backfill small.
      for (const side of sides) {
        const labels = directionLabels(side, h.src, h.dst, s.edge.mtls);
        const name = 'response_latency_ms';
        for (const b of h.buckets) latency.push({ name: `${name}_bucket`, labels: { ...labels, le: formatLe(b.le) }, counter: b.counter });
        latency.push({ name: `${name}_sum`, labels, counter: h.sum }, { name: `${name}_count`, labels, counter: h.count });
      }
    }
  }
  return [
    { name: 'request_total', help: 'Total count of HTTP requests.', type: 'counter', series: mergeCounters(requests) },
    { name: 'response_total', help: 'Total count of HTTP responses.', type: 'counter', series: mergeCounters(responses) },
    { name: 'response_latency_ms', help: 'Elapsed times between a request\'s headers being received and its response stream completing.', type: 'histogram', series: mergeCounters(latency) },
  ];
}

export function linkerdTcpFamilies(tcp: readonly TcpSeries[]): Family[] {
  const drafts: Record<string, Draft[]> = { tcp_open_total: [], tcp_close_total: [], tcp_read_bytes_total: [], tcp_write_bytes_total: [] };
  for (const t of tcp) {
    const labels = { ...directionLabels(t.side, t.src, t.dst, true), peer: t.side === 'server' ? 'src' : 'dst' };
    const inbound = t.side === 'server';
    drafts.tcp_open_total?.push({ name: 'tcp_open_total', labels, counter: t.opened });
    drafts.tcp_close_total?.push({ name: 'tcp_close_total', labels, counter: t.closed });
    // the server proxy reads requests and writes responses; the client proxy the other way round
    drafts.tcp_read_bytes_total?.push({ name: 'tcp_read_bytes_total', labels, counter: inbound ? t.requestBytes : t.responseBytes });
    drafts.tcp_write_bytes_total?.push({ name: 'tcp_write_bytes_total', labels, counter: inbound ? t.responseBytes : t.requestBytes });
  }
  const help: Record<string, string> = {
    tcp_open_total: 'Total count of opened connections.',
    tcp_close_total: 'Total count of closed connections.',
    tcp_read_bytes_total: 'Total count of bytes read from peers.',
    tcp_write_bytes_total: 'Total count of bytes written to peers.',
  };
  return Object.entries(drafts).map(([name, list]) => ({ name, help: help[name] ?? name, type: 'counter', series: mergeCounters(list) }));
}
