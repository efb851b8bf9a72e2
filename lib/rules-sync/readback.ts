import type { Alert, RuleGroup as LoadedGroup } from '@/lib/prometheus/meta-schemas';
import { parsePromDuration } from '@/lib/promql';
import type { Sample } from '@/lib/prometheus/query-schemas';
import { ALERT_NAME, sloRuleGroups, type AlertingRule, type RecordingRule } from '@/lib/slo/rules/rules';
import type { SloAlert, SloAlerting, RulesState } from '@/lib/slo/alerting-schema';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import type { RegionMap } from '@/lib/env-regions';
import { isRegionGrouped } from '@/lib/slo/rules/region-rules';

// What Prometheus itself holds for each SLO, read back from /api/v1/rules and /api/v1/alerts (or the
// ALERTS series at a past time), compared with the rules Meshwatch generates now. Pure.

type Generated = RecordingRule | AlertingRule;

/**
 * A rule's identity within one SLO: the recorded series (all regions, or grouped by region: a perRegion
 * SLO records both under one name), or the alert's severity and window pair.
 */
function keyOf(name: string, labels: Record<string, string>, expr = ''): string {
  if (labels.long_window === undefined) return isRegionGrouped(expr) ? `${name}|by-region` : name;
  // A firing alert of a perRegion SLO names its region; one rule fires once per region.
  return `${name}|${labels.severity ?? ''}|${labels.long_window}|${labels.short_window ?? ''}|${labels.region ?? ''}`;
}
const generatedKey = (rule: Generated) => ('record' in rule ? keyOf(rule.record, rule.labels, rule.expr) : keyOf(rule.alert, rule.labels, rule.expr));

/** Index just past the quoted string starting at `start` ("..." and '...' with escapes, `...` without). */
function stringEnd(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length && text[i] !== quote) i += quote !== '`' && text[i] === '\\' ? 2 : 1;
  return i + 1;
}

/** `[28d]` and `[1d:5m]` as seconds (`[2419200]`): Prometheus reprints durations in its own units (4w). */
function rangeInSeconds(text: string): string {
  return text
    .split(':')
    .map((part) => {
      try {
        return part === '' ? part : String(parsePromDuration(part));
      } catch {
        return part;
      }
    })
    .join(':');
}

/**
 * Prometheus answers each rule's expression re-printed by its parser: spacing changes, label
 * matchers come sorted by name and range durations in its largest units ([28d] reads [4w]). Outside
 * quoted strings this drops whitespace, sorts the matchers of every selector and writes ranges as
 * seconds, which makes our PromQL and Prometheus' reprint of it equal (checked against a real
 * Prometheus in rules-sync.int.test.ts).
 */
export function normalizeExpr(expr: string): string {
  let out = '';
  let i = 0;
  while (i < expr.length) {
    const c = expr[i] ?? '';
    if (c === '"' || c === "'" || c === '`') {
      const end = stringEnd(expr, i);
      out += expr.slice(i, end);
      i = end;
    } else if (c === '{') {
      const matchers: string[] = [];
      let current = '';
      i += 1;
      while (i < expr.length && expr[i] !== '}') {
        const d = expr[i] ?? '';
        if (d === '"' || d === "'" || d === '`') {
          const end = stringEnd(expr, i);
          current += expr.slice(i, end);
          i = end;
          continue;
        }
        if (d === ',') {
          matchers.push(current);
          current = '';
        } else if (!/\s/.test(d)) current += d;
        i += 1;
      }
      if (current) matchers.push(current);
      out += `{${matchers.sort().join(',')}}`;
      i += 1;
    } else if (c === '[') {
      const end = expr.indexOf(']', i);
      const inner = end < 0 ? expr.slice(i + 1) : expr.slice(i + 1, end);
      out += `[${rangeInSeconds(inner.replace(/\s/g, ''))}]`;
      i = end < 0 ? expr.length : end + 1;
    } else {
      if (!/\s/.test(c)) out += c;
      i += 1;
    }
  }
  return out;
}

export const sameExpr = (a: string, b: string) => normalizeExpr(a) === normalizeExpr(b);

interface Loaded {
  query: string;
  health: string;
  lastError?: string;
}

function loadedRulesBySlo(groups: readonly LoadedGroup[]): Map<string, Map<string, Loaded>> {
  const out = new Map<string, Map<string, Loaded>>();
  for (const group of groups) {
    for (const rule of group.rules) {
      const slo = rule.labels.slo;
      if (slo === undefined) continue;
      const rules = out.get(slo) ?? new Map<string, Loaded>();
      rules.set(keyOf(rule.name, rule.labels, rule.query), { query: rule.query, health: rule.health, lastError: rule.lastError });
      out.set(slo, rules);
    }
  }
  return out;
}

