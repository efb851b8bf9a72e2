import { describe, expect, it } from 'vitest';
import { sourceSummary, sourceText } from './burn-rate-table';

describe('read-path labels of the burn-rate table', () => {
  it.each([
    ['recorded', 'Recording rule', 'slo:sli_error:ratio_rate1h'],
    ['raw', 'Raw counters', 'increase()'],
  ] as const)('names the %s path and says where the number came from', (source, text, inTitle) => {
    const out = sourceText(source, '1h');
    expect(out?.text).toBe(text);
    expect(out?.title).toContain(inTitle);
  });

  it('says nothing for a status without sources (older servers)', () => {
    expect(sourceText(undefined, '1h')).toBeNull();
    expect(sourceSummary(undefined)).toBeNull();
  });

  it.each([
    [{ '1h': 'recorded', '30d': 'recorded' }, 'Every window read from the recording rules Meshwatch generates.'],
    [{ '1h': 'raw', '30d': 'raw' }, 'Every window computed from raw counters: the recording rules are not loaded or have no series yet.'],
    [{ '5m': 'recorded', '1h': 'recorded', '30d': 'raw' }, '2 of 3 windows read from recording rules, the others from raw counters.'],
  ] as const)('sums up %j', (source, summary) => {
    expect(sourceSummary(source)).toBe(summary);
  });
});
