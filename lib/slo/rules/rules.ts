import { factor, humanDuration, percent } from '../format';
import { budgetFraction } from '../math';
import { absoluteHref, debugHref, sloHref } from '@/lib/links';
import { matchers } from '@/lib/promql';
import { resolvePolicy, type AlertPair } from '../policy';
import { windowExprs } from '../queries';
import { templateText } from './go-template';
import { errorRatioRecord, eventsRecord } from './record-names';
import { sliHash } from '../sli-hash';
import type { SliSource } from '../sli-source';
import type { SloSpec } from '../spec';
import { sortWindows, windowSeconds } from '../windows';
import type { RegionMap } from '@/lib/env-regions';
import { isRegional, REGION_LABEL, regionWindowExprs } from './region-rules';

// Prometheus rule groups for one SLO: recording rules per window (summed increases, never averaged
// ratios) and one multiwindow burn-rate alert per policy pair. Pure; rules-output.ts renders them.

export interface RecordingRule {
  record: string;
  expr: string;
  labels: Record<string, string>;
}
export interface AlertingRule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}
export interface RuleGroup {
  name: string;
  interval?: string;
  rules: Array<RecordingRule | AlertingRule>;
}

export { errorRatioRecord, eventsRecord } from './record-names';

export const ALERT_NAME = 'SLOErrorBudgetBurn';
/**
 * The SLO-window rules read weeks of samples; evaluating them every 5 minutes instead of every
 * global interval keeps that affordable (Pyrra evaluates its long-window rules less often too).
 */
const SLO_WINDOW_INTERVAL = '5m';

/** Label naming the SLI definition a recorded series was computed from (sli-hash.ts). */
export const SLI_HASH_LABEL = 'sli_hash';

/** Labels every series and alert of the SLO carries. */
export function sloLabels(spec: SloSpec): Record<string, string> {
  return { slo: spec.name, service: spec.service, namespace: spec.namespace, team: spec.team };
}

/**
 * Labels of the recorded series: the SLO's, plus the definition's hash, so readers and the alerts
 * select only series recorded from the current definition, never ones left over from an older one.
 */
export function recordingLabels(spec: SloSpec, source: SliSource): Record<string, string> {
  return { ...sloLabels(spec), [SLI_HASH_LABEL]: sliHash(spec, source) };
}

/**
 * The selector of one recorded series of the SLO's current definition, e.g. for the 1h ratio: the
 * all-regions one (`scope: 'all'`), or its region-grouped ones. Only perRegion SLOs record the latter,
 * so only theirs need the `region` matcher.
 */
export function recordedSelector(record: string, spec: SloSpec, source: SliSource, scope: 'all' | 'regions' = 'all'): string {
  const region = scope === 'regions' ? (['!=', ''] as const) : spec.perRegion === true ? '' : undefined;
  return `${record}${matchers({ slo: spec.name, [SLI_HASH_LABEL]: sliHash(spec, source), [REGION_LABEL]: region })}`;
}

/** The threshold as the rule compares it: `(14.4 * 0.001)`, readable as factor x budget. */
export function thresholdExpr(threshold: number, objectivePercent: number): string {
  return `(${threshold} * ${budgetFraction(objectivePercent)})`;
}

function recording(spec: SloSpec, window: string, source: SliSource): RecordingRule[] {
  const exprs = windowExprs(spec, window, source);
  const labels = recordingLabels(spec, source);
  return [
    { record: errorRatioRecord(window), expr: exprs.ratio, labels },
    { record: eventsRecord(window), expr: exprs.total, labels },
  ];
}

/** The same records grouped by region (a `region` label from the expression), for per-region alerts. */
function regionRecording(spec: SloSpec, window: string, source: SliSource, regions: RegionMap): RecordingRule[] {
  const exprs = regionWindowExprs(spec, window, source, regions);
  const labels = recordingLabels(spec, source);
  return [
    { record: errorRatioRecord(window), expr: exprs.ratio, labels },
    { record: eventsRecord(window), expr: exprs.total, labels },
  ];
}

function whatFails(spec: SloSpec, source: SliSource): string {
  switch (spec.indicator.type) {
    case 'availability':
      return source.failureText;
    case 'latency':
      return `requests slower than ${spec.indicator.thresholdMs} ms`;
    case 'custom':
      return 'bad events counted by the custom error query';
  }
}

/**
 * Links an alert carries to Meshwatch: the SLO page (runbook_url, the Alertmanager/Grafana convention)
 * and the service's debug view. Absolute against MESHWATCH_PUBLIC_URL; without it they stay relative
 * paths, which a pager cannot open, and the runbook says so.
 */
