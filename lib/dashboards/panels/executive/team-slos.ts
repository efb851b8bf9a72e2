// A team's SLOs in one row an executive reads correctly: how many SLOs, how many have spent their
// whole budget, the worst remaining budget, how many page, ticket or are fine, and the fastest 1h burn.
// Ratios of different SLOs are never averaged: each SLO has its own objective and traffic, so the
// row shows counts and extremes (worst budget, fastest burn), which stay true whatever the mix. Pure.
import { sloHealth, sloState, worstHealth, type Health, type SloState } from '@/lib/health';
import type { SloSpec } from '@/lib/slo/spec';
import type { ReadSource, SloStatus } from '@/lib/slo/status-schema';
import type { TableData } from '../types';
import { compareText } from '../values';

/** One stored SLO and its evaluation at the panel's instant (or why it has none). */
export interface TeamSloInput {
  spec: Pick<SloSpec, 'name' | 'team' | 'namespace' | 'service'>;
  status: SloStatus | null;
  /** Why the SLO could not be evaluated (custom query rejected, latency threshold not a bucket). */
  error?: string;
}

export interface TeamSloSummary {
  /** The group's name: a team (by team), or a region (by region, summarizeBy). */
  team: string;
  namespaces: string[];
  slos: number;
  /** SLOs without a status (evaluation error). */
  notEvaluated: number;
  /** Budget remaining at or below zero: the whole budget is spent (whether or not it also pages). */
  exhausted: number;
  /** SLOs per state (lib/health's sloState): each SLO counts once, in its worst state. */
  paging: number;
  ticketing: number;
  /** The status' `exhausted` state: spent and not paging (a ticket may fire too); never counted as ok. */
  spent: number;
  ok: number;
  /** Too little traffic to trust a burn rate. */
  unjudged: number;
  /** The team's verdict: the worst of its SLOs' (lib/health), the same words as each service's. */
  health: Health;
  /** The team's SLOs with a budget figure, least budget remaining first. */
  budgets: Array<{ name: string; remaining: number; excludesMaintenance?: boolean }>;
  /** Highest 1h burn rate among the team's SLOs; null without traffic in the last hour. */
  fastestBurn1h: number | null;
  /** Where the figures came from, over every window of every evaluated SLO. */
  source: 'recorded' | 'raw' | 'mixed' | null;
}

const BURN_WINDOW = '1h';

function sourceOf(statuses: readonly SloStatus[]): TeamSloSummary['source'] {
  const seen = new Set<ReadSource>(statuses.flatMap((s) => Object.values(s.source ?? {})));
  if (seen.size === 0) return null;
  return seen.size > 1 ? 'mixed' : (seen.values().next().value ?? null);
}

function summarize(team: string, inputs: readonly TeamSloInput[]): TeamSloSummary {
  const statuses = inputs.flatMap((i) => (i.status ? [i.status] : []));
  const count = (state: SloState) => statuses.filter((s) => sloState(s) === state).length;
  const budgets = statuses
    .flatMap((s) => (s.errorBudget.remaining === null ? [] : [{ name: s.name, remaining: s.errorBudget.remaining, ...(s.maintenance ? { excludesMaintenance: true } : {}) }]))
    .sort((a, b) => a.remaining - b.remaining || compareText(a.name, b.name));
  const burns = statuses.map((s) => s.burnRates[BURN_WINDOW]).filter((b): b is number => b !== null && b !== undefined && Number.isFinite(b));
  return {
    team,
    namespaces: [...new Set(inputs.map((i) => i.spec.namespace))].sort(compareText),
    slos: inputs.length,
    notEvaluated: inputs.length - statuses.length,
    exhausted: budgets.filter((b) => b.remaining <= 0).length,
    paging: count('page'),
    ticketing: count('ticket'),
    spent: count('exhausted'),
    ok: count('ok'),
    unjudged: count('unjudged'),
    health: worstHealth(statuses.map(sloHealth), { level: 'idle', reason: 'no SLO of the team could be evaluated' }),
    budgets,
    fastestBurn1h: burns.length > 0 ? Math.max(...burns) : null,
    source: sourceOf(statuses),
  };
}

