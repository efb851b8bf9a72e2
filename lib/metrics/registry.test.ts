import { describe, expect, it } from 'vitest';
import { countHttpRequest, getRegistry, observePrometheusRequest } from './index';
import { getMetrics } from './registry';

describe('metrics registry', () => {
  it('is one registry per process, kept on globalThis across module copies', () => {
    expect(getRegistry()).toBe(getRegistry());
    expect((globalThis as { __meshwatchMetrics?: unknown }).__meshwatchMetrics).toBe(getMetrics());
  });

  it('registers default process metrics once', async () => {
    const text = await getRegistry().metrics();
    expect(text.match(/^# TYPE process_cpu_user_seconds_total /gm)).toHaveLength(1);
  });

  it('records Prometheus calls and HTTP requests with their labels', async () => {
    observePrometheusRequest('/api/v1/query', 'timeout', 15.2);
    countHttpRequest('/api/graph', 502);
    const text = await getRegistry().metrics();
    expect(text).toContain('meshwatch_prometheus_request_duration_seconds_bucket{le="30",endpoint="/api/v1/query",outcome="timeout"} 1');
    expect(text).toContain('meshwatch_prometheus_request_duration_seconds_bucket{le="15",endpoint="/api/v1/query",outcome="timeout"} 0');
    expect(text).toContain('meshwatch_http_requests_total{route="/api/graph",status="502"} 1');
  });
});
