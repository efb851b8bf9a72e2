import { describe, expect, it } from 'vitest';
import { sloSpecSchema } from '@/lib/slo/spec';
import { EMPTY_FORM, fieldOfPath, formFromSpec, specFromForm } from './form-model';
import { defaultPolicyRows, policyFromRows, rowsFromPolicy } from './policy-model';

describe('policy rows', () => {
  it('start from the SRE Workbook shares', () => {
    expect(defaultPolicyRows().map((r) => `${r.severity} ${r.longWindow}/${r.shortWindow} ${r.budgetPercent}%`)).toEqual([
      'page 1h/5m 2%',
      'page 6h/30m 5%',
      'ticket 1d/2h 10%',
      'ticket 3d/6h 10%',
    ]);
  });

  it('round-trip through a valid spec', () => {
    const form = { ...EMPTY_FORM, name: 'p', target: 'payments/payments', team: 't', policy: [{ severity: 'page' as const, longWindow: '1h', shortWindow: '', budgetPercent: '3' }] };
    const spec = sloSpecSchema.parse(specFromForm(form));
    expect(spec.policy).toEqual({ alerts: [{ severity: 'page', longWindow: '1h', budgetPercent: 3 }] });
    expect(formFromSpec(spec).policy).toEqual(form.policy);
  });

  it('leave fixed thresholds and missing shares to the server', () => {
    expect(rowsFromPolicy({ alerts: [{ severity: 'page', longWindow: '1h', threshold: 14.4 }] })).toBeNull();
    expect(policyFromRows([{ severity: 'page', longWindow: '1h', shortWindow: '5m', budgetPercent: '' }]).alerts[0]).toEqual({ severity: 'page', longWindow: '1h', shortWindow: '5m' });
    expect(fieldOfPath('policy.alerts.0.longWindow')).toBe('policy.alerts.0.longWindow');
  });
});
