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

// Two clusters (REGIONS_CONTRACT.md): Istio names each peer's cluster; both meshes' pod-scraped
// series carry `cluster`; Linkerd's outbound series to another cluster carry dst_target_cluster.
describe.each(['istio', 'linkerd'] as const)('clusters on %s', (mesh) => {
  const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR, mesh });
  const clusterOfPod = new Map(model.services.flatMap((s) => s.pods.map((p) => [p.pod, p.cluster] as const)));
  const all = model.families.flatMap((f) => f.series);

  it('labels every series scraped from a pod with that pod\'s cluster', () => {
    const podSeries = all.filter((s) => s.labels.pod !== undefined && clusterOfPod.has(s.labels.pod));
    expect(podSeries.length).toBeGreaterThan(0);
    for (const s of podSeries) expect(s.labels.cluster, `${s.name} ${s.labels.pod}`).toBe(clusterOfPod.get(s.labels.pod ?? ''));
    const eu = new Set(podSeries.filter((s) => s.labels.cluster === 'prod-eu-west').map((s) => s.name));
    // container and proxy metrics of the eu-west reviews pods
    expect([...eu]).toEqual(expect.arrayContaining(['container_cpu_usage_seconds_total', 'container_memory_working_set_bytes', 'kube_pod_container_status_restarts_total']));
    expect(all.some((s) => Object.values(s.labels).includes('Kubernetes'))).toBe(false);
  });

  it('has one reviews pod per cluster', () => {
    const reviews = model.services.find((s) => s.id === 'shop/reviews');
    expect(reviews?.clusters).toEqual(['prod-us-east', 'prod-eu-west']);
    expect(reviews?.pods.map((p) => p.cluster).sort()).toEqual(['prod-eu-west', 'prod-us-east']);
    expect(new Set(reviews?.pods.map((p) => p.pod)).size).toBe(2);
  });

  if (mesh === 'istio') {
    it('names the source and destination pods\' clusters', () => {
      const requests = all.filter((s) => s.name === 'istio_requests_total');
      for (const s of requests) {
        const reporterCluster = s.labels.reporter === 'destination' ? s.labels.destination_cluster : s.labels.source_cluster;
        expect(reporterCluster).toBe(s.labels.cluster);
      }
      const pairs = new Set(requests.map((s) => `${s.labels.source_workload}@${s.labels.source_cluster}->${s.labels.destination_workload}@${s.labels.destination_cluster}`));
      expect([...pairs].filter((p) => p.includes('prod-eu-west')).sort()).toEqual([
        'frontend@prod-us-east->reviews@prod-eu-west',
        'reviews@prod-eu-west->inventory@prod-us-east',
      ]);
    });
  } else {
    it('adds dst_target_cluster (and the target service) to outbound series whose endpoint is in another cluster, only to those', () => {
      const outbound = all.filter((s) => s.labels.direction === 'outbound' && s.labels.dst_pod !== undefined);
      const cross = outbound.filter((s) => clusterOfPod.get(s.labels.dst_pod ?? '') !== s.labels.cluster);
      expect(cross.length).toBeGreaterThan(0);
      for (const s of cross) {
        expect(s.labels.dst_target_cluster).toBe(clusterOfPod.get(s.labels.dst_pod ?? ''));
        expect(s.labels.dst_target_service).toBe(s.labels.dst_deployment);
        expect(s.labels.dst_target_service_namespace).toBe(s.labels.dst_namespace);
      }
      for (const s of outbound.filter((x) => !cross.includes(x))) expect(s.labels.dst_target_cluster).toBeUndefined();
      expect(new Set(cross.map((s) => `${s.labels.deployment}->${s.labels.dst_deployment}@${s.labels.dst_target_cluster}`))).toEqual(
        new Set(['frontend->reviews@prod-eu-west', 'reviews->inventory@prod-us-east']),
      );
    });
  }
});

