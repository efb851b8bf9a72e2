import { describe, expect, it } from 'vitest';
import { istioAdapter, linkerdAdapter } from '@/lib/mesh';
import { MESH_ALERT_IDS, meshAlertSettingsUpdateSchema, resolveSettings } from './catalog';
import { meshAlertRules, meshHealthGroups, MESH_HEALTH_GROUP } from './rules';
import { RUNBOOKS } from './runbooks';

const istio = istioAdapter.healthSignals();
const linkerd = linkerdAdapter.healthSignals();

describe('mesh-health rules', () => {
  it('one rule per alert on Istio; on Linkerd none for rejected pushes, and the reason says so', () => {
    expect(meshAlertRules(istio, []).filter((r) => r.rule).map((r) => r.id)).toEqual([...MESH_ALERT_IDS]);
    const l = meshAlertRules(linkerd, []);
    expect(l.find((r) => r.id === 'config-rejected')).toMatchObject({ rule: null, unavailable: { unsupported: expect.stringMatching(/^Not available on Linkerd/) } });
    expect(l.filter((r) => r.rule)).toHaveLength(MESH_ALERT_IDS.length - 1);
  });

  it.each([
    ['ca-cert-ticket', 14, ' < 1209600'], // 14 x 86400 s
    ['ca-cert-page', 1, ' < 86400'],
    ['workload-cert-page', 1.5, ' < 5400'], // 1.5 h
    ['proxy-restarts', 3, ' >= 3'],
    ['config-rejected', 0, ' > 0'],
  ] as const)('%s at %s compares with the threshold in the signal\'s unit', (id, threshold, tail) => {
    const rule = meshAlertRules(istio, [{ id, enabled: true, threshold }]).find((r) => r.id === id)?.rule;
    expect(rule?.expr.endsWith(tail)).toBe(true);
  });

  it('connected proxies compare with 30 minutes earlier, at the share the threshold leaves', () => {
    const rule = meshAlertRules(istio, [{ id: 'proxies-disconnected', enabled: true, threshold: 25 }]).find((r) => r.id === 'proxies-disconnected')?.rule;
    expect(rule?.expr).toBe('sum(pilot_xds) < 0.75 * sum(pilot_xds offset 30m)');
    expect(rule?.for).toBe('5m');
  });

  it('the control-plane page waits its threshold in minutes', () => {
    expect(meshAlertRules(istio, [{ id: 'control-plane-down', enabled: true, threshold: 7 }])[0]?.rule?.for).toBe('7m');
  });

  it('turned-off alerts leave the group; every alert off leaves no group', () => {
    const off = MESH_ALERT_IDS.map((id) => ({ id, enabled: false, threshold: resolveSettings([]).find((s) => s.id === id)?.threshold ?? 1 }));
    expect(meshHealthGroups(istio, off)).toEqual([]);
    const groups = meshHealthGroups(istio, [{ id: 'proxy-restarts', enabled: false, threshold: 3 }]);
    expect(groups.map((g) => g.name)).toEqual([MESH_HEALTH_GROUP]);
    expect(groups[0]?.rules.map((r) => ('alert' in r ? r.labels.meshwatch_alert : ''))).not.toContain('proxy-restarts');
  });

  it('links each alert to its runbook section, absolute with a public URL', () => {
    const rules = meshAlertRules(istio, [], 'https://mw.example.com/');
    for (const r of rules) expect(r.rule?.annotations.runbook_url).toBe(`https://mw.example.com/runbooks/mesh-health#${r.id}`);
    expect(meshAlertRules(istio, [])[0]?.rule?.annotations.runbook_url).toBe('/runbooks/mesh-health#control-plane-down');
    expect(RUNBOOKS.map((r) => r.id).sort()).toEqual([...MESH_ALERT_IDS].sort());
  });

  it('every rule has a severity, a summary and a description', () => {
    for (const s of [istio, linkerd]) {
      for (const r of meshAlertRules(s, [])) {
        if (!r.rule) continue;
        expect(['page', 'ticket']).toContain(r.rule.labels.severity);
        expect(r.rule.annotations.summary).toMatch(/\w/);
        expect(r.rule.annotations.description).toMatch(/\w/);
      }
    }
  });

  it('validates updates against each alert\'s bounds', () => {
    expect(meshAlertSettingsUpdateSchema.safeParse({ alerts: [{ id: 'ca-cert-ticket', enabled: true, threshold: 14 }] }).success).toBe(true);
    expect(meshAlertSettingsUpdateSchema.safeParse({ alerts: [{ id: 'proxies-disconnected', enabled: true, threshold: 0 }] }).success).toBe(false);
    expect(meshAlertSettingsUpdateSchema.safeParse({ alerts: [] }).success).toBe(false);
  });
});
