import { describe, expect, it } from 'vitest';
import { sliHash } from './sli-hash';
import { sloSpecSchema, type SloSpec } from './spec';
import { istioSli } from '@/lib/mesh';

const base = { name: 'cart', service: 'cart', namespace: 'shop', team: 'storefront', indicator: { type: 'availability' }, objective: 99.9, window: '30d' };
const spec = (patch: Record<string, unknown> = {}): SloSpec => sloSpecSchema.parse({ ...base, ...patch });
const custom = (errorQuery: string) => ({ type: 'custom', errorQuery, totalQuery: 'sum(increase(t[{{window}}]))' });

describe('sliHash', () => {
  it('is 12 hex digits and stable', () => {
    expect(sliHash(spec(), istioSli)).toMatch(/^[0-9a-f]{12}$/);
    expect(sliHash(spec(), istioSli)).toBe(sliHash(spec(), istioSli));
  });

  // The error ratio does not depend on these: recorded history stays usable after such edits.
  it.each([
    ['objective', { objective: 99 }],
    ['SLO window', { window: '28d' }],
    ['team', { team: 'payments' }],
    ['name', { name: 'cart-2' }],
    ['policy', { policy: { alerts: [{ severity: 'page', longWindow: '2h', threshold: 10 }] } }],
  ])('ignores the %s', (_what, patch) => {
    expect(sliHash(spec(patch), istioSli)).toBe(sliHash(spec(), istioSli));
  });

  // The ratio does depend on these: a series recorded before such an edit is another SLI.
  it.each([
    ['service', { service: 'checkout' }],
    ['namespace', { namespace: 'web' }],
    ['indicator type', { indicator: { type: 'latency', thresholdMs: 250 } }],
    ['custom error query', { indicator: custom('sum(increase(e[{{window}}]))') }],
  ])('changes with the %s', (_what, patch) => {
    expect(sliHash(spec(patch), istioSli)).not.toBe(sliHash(spec(), istioSli));
  });

  it('changes with the latency threshold and the custom query text', () => {
    const latency = (thresholdMs: number) => sliHash(spec({ indicator: { type: 'latency', thresholdMs } }), istioSli);
    expect(latency(250)).not.toBe(latency(500));
    expect(sliHash(spec({ indicator: custom('sum(increase(e[{{window}}]))') }), istioSli)).not.toBe(sliHash(spec({ indicator: custom('sum(increase(f[{{window}}]))') }), istioSli));
  });
});
