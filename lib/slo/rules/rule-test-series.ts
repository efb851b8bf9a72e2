import { matchers } from '@/lib/promql';
import { ISTIO_DURATION_BUCKETS, ISTIO_REQUESTS, SERVICE_LABELS } from '../queries';
import type { SloSpec } from '../spec';

// Synthetic counters for `promtool test rules`: per indicator, the series its generated rules read,
// with bad and good events at given per-minute rates. Pure.

/** One counter of a test: its labels and how much it grows each minute. */
export interface SyntheticCounter {
  metric: string;
  labels: Record<string, string>;
  perMinute: number;
}

export class UnsupportedIndicatorError extends Error {}

const SERVICE = (spec: SloSpec) => ({ reporter: 'destination', [SERVICE_LABELS.namespace]: spec.namespace, [SERVICE_LABELS.service]: spec.service });

/** The series that produce `bad` bad events out of `total` each minute. */
export function syntheticCounters(spec: SloSpec, bad: number, total: number): SyntheticCounter[] {
  switch (spec.indicator.type) {
    case 'availability':
      // 503 is a server error whatever the error-code convention; 200 never is.
      return [
        { metric: ISTIO_REQUESTS, labels: { ...SERVICE(spec), response_code: '200' }, perMinute: total - bad },
        { metric: ISTIO_REQUESTS, labels: { ...SERVICE(spec), response_code: '503' }, perMinute: bad },
      ];
    case 'latency':
      // Cumulative buckets: the threshold's bucket counts the fast (good) requests, +Inf all of them.
      return [
        { metric: ISTIO_DURATION_BUCKETS, labels: { ...SERVICE(spec), le: String(spec.indicator.thresholdMs) }, perMinute: total - bad },
        { metric: ISTIO_DURATION_BUCKETS, labels: { ...SERVICE(spec), le: '+Inf' }, perMinute: total },
      ];
    case 'custom':
      return customCounters(spec.indicator.errorQuery, spec.indicator.totalQuery, bad, total);
  }
}

/** `metric{labels}` as promtool's input_series reads it. */
export function seriesText(counter: SyntheticCounter): string {
  return `${counter.metric}${matchers(counter.labels)}`;
}

// --- custom indicators: only `[sum(] increase|rate(selector[{{window}}]) [)]`, where counters can be made up.

interface Matcher {
  name: string;
  op: '=' | '!=' | '=~' | '!~';
  value: string;
}
interface Selector {
  fn: string;
  metric: string;
  matchers: Matcher[];
}

const QUERY =
  /^\s*(?:sum\s*(?:(?:by|without)\s*\([^()]*\)\s*)?\(\s*)?(increase|rate)\s*\(\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(?:\{([^{}]*)\})?\s*\[\s*\{\{window\}\}\s*\]\s*\)\s*(\))?\s*$/;
const MATCHER = /\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*(=~|!~|!=|=)\s*"((?:[^"\\]|\\.)*)"\s*(?:,|$)/y;

/** A PromQL double-quoted string's content; its common escapes are JSON's. */
function unquote(text: string, which: string): string {
  try {
    return JSON.parse(`"${text}"`) as string;
  } catch {
    throw new UnsupportedIndicatorError(`the ${which} query has a label value with an escape this generator does not read`);
  }
}

function parseSelector(query: string, which: string): Selector {
  const m = QUERY.exec(query);
  const opened = query.trimStart().startsWith('sum');
  if (!m || opened !== (m[4] === ')')) {
    throw new UnsupportedIndicatorError(
      `the ${which} query is not of the form sum(increase(metric{...}[{{window}}])) (or rate), so no counters can be made up for it`,
    );
  }
  const body = m[3] ?? '';
  const found: Matcher[] = [];
  MATCHER.lastIndex = 0;
  while (MATCHER.lastIndex < body.length && body.slice(MATCHER.lastIndex).trim() !== '') {
    const mm = MATCHER.exec(body);
    if (!mm) throw new UnsupportedIndicatorError(`the ${which} query's label matchers could not be read`);
    found.push({ name: mm[1] ?? '', op: (mm[2] ?? '=') as Matcher['op'], value: unquote(mm[3] ?? '', which) });
  }
  return { fn: m[1] ?? '', metric: m[2] ?? '', matchers: found };
}

function fullMatch(re: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${re})$`).test(value);
  } catch {
    throw new UnsupportedIndicatorError(`the regex ${JSON.stringify(re)} uses syntax this generator does not read`);
  }
}

function matches(sel: Selector, metric: string, labels: Record<string, string>): boolean {
  if (sel.metric !== metric) return false;
  return sel.matchers.every(({ name, op, value }) => {
    const v = labels[name] ?? '';
    if (op === '=') return v === value;
    if (op === '!=') return v !== value;
    return fullMatch(value, v) === (op === '=~');
  });
}

/** A value a `=~` regex matches: its first alternative, when that is plain text with `.` wildcards (`5..` gives 500). */
function regexExample(re: string): string | null {
  const first = re.split('|')[0] ?? '';
  if (!/^(?:[a-zA-Z0-9_\-:/ ]|\\\.|\.)+$/.test(first)) return null;
  const text = first.replace(/\\\.|\./g, (t) => (t === '.' ? '0' : '.'));
  return fullMatch(re, text) ? text : null;
}

/** Labels satisfying a selector's positive matchers (the negative ones are checked afterwards). */
function labelsFor(sel: Selector): Record<string, string> | null {
  const labels: Record<string, string> = {};
  for (const { name, op, value } of sel.matchers) {
    if (op === '=') labels[name] = value;
    if (op === '=~') {
      const example = regexExample(value);
      if (example === null) return null;
      labels[name] = example;
    }
  }
  return labels;
}

function customCounters(errorQuery: string, totalQuery: string, bad: number, total: number): SyntheticCounter[] {
  const badSel = parseSelector(errorQuery, 'error');
  const totalSel = parseSelector(totalQuery, 'total');
  if (badSel.fn !== totalSel.fn) throw new UnsupportedIndicatorError(`the error query uses ${badSel.fn} and the total query ${totalSel.fn}; their ratio is not an error ratio`);
  const badLabels = labelsFor(badSel);
  const otherLabels = labelsFor(totalSel);
  if (badLabels === null || otherLabels === null) throw new UnsupportedIndicatorError('a regex matcher has no plain example value (such as 5.. for 500)');
  const badCounter = { metric: badSel.metric, labels: badLabels, perMinute: bad };
  // Bad events counted by the total query too (one metric, more labels): the other series holds the good ones.
  const overlapping = matches(totalSel, badSel.metric, badLabels);
  const other = { metric: totalSel.metric, labels: otherLabels, perMinute: overlapping ? total - bad : total };
  const consistent = matches(badSel, badCounter.metric, badCounter.labels) && matches(totalSel, other.metric, other.labels) && !matches(badSel, other.metric, other.labels);
  if (!consistent) throw new UnsupportedIndicatorError('no pair of series satisfies the error and total queries as expected (bad events inside or beside the total)');
  return [other, badCounter];
}
