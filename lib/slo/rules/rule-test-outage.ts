import { durationToPromql, matchers } from '@/lib/promql';
import { resolvePolicy } from '../policy';
import type { SliSource } from '../sli-source';
import type { SloSpec } from '../spec';
import { sortWindows, windowSeconds } from '../windows';
import { seriesText, syntheticCounters } from './rule-test-series';
import { errorRatioRecord, sloRuleGroups, type RecordingRule } from './rules';

// The total-outage case of the rule tests (issue: a good/total SLI read 0% errors when every request
// failed, for want of a good series). Pure.

/**
 * Every request fails and no series of successful requests exists (a fresh deploy in a total outage):
 * the shortest window's recorded error ratio must be 1, not 0 for want of a good series. Latency SLOs
 * are left out on purpose: there a missing threshold bucket records nothing rather than guess.
 */
export function outageTest(spec: SloSpec, source: SliSource, { stepS, eventsPerMinute, cluster }: { stepS: number; eventsPerMinute: number; cluster?: string }) {
  if (spec.indicator.type === 'latency') return [];
  const window = sortWindows(resolvePolicy(spec).map((p) => p.shortWindow))[0];
  const rule = sloRuleGroups(spec, source)
    .flatMap((g) => g.rules)
    .find((r): r is RecordingRule => 'record' in r && r.record === errorRatioRecord(window ?? ''));
  if (!window || !rule) return [];
  const failing = syntheticCounters(spec, source, eventsPerMinute, eventsPerMinute, cluster).filter((c) => c.perMinute > 0);
  const at = 2 * windowSeconds(window);
  return [
    {
      name: `${spec.name}: every request fails and no successful series exists: the ${window} error ratio is 1`,
      interval: durationToPromql(stepS),
      input_series: failing.map((c) => ({ series: seriesText(c), values: `0+${c.perMinute}x${at / stepS + 1}` })),
      // The all-regions series (a perRegion SLO also records one per region, with a `region` label).
      promql_expr_test: [{ expr: `${rule.record}${matchers({ slo: spec.name, region: spec.perRegion === true ? '' : undefined })}`, eval_time: durationToPromql(at), exp_samples: [{ labels: seriesText({ metric: rule.record, labels: rule.labels }), value: 1 }] }],
    },
  ];
}
