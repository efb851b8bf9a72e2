import { windowExprs } from '../queries';
import type { SliSource } from '../sli-source';
import type { Indicator, SloSpec } from '../spec';
import {
  DEFAULT_NAMESPACE,
  DEFAULT_TEAM,
  asRecord,
  asString,
  finishSpec,
  slug,
  type ImportProblem,
  type UnknownRecord,
} from './interchange';
import { OUR_WINDOW, SLOTH_DEFAULT_WINDOW } from './sloth';

// Sloth prometheus/v1 import: each events SLI becomes a custom indicator, or the availability or
// latency indicator it was exported from. Sloth has no per-SLO window: its default 30 days applies. Pure.

const squash = (query: string) => query.replace(/\s+/g, '');
/**
 * rate() over the window -> increase(): the ratio is the same, and increase() counts events, which
 * the low-traffic check needs. Only `rate(` itself matches: irate( has no word boundary before r.
 */
const rateToIncrease = (query: string) => query.replace(/\brate\(/g, 'increase(');
/** Accepts `{{.window}}` and `{{ .window }}`. */
const withOurWindow = (query: string) => query.replace(/\{\{\s*\.window\s*\}\}/g, OUR_WINDOW);
/** Our own availability or latency query shapes come back as what they were; anything else is custom. */
function recognise(base: Omit<SloSpec, 'indicator'>, errorQuery: string, totalQuery: string, sources: readonly SliSource[]): Indicator {
  const same = (indicator: Indicator) =>
    sources.some((source) => {
      const { bad, total } = windowExprs({ ...base, indicator }, OUR_WINDOW, source);
      return squash(bad) === squash(errorQuery) && squash(total) === squash(totalQuery);
    });
  const availability: Indicator = { type: 'availability' };
  if (same(availability)) return availability;
  const le = /le=~"((?:[0-9.]|\\)+)(?:\(\\\\\.0\)\?)?"/.exec(errorQuery)?.[1];
  const latency: Indicator | undefined = le === undefined ? undefined : { type: 'latency', thresholdMs: Number(le.replace(/\\/g, '')) };
  if (latency && same(latency)) return latency;
  return { type: 'custom', errorQuery, totalQuery };
}

/** A Sloth document: one spec per entry of `slos`. */
export function fromSloth(doc: UnknownRecord, path: string, problems: ImportProblem[], warnings: string[], sources: readonly SliSource[]): SloSpec[] {
  const service = asString(doc.service);
  const labels = asRecord(doc.labels) ?? {};
  const namespace = asString(labels.namespace);
  const team = asString(labels.team) ?? asString(labels.owner);
  if (namespace === undefined) warnings.push(`${service ?? path}: no namespace label; using "${DEFAULT_NAMESPACE}"`);
  if (team === undefined) warnings.push(`${service ?? path}: no team or owner label; using "${DEFAULT_TEAM}"`);
  const slos = Array.isArray(doc.slos) ? doc.slos : [];
  if (slos.length === 0) problems.push({ path: `${path}.slos`, message: 'needs at least one SLO' });
  const specs: SloSpec[] = [];
  slos.forEach((raw, i) => {
    const at = `${path}.slos.${i}`;
    const slo = asRecord(raw) ?? {};
    const sli = asRecord(slo.sli) ?? {};
    const ev = asRecord(sli.events);
    const errorQuery = asString(ev?.error_query);
    const totalQuery = asString(ev?.total_query);
    if (errorQuery === undefined || totalQuery === undefined) {
      const other = sli.raw !== undefined ? 'raw error-ratio SLIs' : sli.plugin !== undefined ? 'SLI plugins' : undefined;
      problems.push({ path: `${at}.sli`, message: other ? `${other} are not supported; use events` : 'needs events.error_query and events.total_query' });
      return;
    }
    const sloName = asString(slo.name) ?? '';
    const base = {
      name: slug(sloName.startsWith(service ?? '') ? sloName : `${service ?? ''}-${sloName}`),
      service: service ?? '',
      namespace: namespace ?? DEFAULT_NAMESPACE,
      team: team ?? DEFAULT_TEAM,
      ...(asString(slo.description) ? { description: asString(slo.description) } : {}),
      objective: typeof slo.objective === 'number' ? slo.objective : Number.NaN,
      window: SLOTH_DEFAULT_WINDOW,
    };
    const indicator = recognise(base, rateToIncrease(withOurWindow(errorQuery)), rateToIncrease(withOurWindow(totalQuery)), sources);
    if (slo.alerting !== undefined) warnings.push(`${base.name}: Sloth alerting settings are not imported; the default burn-rate policy applies`);
    const spec = finishSpec({ ...base, indicator }, at, problems);
    if (spec) specs.push(spec);
  });
  return specs;
}
