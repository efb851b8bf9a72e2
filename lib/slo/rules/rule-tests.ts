import { Document } from 'yaml';
import { durationToPromql, parsePromDuration } from '@/lib/promql';
import { expandTemplate } from './go-template';
import { budgetFraction } from '../math';
import { isUnreachable, resolvePolicy, type AlertPair } from '../policy';
import { ALERT_NAME, errorRatioRecord, sloRuleGroups, type AlertingRule, type RecordingRule } from './rules';
import { onsetCases, type Onset } from './rule-test-onset';
import { outageTest } from './rule-test-outage';
import { seriesText, syntheticCounters } from './rule-test-series';
import type { SliSource } from '../sli-source';
import type { SloSpec } from '../spec';
import { windowSeconds } from '../windows';
import type { RegionMap } from '@/lib/env-regions';
import { testClusters, regionTest, type TestClusters } from './rule-test-regions';

// A `promtool test rules` file for one SLO's generated rules: a synthetic burn must fire each
// reachable alert once its `for` has passed (and not before), normal traffic must fire none. Pure.

export { UnsupportedIndicatorError } from './rule-test-series';

/** One sample a minute, one evaluation a minute: fine enough for the 5m short window and any `for`. */
const STEP_S = 60;
/** Events a minute. Big enough that bad counts stay whole numbers down to a 99.999% objective. */
const EVENTS_PER_MINUTE = 1_000_000;
/** The burn: 20x the budget (above the workbook's 14.4x page), or more when the policy asks for more. */
const BURN_FACTOR = 20;
const BURN_MARGIN = 1.25;
/**
 * Normal traffic: half the budget, whatever the policy. A pair whose threshold is at or below it
 * alerts on a service that spends its budget slower than it can afford, and the test says so.
 */
const NORMAL_BURN = 0.5;

export const rulesFileName = (spec: SloSpec) => `slo-${spec.name}.rules.yaml`;
export const testFileName = (spec: SloSpec) => `slo-${spec.name}.test.yml`;

const ceilStep = (s: number) => Math.ceil(s / STEP_S) * STEP_S;
/** `for: 0s` is valid in a rule file but not a positive duration. */
const holdSeconds = (forText: string) => (/^0+[a-z]*$/.test(forText) ? 0 : parsePromDuration(forText));

/**
 * When an alert surely has not fired yet, and when it surely has. The series start at 0 at time 0;
 * increase() needs two samples, so the rule is first true at 1m (Prometheus 2's closed ranges) or 2m
 * (Prometheus 3's left-open ones), and it fires at the first evaluation `for` after that.
 */
export function fireTimes(forText: string): { notYet: number; fired: number } {
  const hold = holdSeconds(forText);
  return { notYet: ceilStep(STEP_S + hold) - STEP_S, fired: ceilStep(2 * STEP_S + hold) };
}

interface Expected {
  pair: AlertPair;
  rule: AlertingRule;
  labels: Record<string, string>;
}

function expectations(spec: SloSpec, source: SliSource, regions: RegionMap, clusters: TestClusters | null): Expected[] {
  const groups = sloRuleGroups(spec, source, undefined, regions);
  const rules = groups.flatMap((g) => g.rules);
  const alerts = rules.filter((r): r is AlertingRule => 'alert' in r && r.alert === ALERT_NAME);
  const pairs = resolvePolicy(spec);
  if (alerts.length !== pairs.length) throw new Error(`expected ${pairs.length} alert rules for ${spec.name}, found ${alerts.length}`);
  return pairs.map((pair, i) => {
    const rule = alerts[i] as AlertingRule;
    // The alert's labels: those of the long window's recorded series (the left side of `and`), then the rule's.
    const recorded = rules.find((r): r is RecordingRule => 'record' in r && r.record === errorRatioRecord(pair.longWindow));
    const expand = (v: string) => expandTemplate(v, { value: 0, labels: {} });
    // A regional alert also carries the region of its series (the burning cluster's in these tests).
    const region: Record<string, string> = clusters ? { region: clusters.burning.region } : {};
    const labels = { ...(recorded?.labels ?? {}), ...region, ...Object.fromEntries(Object.entries(rule.labels).map(([k, v]) => [k, expand(v)])) };
    return { pair, rule, labels };
  });
}

/** Error ratios of the burn and of normal traffic, as whole bad events per EVENTS_PER_MINUTE. */
export function trafficRatios(spec: SloSpec, pairs: AlertPair[]): { burnBad: number; normalBad: number } {
  const budget = budgetFraction(spec.objective);
  const reachable = pairs.filter((p) => !isUnreachable(p.threshold, spec.objective)).map((p) => p.threshold);
  const burn = Math.max(BURN_FACTOR, Math.max(0, ...reachable) * BURN_MARGIN);
  return {
    burnBad: Math.min(EVENTS_PER_MINUTE, Math.round(burn * budget * EVENTS_PER_MINUTE)),
    normalBad: Math.floor(NORMAL_BURN * budget * EVENTS_PER_MINUTE),
  };
}

function inputSeries(spec: SloSpec, source: SliSource, bad: number, samples: number, cluster?: string) {
  return syntheticCounters(spec, source, bad, EVENTS_PER_MINUTE, cluster).map((c) => ({ series: seriesText(c), values: `0+${c.perMinute}x${samples}` }));
}

