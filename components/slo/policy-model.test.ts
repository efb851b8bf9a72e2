import { describe, expect, it } from 'vitest';
import { DEMO_REGION_SLOS, DEMO_SLOS } from '@/scripts/demo-slos';
import { sloSpecSchema, type SloSpecInput } from '@/lib/slo/spec';
import { EMPTY_FORM, fieldOfPath, formFromSpec, specFromForm } from './form-model';
import { defaultPolicyRows, patchRow, policyFromRows, rowsFromPolicy } from './policy-model';

describe('policy rows', () => {
  // The rows show what the default policy does for the chosen window (lib/slo defaultPairs).
  it.each([
    ['30d', ['page 1h 5m 14.4', 'page 6h 30m 6', 'ticket 1d 2h 3', 'ticket 3d 6h 1']],
    ['7d', ['page 1h 5m 14.4', 'page 1h24m 7m 6', 'ticket 5h36m 28m 3', 'ticket 16h48m 1h24m 1']],
  ])('start from the default policy of a %s window', (window, expected) => {
    expect(defaultPolicyRows(window).map((r) => `${r.severity} ${r.longWindow} ${r.shortWindow} ${r.threshold}`)).toEqual(expected);
    expect(defaultPolicyRows(window).every((r) => r.budgetPercent === '' && r.for === '')).toBe(true);
  });

  it('round-trip through a valid spec', () => {
    const form = { ...EMPTY_FORM, name: 'p', target: 'payments/payments', team: 't', policy: [{ severity: 'page' as const, longWindow: '1h', shortWindow: '', budgetPercent: '3', threshold: '', for: '' }] };
    const spec = sloSpecSchema.parse(specFromForm(form));
    expect(spec.policy).toEqual({ alerts: [{ severity: 'page', longWindow: '1h', budgetPercent: 3 }] });
    expect(formFromSpec(spec).policy).toEqual(form.policy);
  });

  it('keep fixed thresholds and for: durations as they are', () => {
    const policy = { alerts: [{ severity: 'page' as const, longWindow: '1h', threshold: 14.4, for: '0s' }, { severity: 'ticket' as const, longWindow: '3d', shortWindow: '6h', budgetPercent: 10, for: '5m' }] };
    expect(policyFromRows(rowsFromPolicy(policy) ?? [])).toEqual(policy);
    expect(policyFromRows([{ severity: 'page', longWindow: '1h', shortWindow: '5m', budgetPercent: '', threshold: '', for: '' }]).alerts[0]).toEqual({ severity: 'page', longWindow: '1h', shortWindow: '5m' });
    expect(fieldOfPath('policy.alerts.0.longWindow')).toBe('policy.alerts.0.longWindow');
  });

  it('typing a budget share clears the factor and the other way round', () => {
    const r = { severity: 'page' as const, longWindow: '1h', shortWindow: '5m', budgetPercent: '', threshold: '14.4', for: '' };
    expect(patchRow(r, { budgetPercent: '3' })).toMatchObject({ budgetPercent: '3', threshold: '' });
    expect(patchRow({ ...r, threshold: '', budgetPercent: '3' }, { threshold: '20' })).toMatchObject({ budgetPercent: '', threshold: '20' });
  });
});

// Whatever the form does not edit round-trips: loading a stored spec and saving it unchanged but for
// the description sends back the very spec (the demo's cart SLO kept losing its 5m ticket `for:`).
describe('editing a stored spec', () => {
  const extra: SloSpecInput = {
    name: 'weekly-latency',
    service: 'catalog',
    namespace: 'shop',
    team: 'storefront',
    indicator: { type: 'latency', thresholdMs: 250 },
    objective: 99.5,
    window: '14d',
    policy: { alerts: [{ severity: 'page', longWindow: '2h', shortWindow: '10m', threshold: 12, for: '0s' }, { severity: 'ticket', longWindow: '1d', budgetPercent: 25 }] },
  };
  it.each([...DEMO_SLOS, ...DEMO_REGION_SLOS, extra].map((s) => [s.name, s] as const))('%s: only the description changes', (_name, input) => {
    const stored = sloSpecSchema.parse(input);
    const form = { ...formFromSpec(stored), description: 'Changed in the editor.' };
    expect(sloSpecSchema.parse(specFromForm(form, stored))).toEqual({ ...stored, description: 'Changed in the editor.' });
  });

  it('clearing the description or the custom policy removes them', () => {
    const stored = sloSpecSchema.parse(DEMO_SLOS[1]);
    const spec = specFromForm({ ...formFromSpec(stored), description: '', policy: null }, stored);
    expect(spec).not.toHaveProperty('description');
    expect(spec).not.toHaveProperty('policy');
  });
});
