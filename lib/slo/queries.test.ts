import { describe, expect, it } from 'vitest';
import { leRegex, openMetricsFloat, parseLe } from './queries';

// Bucket bounds as Prometheus 3 writes them: Go's strconv.FormatFloat(v, 'g', -1, 64), ".0" added when
// that has neither "." nor "e" (model/labels.FormatOpenMetricsFloat). Expected spellings worked out
// from Go's rule: an exponent when it is under -4 or at least 6 (the shortest form's precision).
describe('openMetricsFloat', () => {
  it.each([
    [1, '1.0'],
    [250, '250.0'],
    [0.5, '0.5'],
    [999_999, '999999.0'],
    [1_000_000, '1e+06'],
    [1_800_000, '1.8e+06'],
    [3_600_000, '3.6e+06'],
    [0.0001, '0.0001'],
    [0.00005, '5e-05'],
  ])('%d is written %s', (value, text) => {
    expect(openMetricsFloat(value)).toBe(text);
    expect(parseLe(text)).toBe(value);
  });
});

describe('leRegex', () => {
  // PromQL anchors a regex matcher at both ends.
  const matches = (threshold: number, le: string) => new RegExp(`^(?:${leRegex(threshold)})$`).test(le);

  it('matches every spelling of the bound, as Prometheus 2 keeps it and Prometheus 3 writes it', () => {
    expect(['250', '250.0'].map((le) => matches(250, le))).toEqual([true, true]);
    // Istio's 30-minute and hour buckets: Prometheus 3 writes them with an exponent.
    expect(['1800000', '1800000.0', '1.8e+06'].map((le) => matches(1_800_000, le))).toEqual([true, true, true]);
    expect(['3600000', '3.6e+06'].map((le) => matches(3_600_000, le))).toEqual([true, true]);
    expect(matches(2.5, '2.5')).toBe(true);
  });

  it('matches no other bound', () => {
    expect(['2500', '25', '250.5', '1250', '+Inf'].some((le) => matches(250, le))).toBe(false);
    expect(['1.8e+07', '18000000', '1x8e+06', '1.8e-06'].some((le) => matches(1_800_000, le))).toBe(false);
    expect(matches(2.5, '205')).toBe(false);
  });
});
