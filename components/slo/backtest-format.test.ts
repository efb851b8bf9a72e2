import { describe, expect, it } from 'vitest';
import type { BacktestSummary } from '@/lib/slo/backtest/schema';
import { backtestRange, episodeDuration, formatSeconds, offsetWords, parseRangeChoice, summarySentences } from './backtest-format';

const DAY = 86_400;

describe('backtestRange', () => {
  it.each([
    ['window' as const, 30 * DAY, 30 * DAY],
    ['7d' as const, 30 * DAY, 7 * DAY],
    ['30d' as const, 7 * DAY, 30 * DAY],
    // A 90d SLO window is longer than the API's 35-day limit.
    ['window' as const, 90 * DAY, 35 * DAY],
  ])('%s of a %i s window spans %i s ending at `to`', (choice, window, length) => {
    expect(backtestRange(choice, window, 1_790_856_000)).toEqual({ from: 1_790_856_000 - length, to: 1_790_856_000 });
  });

  it.each([
    ['7d', '7d'],
    ['30d', '30d'],
    [null, 'window'],
    ['90d', 'window'],
  ])('parses %s as %s', (value, expected) => {
    expect(parseRangeChoice(value)).toBe(expected);
  });
});

describe('time words', () => {
  it.each([
    [{ start: 0, end: 2700 }, 10_000, '45m'],
    [{ start: 0, end: null }, 7_500, '2h 5m so far'],
  ])('episode %j until %i lasts %s', (episode, to, expected) => {
    expect(episodeDuration(episode, to)).toBe(expected);
  });

  it.each([
    [240, 'start', '4m after the start of an event'],
    [-720, 'end', '12m before the end of an event'],
    [30, 'start', 'within a minute of the start of an event'],
  ] as const)('%i s at the %s', (seconds, edge, expected) => {
    expect(offsetWords(seconds, edge)).toBe(expected);
  });

  it.each([
    [null, '—'],
    [150, '2m'],
    [-3600, '−1h'],
  ])('formatSeconds(%s) = %s', (seconds, expected) => {
    expect(formatSeconds(seconds)).toBe(expected);
  });
});

describe('summarySentences', () => {
  const summary: BacktestSummary = {
    pages: 1,
    tickets: 2,
    pagesPerWeek: 7 / 30,
    ticketsPerWeek: 14 / 30,
    precision: 0.5,
    recall: 1,
    meanDetectionSeconds: 240,
    meanResetSeconds: 600,
    budgetConsumed: 0.6,
    significantEventBudgetShare: 0.02,
  };
  const event = { start: 0, end: 60, budgetConsumed: 0.5, detectedAt: 240, detectionSeconds: 240, resetSeconds: 600, severity: 'page' as const };

  it('says what the policy did in words', () => {
    expect(summarySentences(summary, [event])).toEqual([
      'It would have paged 1 time (0.23 per week) and opened 2 tickets (0.47 per week).',
      'It paged on 1 of 1 significant event (each spending at least 2% of the budget within an hour): recall 100%.',
      '50% of its pages overlapped such an event (precision); the rest would have been noise.',
      'On average it fired 4m after the start of an event.',
      'It stopped firing 10m after the end of an event on average.',
      '60% of the error budget was spent over the whole period.',
    ]);
  });

  it('says plainly when there was nothing to catch and nothing fired', () => {
    const quiet = { ...summary, pages: 0, tickets: 0, pagesPerWeek: 0, ticketsPerWeek: 0, precision: null, recall: null, meanDetectionSeconds: null, meanResetSeconds: null, budgetConsumed: null };
    expect(summarySentences(quiet, [])).toEqual([
      'It would have paged 0 times (0 per week) and opened 0 tickets (0 per week).',
      'No event spent 2% of the budget within an hour, so there was nothing it had to page on.',
    ]);
  });
});
