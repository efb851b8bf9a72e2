import { describe, expect, it } from 'vitest';
import { expandTemplate, goG4, humanizePercentage } from './go-template';

describe('goG4', () => {
  // Expected strings from C's printf("%.4g") (python3 -c "print('%.4g' % v)"), which Go's %g matches.
  it.each([
    [2.0000000000000004, '2'],
    [0.1, '0.1'],
    [12345, '1.234e+04'],
    [12.125, '12.12'], // an exact tie rounds to even
    [12.135, '12.13'], // not a tie: the double is just below
    [99.995, '100'],
    [9999.5, '1e+04'],
    [0.0001, '0.0001'],
    [0.00001234, '1.234e-05'],
    [1.0625, '1.062'],
    [-3.14159, '-3.142'],
    [0, '0'],
  ])('%s -> %s', (v, text) => expect(goG4(v)).toBe(text));
});

describe('expandTemplate', () => {
  it('prints humanizePercentage, literal braces and labels as Prometheus does', () => {
    expect(humanizePercentage(0.02)).toBe('2%');
    expect(expandTemplate('{{ $value | humanizePercentage }} of {{ $labels.slo }} in {{ "{{" }}x', { value: 0.0125, labels: { slo: 'a' } })).toBe('1.25% of a in {{x');
  });

  it('refuses an action it cannot predict', () => {
    expect(() => expandTemplate('{{ $value | humanize }}', { value: 1, labels: {} })).toThrow(/cannot predict/);
  });
});
