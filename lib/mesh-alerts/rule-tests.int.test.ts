// The generated mesh-health `promtool test rules` files, run by the real promtool against the generated
// rules of each mesh: they pass with the default thresholds and with changed ones, and fail once an
// expectation is wrong (so they can fail at all).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { istioAdapter, linkerdAdapter } from '@/lib/mesh';
import { findBinary } from '@/scripts/system/deps';
import { testRules } from '@/scripts/system/prometheus';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import type { MeshAlertSetting } from './catalog';
import { MESH_RULES_FILE, meshRuleTests, meshRuleTestsYaml, meshRulesYaml } from './rule-tests';

const promtool = findBinary('promtool', 'PROMTOOL_BIN');
const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-mesh-rule-tests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ADAPTERS = { istio: istioAdapter, linkerd: linkerdAdapter } as const;
const PUBLIC_URL = 'https://meshwatch.example.com';

async function promtoolTest(rules: string, tests: string, name: string): Promise<{ code: number; output: string }> {
  const sub = mkdtempSync(path.join(dir, `${name}-`));
  writeFileSync(path.join(sub, MESH_RULES_FILE), rules);
  writeFileSync(path.join(sub, 'tests.yml'), tests);
  return testRules('tests.yml', sub);
}

const CHANGED: MeshAlertSetting[] = [
  { id: 'control-plane-down', enabled: true, threshold: 2 },
  { id: 'config-rejected', enabled: true, threshold: 5 },
  { id: 'proxies-disconnected', enabled: true, threshold: 60 },
  { id: 'ca-cert-ticket', enabled: true, threshold: 14 },
  { id: 'ca-cert-page', enabled: true, threshold: 2 },
  { id: 'workload-cert-ticket', enabled: true, threshold: 12 },
  { id: 'workload-cert-page', enabled: false, threshold: 1 },
  { id: 'proxy-oom-killed', enabled: true, threshold: 2 },
  { id: 'proxy-restarts', enabled: true, threshold: 5 },
];

describe.skipIf(promtool === null).each(FIXTURE_MESHES)('generated mesh-health rule tests under promtool (%s)', (mesh) => {
  const signals = ADAPTERS[mesh].healthSignals();

  it.each([
    ['default thresholds', [] as MeshAlertSetting[]],
    ['changed thresholds, one alert off', CHANGED],
  ])('pass with %s', async (label, settings) => {
    const result = await promtoolTest(meshRulesYaml(signals, settings, PUBLIC_URL), meshRuleTestsYaml(signals, settings, PUBLIC_URL), label.replace(/\W+/g, '-'));
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
    // Every generated alert has its test: nine on Istio, eight on Linkerd (no rejected pushes there).
    const tests = meshRuleTests(signals, settings, PUBLIC_URL).tests;
    const names = new Set(tests.map((t) => t.name.split(':')[0]));
    const off = settings.filter((s) => !s.enabled).length;
    expect(names.size).toBe((mesh === 'istio' ? 9 : 8) - off);
  });

  it('a test that expects silence where the alert fires fails', async () => {
    const doc = parse(meshRuleTestsYaml(signals, [], PUBLIC_URL)) as { tests: Array<{ name: string; alert_rule_test: Array<{ exp_alerts: unknown[] }> }> };
    const cp = doc.tests.find((t) => t.name.startsWith('control-plane-down'));
    const last = cp?.alert_rule_test.at(-1);
    if (!last) throw new Error('no control-plane test');
    last.exp_alerts = [];
    const result = await promtoolTest(meshRulesYaml(signals, [], PUBLIC_URL), stringify(doc), 'mutated');
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('MeshControlPlaneDown');
  });

  it('rules written with another threshold fail the tests of the stored one', async () => {
    const tests = meshRuleTestsYaml(signals, [], PUBLIC_URL);
    const looser = meshRulesYaml(signals, [{ id: 'ca-cert-ticket', enabled: true, threshold: 6 }], PUBLIC_URL);
    const result = await promtoolTest(looser, tests, 'looser');
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('MeshCACertificateExpiring');
  });
});
