import { describe, expect, it } from 'vitest';
import type { BacktestSummary } from '@/lib/slo/backtest/schema';
import { compareRequest, compareRows } from './compare-model';
import { EMPTY_FORM } from './form-model';

const form = { ...EMPTY_FORM, name: 'pay', target: 'payments/payments', team: 'payments' };

describe('compareRequest', () => {
  it('sends the spec without name or policy, and the candidate policy apart', () => {
    const request = compareRequest({ ...form, policy: [{ severity: 'page', longWindow: '1h', shortWindow: '5m', budgetPercent: '3', threshold: '', for: '' }] });
    expect(request?.windowSeconds).toBe(30 * 86_400);
    expect(JSON.parse(request?.specJson ?? '')).toEqual({ service: 'payments', namespace: 'payments', team: 'payments', indicator: { type: 'availability' }, objective: 99.9, window: '30d' });
    expect(request?.candidate).toEqual({ alerts: [{ severity: 'page', longWindow: '1h', shortWindow: '5m', budgetPercent: 3 }] });
  });

  it.each([
    ['no service', { ...form, target: '' }],
    ['no objective', { ...form, objective: '' }],
    ['a window that is not a duration', { ...form, window: 'custom', customWindow: 'soon' }],
  ])('waits with %s', (_, f) => {
    expect(compareRequest(f)).toBeNull();
  });

  it('has no candidate with the default policy', () => {
    expect(compareRequest(form)?.candidate).toBeNull();
  });

  it('keys on content: the same form gives the same JSON', () => {
    expect(compareRequest({ ...form })?.specJson).toBe(compareRequest({ ...form, name: 'other' })?.specJson);
  });
});

describe('compareRows', () => {
  const base: BacktestSummary = { pages: 2, tickets: 0, pagesPerWeek: 14 / 30, ticketsPerWeek: 0, precision: 1, recall: 0.5, meanDetectionSeconds: 180, meanResetSeconds: null, budgetConsumed: 0.4, significantEventBudgetShare: 0.02 };
  it('puts default and candidate side by side, "…" while one is loading', () => {
    const rows = compareRows(base, undefined);
    expect(rows.find((r) => r.label === 'Pages per week')?.values).toEqual(['0.47', '…']);
    expect(rows.find((r) => r.label === 'Recall')?.values).toEqual(['50%', '…']);
    expect(compareRows(base, { ...base, precision: null }).find((r) => r.label === 'Precision')?.values).toEqual(['100%', '—']);
    expect(rows.find((r) => r.label === 'Mean detection time')?.values).toEqual(['3m', '…']);
  });
});