/** Counters at one rate until `onset.burnStart`, at the burn's after, sampled every minute until `end`. */
function onsetSeries(spec: SloSpec, source: SliSource, onset: Onset, end: number, cluster?: string) {
  const before = syntheticCounters(spec, source, onset.normalBad, onset.events, cluster);
  const after = syntheticCounters(spec, source, onset.burnBad, onset.events, cluster);
  const k = onset.burnStart / STEP_S;
  const rest = end / STEP_S - k;
  return before.map((c, i) => {
    const b = after[i]?.perMinute ?? 0;
    return { series: seriesText(c), values: `0+${c.perMinute}x${k} ${c.perMinute * k + b}+${b}x${rest - 1}` };
  });
}

/**
 * The multiwindow logic itself: after a quiet long window the burn starts; the most sensitive alert
 * must not fire while only its short window is hot, and must fire once the long one agrees.
 */
function onsetTest(spec: SloSpec, source: SliSource, firing: Expected[], burnBad: number, normalBad: number, cluster?: string) {
  const target = [...firing].sort((a, b) => windowSeconds(a.pair.longWindow) - windowSeconds(b.pair.longWindow))[0];
  if (!target) return [];
  const onset: Onset = { burnStart: windowSeconds(target.pair.longWindow), normalBad, burnBad, events: EVENTS_PER_MINUTE };
  const found = onsetCases(onset, {
    longWindow: target.pair.longWindow,
    shortWindow: target.pair.shortWindow,
    ratio: target.pair.threshold * budgetFraction(spec.objective),
    holdS: holdSeconds(target.rule.for),
    labels: { alertname: ALERT_NAME, ...target.labels },
  });
  if (!found) return [];
  return [
    {
      name: `${spec.name}: a burn after a quiet ${target.pair.longWindow} fires the ${target.pair.longWindow}/${target.pair.shortWindow} ${target.pair.severity} only once both windows agree`,
      interval: durationToPromql(STEP_S),
      input_series: onsetSeries(spec, source, onset, found.end, cluster),
      promql_expr_test: found.cases,
    },
  ];
}

/**
 * The test file's object: rule_files relative to the test file, one burn and one normal-traffic test.
 * With `regions` (MESHWATCH_REGIONS), a perRegion SLO's series name a cluster, its alerts carry the
 * region, and one more test burns one region while another stays normal: only the first may fire.
 */
export function ruleTests(spec: SloSpec, source: SliSource, regions: RegionMap = {}) {
  const clusters = testClusters(spec, regions);
  const cluster = clusters?.burning.cluster;
  const expected = expectations(spec, source, regions, clusters);
  const { burnBad, normalBad } = trafficRatios(
    spec,
    expected.map((e) => e.pair),
  );
  const burnRatio = burnBad / EVENTS_PER_MINUTE;
  const firing = expected.filter((e) => burnRatio > e.pair.threshold * budgetFraction(spec.objective));
  const times = firing.map((e) => ({ e, ...fireTimes(e.rule.for) }));
  // Check at each alert's "not yet" and "fired" times, skipping any time another alert may be either.
  const evalTimes = [...new Set(times.flatMap((t) => [t.notYet, t.fired]))]
    .filter((ts) => ts > 0 && !times.some((t) => t.notYet < ts && ts < t.fired))
    .sort((a, b) => a - b);
  const end = Math.max(STEP_S, ...evalTimes) / STEP_S + 1;
  const alertCase = (ts: number, alerts: Expected[]) => ({
    eval_time: durationToPromql(ts),
    alertname: ALERT_NAME,
    exp_alerts: alerts.map((e) => ({
      exp_labels: e.labels,
      exp_annotations: Object.fromEntries(Object.entries(e.rule.annotations).map(([k, v]) => [k, expandTemplate(v, { value: burnRatio, labels: e.labels })])),
    })),
  });
  return {
    rule_files: [rulesFileName(spec)],
    evaluation_interval: durationToPromql(STEP_S),
    tests: [
      {
        name: `${spec.name}: ${burnBad} bad events in ${EVENTS_PER_MINUTE} a minute (${+(burnRatio / budgetFraction(spec.objective)).toFixed(2)}x the budget) fire the reachable alerts after their for`,
        interval: durationToPromql(STEP_S),
        input_series: inputSeries(spec, source, burnBad, end, cluster),
        alert_rule_test: evalTimes.map((ts) =>
          alertCase(
            ts,
            times.filter((t) => t.fired <= ts).map((t) => t.e),
          ),
        ),
      },
      {
        name: `${spec.name}: normal traffic (${normalBad} bad events in ${EVENTS_PER_MINUTE} a minute) fires nothing`,
        interval: durationToPromql(STEP_S),
        input_series: inputSeries(spec, source, normalBad, end, cluster),
        alert_rule_test: evalTimes.map((ts) => alertCase(ts, [])),
      },
      ...onsetTest(spec, source, firing, burnBad, normalBad, cluster),
      ...outageTest(spec, source, { stepS: STEP_S, eventsPerMinute: EVENTS_PER_MINUTE, cluster }),
      ...(clusters ? [regionTest(spec, source, clusters, { stepS: STEP_S, eventsPerMinute: EVENTS_PER_MINUTE, burnBad, normalBad, end, last: alertCase(Math.max(STEP_S, ...evalTimes), firing) })] : []),
    ],
  };
}

/** The test file as YAML, with how to run it. */
export function ruleTestsYaml(spec: SloSpec, source: SliSource, regions: RegionMap = {}): string {
  const doc = new Document(ruleTests(spec, source, regions), { aliasDuplicateObjects: false });
  doc.commentBefore =
    ` Generated by Meshwatch: unit tests of SLO ${spec.name}'s alert rules. Keep next to ${rulesFileName(spec)}` +
    ` (GET /api/slos/${spec.name}/rules) and run: promtool test rules ${testFileName(spec)}`;
  return doc.toString({ lineWidth: 0 });
}