export function rulesState(spec: SloSpec, loaded: Map<string, Loaded> | undefined, source: SliSource, regions: RegionMap = {}): { rules: RulesState; detail?: string } {
  if (!loaded || loaded.size === 0) return { rules: 'not_loaded' };
  const expected = sloRuleGroups(spec, source, undefined, regions).flatMap((g) => g.rules);
  const missing = expected.filter((r) => !loaded.has(generatedKey(r)));
  const changed = expected.filter((r) => {
    const found = loaded.get(generatedKey(r));
    return found !== undefined && !sameExpr(found.query, r.expr);
  });
  const extra = loaded.size - (expected.length - missing.length);
  if (missing.length > 0 || changed.length > 0 || extra > 0) {
    const parts = [
      changed.length ? `${changed.length} rule(s) differ from the current spec` : '',
      missing.length ? `${missing.length} missing` : '',
      extra > 0 ? `${extra} no longer generated` : '',
    ].filter(Boolean);
    return { rules: 'stale', detail: `${parts.join(', ')}: Prometheus has not loaded the latest rules` };
  }
  const broken = [...loaded.values()].find((r) => r.health === 'err');
  return broken ? { rules: 'loaded', detail: `A rule fails to evaluate: ${broken.lastError ?? 'unknown error'}` } : { rules: 'loaded' };
}

function rejectedOr(output: string | undefined, otherwise: () => { rules: RulesState; detail?: string }): { rules: RulesState; detail?: string } {
  return output === undefined ? otherwise() : { rules: 'rejected', detail: `promtool rejects this SLO's rules, so they are not delivered: ${output}` };
}

const SEVERITY_ORDER = ['page', 'critical', 'ticket', 'warning'];
const rank = (a: SloAlert) => (a.state === 'firing' ? 0 : 10) + (SEVERITY_ORDER.indexOf(a.severity) + 1 || SEVERITY_ORDER.length + 1);

function toAlert(labels: Record<string, string>, state: SloAlert['state'], activeAt: number | null, value: number | null): SloAlert {
  return {
    severity: labels.severity ?? '',
    state,
    activeAt,
    value: value !== null && Number.isFinite(value) ? value : null,
    ...(labels.long_window ? { longWindow: labels.long_window } : {}),
    ...(labels.short_window ? { shortWindow: labels.short_window } : {}),
    ...(labels.region ? { region: labels.region } : {}),
  };
}

/** /api/v1/alerts: pending and firing burn-rate alerts by SLO. */
export function liveAlertsBySlo(alerts: readonly Alert[]): Map<string, SloAlert[]> {
  const out = new Map<string, SloAlert[]>();
  for (const a of alerts) {
    const slo = a.labels.slo;
    if (a.labels.alertname !== ALERT_NAME || slo === undefined || a.state === 'inactive') continue;
    const activeAt = a.activeAtMs === null ? null : Math.floor(a.activeAtMs / 1000);
    out.set(slo, [...(out.get(slo) ?? []), toAlert(a.labels, a.state, activeAt, a.value)]);
  }
  return out;
}

/** ALERTS{alertname="SLOErrorBudgetBurn"} and ALERTS_FOR_STATE (its value is activeAt) at a past time. */
export function historyAlertsBySlo(states: readonly Sample[], activeAts: readonly Sample[]): Map<string, SloAlert[]> {
  const since = new Map(activeAts.map((s) => [keyOf(s.labels.slo ?? '', s.labels), s.value]));
  const out = new Map<string, SloAlert[]>();
  for (const s of states) {
    const slo = s.labels.slo;
    const state = s.labels.alertstate;
    if (slo === undefined || (state !== 'pending' && state !== 'firing')) continue;
    const activeAt = since.get(keyOf(slo, s.labels));
    out.set(slo, [...(out.get(slo) ?? []), toAlert(s.labels, state, activeAt !== undefined && Number.isFinite(activeAt) ? activeAt : null, null)]);
  }
  return out;
}

/**
 * Every stored SLO's rules state and alerts, in the order of `specs`. `rejected` (SLO name to promtool's
 * words) comes from the last sync: those rules were left out of the file, whatever Prometheus still holds.
 */
export function sloAlerting(
  specs: readonly SloSpec[],
  groups: readonly LoadedGroup[],
  alerts: Map<string, SloAlert[]>,
  source: SliSource,
  rejected: ReadonlyMap<string, string> = new Map(),
  regions: RegionMap = {},
): SloAlerting[] {
  const loaded = loadedRulesBySlo(groups);
  return specs.map((spec) => ({
    name: spec.name,
    ...rejectedOr(rejected.get(spec.name), () => rulesState(spec, loaded.get(spec.name), source, regions)),
    alerts: [...(alerts.get(spec.name) ?? [])].sort((a, b) => rank(a) - rank(b)),
  }));
}
