import { asRecord, asString, type ImportProblem, type UnknownRecord } from './interchange';
import { goodTotalErrorQuery } from '../good-total';
import type { Indicator } from '../spec';

// An OpenSLO v1 ratioMetric SLI as a custom indicator: Prometheus queries only; counter queries are
// put under increase() over {{window}}, others must already carry {{window}}. Pure.

const SELECTOR = String.raw`(?:[a-zA-Z_:][a-zA-Z0-9_:]*\s*(?:\{[^{}]*\})?|\{[^{}]*\})`;
const GROUPING = String.raw`(?:(?:by|without)\s*\([^()]*\)\s*)?`;
/** `selector`, `sum(selector)` or `sum by (...) (selector)`: counters we can put under increase(). */
const COUNTER_QUERY = new RegExp(String.raw`^\s*(?:sum\s*${GROUPING}\(\s*(${SELECTOR})\s*\)\s*${GROUPING}|(${SELECTOR}))\s*$`);

/** An OpenSLO counter query as the events in {{window}}; undefined when it is not a plain counter. */
export function counterToWindowQuery(query: string): string | undefined {
  if (query.includes('{{window}}')) return query;
  const match = COUNTER_QUERY.exec(query);
  const selector = (match?.[1] ?? match?.[2])?.trim();
  return selector ? `sum(increase(${selector}[{{window}}]))` : undefined;
}

function metricQuery(value: unknown, path: string, problems: ImportProblem[]): string | undefined {
  const source = asRecord(asRecord(value)?.metricSource);
  const type = asString(source?.type);
  if (type !== undefined && type.toLowerCase() !== 'prometheus') {
    problems.push({ path: `${path}.metricSource.type`, message: `${type} is not supported; only Prometheus` });
    return undefined;
  }
  const spec = asRecord(source?.spec);
  const query = asString(spec?.query) ?? asString(spec?.promql);
  if (query === undefined) problems.push({ path: `${path}.metricSource.spec.query`, message: 'is required' });
  return query;
}

export function ratioIndicator(sli: UnknownRecord | undefined, path: string, problems: ImportProblem[]): Indicator | undefined {
  const ratio = asRecord(asRecord(sli?.spec)?.ratioMetric);
  if (!ratio) {
    problems.push({ path: `${path}.spec.ratioMetric`, message: 'is required (thresholdMetric and raw ratios are not supported)' });
    return undefined;
  }
  const counter = ratio.counter === true;
  const convert = (q: string | undefined, at: string) => {
    if (q === undefined) return undefined;
    const out = counter ? counterToWindowQuery(q) : q.includes('{{window}}') ? q : undefined;
    if (out === undefined) {
      const want = counter ? 'a counter selector, sum(selector) or sum by (...) (selector)' : 'a query with {{window}} as its range';
      problems.push({ path: at, message: `cannot be converted: expected ${want}` });
    }
    return out;
  };
  const p = `${path}.spec.ratioMetric`;
  const total = convert(metricQuery(ratio.total, `${p}.total`, problems), `${p}.total`);
  if (ratio.bad !== undefined) {
    const bad = convert(metricQuery(ratio.bad, `${p}.bad`, problems), `${p}.bad`);
    return bad && total ? { type: 'custom', errorQuery: bad, totalQuery: total } : undefined;
  }
  const good = convert(metricQuery(ratio.good, `${p}.good`, problems), `${p}.good`);
  return good && total ? { type: 'custom', errorQuery: goodTotalErrorQuery(good, total), totalQuery: total } : undefined;
}
