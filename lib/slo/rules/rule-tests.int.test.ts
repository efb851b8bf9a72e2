// The generated `promtool test rules` files, run by the real promtool against the generated rules:
// they pass for each indicator type on each mesh's counters, and fail once an expectation is wrong (so
// they can fail at all).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { findBinary } from '@/scripts/system/deps';
import { testRules } from '@/scripts/system/prometheus';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { importSlos } from '../interchange/import';
import { sliHash } from '../sli-hash';
import type { SliSource } from '../sli-source';
import { rulesYaml } from './output';
import { ruleTestsYaml, rulesFileName, testFileName } from './rule-tests';
import { sloSpecSchema, type SloSpec, type SloSpecInput } from '../spec';

const promtool = findBinary('promtool', 'PROMTOOL_BIN');
const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-rule-tests-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const slo = (over: Partial<SloSpecInput>) =>
  sloSpecSchema.parse({ name: 'x', service: 'checkout', namespace: 'shop', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d', ...over });
const SPECS: SloSpec[] = [
  slo({ name: 'checkout-availability' }),
  slo({ name: 'catalog-latency', service: 'catalog', team: 'store{{front', indicator: { type: 'latency', thresholdMs: 250 }, objective: 99, window: '28d' }),
  slo({
    name: 'api-custom',
    service: 'api',
    indicator: { type: 'custom', errorQuery: 'sum(rate(http_requests_total{job="api",code=~"5.."}[{{window}}]))', totalQuery: 'sum(rate(http_requests_total{job="api"}[{{window}}]))' },
    objective: 95,
    window: '7d',
  }),
  // 90%: the 14.4x page can never fire, and the tests must know it.
  slo({ name: 'loose', objective: 90 }),
  // Every SLO window the README's policy table shows: normal traffic (half the budget) must stay silent.
  ...['1d', '7d', '14d', '28d', '90d'].map((window) => slo({ name: `daily-${window}`, window })),
];

/** An OpenSLO good/total SLI over one counter, imported: its error query is total - good. */
const GOOD_TOTAL_OPENSLO = `
apiVersion: openslo/v1
kind: SLO
metadata: { name: web-good-total, labels: { team: [web] }, annotations: { meshwatch.dev/namespace: shop } }
spec:
  service: web
  indicator:
    metadata: { name: web-good-ratio }
    spec:
      ratioMetric:
        counter: true
        good: { metricSource: { type: Prometheus, spec: { query: 'sum(http_requests_total{job="web",code!~"5.."})' } } }
        total: { metricSource: { type: Prometheus, spec: { query: 'sum(http_requests_total{job="web"})' } } }
  timeWindow: [{ duration: 30d, isRolling: true }]
  budgetingMethod: Occurrences
  objectives: [{ target: 0.999 }]
`;

/** promtool's exit code and output for a test file in `dir` (0 and SUCCESS when every case holds). */
const promtoolTest = (file: string) => testRules(file, dir);

type Case = { eval_time: string; exp_alerts: unknown[] };
type TestFile = { tests: Array<{ alert_rule_test: Case[] }> };

let sli: SliSource;

function write(spec: SloSpec, tests: string, name = testFileName(spec)): string {
  writeFileSync(path.join(dir, rulesFileName(spec)), rulesYaml(spec, sli));
  const file = path.join(dir, name);
  writeFileSync(file, tests);
  return file;
}

describe.skipIf(promtool === null).each(FIXTURE_MESHES)('generated rule unit tests under promtool (%s)', (mesh) => {
  beforeAll(() => {
    sli = FIXTURE_SLI[mesh];
  });

  it.each(SPECS.map((s) => [s.name, s] as const))('%s: the burn fires the alerts after their for, normal traffic nothing', async (_name, spec) => {
    const result = await promtoolTest(write(spec, ruleTestsYaml(spec, sli)));
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it.each(SPECS.slice(0, 3).map((s) => [s.name, s] as const))('%s: expecting silence during the burn fails', async (_name, spec) => {
    const doc = parse(ruleTestsYaml(spec, sli)) as TestFile;
    const burn = doc.tests[0]?.alert_rule_test ?? [];
    const last = burn.at(-1);
    expect(last?.exp_alerts.length).toBeGreaterThan(0);
    if (last) last.exp_alerts = [];
    const result = await promtoolTest(write(spec, stringify(doc), `mutated-silent-${spec.name}.yml`));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/FAILED/);
  });

  it('expecting the page before its for has passed fails (the for is tested)', async () => {
    const spec = SPECS[0] as SloSpec;
    const doc = parse(ruleTestsYaml(spec, sli)) as TestFile;
    const [notYet, fired] = doc.tests[0]?.alert_rule_test ?? [];
    expect(notYet?.exp_alerts).toEqual([]);
    if (notYet && fired) notYet.exp_alerts = fired.exp_alerts;
    const result = await promtoolTest(write(spec, stringify(doc), 'mutated-early.yml'));
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/FAILED/);
  });

  it('normal traffic that burns 20x after all fails the silent expectation', async () => {
    const spec = SPECS[0] as SloSpec;
    const doc = parse(ruleTestsYaml(spec, sli)) as { tests: Array<{ input_series: unknown[] }> };
    const [burn, normal] = doc.tests;
    if (burn && normal) normal.input_series = burn.input_series;
    const result = await promtoolTest(write(spec, stringify(doc), 'mutated-normal.yml'));
    expect(result.code).not.toBe(0);
  });

  it.each(SPECS.slice(0, 3).map((s) => [s.name, s] as const))('%s: a broken rule that ignores its long window fails the onset test', async (_name, spec) => {
    const file = write(spec, ruleTestsYaml(spec, sli), `onset-${spec.name}.yml`);
    // Keep only the short-window half of every `long > t and short > t` alert expression.
    const rules = parse(rulesYaml(spec, sli)) as { groups: Array<{ rules: Array<{ alert?: string; expr: string }> }> };
    for (const rule of rules.groups.flatMap((g) => g.rules)) if (rule.alert) rule.expr = rule.expr.split(' and ').at(-1) ?? rule.expr;
    writeFileSync(path.join(dir, rulesFileName(spec)), stringify(rules, { lineWidth: 0 }));
    const result = await promtoolTest(file);
    expect(result.code).not.toBe(0);
    // Only the quiet-then-burn test sees the difference (a burn from zero fills both windows at once).
    expect(result.output).toContain('count(ALERTS');
  });

  it('a good/total SLO imported from OpenSLO gets tests, and a service failing every request reads error ratio 1', async () => {
    const [spec] = importSlos(GOOD_TOTAL_OPENSLO, [sli]).specs;
    if (!spec) throw new Error('not imported');
    const result = await promtoolTest(write(spec, ruleTestsYaml(spec, sli)));
    expect(result.output).toContain('SUCCESS');
    expect(result.code).toBe(0);
  });

  it('the outage test fails the error query total - good without the absent-good fallback (ratio 0, never pages)', async () => {
    const [imported] = importSlos(GOOD_TOTAL_OPENSLO, [sli]).specs;
    if (imported?.indicator.type !== 'custom') throw new Error('not imported');
    const { totalQuery } = imported.indicator;
    const good = 'sum(increase(http_requests_total{job="web",code!~"5.."}[{{window}}]))';
    // The tests of the fixed SLO, run against rules of the error query as imported before the fix.
    const tests = ruleTestsYaml(imported, sli);
    const before = { ...imported, indicator: { ...imported.indicator, errorQuery: `(${totalQuery}) - (${good})` } };
    writeFileSync(path.join(dir, rulesFileName(imported)), rulesYaml(before, sli));
    const file = path.join(dir, 'good-total-before-fix.yml');
    writeFileSync(file, tests.split(sliHash(imported, sli)).join(sliHash(before, sli)));
    const result = await promtoolTest(file);
    expect(result.code).not.toBe(0);
    expect(result.output).toMatch(/ratio_rate5m[\s\S]*got: \{[^}]*\} 0E\+00/);
  });
});
