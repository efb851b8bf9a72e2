// Istio's rendering of the model: standard metrics with Istio's label names, both reporters.
import type { Counter } from './counter';
import { formatLe, mergeCounters, seriesOf, type Family, type Labels } from './series';
import type { HttpStreams, TcpSeries } from './streams';
import type { PodEpoch } from './topology';
import type { Side } from './traffic';

/** Istio's merged Prometheus port on every sidecar (prometheus.io/port annotation). */
const PROXY_METRICS_PORT = 15020;

export function istioPrincipal(epoch: PodEpoch): string {
  const w = epoch.workload;
  return `spiffe://cluster.local/ns/${w.namespace}/sa/${w.serviceAccount}`;
}

/**
 * Labels the Prometheus `kubernetes-pods` job attaches to a pod's metrics, and `cluster`, which
 * multi-cluster setups add to every series a cluster's Prometheus scrapes (external labels).
 */
export function podScrapeLabels(epoch: PodEpoch, port = PROXY_METRICS_PORT): Labels {
  return { namespace: epoch.workload.namespace, pod: epoch.pod, job: 'kubernetes-pods', instance: `${epoch.ip}:${port}`, cluster: epoch.cluster };
}

function peerLabels(side: Side, src: PodEpoch, dst: PodEpoch, mtls: boolean): Record<string, string> {
  const s = src.workload;
  const d = dst.workload;
  const gateway = s.kind === 'gateway';
  return {
    reporter: side === 'server' ? 'destination' : 'source',
    source_workload: s.name,
    source_workload_namespace: s.namespace,
    source_canonical_service: s.name,
    // Istio falls back to "latest" / "unknown" when a pod has no version label, as gateways do.
    source_canonical_revision: gateway ? 'latest' : src.revision,
    source_app: s.name,
    source_version: gateway ? 'unknown' : src.revision,
    source_principal: mtls ? istioPrincipal(src) : 'unknown',
    destination_workload: d.name,
    destination_workload_namespace: d.namespace,
    destination_service: `${d.name}.${d.namespace}.svc.cluster.local`,
    destination_service_name: d.name,
    destination_service_namespace: d.namespace,
    destination_canonical_service: d.name,
    destination_canonical_revision: dst.revision,
    destination_app: d.name,
    destination_version: dst.revision,
    destination_principal: mtls ? istioPrincipal(dst) : 'unknown',
    // The cluster each pod runs in (Istio's multi-cluster names, set at install time per cluster).
    source_cluster: src.cluster,
    destination_cluster: dst.cluster,
  };
}

function securityPolicy(side: Side, mtls: boolean): string {
  // Only the server side knows how the connection was secured; the client side reports "unknown".
  if (side === 'client') return 'unknown';
  return mtls ? 'mutual_tls' : 'none';
}

function reporterPod(side: Side, src: PodEpoch, dst: PodEpoch): PodEpoch {
  return side === 'server' ? dst : src;
}

/** The labels both metrics share: the peers, the protocol, how the connection was secured, the scraped pod. */
function requestLabels(side: Side, src: PodEpoch, dst: PodEpoch, mtls: boolean, protocol: 'http' | 'tcp'): Labels {
  return {
    ...peerLabels(side, src, dst, mtls),
    request_protocol: protocol,
    connection_security_policy: securityPolicy(side, mtls),
    ...podScrapeLabels(reporterPod(side, src, dst)),
  };
}

export function istioHttpFamilies(streams: readonly HttpStreams[]): Family[] {
  const requests: Array<{ name: string; labels: Labels; counter: Counter }> = [];
  const latency: Array<{ name: string; labels: Labels; counter: Counter }> = [];
  for (const s of streams) {
    const { mtls } = s.edge;
    for (const c of s.series) {
      requests.push({
        name: 'istio_requests_total',
        labels: { ...requestLabels(c.side, c.src, c.dst, mtls, 'http'), response_code: c.cls.code, response_flags: c.cls.flags },
        counter: c.counter,
      });
    }
    for (const h of s.histograms) {
      // Both reporters, with every standard label but response_code and response_flags (as a
      // Telemetry API tagOverrides would drop them): the histogram is the bulk of the backfill, one
      // series per bucket, and splitting it per code would multiply it. Istio's own dashboards'
      // latency panels (by destination_service, workload, reporter) work on it.
      for (const side of ['server', 'client'] as const) {
        const labels = requestLabels(side, h.src, h.dst, mtls, 'http');
        const name = 'istio_request_duration_milliseconds';
        for (const b of h.buckets) latency.push({ name: `${name}_bucket`, labels: { ...labels, le: formatLe(b.le) }, counter: b.counter });
        latency.push({ name: `${name}_sum`, labels, counter: h.sum }, { name: `${name}_count`, labels, counter: h.count });
      }
    }
  }
  return [
    { name: 'istio_requests_total', help: 'Counts total number of requests.', type: 'counter', series: mergeCounters(requests) },
    { name: 'istio_request_duration_milliseconds', help: 'Distribution of request durations (ms).', type: 'histogram', series: mergeCounters(latency) },
  ];
}

export function istioTcpFamilies(tcp: readonly TcpSeries[]): Family[] {
  const families = {
    istio_tcp_sent_bytes_total: 'Counts total bytes sent during response in case of a TCP connection.',
    istio_tcp_received_bytes_total: 'Counts total bytes received during request in case of a TCP connection.',
    istio_tcp_connections_opened_total: 'Counts total connections opened.',
    istio_tcp_connections_closed_total: 'Counts total connections closed.',
  } as const;
  const pick = (name: keyof typeof families, t: TcpSeries): Counter => {
    if (name === 'istio_tcp_sent_bytes_total') return t.responseBytes;
    if (name === 'istio_tcp_received_bytes_total') return t.requestBytes;
    return name === 'istio_tcp_connections_opened_total' ? t.opened : t.closed;
  };
  return (Object.keys(families) as Array<keyof typeof families>).map((name) => ({
    name,
    help: families[name],
    type: 'counter',
    series: tcp.map((t) =>
      seriesOf(
        name,
        { ...requestLabels(t.side, t.src, t.dst, true, 'tcp'), response_flags: '-' },
        pick(name, t),
      ),
    ),
  }));
}
