import { durationToPromql, matchers } from '@/lib/promql';
import { windowSeconds } from '../windows';

// A burn that starts after a quiet period, minute by minute as Prometheus computes the windows: the
// short window is over the threshold within minutes, the long one only after long x (threshold -
// normal) / (burn - normal); the alert must wait for both and then its `for`. Pure.

const STEP_S = 60;
const ceilStep = (s: number) => Math.ceil(s / STEP_S) * STEP_S;

export interface Onset {
  /** Seconds of normal traffic before the burn: the long window, so it starts full of normal traffic. */
  burnStart: number;
  /** Bad events a minute, before and from burnStart, out of `events`. */
  normalBad: number;
  burnBad: number;
  events: number;
}

/** Cumulative bad and total events at `t` seconds. */
function counts(o: Onset, t: number): { bad: number; total: number } {
  const before = Math.min(t, o.burnStart) / STEP_S;
  const after = Math.max(0, t - o.burnStart) / STEP_S;
  return { bad: o.normalBad * before + o.burnBad * after, total: (o.events * t) / STEP_S };
}

/**
 * The window's error ratio at `t`. `openStart` drops the sample at the window's start, as Prometheus
 * 3's left-open ranges do (its extrapolation scales bad and total alike, so the ratio keeps).
 */
export function windowRatio(o: Onset, windowS: number, t: number, openStart: boolean): number | null {
  const from = t - windowS < 0 ? 0 : t - windowS + (openStart ? STEP_S : 0);
  if (t - from < STEP_S) return null;
  const [a, b] = [counts(o, from), counts(o, t)];
  return (b.bad - a.bad) / (b.total - a.total);
}

/** The first evaluation at which both windows exceed `ratio`, under either range convention. */
export function activeFrom(o: Onset, longS: number, shortS: number, ratio: number, limit: number): { earliest: number; latest: number } | null {
  const first = (open: boolean) => {
    for (let t = STEP_S; t <= limit; t += STEP_S) {
      const [l, s] = [windowRatio(o, longS, t, open), windowRatio(o, shortS, t, open)];
      if (l !== null && s !== null && l > ratio && s > ratio) return t;
    }
    return null;
  };
  const [closed, open] = [first(false), first(true)];
  if (closed === null || open === null) return null;
  return { earliest: Math.min(closed, open), latest: Math.max(closed, open) };
}

export interface OnsetPair {
  longWindow: string;
  shortWindow: string;
  /** Error ratio both windows must exceed (threshold x budget). */
  ratio: number;
  holdS: number;
  labels: Record<string, string>;
}

/**
 * promql_expr_test cases for one pair: not firing once the short window alone has been hot for its
 * `for`, firing a minute after the latest time the windows can agree plus `for`. Null when the burn
 * cannot fire it within a day of onset.
 */
export function onsetCases(o: Onset, pair: OnsetPair) {
  const longS = windowSeconds(pair.longWindow);
  const shortS = windowSeconds(pair.shortWindow);
  const active = activeFrom(o, longS, shortS, pair.ratio, o.burnStart + 86_400);
  if (active === null) return null;
  const firing = `count(ALERTS${matchers({ ...pair.labels, alertstate: 'firing' })})`;
  const fired = ceilStep(active.latest + pair.holdS) + STEP_S;
  const shortOnly = ceilStep(o.burnStart + shortS + pair.holdS);
  const cases = [];
  // Pending alerts are not in ALERTS{alertstate="firing"}, so "nothing" is one empty result.
  if (shortOnly < active.earliest + pair.holdS - STEP_S) cases.push({ expr: firing, eval_time: durationToPromql(shortOnly), exp_samples: [] });
  cases.push({ expr: firing, eval_time: durationToPromql(fired), exp_samples: [{ labels: '{}', value: 1 }] });
  return { cases, end: fired };
}
