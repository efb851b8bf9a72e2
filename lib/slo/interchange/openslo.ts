import { tidy } from '../math';
import { counterSelectors } from '../queries';
import type { SliSource } from '../sli-source';
import type { SloSpec } from '../spec';
import { ANNOTATION } from './interchange';

// OpenSLO v1 (https://github.com/OpenSLO/OpenSLO, apiVersion openslo/v1): export. An SLO with an
// inline ratioMetric SLI over raw Prometheus counters (`counter: true`); custom indicators keep their
// {{window}} queries with `counter: false`. Meshwatch's own fields ride along as annotations so a
// round trip gives back the same spec. Pure.

/** OpenSLO v1 spells the only budgeting method Meshwatch computes "Occurrences" (good/total events). */
const BUDGETING_METHOD = 'Occurrences';

const metric = (query: string) => ({ metricSource: { type: 'Prometheus', spec: { query } } });

function ratioMetric(spec: SloSpec, source: SliSource) {
  const selectors = counterSelectors(spec, source);
  if (spec.indicator.type === 'custom' || selectors === null) {
    const indicator = spec.indicator as { errorQuery: string; totalQuery: string };
    return { counter: false, bad: metric(indicator.errorQuery), total: metric(indicator.totalQuery) };
  }
  const goodOrBad = selectors.good !== undefined ? { good: metric(selectors.good) } : { bad: metric(selectors.bad ?? '') };
  return { counter: true, ...goodOrBad, total: metric(selectors.total) };
}

export function toOpenSlo(spec: SloSpec, source: SliSource) {
  const annotations: Record<string, string> = {
    [ANNOTATION.namespace]: spec.namespace,
    [ANNOTATION.team]: spec.team,
    [ANNOTATION.indicator]: JSON.stringify(spec.indicator),
  };
  if (spec.policy) annotations[ANNOTATION.policy] = JSON.stringify(spec.policy);
  return {
    apiVersion: 'openslo/v1',
    kind: 'SLO',
    metadata: { name: spec.name, labels: { team: [spec.team] }, annotations },
    spec: {
      ...(spec.description ? { description: spec.description } : {}),
      service: spec.service,
      indicator: { metadata: { name: `${spec.name}-sli` }, spec: { ratioMetric: ratioMetric(spec, source) } },
      timeWindow: [{ duration: spec.window, isRolling: true }],
      budgetingMethod: BUDGETING_METHOD,
      objectives: [{ displayName: `${spec.objective}% over ${spec.window}`, target: tidy(spec.objective / 100) }],
    },
  };
}
