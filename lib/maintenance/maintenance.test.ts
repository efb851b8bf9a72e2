import { describe, expect, it } from 'vitest';
import { covers, durationText, maintenanceInputSchema, mergeIntervals, overlaps, silenceFor, totalSeconds } from './index';

const input = { scope: { namespace: 'shop', service: 'catalog' }, start: 1_790_000_000, end: 1_790_005_400, reason: 'database upgrade' };

describe('maintenance window input', () => {
  it('accepts a scope, a span and a reason, a namespace alone meaning every service', () => {
    expect(maintenanceInputSchema.parse(input)).toEqual(input);
    expect(maintenanceInputSchema.parse({ ...input, scope: { namespace: 'shop' } }).scope).toEqual({ namespace: 'shop' });
  });

  it.each([
    [{ ...input, end: input.start }, 'end', 'must be after start'],
    [{ ...input, end: input.start + 91 * 86_400 }, 'end', 'must be at most 90 days after start'],
    [{ ...input, start: 1.5 }, 'start', 'must be whole unix seconds'],
    [{ ...input, reason: '  ' }, 'reason', 'reason is required'],
    [{ ...input, scope: { namespace: 'sh\u0000op' } }, 'scope.namespace', 'must not contain control characters, line separators or invalid UTF-8'],
    [{ ...input, scope: {} }, 'scope.namespace', 'is required'],
  ])('refuses %j on %s', (body, field, message) => {
    const result = maintenanceInputSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([field, message]);
  });
});

describe('silence of a window', () => {
  it('matches the labels the generated alerts carry, for the window, with who and why', () => {
    const w = { id: 7, ...input, createdBy: 'alice' };
    expect(silenceFor(w)).toEqual({
      matchers: [
        { name: 'namespace', value: 'shop', isRegex: false, isEqual: true },
        { name: 'service', value: 'catalog', isRegex: false, isEqual: true },
      ],
      // 1_790_000_000 s = 2026-09-21T14:13:20Z (date -u -d @1790000000)
      startsAt: '2026-09-21T14:13:20.000Z',
      endsAt: '2026-09-21T15:43:20.000Z',
      createdBy: 'alice',
      comment: 'database upgrade',
    });
  });

  it('a namespace window matches the namespace only, and values are never regexes', () => {
    const s = silenceFor({ ...input, scope: { namespace: 'pay.*' }, createdBy: 'bob' });
    expect(s.matchers).toEqual([{ name: 'namespace', value: 'pay.*', isRegex: false, isEqual: true }]);
  });
});

describe('intervals', () => {
  it('merges overlapping and touching windows, clipped to the range', () => {
    const merged = mergeIntervals([{ start: 50, end: 70 }, { start: 0, end: 20 }, { start: 10, end: 30 }, { start: 30, end: 40 }, { start: 200, end: 300 }], 5, 60);
    expect(merged).toEqual([
      { start: 5, end: 40 },
      { start: 50, end: 60 },
    ]);
    expect(totalSeconds(merged)).toBe(45);
  });

  it('tells overlap, an open episode running forever', () => {
    expect(overlaps({ start: 10, end: 20 }, { start: 20, end: 30 })).toBe(false);
    expect(overlaps({ start: 10, end: 21 }, { start: 20, end: 30 })).toBe(true);
    expect(overlaps({ start: 0, end: null }, { start: 20, end: 30 })).toBe(true);
  });

  it.each([
    [5400, '1h 30m'],
    [86_400 + 4 * 3600 + 60, '1d 4h'],
    [2700, '45m'],
    [0, '0m'],
  ])('%i s reads %s', (seconds, text) => expect(durationText(seconds)).toBe(text));

  it('a window covers its namespace, or only its service', () => {
    expect(covers({ namespace: 'shop' }, { namespace: 'shop', service: 'cart' })).toBe(true);
    expect(covers({ namespace: 'shop', service: 'catalog' }, { namespace: 'shop', service: 'cart' })).toBe(false);
    expect(covers({ namespace: 'shop' }, { namespace: 'payments', service: 'cart' })).toBe(false);
  });
});

describe('budget note', () => {
  it('says what was left out of the budget, or that nothing was', async () => {
    const { maintenanceNote } = await import('./note');
    expect(maintenanceNote(true, { windows: 2, seconds: 5400, events: 12_345 })).toBe('excludes 2 maintenance windows (1h 30m, 12,345 requests)');
    expect(maintenanceNote(true, { windows: 1, seconds: 600, events: 7 })).toBe('excludes 1 maintenance window (10m, 7 requests)');
    expect(maintenanceNote(true, undefined)).toBe('excludes maintenance windows (none in this window)');
    expect(maintenanceNote(false, undefined)).toBeNull();
  });
});
