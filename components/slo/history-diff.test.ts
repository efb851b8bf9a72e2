import { describe, expect, it } from 'vitest';
import type { SloSpec } from '@/lib/slo/spec';
import { diffSummary } from './history-diff';

const spec: SloSpec = { name: 'p', service: 'payments', namespace: 'payments', team: 'pay', indicator: { type: 'availability' }, objective: 99.9, window: '30d' };

describe('diffSummary', () => {
  it.each([
    ['create', null, spec, ['created payments availability 99.9% / 30d']],
    ['delete', spec, null, ['deleted']],
    ['update', spec, { ...spec, objective: 99.5 }, ['objective: 99.9 → 99.5']],
    ['nested', spec, { ...spec, indicator: { type: 'latency' as const, thresholdMs: 250 } }, ['indicator.thresholdMs: (none) → 250', 'indicator.type: availability → latency']],
  ])('%s', (_case, before, after, expected) => {
    expect(diffSummary(before, after)).toEqual(expected);
  });
});
