import { factor, humanDuration, percent } from '@/lib/slo/format';
import { exhaustedAdvice, recoverySeconds } from '@/lib/slo/recovery';
import { EXHAUSTION_WINDOW, windowSeconds } from '@/lib/slo/windows';
import type { SloState } from '@/lib/slo/state';
import type { SloStatus } from '@/lib/slo/status-schema';

// Display strings for SLO figures the server computed. Pure; no budget math here.

export type Tone = 'good' | 'warn' | 'bad' | 'muted';
export interface Chip {
  label: 'page' | 'exhausted' | 'ticket' | 'ok' | 'low traffic' | 'error' | 'loading';
  tone: Tone;
}

// Tones as lib/health's levels for the same state (sloHealth): page failing, exhausted and ticket
// warning, so the chip here and the executive's verdict for one SLO are the same colour.
const STATE_CHIP: Record<SloState, Chip> = {
  page: { label: 'page', tone: 'bad' },
  exhausted: { label: 'exhausted', tone: 'warn' },
  ticket: { label: 'ticket', tone: 'warn' },
  low_traffic: { label: 'low traffic', tone: 'muted' },
  ok: { label: 'ok', tone: 'good' },
};

/** The status chip of one SLO: the server's state (lib/slo/state.ts), or the evaluation error. */
export function statusChip(status: SloStatus | undefined, error: string | undefined, pending = false): Chip {
  if (error !== undefined) return { label: 'error', tone: 'bad' };
  if (!status) return { label: pending ? 'loading' : 'error', tone: pending ? 'muted' : 'bad' };
  return STATE_CHIP[status.state];
}

/** SLI with enough digits to tell 99.9% from 99.95%. */
export function formatSli(sli: number | null | undefined): string {
  if (sli === null || sli === undefined) return 'no traffic';
  return `${(sli * 100).toFixed(3)}%`;
}

export function formatBudget(remaining: number | null | undefined): string {
  if (remaining === null || remaining === undefined) return '—';
  return percent(remaining);
}

export function budgetTone(remaining: number | null | undefined): Tone {
  if (remaining === null || remaining === undefined) return 'muted';
  if (remaining <= 0) return 'bad';
  return remaining < 0.25 ? 'warn' : 'good';
}

export function formatBurn(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  return factor(rate);
}

export function formatExhaustion(seconds: number | null): string {
  if (seconds === null) return 'not burning';
  if (seconds <= 0) return 'exhausted';
  return `in ${humanDuration(seconds)}`;
}

export function indicatorLabel(indicator: { type: string; thresholdMs?: number }): string {
  if (indicator.type === 'latency') return `latency ≤ ${indicator.thresholdMs ?? '?'} ms`;
  return indicator.type;
}

/**
 * For an exhausted budget: the error-budget policy and when the budget recovers at the current burn,
 * from the burn-down curve (lib/slo/state.ts does the arithmetic); null otherwise or while the curve loads.
 */
export function exhaustedText(status: SloStatus, window: string, curve: ReadonlyArray<{ time: number; remaining: number | null }> | undefined): string | null {
  if (status.state !== 'exhausted' && !(status.errorBudget.remaining !== null && status.errorBudget.remaining <= 0)) return null;
  if (!curve) return null;
  const burn = status.burnRates[EXHAUSTION_WINDOW] ?? null;
  return exhaustedAdvice(window, recoverySeconds(curve, burn, windowSeconds(window)), burn);
}
