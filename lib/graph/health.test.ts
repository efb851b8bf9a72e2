import { describe, expect, it } from 'vitest';
import type { UnplacedNode } from './assemble';
import { edgeHealth, nodeHealth } from './health';
import type { MeasuredEdge } from './schema';

const W = { windowSeconds: 300 };
const node = (id: string, kind: UnplacedNode['kind'], rps: number, errorRatio: number | null): UnplacedNode => ({ id, service: id, namespace: 'ns', kind, rps, errorRatio, p95Ms: null });
const http = (source: string, target: string, rps: number, errorRatio: number | null): MeasuredEdge => ({ source, target, protocol: 'http', rps, errorRatio, p95Ms: null, mtlsRatio: 1, bytesPerSecond: null });
const tcp = (source: string, target: string, rps: number, bytes: number): MeasuredEdge => ({ source, target, protocol: 'tcp', rps, errorRatio: null, p95Ms: null, mtlsRatio: 1, bytesPerSecond: bytes });

describe('graph node and edge verdicts', () => {
  // The gateway sends 100 req/s: 90 at 0 % and 10 at 50 % failing is 5 % of its calls, never the 25 % mean.
  const edges = [http('gw', 'a', 90, 0), http('gw', 'b', 10, 0.5), tcp('a', 'db', 0.5, 2000), tcp('a', 'idle-db', 0, 0)];

  it.each([
    ['a service by its error ratio', node('a', 'service', 50, 0.03), 'warning', '3.0 % of requests fail (warning at 1 % or more)'],
    ['the gateway by its calls, summed', node('gw', 'gateway', 100, null), 'failing', '5.0 % of requests fail (failing at 5 % or more)'],
    ['an external caller without calls', node('x', 'external', 0, null), 'idle', 'no traffic in the window'],
    ['a TCP service with connections', node('db', 'tcp', 0, null), 'ok', 'TCP connections: no request outcomes to judge'],
    ['a TCP service without', node('idle-db', 'tcp', 0, null), 'idle', 'no traffic in the window'],
  ] as const)('judges %s', (_name, n, level, reason) => {
    expect(nodeHealth(n, W, edges)).toEqual({ level, reason });
  });

  it('judges a service node by its SLOs too, and an edge by its error ratio only', () => {
    const paging = {
      name: 'a-availability',
      sli: 0.99,
      errorBudget: { remaining: 0.2 },
      alerts: [{ severity: 'page' as const, longWindow: '1h', longBurnRate: 15, firing: true }],
      traffic: { lowTraffic: false },
      recommendation: { action: 'page' as const },
      state: 'page' as const,
    };
    expect(nodeHealth(node('a', 'service', 50, 0.002), { ...W, slos: new Map([['ns/a', [paging]]]) })).toEqual({ level: 'failing', reason: 'SLO a-availability pages: 1h burn 15.0x' });
    expect(edgeHealth(http('gw', 'b', 10, 0.5), W).level).toBe('failing');
    expect(edgeHealth(tcp('a', 'db', 0.5, 2000), W).level).toBe('ok');
  });
});
