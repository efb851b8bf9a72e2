import { describe, expect, it } from 'vitest';
import { istioAdapter, linkerdAdapter } from '@/lib/mesh';
import { rolloutRuleGroup } from './rollout';

describe('MeshwatchRollout rule', () => {
  it('is an info alert without for:, whose annotations name the mute time', () => {
    const group = rolloutRuleGroup('vector(1)', '30m');
    expect(group.name).toBe('meshwatch-rollouts');
    expect(group.rules).toEqual([
      expect.objectContaining({ alert: 'MeshwatchRollout', expr: 'vector(1)', for: '0s', labels: { severity: 'info' } }),
    ]);
    expect(JSON.stringify(group)).toContain('in the last 30m');
  });

  it.each([
    ['istio', istioAdapter, 'destination_canonical_revision'],
    ['linkerd', linkerdAdapter, 'dst_pod_template_hash'],
  ] as const)('%s: a revision serving now that served nothing `since` ago, as namespace/service/revision', (_mesh, adapter, revisionLabel) => {
    const q = adapter.rolloutStarted({ since: '45m' });
    expect(q.labels).toEqual({ namespace: 'namespace', service: 'service', revision: 'revision' });
    expect(q.promql).toMatch(/^count by \(namespace, service, revision\) \(/);
    expect(q.promql).toContain(' unless count by (');
    expect(q.promql).toContain('[5m] offset 45m) > 0');
    expect(q.promql).toContain(`"revision", "$1", "${revisionLabel}", "(.*)"`);
  });

  it('refuses a mute time that is not a duration', () => {
    expect(() => istioAdapter.rolloutStarted({ since: '30m) or vector(1' })).toThrow();
  });
});
