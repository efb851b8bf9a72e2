// What Linkerd's callers got, after retries. The caller's endpoint metrics (response_total,
// direction="outbound", one series per endpoint) count every attempt, so a retried request counts
// twice. Where a ServiceProfile gives the destination routes, the caller's proxy also counts per
// route: route_response_total once per request, after retries, and route_actual_response_total once
// per attempt (linkerd2 viz/metrics-api top_routes.go reads them as "effective" and "actual").
// Per caller and destination authority, this reads the route figure where one exists and the
// endpoint figure elsewhere. https://linkerd.io/2/reference/proxy-metrics/ ("route_*": labels dst, rt_route)
import { escapeRegex, matchers, type MatcherSpec } from '@/lib/promql';
import type { MeshQuery, TrafficQuestion } from './adapter';
import { checkWindow, ratio, sumBy } from './expr';
import { grouping } from './linkerd-traffic';

const ENDPOINT_RESPONSES = 'response_total';
const ROUTE_RESPONSES = 'route_response_total';
/** One caller (its namespace and deployment) calling one destination authority: where the two kinds meet. */
const CALL = ['namespace', 'deployment', 'authority'] as const;
const FAILURE = { classification: 'failure' } as const;

/**
 * Route series name the destination only by `dst`, its authority (`<service>.<namespace>.svc.<domain>:<port>`).
 * A scope on the destination becomes a pattern on it; the Service's name stands for the deployment,
 * as in Linkerd's own dashboards.
 */
function dstPattern(q: TrafficQuestion): MatcherSpec {
  if (q.namespace === undefined && q.service === undefined) return undefined;
  const part = (v: string | undefined) => (v === undefined ? '[^.]+' : escapeRegex(v));
  return ['=~', `${part(q.service)}[.]${part(q.namespace)}[.].*`];
}

/** Route figures per call, carrying the endpoint metrics' label names for the same things. */
function routeRates(q: TrafficQuestion, extra: Record<string, MatcherSpec>): string {
  const sel = matchers({ direction: 'outbound', namespace: q.sourceNamespace, deployment: q.sourceService, dst: dstPattern(q), ...extra });
  const perCall = sumBy(['namespace', 'deployment', 'dst'], `rate(${ROUTE_RESPONSES}${sel}[${checkWindow(q.window)}])`);
  const authority = `label_replace(${perCall}, "authority", "$1", "dst", "(.*)")`;
  const dstNamespace = `label_replace(${authority}, "dst_namespace", "$1", "dst", "[^.]+[.]([^.]+)[.].*")`;
  return `label_replace(${dstNamespace}, "dst_deployment", "$1", "dst", "([^.]+)[.].*")`;
}

function endpointRates(q: TrafficQuestion, names: readonly string[], extra: Record<string, MatcherSpec>): string {
  const sel = matchers({
    direction: 'outbound',
    namespace: q.sourceNamespace,
    deployment: q.sourceService,
    dst_namespace: q.namespace,
    dst_deployment: q.service,
    ...extra,
  });
  const by = [...new Set([...CALL, ...names])];
  return sumBy(by, `rate(${ENDPOINT_RESPONSES}${sel}[${checkWindow(q.window)}])`);
}

/** Responses per second as callers got them: route figures where a call has them, endpoint figures elsewhere. */
function afterRetries(q: TrafficQuestion, names: readonly string[], extra: Record<string, MatcherSpec>): string {
  const onCall = `on (${CALL.join(', ')})`;
  return sumBy(names, `(${endpointRates(q, names, extra)} unless ${onCall} ${routeRates(q, {})}) or ${routeRates(q, extra)}`);
}

/** Requests per second as callers got them (counted as responses: route metrics count no requests after retries). */
export function linkerdCallerRequestRate(q: TrafficQuestion): MeshQuery {
  const { names, labels } = grouping('outbound', q.by);
  return { promql: afterRetries(q, names, {}), labels };
}

/** The callers' error ratio, after Linkerd's retries where route metrics exist. */
export function linkerdCallerErrorRatio(q: TrafficQuestion): MeshQuery {
  const { names, labels } = grouping('outbound', q.by);
  return { promql: ratio(afterRetries(q, names, FAILURE), afterRetries(q, names, {})), labels };
}
