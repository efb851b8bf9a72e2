// Live incidents injected into a running simulator: for a while, a share of a service's successful
// requests become 503s (UF on Istio, classified failures on Linkerd), as in the payments outage of the
// story; and regional partitions like the scripted one (the model rebuilt with the extra span).
// Lives in this subdirectory so that the fixture TSDB key (a hash of scripts/simulator/*.ts) does not change.
//
// Counters stay counters: an ok series gives up share x (its increase since the start, capped at the
// end), and the matching 503 series gains exactly that, so every series is monotonic and the total
// per edge is the model's own. The history writer and the live registry both read these families.
import type { Model } from '../model';
import type { Family, Labels, Series } from '../series';
import type { Span } from '../timeline';
import type { Mesh } from '../topology';
import { applyOutages, type Outage } from './outage';

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
  /** The model whose families carry the injected incidents and partitions (a copy; the original is untouched). */
  model: Model;
  inject(incident: Incident): Incident;
  incidents(): readonly Incident[];
  /** Starts a regional partition like the scripted one (eu-west's calls to us-east fail) for [start, end). */
  partition(span: Span): Span;
  partitions(): readonly Span[];
  /** The control plane reports nothing from start to end. */
  injectOutage(outage: Outage): Outage;
  outages(): readonly Outage[];
}

/** Per mesh: the response counter, the destination ("namespace/name") and status code of a series, and the labels of an injected failure. */
interface MeshShape {
  family: string;
  destination: (labels: Labels) => string;
  code: (labels: Labels) => string | undefined;
  injected: Labels;
}
const SHAPES: Record<Mesh, MeshShape> = {
  istio: {
    family: 'istio_requests_total',
    destination: (l) => `${l.destination_service_namespace}/${l.destination_service_name}`,
    code: (l) => l.response_code,
    injected: { response_code: '503', response_flags: 'UF' },
  },
  // Both sides' series: inbound names the destination by its own labels, outbound by dst_*.
  linkerd: {
    family: 'response_total',
    destination: (l) => (l.direction === 'outbound' ? `${l.dst_namespace}/${l.dst_deployment}` : `${l.namespace}/${l.deployment}`),
    code: (l) => l.status_code,
    injected: { classification: 'failure', status_code: '503' },
  },
};

const isOk = (code: string | undefined) => code !== undefined && /^[23]/.test(code);
const labelKey = (labels: Labels) => JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : 1)));

/** Resolves `payments`, `payments/payments` or `shop/cart` to a service id of the model. */
export function resolveService(model: Model, text: string): string {
  const found = model.services.filter((s) => s.id === text || s.name === text);
  if (found.length === 1 && found[0]) return found[0].id;
  const names = model.services.filter((s) => s.protocol === 'http').map((s) => s.id);
  throw new Error(found.length > 1 ? `"${text}" is ambiguous: say namespace/name` : `no service "${text}"; one of ${names.join(', ')}`);
}

function hits(shape: MeshShape, series: Series, incident: Incident): boolean {
  return shape.destination(series.labels) === incident.service && isOk(shape.code(series.labels));
}

/** Requests of `series` moved to errors by `incident` up to t. */
function moved(series: Series, incident: Incident, t: number): number {
  if (t <= incident.start) return 0;
  return incident.errorShare * (series.value(Math.min(t, incident.end)) - series.value(incident.start));
}

/** The request counters with every incident applied; other families are returned as they are. */
export function applyIncidents(original: Family, incidents: readonly Incident[], mesh: Mesh = 'istio'): Family {
  const shape = SHAPES[mesh];
  if (original.name !== shape.family || incidents.length === 0) return original;
  const byKey = new Map(original.series.map((s) => [labelKey(s.labels), s]));
  const extra = new Map<string, Array<(t: number) => number>>(); // error series key -> contributions
  const extraLabels = new Map<string, Labels>();
  const series = original.series.map((s): Series => {
    const mine = incidents.filter((i) => hits(shape, s, i));
    if (mine.length === 0) return s;
    const errorLabels = { ...s.labels, ...shape.injected };
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
    merged.push({ name: shape.family, labels: extraLabels.get(key) ?? {}, start, end: Number.POSITIVE_INFINITY, value: (t) => add.reduce((sum, f) => sum + f(t), 0) });
  }
  return { ...original, series: merged };
}

export function createIncidentControl(base: Model): IncidentControl {
  const list: Incident[] = [];
  const partitions: Span[] = [];
  const outages: Outage[] = [];
  // Partitions change the model itself (which pairs' calls fail), so they rebuild it; incidents and
  // control-plane outages are applied on top. Its truth follows the partitions, not the incidents.
  let current = base;
  // Mutable copies: the live registry holds these family objects and reads `series` at every scrape.
  const families: Family[] = base.families.map((f) => ({ ...f }));
  const model: Model = { ...base, families, truth: (from, to) => current.truth(from, to) };
  const refresh = () => {
    current.families.forEach((original, i) => {
      const target = families[i];
      if (target) target.series = applyOutages(applyIncidents(original, list, base.mesh), outages, base.mesh).series;
    });
  };
  return {
    model,
    inject(incident) {
      if (!(incident.errorShare > 0 && incident.errorShare <= 1)) throw new Error('errorShare must be in (0, 1]');
      if (!(incident.end > incident.start)) throw new Error('an incident must end after it starts');
      const resolved = { ...incident, service: resolveService(base, incident.service) };
      list.push(resolved);
      refresh();
      return resolved;
    },
    incidents: () => [...list],
    partition(span) {
      if (!(span.end > span.start)) throw new Error('a partition must end after it starts');
      partitions.push({ start: span.start, end: span.end });
      current = base.withPartitions(partitions);
      refresh();
      return { ...span };
    },
    partitions: () => partitions.map((p) => ({ ...p })),
    injectOutage(outage) {
      if (!(outage.end > outage.start)) throw new Error('an outage must end after it starts');
      outages.push({ ...outage });
      refresh();
      return outage;
    },
    outages: () => [...outages],
  };
}
