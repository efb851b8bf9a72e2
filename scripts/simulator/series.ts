// What both outputs (OpenMetrics history and the live registry) consume: metric families whose
// series are pure functions of time over [start, end].
import { sumCounters, type Counter, type ValueFn } from './counter';

export type Labels = Readonly<Record<string, string>>;
export type MetricType = 'counter' | 'gauge' | 'histogram';

export interface Series {
  name: string; // sample name: the family name, or <family>_bucket / _sum / _count
  labels: Labels;
  start: number;
  end: number; // Infinity when the series never ends
  value: ValueFn;
}

export interface Family {
  name: string; // as exposed to Prometheus (counters keep their _total suffix when they have one)
  help: string;
  type: MetricType;
  series: Series[];
}

export function seriesOf(name: string, labels: Labels, counter: Counter): Series {
  return { name, labels, start: counter.start, end: counter.end, value: counter.value };
}

export function constantSeries(name: string, labels: Labels, start: number, end: number, value: ValueFn): Series {
  return { name, labels, start, end, value };
}

function labelKey(name: string, labels: Labels): string {
  return `${name}{${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',')}}`;
}

/**
 * Sums counters that end up with identical labels (a mesh that does not distinguish two of the
 * model's response classes, or an old and a new revision behind the same labels).
 */
export function mergeCounters(drafts: ReadonlyArray<{ name: string; labels: Labels; counter: Counter }>): Series[] {
  const groups = new Map<string, Array<{ name: string; labels: Labels; counter: Counter }>>();
  for (const draft of drafts) {
    const key = labelKey(draft.name, draft.labels);
    const group = groups.get(key);
    if (group) group.push(draft);
    else groups.set(key, [draft]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0];
    if (!first) throw new Error('empty group');
    return seriesOf(first.name, first.labels, sumCounters(group.map((d) => d.counter)));
  });
}

/** OpenMetrics/Prometheus text form of a bucket boundary, identical to what prom-client prints. */
export function formatLe(le: number): string {
  return le === Number.POSITIVE_INFINITY ? '+Inf' : String(le);
}
