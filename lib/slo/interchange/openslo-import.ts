import { ratioIndicator } from './openslo-indicator';
import {
  ANNOTATION,
  DEFAULT_NAMESPACE,
  DEFAULT_TEAM,
  asRecord,
  asString,
  finishSpec,
  fractionToPercent,
  indicatorAnnotationSchema,
  jsonAnnotation,
  policyAnnotationSchema,
  type ImportProblem,
  type UnknownRecord,
} from './interchange';
import type { Indicator, SloSpec } from '../spec';

// OpenSLO v1 import: kind SLO with an inline `indicator` or an `indicatorRef` to a kind SLI in the
// same payload, ratioMetric over Prometheus queries, rolling windows, Occurrences budgeting. Pure.

function windowOf(spec: UnknownRecord, path: string, problems: ImportProblem[]): string | undefined {
  const first = asRecord(Array.isArray(spec.timeWindow) ? spec.timeWindow[0] : undefined);
  const duration = asString(first?.duration);
  if (!first || duration === undefined) problems.push({ path: `${path}.timeWindow`, message: 'needs one rolling window' });
  else if (first.isRolling === false || first.calendar !== undefined) {
    problems.push({ path: `${path}.timeWindow`, message: 'calendar windows are not supported; use a rolling window' });
  } else if (/[MQY]$/.test(duration)) {
    problems.push({ path: `${path}.timeWindow`, message: `${duration}: months, quarters and years vary in length; give days, e.g. 30d` });
  } else return duration;
  return undefined;
}

/** One kind SLO; `slis` holds the payload's kind SLI documents by name for indicatorRef. */
export function fromOpenSlo(doc: UnknownRecord, path: string, slis: ReadonlyMap<string, UnknownRecord>, problems: ImportProblem[], warnings: string[]): SloSpec | undefined {
  const metadata = asRecord(doc.metadata) ?? {};
  const spec = asRecord(doc.spec) ?? {};
  const annotations = asRecord(metadata.annotations) ?? {};
  const labels = asRecord(metadata.labels) ?? {};
  const name = asString(metadata.name) ?? '';
  const method = asString(spec.budgetingMethod);
  if (method !== undefined && method !== 'Occurrences') {
    problems.push({ path: `${path}.spec.budgetingMethod`, message: `${method} is not supported; Meshwatch budgets Occurrences` });
  }
  const objectives = Array.isArray(spec.objectives) ? spec.objectives.map(asRecord) : [];
  if (objectives.length > 1) warnings.push(`${name}: only the first of ${objectives.length} objectives was imported`);
  const target = objectives[0]?.target;
  const targetPercent = objectives[0]?.targetPercent;
  const objective = typeof target === 'number' ? fractionToPercent(target) : targetPercent;
  let indicator: Indicator | undefined = jsonAnnotation(asString(annotations[ANNOTATION.indicator]), indicatorAnnotationSchema, `${path}.metadata.annotations`, problems);
  if (indicator === undefined) {
    const ref = asString(spec.indicatorRef);
    const sli = ref === undefined ? asRecord(spec.indicator) : slis.get(ref);
    if (ref !== undefined && sli === undefined) problems.push({ path: `${path}.spec.indicatorRef`, message: `no SLI named ${ref} in the payload` });
    else indicator = ratioIndicator(sli, ref === undefined ? `${path}.spec.indicator` : `SLI ${ref}`, problems);
  }
  const teamLabel = labels.team;
  const team = asString(annotations[ANNOTATION.team]) ?? asString(Array.isArray(teamLabel) ? teamLabel[0] : teamLabel);
  const namespace = asString(annotations[ANNOTATION.namespace]);
  if (namespace === undefined) warnings.push(`${name}: no namespace given; using "${DEFAULT_NAMESPACE}"`);
  if (team === undefined) warnings.push(`${name}: no team label; using "${DEFAULT_TEAM}"`);
  const policy = jsonAnnotation(asString(annotations[ANNOTATION.policy]), policyAnnotationSchema, `${path}.metadata.annotations`, problems);
  const window = windowOf(spec, `${path}.spec`, problems);
  if (indicator === undefined || window === undefined) return undefined;
  const candidate = {
    name,
    service: asString(spec.service),
    namespace: namespace ?? DEFAULT_NAMESPACE,
    team: team ?? DEFAULT_TEAM,
    ...(asString(spec.description) ? { description: asString(spec.description) } : {}),
    indicator,
    objective,
    window,
    ...(policy ? { policy } : {}),
  };
  return finishSpec(candidate, path, problems);
}
