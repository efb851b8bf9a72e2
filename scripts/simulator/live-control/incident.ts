// Live incidents injected into a running simulator: for a while, a share of a service's successful
// requests become 503 UF (as in the payments outage of the story). Lives in this subdirectory so that
// the fixture TSDB key (a hash of scripts/simulator/*.ts) does not change.
//
// Counters stay counters: an ok series gives up share x (its increase since the start, capped at the
// end), and the matching 503 series gains exactly that, so every series is monotonic and the total
// per edge is the model's own. The history writer and the live registry both read these families.
import type { Model } from '../model';
import type { Family, Labels, Series } from '../series';

export interface Incident {
  /** namespace/name of the destination service. */
  service: string;
  /** Unix seconds. */
  start: number;
  end: number;
  /** Share of the successful requests that fail instead, 0 < share <= 1. */
  errorShare: number;
}

export interface IncidentControl {
  /** The model whose families carry the injected incidents (a copy; the original is untouched). */
  model: Model;
  inject(incident: Incident): Incident;
  incidents(): readonly Incident[];
}

const REQUESTS = 'istio_requests_total';
const INJECTED = { response_code: '503', response_flags: 'UF' } as const;

const isOk = (code: string | undefined) => code !== undefined && /^[23]/.test(code);
const labelKey = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Resolves `payments`, `payments/payments` or `shop/cart` to a service id of the model. */
export function resolveService(model: Model, text: string): string {
  const found = model.services.filter((s) => s.id === text || s.name === text);
  if (found.length === 1 && found[0]) return found[0].id;
  const names = model.services.filter((s) => s.protocol === 'http').map((s) => s.id);
  throw new Error(found.length > 1 ? `"${text}" is ambiguous: say namespace/name` : `no service "${text}"; one of ${names.join(', ')}`);
}

function hits(series: Series, incident: Incident): boolean {
  const [namespace, name] = incident.service.split('/');
  return series.labels.destination_service_namespace === namespace && series.labels.destination_service_name === name && isOk(series.labels.response_code);
}

/** Requests of `series` moved to errors by `incident` up to t. */
function moved(series: Series, incident: Incident, t: number): number {
  if (t <= incident.start) return 0;
  return incident.errorShare * (series.value(Math.min(t, incident.end)) - series.value(incident.start));
}

/** The request counters with every incident applied; other families are returned as they are. */
export function applyIncidents(original: Family, incidents: readonly Incident[]): Family {
  if (original.name !== REQUESTS || incidents.length === 0) return original;
  const byKey = new Map(original.series.map((s) => [labelKey(s.labels), s]));
  const extra = new Map<string, Array<(t: number) => number>>(); // error series key -> contributions
  const extraLabels = new Map<string, Labels>();
  const series = original.series.map((s): Series => {
    const mine = incidents.filter((i) => hits(s, i));
    if (mine.length === 0) return s;
    const errorLabels = { ...s.labels, ...INJECTED };
    const key = labelKey(errorLabels);
    extraLabels.set(key, errorLabels);
    extra.set(key, [...(extra.get(key) ?? []), (t) => mine.reduce((sum, i) => sum + moved(s, i, t), 0)]);
    return { ...s, value: (t) => s.value(t) - mine.reduce((sum, i) => sum + moved(s, i, t), 0) };
  });
  const merged = series.map((s): Series => {
    const key = labelKey(s.labels);
    const add = extra.get(key);
    if (!add) return s;
    extra.delete(key);
    return { ...s, value: (t) => s.value(t) + add.reduce((sum, f) => sum + f(t), 0) };
  });
  const start = Math.min(...incidents.map((i) => i.start));
  for (const [key, add] of extra) {
    if (byKey.has(key)) continue;
    merged.push({ name: REQUESTS, labels: extraLabels.get(key) ?? {}, start, end: Number.POSITIVE_INFINITY, value: (t) => add.reduce((sum, f) => sum + f(t), 0) });
  }
  return { ...original, series: merged };
}

export function createIncidentControl(base: Model): IncidentControl {
  if (base.mesh !== 'istio') throw new Error('live incidents are only simulated for the Istio mesh');
  const list: Incident[] = [];
  // Mutable copies: the live registry holds these family objects and reads `series` at every scrape.
  const families: Family[] = base.families.map((f) => ({ ...f }));
  const model: Model = { ...base, families };
  return {
    model,
    inject(incident) {
      if (!(incident.errorShare > 0 && incident.errorShare <= 1)) throw new Error('errorShare must be in (0, 1]');
      if (!(incident.end > incident.start)) throw new Error('an incident must end after it starts');
      const resolved = { ...incident, service: resolveService(base, incident.service) };
      list.push(resolved);
      base.families.forEach((original, i) => {
        const target = families[i];
        if (target) target.series = applyIncidents(original, list).series;
      });
      return resolved;
    },
    incidents: () => [...list],
  };
}
