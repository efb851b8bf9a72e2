// Small PromQL builders shared by the adapters. Label names passed here are ours (constants), values
// only ever enter through `matchers`, which escapes them.
import { isValidLabelName, parsePromDuration } from '@/lib/promql';

/** Returns `window` if it is a PromQL duration literal; throws RangeError otherwise (no injection via `[...]`). */
export function checkWindow(window: string): string {
  parsePromDuration(window);
  return window;
}

/** Throws unless 0 < q < 1, so a quantile can never be anything but a number literal. */
export function checkQuantile(q: number): string {
  if (!(q > 0 && q < 1)) throw new RangeError(`quantile must be between 0 and 1, got ${q}`);
  return String(q);
}

/** `sum by (a, b) (inner)`, or `sum(inner)` without labels. */
export function sumBy(labels: readonly string[], inner: string, op = 'sum'): string {
  for (const l of labels) if (!isValidLabelName(l)) throw new Error(`invalid label name ${JSON.stringify(l)}`);
  return labels.length === 0 ? `${op}(${inner})` : `${op} by (${labels.join(', ')}) (${inner})`;
}

/**
 * part / whole per group, summing numerator and denominator separately (never averaging ratios).
 * `or whole * 0` gives groups without any failing series a zero numerator; `whole > 0` drops groups
 * without traffic, so they get no sample (read as null) instead of NaN from 0/0.
 */
export function ratio(part: string, whole: string): string {
  return `(${part} or ${whole} * 0) / (${whole} > 0)`;
}

/** histogram_quantile over bucket rates summed by `le` and the grouping labels. */
export function quantile(q: number, labels: readonly string[], buckets: string): string {
  return `histogram_quantile(${checkQuantile(q)}, ${sumBy(['le', ...labels], buckets)})`;
}

/** Tags every sample of `expr` with a constant label, e.g. direction="inbound". */
export function withLabel(expr: string, name: string, value: string): string {
  if (!isValidLabelName(name) || !/^[a-z_]+$/.test(value)) throw new Error(`invalid constant label ${name}=${value}`);
  return `label_replace(${expr}, "${name}", "${value}", "", "")`;
}
