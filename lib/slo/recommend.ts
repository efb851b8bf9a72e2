import { factor, humanDuration, percent } from './format';
import type { ErrorBudget } from './math';
import { budgetFraction } from './math';
import type { SloSpec } from './spec';
import type { PairEvaluation } from './status';
import type { Recommendation } from './status-schema';
import { EXHAUSTED_POLICY } from './state';
import { EXHAUSTION_WINDOW } from './windows';

// none | ticket | page, with the reason in plain words and advice for SLOs whose alerts cannot be
// trusted (too little traffic) or cannot fire at all (threshold above the highest burn rate). Pure.

export interface RecommendInput {
  spec: SloSpec;
  pairs: PairEvaluation[];
  budget: ErrorBudget;
  currentBurn: number | null;
  timeToExhaustion: number | null;
  events: number;
}

const pairName = (p: PairEvaluation) => `${p.longWindow}/${p.shortWindow} ${p.severity}`;
const rate = (value: number | null) => (value === null ? 'no traffic' : factor(value));

function firedSentence(p: PairEvaluation, window: string): string {
  return (
    `the ${pairName(p)} pair fired: the budget burns at ${rate(p.longBurnRate)} the sustainable rate over ${p.longWindow} ` +
    `and ${rate(p.shortBurnRate)} over ${p.shortWindow} (threshold ${factor(p.threshold)}, ` +
    `${percent(p.pair.budgetShare)} of the ${window} budget within ${p.longWindow}).`
  );
}

function budgetSentence({ spec, budget, currentBurn, timeToExhaustion }: RecommendInput): string {
  if (budget.remaining === null) return `No traffic over the last ${spec.window}, so no budget has been measured.`;
  if (budget.remaining <= 0) {
    return `The ${spec.window} budget is exhausted: ${percent(budget.consumed ?? 0)} spent (remaining ${percent(budget.remaining)}). ${EXHAUSTED_POLICY}`;
  }
  const left = `${percent(budget.remaining)} of the ${spec.window} budget remains`;
  if (timeToExhaustion === null) return `${left}; at the current ${EXHAUSTION_WINDOW} burn rate (${rate(currentBurn)}) it is not running out.`;
  return `${left}; at the current ${EXHAUSTION_WINDOW} burn rate (${rate(currentBurn)}) it runs out in ${humanDuration(timeToExhaustion)}.`;
}

function advice({ spec, pairs }: RecommendInput): string[] {
  const out: string[] = [];
  const low = pairs.filter((p) => p.lowTraffic);
  const first = low[0];
  if (first) {
    out.push(
      `Low traffic: ${first.longEvents} events in the last ${first.longWindow}, but the ${pairName(first)} pair needs at least ` +
        `${first.minEvents} for a single failed request not to fire it on its own` +
        `${low.length > 1 ? ` (${low.length} pairs are affected)` : ''}. ` +
        'Use longer windows, group this service with similar ones in one SLO, or add synthetic traffic.',
    );
  }
  for (const p of pairs.filter((q) => q.unreachable)) {
    out.push(
      `The ${pairName(p)} pair can never fire: at ${spec.objective}% the highest possible burn rate is ` +
        `${factor(1 / budgetFraction(spec.objective))}, not above its ${factor(p.threshold)} threshold; lower the threshold or raise the objective.`,
    );
  }
  return out;
}

/** Pages on a trusted page pair, tickets on a ticket pair or on a page pair with too little traffic. */
export function recommend(input: RecommendInput): Recommendation {
  const { spec, pairs } = input;
  const firing = pairs.filter((p) => p.firing);
  const page = firing.find((p) => p.severity === 'page' && !p.lowTraffic);
  const untrustedPage = firing.find((p) => p.severity === 'page' && p.lowTraffic);
  const ticket = firing.find((p) => p.severity === 'ticket');
  const tail = [budgetSentence(input), ...advice(input)].join(' ');
  if (page) return { action: 'page', reason: `Page: ${firedSentence(page, spec.window)} ${tail}` };
  if (untrustedPage) {
    const why =
      `Ticket, not page: ${firedSentence(untrustedPage, spec.window)} With only ${untrustedPage.longEvents} events in ` +
      `${untrustedPage.longWindow} that can be a handful of failed requests, so it is not worth waking anyone.`;
    return { action: 'ticket', reason: `${why} ${tail}` };
  }
  if (ticket) return { action: 'ticket', reason: `Ticket: ${firedSentence(ticket, spec.window)} ${tail}` };
  const calm = input.events === 0 ? 'No alert pair fires.' : `No alert pair fires: the budget burns at ${rate(input.currentBurn)} the sustainable rate over ${EXHAUSTION_WINDOW}.`;
  return { action: 'none', reason: `${calm} ${tail}` };
}
