import { describe, expect, it } from 'vitest';
import { EDITOR_HINTS } from '@/lib/mesh';
import { sloSpecSchema } from '@/lib/slo/spec';
import { customTemplate, defaultTeam, EMPTY_FORM, errorsByField, formFromSpec, previewSpecFromForm, specFromForm, teamAfterTarget } from './form-model';

describe('form model', () => {
  it('builds a valid availability spec and round-trips it', () => {
    const form = { ...EMPTY_FORM, name: 'payments-availability', target: 'payments/payments', team: 'payments', objective: '99.9', window: '30d' };
    const spec = sloSpecSchema.parse(specFromForm(form));
    expect(spec).toMatchObject({ service: 'payments', namespace: 'payments', objective: 99.9, window: '30d', indicator: { type: 'availability' } });
    expect(formFromSpec(spec)).toMatchObject({ target: 'payments/payments', objective: '99.9', window: '30d' });
  });

  it('keeps custom windows and latency thresholds', () => {
    const form = { ...EMPTY_FORM, name: 'x', target: 'shop/cart', team: 't', indicatorType: 'latency' as const, thresholdMs: '250', window: 'custom', customWindow: '14d' };
    expect(specFromForm(form)).toMatchObject({ window: '14d', indicator: { type: 'latency', thresholdMs: 250 } });
    expect(formFromSpec(sloSpecSchema.parse(specFromForm(form)))).toMatchObject({ window: 'custom', customWindow: '14d', thresholdMs: '250' });
  });

  it('sends perRegion only when ticked, keeps a stored one, and never for a custom indicator', () => {
    const form = { ...EMPTY_FORM, name: 'reviews', target: 'shop/reviews', team: 't' };
    expect(specFromForm(form)).not.toHaveProperty('perRegion');
    const spec = sloSpecSchema.parse(specFromForm({ ...form, perRegion: true }));
    expect(spec.perRegion).toBe(true);
    expect(formFromSpec(spec).perRegion).toBe(true);
    // Unticked while editing: the stored true goes.
    expect(specFromForm({ ...formFromSpec(spec), perRegion: false }, spec)).not.toHaveProperty('perRegion');
    expect(specFromForm({ ...form, perRegion: true, indicatorType: 'custom', errorQuery: 'a[{{window}}]', totalQuery: 'b[{{window}}]' })).not.toHaveProperty('perRegion');
  });

  it('previews without a name', () => {
    expect('name' in previewSpecFromForm({ ...EMPTY_FORM, name: 'Bad Name' })).toBe(false);
  });

  it('maps server paths to form fields', () => {
    expect(errorsByField({ namespace: ['a'], service: ['b'], 'indicator.thresholdMs': ['c'], objective: ['d'] })).toEqual({ target: ['a', 'b'], thresholdMs: ['c'], objective: ['d'] });
  });

  it('scopes the server mesh\'s custom template to the service, keeping {{window}}', () => {
    const { errorQuery, totalQuery } = customTemplate('payments/payments', EDITOR_HINTS.istio.customTemplate);
    expect(errorQuery).toBe('sum(increase(istio_requests_total{reporter="destination", destination_service_namespace="payments", destination_service_name="payments", response_code=~"5..|0"}[{{window}}]))');
    expect(totalQuery).toContain('[{{window}}]');
    expect(customTemplate('payments/payments', EDITOR_HINTS.linkerd.customTemplate).errorQuery).toBe(
      'sum(increase(response_total{direction="inbound", namespace="payments", deployment="payments", classification="failure"}[{{window}}]))',
    );
    // Without a picked service the placeholders stay, for the user to fill in.
    expect(customTemplate('', EDITOR_HINTS.linkerd.customTemplate).totalQuery).toContain('{{service}}');
  });
});

describe('team', () => {
  const teams = { shop: 'storefront', payments: 'payments-team' };
  it.each([
    ['shop', 'storefront'],
    ['payments', 'payments-team'],
    ['checkout', 'checkout'],
  ])('namespace %s defaults to team %s (MESHWATCH_TEAMS, else the namespace)', (ns, team) => expect(defaultTeam(ns, teams)).toBe(team));

  it('follows the picked service until the user types a team', () => {
    expect(teamAfterTarget({ team: '', target: '' }, 'shop/cart', teams)).toBe('storefront');
    expect(teamAfterTarget({ team: 'storefront', target: 'shop/cart' }, 'payments/payments', teams)).toBe('payments-team');
    expect(teamAfterTarget({ team: 'sre', target: 'shop/cart' }, 'payments/payments', teams)).toBe('sre');
  });
});
