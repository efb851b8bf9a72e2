import { budgetShareBetween, forSeconds, pairLabel, type BudgetContext } from './alerts';
import { overlaps } from './events';
import type { BacktestRecommendation, Episode, SignificantEvent } from './schema';
import { factor, humanDuration, percent } from '../format';
import { budgetFraction } from '../math';
import { isUnreachable, minEventsForPair, type AlertPair } from '../policy';
import { durationToPromql } from '@/lib/promql';
import { windowSeconds } from '../windows';

// Plain-words advice from a backtest, each with the concrete change to make. Pure.

/** Episodes shorter than this are blips: an on-call engineer cannot even open the dashboard in time. */
export const SHORT_EPISODE_SECONDS = 15 * 60;
/** This many blips, making up at least half of a severity's episodes, is flapping. */
export const FLAP_MIN_EPISODES = 3;
/** An alert that fires after this share of the whole budget is gone came too late (issue 6). */
export const LATE_BUDGET_SHARE = 0.1;
/** Longer windows offered to low-traffic SLOs, shortest first. */
const LONGER_WINDOWS = ['6h', '1d', '3d', '7d'];

export interface RecommendInput {
  policy: readonly AlertPair[];
  objective: number;
  sloWindow: string;
  from: number;
  to: number;
  episodes: readonly Episode[];
  events: readonly SignificantEvent[];
  /** Median events per long window over the range (null: no traffic at all). */
  medianEvents: ReadonlyMap<string, number | null>;
  ctx: BudgetContext;
  grace: number;
}

const round2 = (x: number) => Number(x.toPrecision(2));

function unreachable({ policy, objective }: RecommendInput): BacktestRecommendation[] {
  const ceiling = 1 / budgetFraction(objective);
  return policy
    .filter((p) => isUnreachable(p.threshold, objective))
    .map((p) => ({
      kind: 'unreachable',
      message: `The ${p.severity} alert over ${pairLabel(p)} needs a burn rate above ${factor(p.threshold)}, but at ${objective}% even 100% errors burn only ${factor(ceiling)}: it can never fire.`,
      change: `Lower its threshold to ${round2(ceiling * 0.8)} (below ${factor(ceiling)}) or remove it.`,
    }));
}

function lowTraffic({ policy, objective, medianEvents, sloWindow }: RecommendInput): BacktestRecommendation[] {
  if (policy.length > 0 && policy.every((p) => (medianEvents.get(p.longWindow) ?? null) === null)) {
    return [
      {
        kind: 'low-traffic',
        message: 'No events at all over the range: no alert can fire, and no figure here means anything.',
        change: 'Check the service, namespace and indicator (a typo selects nothing), or add synthetic traffic.',
      },
    ];
  }
  const starved = policy.flatMap((p) => {
    const need = minEventsForPair(p.threshold, objective);
    const have = medianEvents.get(p.longWindow) ?? 0;
    return have < need && !isUnreachable(p.threshold, objective) ? [{ p, need, have }] : [];
  });
  const worst = starved.at(0);
  if (!worst) return [];
  const perSecond = worst.have / windowSeconds(worst.p.longWindow);
  const longer = LONGER_WINDOWS.filter((w) => windowSeconds(w) <= windowSeconds(sloWindow)).find(
    (w) => windowSeconds(w) > windowSeconds(worst.p.longWindow) && perSecond * windowSeconds(w) >= worst.need,
  );
  const synthetic = Math.ceil(((worst.need - worst.have) / windowSeconds(worst.p.longWindow)) * 60);
  return [
    {
      kind: 'low-traffic',
      message:
        `Low traffic: ${starved.map((s) => `${pairLabel(s.p)} sees about ${Math.round(s.have)} events per ${s.p.longWindow} but needs ${s.need}`).join('; ')}, ` +
        'so a single failed request can fire the alert.',
      change:
        (longer ? `Use a ${longer} long window instead of ${worst.p.longWindow}, ` : 'Group this service with others into one SLO, ') +
        `or add synthetic traffic of at least ${synthetic} request${synthetic === 1 ? '' : 's'} per minute.`,
    },
  ];
}

