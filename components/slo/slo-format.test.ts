import { describe, expect, it } from 'vitest';
import { sloHealth } from '@/lib/health';
import { sloStateSchema } from '@/lib/slo/state';
import type { SloStatus } from '@/lib/slo/status-schema';
import { budgetTone, formatBudget, formatBurn, formatExhaustion, formatSli, statusChip } from './slo-format';

const base: SloStatus = {
  name: 'x',
  evaluatedAt: '2026-10-01T00:00:00Z',
  sli: 0.999,
  errorBudget: { consumed: 0.2, remaining: 0.8 },
  burnRates: {},
  alerts: [],
  timeToExhaustionSeconds: null,
  traffic: { events: 10, lowTraffic: false },
  recommendation: { action: 'none', reason: '' },
  state: 'ok',
};

describe('statusChip', () => {
  // The chip on the SLO pages and the verdict the executive panels show for the same SLO: one colour.
  it.each(sloStateSchema.options)('colours %s as lib/health judges it', (state) => {
    const tone = { failing: 'bad', warning: 'warn', ok: 'good', idle: 'muted' }[sloHealth({ ...base, state }).level];
    expect(statusChip({ ...base, state }, undefined).tone).toBe(tone);
  });

  it.each([
    ['page', { ...base, recommendation: { action: 'page' as const, reason: '' }, state: 'page' as const }, undefined, 'page', 'bad'],
    ['ticket', { ...base, recommendation: { action: 'ticket' as const, reason: '' }, state: 'ticket' as const }, undefined, 'ticket', 'warn'],
    ['low traffic', { ...base, traffic: { events: 1, lowTraffic: true }, state: 'low_traffic' as const }, undefined, 'low traffic', 'muted'],
    // payments-availability: -60% budget, nothing firing. It read "ok".
    ['exhausted', { ...base, errorBudget: { consumed: 1.6, remaining: -0.6 }, state: 'exhausted' as const }, undefined, 'exhausted', 'warn'],
    ['quiet', base, undefined, 'ok', 'good'],
    ['error', undefined, 'Prometheus down', 'error', 'bad'],
  ])('%s', (_case, status, error, label, tone) => {
    expect(statusChip(status, error)).toEqual({ label, tone });
  });
});

describe('formatting', () => {
  it.each([
    [0.99931, '99.931%'],
    [null, 'no traffic'],
  ])('SLI %s -> %s', (sli, text) => expect(formatSli(sli)).toBe(text));
  it('formats budgets, burns and exhaustion', () => {
    expect(formatBudget(0.3123)).toBe('31.23%');
    expect(formatBudget(-0.5)).toBe('-50%');
    expect(formatBudget(null)).toBe('—');
    expect(budgetTone(-0.1)).toBe('bad');
    expect(budgetTone(0.1)).toBe('warn');
    expect(formatBurn(14.4)).toBe('14.4x');
    expect(formatExhaustion(183_600)).toBe('in 2d 3h');
    expect(formatExhaustion(null)).toBe('not burning');
  });
});
