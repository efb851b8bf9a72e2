import { describe, expect, it } from 'vitest';
import { sloSpecSchema, substituteWindow } from './spec';

const base = {
  name: 'checkout-availability',
  service: 'checkout',
  namespace: 'shop',
  team: 'payments',
  indicator: { type: 'availability' },
  objective: 99.9,
  window: '30d',
};

function issues(patch: Record<string, unknown>): Record<string, string> {
  const result = sloSpecSchema.safeParse({ ...base, ...patch });
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('sloSpecSchema', () => {
  it('accepts the DESIGN.md example', () => {
    expect(sloSpecSchema.parse({ ...base, description: 'Checkout answers' })).toEqual({ ...base, description: 'Checkout answers' });
  });

  it.each([
    [{ window: '4w' }, { window: '28d' }],
    [{ window: '7d' }, { window: '7d' }],
    [{ window: '720h' }, { window: '30d' }],
    [{ indicator: { type: 'latency', thresholdMs: 250 } }, { indicator: { type: 'latency', thresholdMs: 250 } }],
    [{ objective: 99.999 }, { objective: 99.999 }],
    [{ objective: 0.5 }, { objective: 0.5 }],
    [{ perRegion: true }, { perRegion: true }],
    [{ perRegion: false, indicator: { type: 'latency', thresholdMs: 250 } }, { perRegion: false }],
  ])('accepts and normalises %j', (patch, expected) => {
    expect(sloSpecSchema.parse({ ...base, ...patch })).toMatchObject(expected);
  });

  it.each([
    [{ objective: 100 }, 'objective', 'must be below 100'],
    [{ objective: 0 }, 'objective', 'must be above 0'],
    [{ objective: Number.NaN }, 'objective', ''],
    [{ objective: '99.9' }, 'objective', 'must be a number'],
    [{ name: 'Checkout' }, 'name', 'lowercase letters'],
    [{ name: '-checkout' }, 'name', 'lowercase letters'],
    [{ name: 'a'.repeat(64) }, 'name', 'at most 63'],
    [{ name: 'preview' }, 'name', 'reserved'],
    [{ service: ' ' }, 'service', 'service is required'],
    [{ window: '12h' }, 'window', 'between 1d and 90d'],
    [{ window: '91d' }, 'window', 'between 1d and 90d'],
    [{ window: 'a month' }, 'window', 'must be a duration'],
    [{ indicator: { type: 'latency', thresholdMs: -5 } }, 'indicator.thresholdMs', 'positive'],
    [{ indicator: { type: 'latency' } }, 'indicator.thresholdMs', ''],
    [{ indicator: { type: 'ratio' } }, 'indicator.type', 'availability, latency, custom'],
    [{ indicator: { type: 'custom', errorQuery: 'sum(rate(x[5m]))', totalQuery: 'sum(rate(y[{{window}}]))' } }, 'indicator.errorQuery', '{{window}}'],
    [{ policy: { alerts: [{ severity: 'page', longWindow: '1h' }] } }, 'policy.alerts.0.threshold', 'exactly one'],
    [{ policy: { alerts: [{ severity: 'page', longWindow: '1h', threshold: 2, budgetPercent: 2 }] } }, 'policy.alerts.0.threshold', 'exactly one'],
    [{ window: '7d', policy: { alerts: [{ severity: 'page', longWindow: '8d', threshold: 2 }] } }, 'policy.alerts.0.longWindow', 'not be longer'],
    [{ policy: { alerts: [{ severity: 'page', longWindow: '1h', shortWindow: '1h', threshold: 2 }] } }, 'policy.alerts.0.shortWindow', 'shorter'],
    [{ policy: { alerts: [{ severity: 'sms', longWindow: '1h', threshold: 2 }] } }, 'policy.alerts.0.severity', 'page or ticket'],
    [{ perRegion: 'yes' }, 'perRegion', 'true or false'],
    [{ perRegion: true, indicator: { type: 'custom', errorQuery: 'sum(rate(x[{{window}}]))', totalQuery: 'sum(rate(y[{{window}}]))' } }, 'perRegion', 'custom query'],
  ])('rejects %j at %s', (patch, path, message) => {
    const found = issues(patch);
    expect(Object.keys(found)).toContain(path);
    expect(found[path]).toContain(message);
  });

  it('leaves perRegion out when absent (default false: stored specs keep their shape)', () => {
    expect(sloSpecSchema.parse(base)).not.toHaveProperty('perRegion');
  });

  it('substitutes every {{window}} of a custom query', () => {
    expect(substituteWindow('sum(increase(a[{{window}}])) / sum(increase(b[{{window}}]))', '1h')).toBe('sum(increase(a[1h])) / sum(increase(b[1h]))');
  });
});
