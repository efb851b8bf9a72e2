// The dashboards' panels: ids, titles and layout. Pure and browser-safe; the server implements each
// id in lib/dashboards/panels (queries + transform), the client lays them out in this order.
export type DashboardId = 'executive' | 'oncall' | 'debug';
export type PanelWidth = 'third' | 'half' | 'full';

export interface PanelSpec {
  id: string;
  title: string;
  description: string;
  width: PanelWidth;
}

export const DASHBOARDS: Record<DashboardId, { title: string; path: string; panels: PanelSpec[] }> = {
  executive: {
    title: 'Executive overview',
    path: '/',
    panels: [
      { id: 'attention', title: 'Needs attention', description: 'Worst first: SLOs that page, have spent their error budget or ticket at the end of the range, and services failing or warning over the range, each linked to its page.', width: 'full' },
      { id: 'user-success', title: 'Success users experienced', description: 'Share of requests that succeeded as the callers (the ingress gateway and meshed callers) got them, after retries, over the range; the detail gives the server-side figure, which counts every retry attempt. Never OK while an SLO pages.', width: 'third' },
      { id: 'mtls-coverage', title: 'mTLS coverage', description: 'Share of requests over the range that used mutual TLS.', width: 'third' },
      { id: 'cert-expiry', title: 'Nearest certificate expiry', description: 'Days until the mesh CA root (or identity) certificate that expires first.', width: 'third' },
      { id: 'incidents', title: 'Incidents', description: 'Alerts that fired during the range (Prometheus ALERTS), as episodes per affected service with start, end and duration.', width: 'half' },
      { id: 'latency-by-group', title: 'Latency by namespace', description: 'p95 and p99 request latency per namespace over the range.', width: 'half' },
      { id: 'budget-by-team', title: 'Error budget by team', description: 'Per team, its SLOs: budget remaining (worst first), how many page, ticket or are fine, and the fastest 1h burn. Teams without an SLO: 30-day availability of their namespaces against 99.9%.', width: 'full' },
      { id: 'budget-by-region', title: 'Budget burn by region', description: 'Per region (MESHWATCH_REGIONS), the SLOs evaluated per region over the requests its clusters served: budget remaining of the worst SLO there, how many page, ticket or are fine, and the fastest 1h burn. Only SLOs with "Evaluate per region" count; shown when regions are configured.', width: 'full' },
      { id: 'services', title: 'Services', description: 'Request rate, success rate and p95 per service, worst first (health, then success).', width: 'full' },
    ],
  },
  oncall: {
    title: 'On-call',
    path: '/oncall',
    panels: [
      { id: 'checklist', title: 'Incident checklist', description: 'Runs the mesh incident checklist against the data: control plane and its leader, certificates, restarts, recent deployments and config pushes, traces; each ok, look here or unknown.', width: 'full' },
      { id: 'top-failing', title: 'Top failing services', description: 'Services by error ratio and errors per second, with the trend over the range.', width: 'full' },
      { id: 'slo-alerts', title: 'SLO burn-rate alerts', description: 'Burn-rate alerts of the SLOs, pending or firing in Prometheus at the end of the range, with their severity and since when.', width: 'full' },
      { id: 'error-ratio', title: 'Error ratio and deployments', description: 'Error ratio of the worst services, with revision changes marked.', width: 'full' },
      { id: 'latency', title: 'Latency and deployments', description: 'p95 and p99 of the slowest services over time, with revision changes marked.', width: 'full' },
      { id: 'response-flags', title: 'Response flags', description: 'Envoy response flags over time: UO circuit breaker, URX retries exhausted, UH no healthy upstream, UF connect failure, UT timeout, NR no route, DC downstream disconnect, RL rate limited.', width: 'half' },
      { id: 'retries', title: 'Retries and circuit breaking', description: 'Envoy retry, retry-overflow and pending-overflow events per second.', width: 'half' },
      { id: 'control-plane', title: 'Control plane', description: 'istiod up, connected proxies, xDS pushes and rejects, convergence p99.', width: 'half' },
      { id: 'proxy-resources', title: 'Proxy resources', description: 'Top sidecar proxies by CPU and memory, with restarts.', width: 'half' },
      { id: 'deployments', title: 'Recent deployments', description: 'Revision changes seen in the telemetry during the range.', width: 'full' },
    ],
  },
  debug: {
    title: 'Debug',
    path: '/debug',
    panels: [
      { id: 'checklist', title: 'Incident checklist', description: 'Runs the mesh incident checklist against the data: control plane and its leader, certificates, restarts, recent deployments and config pushes, traces; each ok, look here or unknown. For this service.', width: 'full' },
      { id: 'latency-over-time', title: 'Latency over time', description: 'p50, p95 and p99 of this service over time, with deployments and pod restarts marked.', width: 'full' },
      { id: 'route-latency', title: 'Latency by caller', description: 'p50, p95 and p99 per calling workload.', width: 'half' },
      { id: 'latency-heatmap', title: 'Latency heatmap', description: 'Requests per second per latency bucket, from the histogram buckets present in the data.', width: 'half' },
      { id: 'status-codes', title: 'Status codes', description: 'Responses per second by status code.', width: 'half' },
      { id: 'service-flags', title: 'Response flags', description: 'Responses per second by Envoy response flag for this service.', width: 'half' },
      { id: 'inbound', title: 'Inbound edges', description: 'Callers of this service with their golden signals.', width: 'half' },
      { id: 'outbound', title: 'Outbound edges', description: 'Services this one calls, with their golden signals.', width: 'half' },
      { id: 'tcp-connections', title: 'TCP connections per pod', description: 'Connections opened per second and currently open, per pod.', width: 'half' },
      { id: 'telemetry-health', title: 'Telemetry health', description: 'Scrape up, scrape duration, samples scraped and rule evaluation lag.', width: 'half' },
      { id: 'traces', title: 'Traces for failed requests', description: 'Links into the trace UI for this service, time window and errors, and exemplars when Prometheus has them.', width: 'full' },
    ],
  },
};

export function panelSpec(dashboard: DashboardId, panel: string): PanelSpec | undefined {
  return DASHBOARDS[dashboard].panels.find((p) => p.id === panel);
}