/** One summary per group (`keyOf`: a team, a region) that has SLOs, in name order. */
export function summarizeBy(inputs: readonly TeamSloInput[], keyOf: (input: TeamSloInput) => string): TeamSloSummary[] {
  const groups = new Map<string, TeamSloInput[]>();
  for (const input of inputs) groups.set(keyOf(input), [...(groups.get(keyOf(input)) ?? []), input]);
  return [...groups].sort(([a], [b]) => compareText(a, b)).map(([key, list]) => summarize(key, list));
}

/** One summary per team that has SLOs, in team-name order. */
export function summarizeTeams(inputs: readonly TeamSloInput[]): TeamSloSummary[] {
  return summarizeBy(inputs, (i) => i.spec.team);
}

/** A budget share as an executive reads it: whole percent, one decimal below 10%, never "-0%". */
export function budgetPercent(remaining: number): string {
  const pct = remaining * 100;
  const text = Math.abs(pct) < 10 ? pct.toFixed(1) : pct.toFixed(0);
  return `${/^-0(\.0)?$/.test(text) ? text.slice(1) : text}%`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** "3 SLOs: 1 exhausted, worst budget -24%". */
export function summaryText(s: TeamSloSummary): string {
  const worst = s.budgets[0];
  const parts = [
    ...(s.exhausted > 0 ? [`${s.exhausted} exhausted`] : []),
    worst ? `worst budget ${budgetPercent(worst.remaining)}` : 'no traffic in the SLO window',
    ...(s.notEvaluated > 0 ? [`${s.notEvaluated} not evaluated`] : []),
  ];
  return `${plural(s.slos, 'SLO')}: ${parts.join(', ')}`;
}

/** Up to `max` SLOs with their remaining budget, worst first: "checkout -24%, cart 81%, 1 more". */
export function budgetsText(s: TeamSloSummary, max = 3): string | null {
  if (s.budgets.length === 0) return null;
  // A budget that leaves maintenance windows out says so, as everywhere a budget is shown.
  const shown = s.budgets.slice(0, max).map((b) => `${b.name} ${budgetPercent(b.remaining)}${b.excludesMaintenance ? ' (excl. maintenance)' : ''}`);
  const more = s.budgets.length - max;
  return more > 0 ? `${shown.join(', ')}, ${more} more` : shown.join(', ');
}

/** "1 paging, 0 ticketing, 1 exhausted, 2 ok": each evaluated SLO once, in the state its verdict reads. */
export function alertingText(s: TeamSloSummary): string {
  const parts = [`${s.paging} paging`, `${s.ticketing} ticketing`, ...(s.spent > 0 ? [`${s.spent} exhausted`] : []), `${s.ok} ok`];
  if (s.unjudged > 0) parts.push(`${s.unjudged} too little traffic to judge`);
  return parts.join(', ');
}

/**
 * The SLO columns of a summary's row, in one order and wording for a team's row and a region's:
 * `where` words the two that name the group ("(worst SLO in the region)", "in the region").
 */
export function summaryColumns(where: { remaining: string; alerting?: string }): TableData['columns'] {
  return [
    { key: 'summary', label: 'Summary', kind: 'text' },
    { key: 'remaining', label: `Budget remaining ${where.remaining}`, unit: 'ratio', kind: 'number' },
    { key: 'budgets', label: 'SLOs, least budget first', kind: 'text' },
    { key: 'alerting', label: where.alerting ? `SLO status ${where.alerting}` : 'SLO status', kind: 'text' },
    { key: 'burn1h', label: 'Fastest burn rate, 1h (1 = on budget)', unit: 'none', kind: 'number' },
  ];
}

/** The cells of summaryColumns for one summary. */
export function summaryCells(s: TeamSloSummary) {
  return { summary: summaryText(s), remaining: s.budgets[0]?.remaining ?? null, budgets: budgetsText(s), alerting: alertingText(s), burn1h: s.fastestBurn1h };
}