function flapping({ policy, episodes }: RecommendInput): BacktestRecommendation[] {
  return (['page', 'ticket'] as const).flatMap((severity) => {
    const mine = episodes.filter((e) => e.severity === severity);
    const blips = mine.filter((e) => e.end !== null && e.end - e.start < SHORT_EPISODE_SECONDS);
    if (blips.length < FLAP_MIN_EPISODES || blips.length * 2 < mine.length) return [];
    const counts = new Map<string, number>();
    blips.forEach((b) => b.pairs.forEach((l) => counts.set(l, (counts.get(l) ?? 0) + 1)));
    const label = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const pair = policy.find((p) => p.severity === severity && pairLabel(p) === label);
    if (!pair) return [];
    const longest = Math.max(...blips.map((b) => (b.end ?? b.start) - b.start));
    const newFor = durationToPromql(Math.min(3600, Math.ceil((forSeconds(pair.for) + longest) / 60) * 60));
    const newShort = durationToPromql(Math.min(windowSeconds(pair.longWindow) / 2, windowSeconds(pair.shortWindow) * 2));
    return [
      {
        kind: 'flapping',
        message: `${blips.length} of ${mine.length} ${severity}s lasted under ${humanDuration(SHORT_EPISODE_SECONDS)}, most from ${label}: the alert flaps.`,
        change: `Set for: ${newFor} on ${label} (was ${pair.for}), or lengthen its short window from ${pair.shortWindow} to ${newShort}.`,
      },
    ];
  });
}

function late({ policy, events, ctx }: RecommendInput): BacktestRecommendation[] {
  const gridIndex = (t: number) => Math.round((t - ctx.grid.start) / ctx.grid.step);
  const lateOnes = events.flatMap((ev) => {
    if (ev.detectedAt === null) return [];
    const spent = budgetShareBetween(ctx, gridIndex(ev.start), gridIndex(ev.detectedAt));
    return spent >= LATE_BUDGET_SHARE ? [{ ev, spent }] : [];
  });
  const worst = lateOnes.sort((a, b) => b.spent - a.spent)[0];
  if (!worst) return [];
  const fastest = [...policy].sort((a, b) => windowSeconds(a.longWindow) - windowSeconds(b.longWindow))[0];
  const change =
    fastest && windowSeconds(fastest.longWindow) <= 3600
      ? `Lower the threshold of ${pairLabel(fastest)} from ${factor(fastest.threshold)} to ${round2(fastest.threshold / 2)}, or shorten its for: (${fastest.for}).`
      : 'Add a page alert over 1h/5m at 2% of the budget (14.4x for 30d), the SRE Workbook\'s fast pair.';
  return [
    {
      kind: 'late',
      message: `${lateOnes.length} event${lateOnes.length === 1 ? ' was' : 's were'} caught only after ${percent(worst.spent)} of the budget was gone (worst case; the limit is ${percent(LATE_BUDGET_SHARE)}).`,
      change,
    },
  ];
}

function quiet({ policy, events, objective, sloWindow }: RecommendInput): BacktestRecommendation[] {
  const missed = events.filter((e) => e.detectedAt === null);
  if (missed.length === 0) return [];
  const slowest = [...policy].sort((a, b) => windowSeconds(b.longWindow) - windowSeconds(a.longWindow))[0];
  const burns = missed.map((e) => (e.budgetConsumed * windowSeconds(sloWindow)) / Math.max(e.end - e.start, 60));
  const target = round2(Math.max(Math.min(...burns) / 2, 0.01));
  const spent = missed.reduce((sum, e) => sum + e.budgetConsumed, 0);
  return [
    {
      kind: 'quiet',
      message: `No alert fired during ${missed.length} significant event${missed.length === 1 ? '' : 's'} that together spent ${percent(spent)} of the budget.`,
      change: slowest && !isUnreachable(target, objective)
        ? `Lower the threshold of ${pairLabel(slowest)} from ${factor(slowest.threshold)} to ${target}, below the events' average burn.`
        : `Add a ticket alert at ${target}x over a window as long as the events.`,
    },
  ];
}

function noisy({ episodes, events, to, grace }: RecommendInput): BacktestRecommendation[] {
  const stray = episodes.filter((ep) => !events.some((ev) => overlaps(ep, ev, to, grace)));
  if (stray.length === 0) return [];
  const byPair = new Map<string, number>();
  stray.forEach((ep) => ep.pairs.forEach((l) => byPair.set(l, Math.max(byPair.get(l) ?? 0, ep.peakBurnRate))));
  const [label, peak] = [...byPair.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  return [
    {
      kind: 'noisy',
      message: `${stray.length} of ${episodes.length} alerts fired outside any significant budget-consuming event.`,
      change: `Raise the threshold of ${label} above ${factor(peak)} (the highest burn these alerts saw), or add a for: to it.`,
    },
  ];
}

export function recommendations(input: RecommendInput): BacktestRecommendation[] {
  return [unreachable, lowTraffic, flapping, late, quiet, noisy].flatMap((rule) => rule(input));
}
