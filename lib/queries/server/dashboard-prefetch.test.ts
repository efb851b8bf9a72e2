import { describe, expect, it } from 'vitest';
import { dashboardRangeAt } from '../dashboard-range';
import { dashboardPrefetches } from './dashboard-prefetch';

// A pinned hour, as a page at `?time=` resolves it: the server must prefetch every panel the browser
// will ask for (a schema that refused the page's params once left on-call and debug with none).
const range = dashboardRangeAt({ range: '1h', time: 1_790_852_400 }, 1_796_000_000);
const params = { start: range.start, end: range.end, step: range.step };
const panelIds = (prefetches: ReturnType<typeof dashboardPrefetches>) => prefetches.map((p) => p.queryKey[3]);

describe('dashboardPrefetches', () => {
  it('prefetches every on-call panel under the key its hook reads', () => {
    const prefetches = dashboardPrefetches('oncall', { ...params, cluster: 'east' });
    expect(panelIds(prefetches)).toEqual(['checklist', 'top-failing', 'slo-alerts', 'error-ratio', 'latency', 'response-flags', 'retries', 'control-plane', 'proxy-resources', 'deployments']);
    expect(prefetches[0]?.queryKey).toEqual(['meshwatch', 'panels', 'oncall', 'checklist', { ...params, namespace: null, service: null, cluster: 'east' }]);
  });

  it('prefetches the executive panels but services, which has its own API', () => {
    expect(panelIds(dashboardPrefetches('executive', params))).toEqual(['attention', 'user-success', 'mtls-coverage', 'cert-expiry', 'incidents', 'latency-by-group', 'budget-by-team', 'budget-by-region']);
  });

  it('prefetches the debug panels only once a service is picked', () => {
    expect(dashboardPrefetches('debug', params)).toEqual([]);
    expect(dashboardPrefetches('debug', { ...params, namespace: 'payments', service: 'payments' })).toHaveLength(11);
  });

  it('leaves a range the route refuses to the browser', () => {
    expect(dashboardPrefetches('oncall', { ...params, start: params.end + 60 })).toEqual([]);
  });
});
