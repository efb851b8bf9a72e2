// Every simulated mesh series carries the labels the meshes' own references list, for both Istio
// reporters and both Linkerd directions, so queries written for the real meshes (Istio's Grafana
// dashboards, Linkerd's viz) work on the simulator's history.
import { describe, expect, it } from 'vitest';
import { TEST_ANCHOR, TEST_SEED } from './fixture';
import { createModel } from './model';

// https://istio.io/latest/docs/reference/config/metrics/ ("Labels"); grpc_response_status is empty
// for HTTP/1 traffic and Prometheus drops empty labels.
const ISTIO_PEER = [
  'reporter', 'source_workload', 'source_workload_namespace', 'source_principal', 'source_app', 'source_version',
  'source_canonical_service', 'source_canonical_revision', 'source_cluster',
  'destination_workload', 'destination_workload_namespace', 'destination_principal', 'destination_app', 'destination_version',
  'destination_service', 'destination_service_name', 'destination_service_namespace',
  'destination_canonical_service', 'destination_canonical_revision', 'destination_cluster',
  'request_protocol', 'connection_security_policy',
];
const ISTIO: Record<string, string[]> = {
  istio_requests_total: [...ISTIO_PEER, 'response_code', 'response_flags'],
  // The one documented departure: no response_code/response_flags on the histogram (tagOverrides).
  istio_request_duration_milliseconds_bucket: [...ISTIO_PEER, 'le'],
  istio_tcp_sent_bytes_total: [...ISTIO_PEER, 'response_flags'],
  istio_tcp_received_bytes_total: [...ISTIO_PEER, 'response_flags'],
  istio_tcp_connections_opened_total: [...ISTIO_PEER, 'response_flags'],
  istio_tcp_connections_closed_total: [...ISTIO_PEER, 'response_flags'],
};

// https://linkerd.io/2/reference/proxy-metrics/ ("Labels"), plus namespace/deployment/pod that
// Linkerd's Prometheus configuration adds from the scraped pod.
const LINKERD_COMMON = ['direction', 'authority', 'tls', 'namespace', 'deployment', 'pod'];
const LINKERD_OUTBOUND = ['dst_namespace', 'dst_deployment', 'dst_service', 'dst_pod', 'dst_serviceaccount', 'dst_pod_template_hash'];
const LINKERD: Record<string, string[]> = {
  request_total: LINKERD_COMMON,
  response_total: [...LINKERD_COMMON, 'classification', 'status_code'],
  response_latency_ms_bucket: [...LINKERD_COMMON, 'le'],
  tcp_open_total: [...LINKERD_COMMON, 'peer'],
  tcp_read_bytes_total: [...LINKERD_COMMON, 'peer'],
  tcp_write_bytes_total: [...LINKERD_COMMON, 'peer'],
};

function seriesOf(mesh: 'istio' | 'linkerd', name: string) {
  return createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR, mesh }).families.flatMap((f) => f.series).filter((s) => s.name === name);
}

describe.each(Object.entries(ISTIO))('Istio %s', (name, required) => {
  const series = seriesOf('istio', name);
  it.each(['destination', 'source'])('has every documented label, reporter=%s', (reporter) => {
    const mine = series.filter((s) => s.labels.reporter === reporter);
    expect(mine.length).toBeGreaterThan(0);
    for (const s of mine) for (const label of required) expect(s.labels[label], `${name} ${label}`).toBeTruthy();
  });
});

describe.each(Object.entries(LINKERD))('Linkerd %s', (name, required) => {
  const series = seriesOf('linkerd', name);
  it.each(['inbound', 'outbound'])('has every documented label, direction=%s', (direction) => {
    const mine = series.filter((s) => s.labels.direction === direction);
    expect(mine.length).toBeGreaterThan(0);
    const labels = direction === 'outbound' ? [...required, ...LINKERD_OUTBOUND] : required;
    for (const s of mine) for (const label of labels) expect(s.labels[label], `${name} ${label}`).toBeTruthy();
    // Identities: the peer's, when the connection is mutual TLS.
    for (const s of mine.filter((x) => x.labels.tls === 'true')) expect(s.labels[direction === 'outbound' ? 'server_id' : 'client_id']).toBeTruthy();
  });
});