function alertLinks(spec: SloSpec, publicUrl: string | undefined): Record<string, string> {
  return {
    runbook_url: absoluteHref(sloHref(spec.name), publicUrl),
    dashboard: absoluteHref(debugHref(spec.service, spec.namespace), publicUrl),
  };
}

function alerting(spec: SloSpec, pair: AlertPair, source: SliSource, publicUrl: string | undefined, regional: boolean): AlertingRule {
  const select = (w: string) => recordedSelector(errorRatioRecord(w), spec, source, regional ? 'regions' : 'all');
  const threshold = thresholdExpr(pair.threshold, spec.objective);
  // A regional alert's `region` label comes from its series; the text names it too.
  const who = templateText(`${spec.namespace}/${spec.service}`) + (regional ? ` in region {{ $labels.${REGION_LABEL} }}` : '');
  const wholeBudget = humanDuration(windowSeconds(spec.window) / pair.threshold);
  return {
    alert: ALERT_NAME,
    expr: `${select(pair.longWindow)} > ${threshold} and ${select(pair.shortWindow)} > ${threshold}`,
    for: pair.for,
    // Alert labels are templates too, so values are escaped like the annotations.
    labels: Object.fromEntries(
      Object.entries({ ...sloLabels(spec), severity: pair.severity, long_window: pair.longWindow, short_window: pair.shortWindow }).map(([k, v]) => [k, templateText(v)]),
    ),
    annotations: {
      summary: `SLO ${spec.name} (${who}) burns its error budget faster than ${factor(pair.threshold)} over both ${pair.longWindow} and ${pair.shortWindow}`,
      description:
        `${who} misses its ${spec.objective}% objective over ${spec.window}: ${whatFails(spec, source)} make up ` +
        '{{ $value | humanizePercentage }} of requests over the last ' +
        `${pair.longWindow}, above ${factor(pair.threshold)} the budget's ${percent(budgetFraction(spec.objective))}. At that rate ` +
        `${percent(pair.budgetShare)} of the ${spec.window} budget goes within ${pair.longWindow} and all of it within ${wholeBudget}.`,
      runbook:
        `Open /slos/${spec.name} in Meshwatch for the budget left and the burn per window; then look at which ${whatFails(spec, source)} ` +
        `${who} returns, since when, and what changed then (deploys, dependencies, traffic).` +
        (publicUrl ? '' : ' (Links are relative: set MESHWATCH_PUBLIC_URL for links that open from a pager.)'),
      ...alertLinks(spec, publicUrl),
      burn_rate_threshold: String(pair.threshold),
      budget_share: percent(pair.budgetShare),
    },
  };
}

const alertWindowsOf = (spec: SloSpec) => sortWindows(resolvePolicy(spec).flatMap((p) => [p.shortWindow, p.longWindow]));

/** Windows the SLO's recording rules cover (the policy's windows and the SLO window), shortest first. */
export function recordedWindows(spec: SloSpec): string[] {
  return sortWindows([...alertWindowsOf(spec), spec.window]);
}

/** The SLO window needs a group of its own (evaluated less often) unless an alert pair already records it. */
const needsBudgetGroup = (spec: SloSpec) => !alertWindowsOf(spec).includes(spec.window);

/** How many groups sloRuleGroups() gives, whatever the mesh. */
export const ruleGroupCount = (spec: SloSpec) => (needsBudgetGroup(spec) ? 3 : 2);

/**
 * Recording rules for every policy window and the SLO window, then the burn-rate alerts; `source` is
 * the mesh's counters, `publicUrl` (MESHWATCH_PUBLIC_URL's origin) makes the alerts' links absolute.
 * A perRegion SLO under `regions` (MESHWATCH_REGIONS) also records its alert windows per region, and
 * its alerts fire per region with a `region` label (the all-regions series stay, for status reads).
 */
export function sloRuleGroups(spec: SloSpec, source: SliSource, publicUrl?: string, regions: RegionMap = {}): RuleGroup[] {
  const pairs = resolvePolicy(spec);
  const alertWindows = alertWindowsOf(spec);
  const regional = isRegional(spec, regions);
  const sli = alertWindows.flatMap((w) => [...recording(spec, w, source), ...(regional ? regionRecording(spec, w, source, regions) : [])]);
  const groups: RuleGroup[] = [{ name: `slo-${spec.name}-sli`, rules: sli }];
  if (needsBudgetGroup(spec)) {
    groups.push({ name: `slo-${spec.name}-budget`, interval: SLO_WINDOW_INTERVAL, rules: recording(spec, spec.window, source) });
  }
  groups.push({ name: `slo-${spec.name}-alerts`, rules: pairs.map((p) => alerting(spec, p, source, publicUrl, regional)) });
  return groups;
}