// The scripted partition as each mesh's own series show it, against the model's truth.
describe.each(['istio', 'linkerd'] as const)('the regional partition on %s', (mesh) => {
  const model = createModel({ seed: TEST_SEED, anchor: TEST_ANCHOR, mesh });
  const partition = model.timeline.find((e) => e.id === 'region-partition');
  if (!partition?.end) throw new Error('no partition');
  const { start, end } = partition;
  const truth = model.truth(start, end);
  const counters = model.families.filter((f) => f.name === (mesh === 'istio' ? 'istio_requests_total' : 'response_total')).flatMap((f) => f.series);
  const increase = (pick: (l: Record<string, string>) => boolean) =>
    counters.filter((s) => pick(s.labels)).reduce((sum, s) => sum + s.value(Math.min(end, s.end)) - s.value(Math.max(start, s.start)), 0);
  const cut = truth.edges.find((e) => e.source === 'shop/reviews' && e.target === 'platform/inventory')?.byCluster.find((b) => b.sourceCluster === 'prod-eu-west');
  const euReviews = truth.services.find((s) => s.id === 'shop/reviews')?.byCluster.find((c) => c.cluster === 'prod-eu-west');
  const failed = (l: Record<string, string>) => (mesh === 'istio' ? /^5/.test(l.response_code ?? '') : l.classification === 'failure');

  it('inventory\'s server side sees no call from eu-west', () => {
    const served = mesh === 'istio'
      ? increase((l) => l.reporter === 'destination' && l.destination_workload === 'inventory' && l.source_cluster === 'prod-eu-west')
      // Linkerd's inbound series do not name the caller's cluster: the eu-west pods' outbound successes must be zero
      : increase((l) => l.direction === 'outbound' && l.cluster === 'prod-eu-west' && l.dst_deployment === 'inventory' && l.classification === 'success');
    expect(served).toBe(0);
    // and what inventory's own proxy counts is exactly the truth, which leaves eu-west out
    const inbound = mesh === 'istio'
      ? increase((l) => l.reporter === 'destination' && l.destination_workload === 'inventory')
      : increase((l) => l.direction === 'inbound' && l.deployment === 'inventory');
    expect(inbound).toBeCloseTo(truth.services.find((s) => s.id === 'platform/inventory')?.requests ?? -1, 6);
  });

  it('the eu-west reviews proxies count every call to inventory as a 503 failure', () => {
    const pick = mesh === 'istio'
      ? (l: Record<string, string>) => l.reporter === 'source' && l.source_workload === 'reviews' && l.source_cluster === 'prod-eu-west' && l.destination_workload === 'inventory'
      : (l: Record<string, string>) => l.direction === 'outbound' && l.deployment === 'reviews' && l.cluster === 'prod-eu-west' && l.dst_deployment === 'inventory';
    const failures = increase((l) => pick(l) && failed(l) && (mesh === 'linkerd' || l.response_flags === 'UF'));
    expect(failures).toBeCloseTo(cut?.sourceRequests ?? -1, 6);
    expect(failures).toBeGreaterThan(0);
    expect(increase(pick)).toBeCloseTo(failures, 6);
  });

  it('every edge\'s caller-side counters equal the truth (Istio: all it sent; Linkerd: what went to an endpoint)', () => {
    for (const e of truth.edges) {
      const [sns, sname] = e.source.split('/');
      const [tns, tname] = e.target.split('/');
      const callerSide = mesh === 'istio'
        ? increase((l) => l.reporter === 'source' && l.source_workload_namespace === sns && l.source_workload === sname && l.destination_workload_namespace === tns && l.destination_workload === tname)
        : increase((l) => l.direction === 'outbound' && l.namespace === sns && l.deployment === sname && l.dst_namespace === tns && l.dst_deployment === tname);
      expect(callerSide, `${e.source} -> ${e.target}`).toBeCloseTo(mesh === 'istio' ? e.sourceRequests : e.endpointRequests, 6);
    }
  });

  it('eu-west reviews answer 503 to 80% of their requests (server side, their cluster)', () => {
    const pick = mesh === 'istio'
      ? (l: Record<string, string>) => l.reporter === 'destination' && l.destination_workload === 'reviews' && l.destination_cluster === 'prod-eu-west'
      : (l: Record<string, string>) => l.direction === 'inbound' && l.deployment === 'reviews' && l.cluster === 'prod-eu-west';
    expect(increase(pick)).toBeCloseTo(euReviews?.requests ?? -1, 6);
    expect(increase((l) => pick(l) && failed(l))).toBeCloseTo(euReviews?.errors ?? -1, 6);
    expect(increase((l) => pick(l) && failed(l)) / increase(pick)).toBeCloseTo(0.8, 2);
  });
});
