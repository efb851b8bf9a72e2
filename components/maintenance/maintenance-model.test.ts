import { describe, expect, it } from 'vitest';
import { defaultForm, fromLocalInput, silenceText, toInput, toLocalInput } from './maintenance-model';

describe('maintenance form', () => {
  it('reads and writes datetime-local values as UTC', () => {
    // 1_790_000_000 = 2026-09-21 14:13:20 UTC (date -u -d @1790000000)
    expect(toLocalInput(1_790_000_000)).toBe('2026-09-21T14:13');
    expect(fromLocalInput('2026-09-21T14:13')).toBe(1_789_999_980);
    expect(fromLocalInput('2026-09-21T14:13:20')).toBe(1_790_000_000);
    expect(fromLocalInput('')).toBeNaN();
  });

  it('starts at the next whole minute for an hour, and sends a namespace without a service as the whole namespace', () => {
    const form = defaultForm(1_790_000_000);
    expect(form).toMatchObject({ start: '2026-09-21T14:14', end: '2026-09-21T15:14' });
    expect(toInput({ ...form, namespace: ' shop ', service: ' ', reason: 'r' })).toEqual({ scope: { namespace: 'shop' }, start: 1_790_000_040, end: 1_790_003_640, reason: 'r' });
    expect(toInput({ ...form, namespace: 'shop', service: 'cart', reason: 'r' }).scope).toEqual({ namespace: 'shop', service: 'cart' });
  });

  it('says plainly when alerts are not silenced, and offers a retry only where it can help', () => {
    expect(silenceText({ state: 'pending', id: null, error: 'Alertmanager is unreachable' })).toEqual({
      text: 'Silence pending: Alertmanager is unreachable. Alerts are NOT silenced until it is created.',
      tone: 'warn',
      retry: true,
    });
    expect(silenceText({ state: 'failed', id: null, error: 'x' })).toMatchObject({ tone: 'bad', retry: true });
    expect(silenceText({ state: 'active', id: 'abc', error: null })).toMatchObject({ text: 'Silenced in Alertmanager (silence abc)', retry: false });
    expect(silenceText({ state: 'unconfigured', id: null, error: null }).retry).toBe(false);
  });
});
