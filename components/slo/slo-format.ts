import { factor, humanDuration, percent } from '@/lib/slo/format';
import type { SloStatus } from '@/lib/slo/status-schema';

// Display strings for SLO figures the server computed. Pure; no budget math here.

export type Tone = 'good' | 'warn' | 'bad' | 'muted';
export interface Chip {
  label: 'page' | 'ticket' | 'ok' | 'low traffic' | 'error' | 'loading';
  tone: Tone;
}

/** The status chip of one SLO: its recommendation, low traffic, or the evaluation error. */
export function statusChip(status: SloStatus | undefined, error: string | undefined, pending = false): Chip {
  if (error !== undefined) return { label: 'error', tone: 'bad' };
  if (!status) return { label: pending ? 'loading' : 'error', tone: pending ? 'muted' : 'bad' };
  if (status.recommendation.action === 'page') return { label: 'page', tone: 'bad' };
  if (status.recommendation.action === 'ticket') return { label: 'ticket', tone: 'warn' };
  if (status.traffic.lowTraffic) return { label: 'low traffic', tone: 'muted' };
  return { label: 'ok', tone: 'good' };
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
