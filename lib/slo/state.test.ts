import { describe, expect, it } from 'vitest';
import { exhaustedAdvice, recoverySeconds, sloState } from './state';

const DAY = 86_400;

describe('sloState', () => {
  const s = (action: 'none' | 'ticket' | 'page', remaining: number | null, lowTraffic = false, sli: number | null = 0.999) => ({ sli, recommendation: { action }, errorBudget: { remaining }, traffic: { lowTraffic } });
  it.each([
    // payments-availability at -60% with nothing firing read "ok": it is exhausted.
    [s('none', -0.6), 'exhausted'],
    [s('none', 0), 'exhausted'],
    [s('ticket', -0.1), 'exhausted'],
    [s('page', -0.6), 'page'],
    [s('ticket', 0.4), 'ticket'],
    [s('none', 0.4, true), 'low_traffic'],
    [s('none', -0.6, true), 'exhausted'],
    [s('none', null), 'ok'],
    [s('none', 0.01), 'ok'],
    // No events in the SLO window: nothing to judge, even when no pair could say so (a custom policy whose pairs cannot fire).
    [s('none', null, false, null), 'low_traffic'],
  ])('%j is %s', (input, state) => expect(sloState(input)).toBe(state));
});

describe('recoverySeconds', () => {
  // A 10-day window in 10 daily steps; the curve is 1 at the start and the remaining after each day.
  const curve = (spentPerDay: number[]) => {
    let remaining = 1;
    return [{ time: 0, remaining: 1 }, ...spentPerDay.map((spent, i) => ({ time: (i + 1) * DAY, remaining: (remaining -= spent) }))];
  };
  it('waits until enough old errors have left the window: 160% spent on day 3, no burn now', () => {
    // Nothing leaves before day 3's errors do: after 3 days the window holds nothing old.
    expect(recoverySeconds(curve([0, 0, 1.6, 0, 0, 0, 0, 0, 0, 0]), 0, 10 * DAY)).toBe(3 * DAY);
  });
  it('counts the new spending at the current burn', () => {
    // 0.2 a day for 8 days (160%); at 0.5x a 10d window spends 0.05 a day: after k days,
    // 1.6 - 0.2k + 0.05k < 1 first at k = 5 (0.85).
    expect(recoverySeconds(curve([0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0, 0]), 0.5, 10 * DAY)).toBe(5 * DAY);
  });
  it.each([
    [1, null],
    [2.5, null],
  ])('at %dx the budget never comes back', (burn, expected) => {
    expect(recoverySeconds(curve([0.8, 0.8, 0, 0, 0, 0, 0, 0, 0, 0]), burn, 10 * DAY)).toBe(expected);
  });
  it('is 0 for a budget not exhausted, null without data', () => {
    expect(recoverySeconds(curve([0.1, 0, 0, 0, 0, 0, 0, 0, 0, 0]), 0.2, 10 * DAY)).toBe(0);
    expect(recoverySeconds([{ time: 0, remaining: null }], 0, DAY)).toBeNull();
  });
});

describe('exhaustedAdvice', () => {
  it('says hold risky releases, and when the budget recovers', () => {
    expect(exhaustedAdvice('30d', 5 * DAY + 3 * 3600, 0.3)).toBe(
      'Error-budget policy: hold risky releases (features, migrations, risky config changes) and put the effort into reliability until the budget is positive again. ' +
        'At the current 1h burn rate (0.3x), as old errors leave the rolling 30d window, it is positive again in about 5d 3h.',
    );
    expect(exhaustedAdvice('30d', null, 1.5)).toContain('it does not recover');
  });
});
