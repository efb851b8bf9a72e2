// A perRegion SLO's generated rules and rule tests under the real promtool: region-grouped records,
// alerts labelled with the region, and a burn in one region that must not page the other. The tests
// can fail: expecting the other region to fire too fails them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { findBinary } from '@/scripts/system/deps';
import { testRules } from '@/scripts/system/prometheus';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { rulesYaml } from './output';
import { ruleTestsYaml, rulesFileName, testFileName } from './rule-tests';
import { sloSpecSchema, type SloSpec } from '../spec';

const promtool = findBinary('promtool', 'PROMTOOL_BIN');
const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-region-rule-tests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REGIONS = { 'prod-us-east': 'us-east', 'prod-eu-west': 'eu-west' };
const slo = (over: Record<string, unknown>): SloSpec =>
  sloSpecSchema.parse({ name: 'x', service: 'reviews', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d', perRegion: true, ...over });
const SPECS = [slo({ name: 'reviews-availability' }), slo({ name: 'reviews-latency', indicator: { type: 'latency', thresholdMs: 250 }, objective: 99, window: '7d' })];

/** promtool's exit code and output for a test file in `dir` (0 and SUCCESS when every case holds). */
const promtoolTest = (file: string) => testRules(file, dir);

type AlertCase = { exp_alerts: Array<{ exp_labels: Record<string, string> }> };
type TestFile = { tests: Array<{ name: string; input_series: unknown[]; alert_rule_test?: AlertCase[] }> };

describe.skipIf(promtool === null).each(FIXTURE_MESHES)('perRegion rule unit tests under promtool (%s)', (mesh) => {
  const sli = FIXTURE_SLI[mesh];
  const write = (spec: SloSpec, tests: string, name = testFileName(spec)) => {
    writeFileSync(path.join(dir, rulesFileName(spec)), rulesYaml(spec, sli, undefined, REGIONS));
    const file = path.join(dir, `${mesh}-${name}`);
    writeFileSync(file, tests);
    return file;
  };

  it.each(SPECS.map((s) => [s.name, s] as const))('%s: every generated test passes, the region test among them', async (_name, spec) => {
    const tests = ruleTestsYaml(spec, sli, REGIONS);
    const doc = parse(tests) as TestFile;
    const regionCase = doc.tests.find((t) => t.name.includes('only eu-west') || t.name.includes('only us-east'));
    expect(regionCase?.input_series).toHaveLength(4);
    // Every expected alert of the burn names the burning region (eu-west sorts before us-east among clusters).
    const expected = doc.tests[0]?.alert_rule_test?.at(-1)?.exp_alerts ?? [];
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.every((a) => a.exp_labels.region === 'eu-west')).toBe(true);
    const result = await promtoolTest(write(spec, tests));
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it('expecting the normal region to page as well fails', async () => {
    const spec = SPECS[0] as SloSpec;
    const doc = parse(ruleTestsYaml(spec, sli, REGIONS)) as TestFile;
    const regionCase = doc.tests.at(-1)?.alert_rule_test?.[0];
    if (!regionCase) throw new Error('no region test');
    regionCase.exp_alerts = [...regionCase.exp_alerts, ...regionCase.exp_alerts.map((a) => ({ ...a, exp_labels: { ...a.exp_labels, region: 'us-east' } }))];
    const result = await promtoolTest(write(spec, stringify(doc), 'mutated-both-regions.yml'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/FAILED/);
  });

  it('rules that drop the region grouping fail the generated tests', async () => {
    const spec = SPECS[0] as SloSpec;
    const file = write(spec, ruleTestsYaml(spec, sli, REGIONS), 'no-grouping.yml');
    // Without the region map the alerts are the all-regions ones: no region label, and both clusters summed.
    writeFileSync(path.join(dir, rulesFileName(spec)), rulesYaml(spec, sli));
    const result = await promtoolTest(file);
    expect(result.code).not.toBe(0);
  });
});
