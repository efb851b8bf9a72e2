import { factor, humanDuration, percent } from '@/lib/slo/format';
import type { BacktestSummary, Episode, SignificantEvent } from '@/lib/slo/backtest/schema';

// Display strings and ranges of the backtest panel. Pure; every figure comes from the server.

/** The range picker: the SLO's own window (the default), or a fixed week or month. */
export const RANGE_CHOICES = ['window', '7d', '30d'] as const;
export type RangeChoice = (typeof RANGE_CHOICES)[number];
const DAY = 86_400;
const FIXED_RANGES: Record<Exclude<RangeChoice, 'window'>, number> = { '7d': 7 * DAY, '30d': 30 * DAY };
/** The API refuses longer ranges (lib/slo/backtest-schema.ts MAX_BACKTEST_SECONDS). */
export const MAX_RANGE_SECONDS = 35 * DAY;

export function parseRangeChoice(value: string | null | undefined): RangeChoice {
  return (RANGE_CHOICES as readonly string[]).includes(value ?? '') ? (value as RangeChoice) : 'window';
}

export function rangeLabel(choice: RangeChoice, sloWindow: string): string {
  return choice === 'window' ? `Last SLO window (${sloWindow})` : `Last ${choice}`;
}

/** [from, to] in unix seconds, ending at `to`; capped at what the API accepts. */
export function backtestRange(choice: RangeChoice, windowSeconds: number, to: number): { from: number; to: number } {
  const length = choice === 'window' ? windowSeconds : FIXED_RANGES[choice];
  return { from: to - Math.min(length, MAX_RANGE_SECONDS), to };
}

export function episodeDuration(episode: Pick<Episode, 'start' | 'end'>, to: number): string {
  const seconds = (episode.end ?? to) - episode.start;
  return episode.end === null ? `${humanDuration(seconds)} so far` : humanDuration(seconds);
}

/** Signed offsets read as words: detection can come before an event's start (an alert already firing). */
export function offsetWords(seconds: number, edge: 'start' | 'end'): string {
  if (Math.abs(seconds) < 60) return `within a minute of the ${edge} of an event`;
  return `${humanDuration(Math.abs(seconds))} ${seconds >= 0 ? 'after' : 'before'} the ${edge} of an event`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const perWeek = (n: number) => `${Number(n.toPrecision(2))} per week`;

/** The summary in plain sentences, one per question a reviewer of the policy asks. */
export function summarySentences(summary: BacktestSummary, events: readonly SignificantEvent[]): string[] {
  const out = [
    `It would have paged ${plural(summary.pages, 'time', 'times')} (${perWeek(summary.pagesPerWeek)}) and opened ${plural(summary.tickets, 'ticket', 'tickets')} (${perWeek(summary.ticketsPerWeek)}).`,
  ];
  const threshold = percent(summary.significantEventBudgetShare);
  const caught = events.filter((e) => e.detectedAt !== null).length;
  if (events.length === 0) out.push(`No event spent ${threshold} of the budget within an hour, so there was nothing it had to page on.`);
  else out.push(`It paged on ${caught} of ${plural(events.length, 'significant event', 'significant events')} (each spending at least ${threshold} of the budget within an hour): recall ${percent(summary.recall ?? 0)}.`);
  if (summary.precision !== null) out.push(`${percent(summary.precision)} of its pages overlapped such an event (precision); the rest would have been noise.`);
  if (summary.meanDetectionSeconds !== null) out.push(`On average it fired ${offsetWords(summary.meanDetectionSeconds, 'start')}.`);
  if (summary.meanResetSeconds !== null) out.push(`It stopped firing ${offsetWords(summary.meanResetSeconds, 'end')} on average.`);
  if (summary.budgetConsumed !== null) out.push(`${percent(summary.budgetConsumed)} of the error budget was spent over the whole period.`);
  return out;
}

export function formatShare(fraction: number | null): string {
  return fraction === null ? '—' : percent(fraction);
}

export function formatPeak(rate: number): string {
  return factor(rate);
}

export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return '—';
  return seconds < 0 ? `−${humanDuration(-seconds)}` : humanDuration(seconds);
}
