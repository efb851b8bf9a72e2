// The independent reference for the payments outage's page in report tests (integration and e2e):
// the SRE Workbook's page pairs written by hand, evaluated minute by minute on the simulator's exact
// counts, and the episode's budget share as the backtest contract defines it. Uses no app code.
import type { Model } from '../simulator';

const MIN = 60;
const SLO_WINDOW = 30 * 86_400;
const PAYMENTS = 'payments/payments';
/** 1 - 99.9 %, written out. */
const BUDGET = 0.001;

/**
 * The Workbook's page pairs for a 30d 99.9 % SLO (DESIGN.md "SLO math"): 14.4x over 1h and 5m, 6x
 * over 6h and 30m; each waits half its short window before firing (Pyrra's rule).
 */
const PAGE_PAIRS = [
  { long: 3600, short: 300, threshold: 14.4, forS: 150 },
  { long: 6 * 3600, short: 1800, threshold: 6, forS: 900 },
];

function truthOf(model: Model, from: number, to: number) {
  const s = model.truth(from, to).services.find((x) => x.id === PAYMENTS);
  if (!s) throw new Error('no payments in the model');
  return s;
}

function burn(model: Model, t: number, window: number): number {
  const s = truthOf(model, t - window, t);
  return s.requests === 0 ? 0 : s.errors / s.requests / BUDGET;
}

function outageOf(model: Model): { start: number; end: number } {
  const outage = model.timeline.find((e) => e.id === 'payments-outage');
  if (!outage?.end) throw new Error('no payments outage in the story');
  return { start: outage.start, end: outage.end };
}

/**
 * The payments page episode from the truth, as Prometheus evaluates rules once a minute: a pair fires
 * at the first evaluation at least `for` after its condition began and stops at the first evaluation
 * where it fails; the episode is the union of the pairs' firing.
 */
export function truthPaymentsPage(model: Model): { start: number; end: number } {
  const outage = outageOf(model);
  let start = Infinity;
  let end = -Infinity;
  for (const p of PAGE_PAIRS) {
    let since: number | null = null;
    for (let t = outage.start; t <= outage.end + p.short + 10 * MIN; t += MIN) {
      const holds = burn(model, t, p.long) > p.threshold && burn(model, t, p.short) > p.threshold;
      if (holds) {
        since ??= t;
        if (t - since >= p.forS) start = Math.min(start, t);
      } else if (since !== null) {
        if (t - since > p.forS) end = Math.max(end, t);
        since = null;
      }
    }
  }
  return { start, end };
}

/**
 * Budget share of payments' errors in (start, end] as the backtest defines an episode's
 * (lib/slo/backtest/schema.ts): over the budget of the events in the 30d window ending at `end`, the
 * range's mean traffic over a whole window standing in when larger (a history starting inside it).
 * `history` is where Prometheus' data begins, `rangeEnd` the end of the backtested range.
 */
export function truthPaymentsBudget(model: Model, start: number, end: number, history: number, rangeEnd: number): number {
  const held = truthOf(model, Math.max(history, end - SLO_WINDOW), end).requests;
  const typical = (truthOf(model, history, rangeEnd).requests * SLO_WINDOW) / (rangeEnd - history);
  return truthOf(model, start, end).errors / (BUDGET * Math.max(held, typical));
}
