// The generated rules run by Prometheus' own rule engine (`promtool test rules`) over hand-made
// counters: recording rules give the hand-computed ratios (a counter reset, zero traffic), and the
// burn-rate alerts fire on 100% errors, except the pair a 90% objective can never reach. On each mesh's
// counters (Istio's and Linkerd's), with the same hand-computed figures.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { findBinary } from '@/scripts/system/deps';
import { checkRules } from '@/scripts/system/prometheus';
import { FIXTURE_SLI } from '@/scripts/testing/fixture-sli';
import { FIXTURE_MESHES } from '@/scripts/testing/fixture-tsdb';
import { seriesText } from './rule-test-series';
import { rulesYaml } from './output';
import { sloRuleGroups } from './rules';
import { sliHash } from '../sli-hash';
import type { SliSource } from '../sli-source';
import { sloSpecSchema } from '../spec';

const promtool = findBinary('promtool', 'PROMTOOL_BIN');

const slo = (name: string, service: string, objective = 99.9) =>
  sloSpecSchema.parse({ name, service, namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective, window: '30d' });
const SPECS = [slo('reset-demo', 'reset'), slo('idle-demo', 'idle'), slo('down-demo', 'down'), slo('down-90', 'down', 90)];

/** The mesh's series of a service's successful (200) or failed (503) requests. */
const requestsOf = (sli: SliSource) => (service: string, code: '200' | '503') => seriesText(sli.requestSeries({ namespace: 'shop', service }, code === '200' ? 'ok' : 'failed'));

// One sample a minute. `a+bxn` is a, a+b, ..., n steps; a second block after a space continues in time.
const inputSeriesOf = (requests: ReturnType<typeof requestsOf>) => [
  // Counter reset at minute 31 (the pod restarted): 10000 a minute before and after, 1 error a minute.
  { series: requests('reset', '200'), values: '0+10000x30 5000+10000x210' },
  { series: requests('reset', '503'), values: '0+1x240' },
  // Traffic stopped long ago: the counter is flat, there is no error series at all.
  { series: requests('idle', '200'), values: '5+0x240' },
  // Every request fails, for four hours: long enough for the 3h `for:` of the 3d/6h pair.
  { series: requests('down', '200'), values: '0+0x240' },
  { series: requests('down', '503'), values: '0+1000x240' },
];

const round = (value: number) => Math.round(value * 1e9);
describe.skipIf(promtool === null).each(FIXTURE_MESHES)('generated rules in Prometheus (%s)', (mesh) => {
  const sli = FIXTURE_SLI[mesh];
  const inputSeries = inputSeriesOf(requestsOf(sli));
  const hashOf = (name: string) => {
    const spec = SPECS.find((s) => s.name === name);
    if (!spec) throw new Error(`no spec ${name}`);
    return sliHash(spec, sli);
  };

  it('pass promtool check rules', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-check-'));
    try {
      for (const spec of SPECS) {
        const file = path.join(dir, `${spec.name}.yml`);
        writeFileSync(file, rulesYaml(spec, sli));
        expect(await checkRules(file)).toContain('SUCCESS');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('record hand-computed ratios and fire the reachable alerts', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-ruletest-'));
    const rules = path.join(dir, 'rules.yml');
    writeFileSync(rules, stringify({ groups: SPECS.flatMap((spec) => sloRuleGroups(spec, sli)) }, { lineWidth: 0, aliasDuplicateObjects: false }));
    // Window [1m, 61m]: 290000 before the reset, 5000 counted from zero after it, 300000 after; 60 errors.
    const resetRatio = 60 / (595_000 + 60);
    const tests = [
      {
        interval: '1m',
        input_series: inputSeries,
        promql_expr_test: [
          { expr: `round(slo:sli_error:ratio_rate1h{slo="reset-demo"} * 1e9)`, eval_time: '61m', exp_samples: [{ labels: `{namespace="shop",service="reset",sli_hash="${hashOf('reset-demo')}",slo="reset-demo",team="storefront"}`, value: round(resetRatio) }] },
          { expr: 'slo:sli_events:increase1h{slo="reset-demo"}', eval_time: '61m', exp_samples: [{ labels: `slo:sli_events:increase1h{namespace="shop",service="reset",sli_hash="${hashOf('reset-demo')}",slo="reset-demo",team="storefront"}`, value: 595_060 }] },
          // Zero traffic: no ratio at all (not 0, not NaN), and no alert.
          { expr: 'slo:sli_error:ratio_rate1h{slo="idle-demo"}', eval_time: '61m', exp_samples: [] },
          { expr: 'slo:sli_error:ratio_rate5m{slo="down-demo"}', eval_time: '61m', exp_samples: [{ labels: `slo:sli_error:ratio_rate5m{namespace="shop",service="down",sli_hash="${hashOf('down-demo')}",slo="down-demo",team="storefront"}`, value: 1 }] },
          {
            expr: 'count by (slo, severity, long_window) (ALERTS{alertname="SLOErrorBudgetBurn", alertstate="firing"})',
            eval_time: '4h',
            exp_samples: [
              // 99.9%: 100% errors burn at 1000x, over every threshold.
              ...['1h', '6h', '1d', '3d'].map((w, i) => ({ labels: `{long_window="${w}",severity="${i < 2 ? 'page' : 'ticket'}",slo="down-demo"}`, value: 1 })),
              // 90%: at most 10x, so the 14.4x page pair never fires; 6x, 3x and 1x do.
              ...['6h', '1d', '3d'].map((w, i) => ({ labels: `{long_window="${w}",severity="${i < 1 ? 'page' : 'ticket'}",slo="down-90"}`, value: 1 })),
            ],
          },
        ],
      },
    ];
    const file = path.join(dir, 'test.yml');
    writeFileSync(file, stringify({ rule_files: [rules], evaluation_interval: '1m', tests }));
    try {
      expect(execFileSync(promtool ?? 'promtool', ['test', 'rules', file], { encoding: 'utf8' })).toContain('SUCCESS');
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      throw new Error(`promtool: ${e.stdout ?? ''}${e.stderr ?? ''}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
