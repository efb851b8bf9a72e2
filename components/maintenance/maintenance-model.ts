import { durationText } from '@/lib/maintenance/intervals';
import type { SilenceInfo } from '@/lib/maintenance/schema';

// The /maintenance page's pure parts: the form's UTC times, and what a window's silence state says. Pure.

export interface MaintenanceFormState {
  namespace: string;
  service: string;
  /** `datetime-local` values, read as UTC (every time in Meshwatch is UTC). */
  start: string;
  end: string;
  reason: string;
}

/** `2026-12-02T13:30` for unix seconds, in UTC. */
export const toLocalInput = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 16);

/** Unix seconds of a `datetime-local` value read as UTC; NaN when empty or malformed (the server says which field). */
export function fromLocalInput(value: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return Number.NaN;
  return Date.parse(`${value.length === 16 ? `${value}:00` : value}Z`) / 1000;
}

/** Starts at the next whole minute, lasts an hour. */
export function defaultForm(nowSeconds: number): MaintenanceFormState {
  const start = Math.ceil(nowSeconds / 60) * 60;
  return { namespace: '', service: '', start: toLocalInput(start), end: toLocalInput(start + 3600), reason: '' };
}

/** The POST body; an empty service means the whole namespace. */
export function toInput(form: MaintenanceFormState) {
  const service = form.service.trim();
  return {
    scope: { namespace: form.namespace.trim(), ...(service ? { service } : {}) },
    start: fromLocalInput(form.start),
    end: fromLocalInput(form.end),
    reason: form.reason,
  };
}

/** What the silence column says, and whether a retry can help. */
export function silenceText(silence: SilenceInfo): { text: string; tone: 'good' | 'warn' | 'bad' | 'muted'; retry: boolean } {
  switch (silence.state) {
    case 'active':
      return { text: `Silenced in Alertmanager (silence ${silence.id ?? '?'})`, tone: 'good', retry: false };
    case 'pending':
      return { text: `Silence pending: ${silence.error ?? 'Alertmanager not reached yet'}. Alerts are NOT silenced until it is created.`, tone: 'warn', retry: true };
    case 'failed':
      return { text: `Silence failed: ${silence.error ?? 'Alertmanager refused it'}. Alerts are NOT silenced.`, tone: 'bad', retry: true };
    case 'ended':
      return { text: 'Over when saved: nothing to silence (kept for backtests and reports)', tone: 'muted', retry: false };
    case 'unconfigured':
      return { text: 'Not silenced: no Alertmanager configured (MESHWATCH_ALERTMANAGER_URL)', tone: 'warn', retry: false };
  }
}

export const spanText = (start: number, end: number) => durationText(end - start);
