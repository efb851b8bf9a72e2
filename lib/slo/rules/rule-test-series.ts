import { matchers } from '@/lib/promql';
import { goodQueryOf } from '../good-total';
import type { SliSource } from '../sli-source';
import type { SloSpec } from '../spec';

// Synthetic counters for `promtool test rules`: per indicator, the series its generated rules read
// (the mesh's, from its SliSource), with bad and good events at given per-minute rates. Pure.

/** One counter of a test: its labels and how much it grows each minute. */
export interface SyntheticCounter {
  metric: string;
  labels: Record<string, string>;
  perMinute: number;
}

export class UnsupportedIndicatorError extends Error {}

/** The series that produce `bad` bad events out of `total` each minute, served by `cluster` when given. */
export function syntheticCounters(spec: SloSpec, source: SliSource, bad: number, total: number, cluster?: string): SyntheticCounter[] {
  const counters = serviceCounters(spec, source, bad, total);
  return cluster === undefined ? counters : counters.map((c) => ({ ...c, labels: { ...c.labels, [source.clusterLabel]: cluster } }));
}

function serviceCounters(spec: SloSpec, source: SliSource, bad: number, total: number): SyntheticCounter[] {
  switch (spec.indicator.type) {
    case 'availability':
      return [
        { ...source.requestSeries(spec, 'ok'), perMinute: total - bad },
        { ...source.requestSeries(spec, 'failed'), perMinute: bad },
      ];
    case 'latency':
      // Cumulative buckets: the threshold's bucket counts the fast (good) requests, +Inf all of them.
      return [
        { ...source.bucketSeries(spec, String(spec.indicator.thresholdMs)), perMinute: total - bad },
        { ...source.bucketSeries(spec, '+Inf'), perMinute: total },
      ];
    case 'custom': {
      const good = goodQueryOf(spec.indicator.errorQuery, spec.indicator.totalQuery);
      return good === undefined ? customCounters(spec.indicator.errorQuery, spec.indicator.totalQuery, bad, total) : goodTotalCounters(good, spec.indicator.totalQuery, bad, total);
    }
  }
}

/** `metric{labels}` as promtool's input_series reads it. */
export function seriesText(counter: Pick<SyntheticCounter, 'metric' | 'labels'>): string {
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

/** Labels on which one of `sel`'s negative matchers fails (so a series with them is outside `sel`). */
function outside(sel: Selector, labels: Record<string, string>): Record<string, string> {
  for (const { name, op, value } of sel.matchers) {
    if (labels[name] !== undefined) continue;
    if (op === '!=') return { ...labels, [name]: value };
    const example = op === '!~' ? regexExample(value) : null;
    if (example !== null) return { ...labels, [name]: example };
  }
  return labels;
}

/**
 * A good/total SLI (good-total.ts): a good counter, and beside it the failed events, either a series
 * of the same metric outside the good selector or the total's own counter.
 */
function goodTotalCounters(goodQuery: string, totalQuery: string, bad: number, total: number): SyntheticCounter[] {
  const goodSel = parseSelector(goodQuery, 'good');
  const totalSel = parseSelector(totalQuery, 'total');
  if (goodSel.fn !== totalSel.fn) throw new UnsupportedIndicatorError(`the good query uses ${goodSel.fn} and the total query ${totalSel.fn}; their ratio is not a good ratio`);
  const goodLabels = labelsFor(goodSel);
  const totalLabels = labelsFor(totalSel);
  if (goodLabels === null || totalLabels === null) throw new UnsupportedIndicatorError('a regex matcher has no plain example value (such as 5.. for 500)');
  const goodCounter = { metric: goodSel.metric, labels: goodLabels, perMinute: total - bad };
  // Good events counted by the total query too (one metric, more labels): the other series holds the failed ones.
  const overlapping = matches(totalSel, goodSel.metric, goodLabels);
  const other = { metric: totalSel.metric, labels: overlapping ? outside(goodSel, totalLabels) : totalLabels, perMinute: overlapping ? bad : total };
  const consistent = matches(goodSel, goodCounter.metric, goodCounter.labels) && matches(totalSel, other.metric, other.labels) && !matches(goodSel, other.metric, other.labels);
  if (!consistent) throw new UnsupportedIndicatorError('no pair of series satisfies the good and total queries as expected (good events inside or beside the total)');
  return [goodCounter, other];
}
