import { budgetShareBetween, forSeconds, pairLabel, type BudgetContext } from './alerts';
import { overlaps, SIGNIFICANT_BUDGET_SHARE } from './events';
import type { BacktestRecommendation, Episode, SignificantEvent } from './schema';
import { factor, humanDuration, percent } from '../format';
import { budgetFraction } from '../math';
import { burnFactor, isUnreachable, minEventsForPair, WORKBOOK_PERIOD_S, type AlertPair } from '../policy';
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
  /** Whether a candidate policy still pages on every significant event the policy pages on. */
  keepsPaging(candidate: readonly AlertPair[]): boolean;
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

function lowTraffic({ policy, objective, medianEvents, sloWindow, keepsPaging }: RecommendInput): BacktestRecommendation[] {
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
  // A longer window is offered only if the policy with it still pages on every significant event.
  const longer = LONGER_WINDOWS.filter((w) => windowSeconds(w) <= windowSeconds(sloWindow)).find(
    (w) =>
      windowSeconds(w) > windowSeconds(worst.p.longWindow) &&
      perSecond * windowSeconds(w) >= worst.need &&
      keepsPaging(policy.map((p) => (p === worst.p ? { ...p, longWindow: w } : p))),
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

const replacePair = (policy: readonly AlertPair[], pair: AlertPair, change: Partial<AlertPair>) => policy.map((p) => (p === pair ? { ...p, ...change } : p));

function flapping({ policy, episodes, keepsPaging }: RecommendInput): BacktestRecommendation[] {
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
    // Each change is offered only if the policy with it still pages on every significant event.
    const changes = [
      keepsPaging(replacePair(policy, pair, { for: newFor })) ? `Set for: ${newFor} on ${label} (was ${pair.for})` : null,
      keepsPaging(replacePair(policy, pair, { shortWindow: newShort })) ? `lengthen its short window from ${pair.shortWindow} to ${newShort}` : null,
    ].filter((c): c is string => c !== null);
    const message = `${blips.length} of ${mine.length} ${severity}s lasted under ${humanDuration(SHORT_EPISODE_SECONDS)}, most from ${label}: the alert flaps.`;
    if (changes.length === 0) return [{ kind: 'flapping', message, change: `Keep ${label} as it is: a longer for: or short window would stop it paging on a significant event.` }];
    return [{ kind: 'flapping', message, change: `${changes.join(', or ')}.`.replace(/^./, (c) => c.toUpperCase()) }];
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

/** A burn of 1x spends the budget exactly over the SLO window: a page must need more. */
const SUSTAINABLE_BURN = 1;

function quiet({ policy, events, objective, sloWindow }: RecommendInput): BacktestRecommendation[] {
  const missed = events.filter((e) => e.detectedAt === null);
  if (missed.length === 0) return [];
  const fastest = policy.filter((p) => p.severity === 'page').sort((a, b) => windowSeconds(a.longWindow) - windowSeconds(b.longWindow))[0];
  const period = windowSeconds(sloWindow);
  const burns = missed.map((e) => (e.budgetConsumed * period) / Math.max(e.end - e.start, 60));
  // Never a page at or under 1x, which fires on a sustainable burn: on a window under 30 days an event
  // (2% of the budget within an hour) can burn less than that (0.48x on 1d).
  const target = round2(Math.max(Math.min(...burns) / 2, SUSTAINABLE_BURN));
  const spent = missed.reduce((sum, e) => sum + e.budgetConsumed, 0);
  // The fast pair as the default policy fits it (defaultPairs): 2% of the budget in an hour, and under
  // 30 days the workbook's 14.4x, which the default keeps rather than page below it.
  const workbook = Math.max(burnFactor(SIGNIFICANT_BUDGET_SHARE, WORKBOOK_PERIOD_S, 3600), burnFactor(SIGNIFICANT_BUDGET_SHARE, period, 3600));
  const share = period >= WORKBOOK_PERIOD_S ? `${percent(SIGNIFICANT_BUDGET_SHARE)} of the budget in an hour` : 'as the default policy keeps it under 30 days';
  return [
    {
      kind: 'quiet',
      message: `No page fired during ${missed.length} significant event${missed.length === 1 ? '' : 's'} (each spent at least ${percent(SIGNIFICANT_BUDGET_SHARE)} of the budget within an hour; together ${percent(spent)}).`,
      change:
        fastest && !isUnreachable(target, objective) && target < fastest.threshold
          ? `Lower the threshold of the ${pairLabel(fastest)} page from ${factor(fastest.threshold)} to ${target}, below the events' average burn.`
          : `Add a page alert over 1h/5m at ${factor(workbook)} (${share}), the SRE Workbook's fast pair.`,
    },
  ];
}

/** Pages outside every significant event. A higher threshold or a longer for: is offered only if it still pages on every event. */
function noisy({ policy, episodes, events, to, grace, keepsPaging }: RecommendInput): BacktestRecommendation[] {
  const pages = episodes.filter((ep) => ep.severity === 'page');
  const stray = pages.filter((ep) => !events.some((ev) => overlaps(ep, ev, to, grace)));
  if (stray.length === 0) return [];
  const byPair = new Map<string, number>();
  stray.forEach((ep) => ep.pairs.forEach((l) => byPair.set(l, Math.max(byPair.get(l) ?? 0, ep.peakBurnRate))));
  const [label, peak] = [...byPair.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  const pair = policy.find((p) => p.severity === 'page' && pairLabel(p) === label);
  const message = `${stray.length} of ${pages.length} pages fired outside any significant event (one spending ${percent(SIGNIFICANT_BUDGET_SHARE)} of the budget within an hour).`;
  if (!pair) return [];
  const raised = round2(peak * 1.1);
  if (keepsPaging(replacePair(policy, pair, { threshold: raised }))) {
    return [{ kind: 'noisy', message, change: `Raise the threshold of ${label} from ${factor(pair.threshold)} to ${raised}, above ${factor(peak)} (the highest burn these pages saw).` }];
  }
  const longest = Math.max(...stray.map((ep) => (ep.end ?? to) - ep.start));
  const newFor = durationToPromql(Math.min(3600, Math.ceil((forSeconds(pair.for) + longest) / 60) * 60));
  if (keepsPaging(replacePair(policy, pair, { for: newFor }))) {
    return [{ kind: 'noisy', message, change: `Set for: ${newFor} on ${label} (was ${pair.for}); a higher threshold would stop it paging on a significant event.` }];
  }
  return [{ kind: 'noisy', message, change: `Keep ${label} as it is: a higher threshold or a longer for: would also stop it paging on a significant event.` }];
}

export function recommendations(input: RecommendInput): BacktestRecommendation[] {
  return [unreachable, lowTraffic, flapping, late, quiet, noisy].flatMap((rule) => rule(input));
}
