// Conversions between unix seconds and `<input type="datetime-local">` values, read as UTC so every
// reader of a shared link sees the same clock. Pure.
import { formatUtc } from '@/lib/format';
import { RANGE_LABELS, type RangePreset } from '@/lib/queries/time-range';

/** `1790852400` -> `2026-10-01T11:00`. */
export function toUtcInput(seconds: number): string {
  return formatUtc(seconds, { label: false }).replace(' ', 'T');
}

/** `2026-10-01T11:00` (seconds optional) read as UTC -> unix seconds; undefined for anything else. */
export function fromUtcInput(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const ms = Date.parse(`${value}Z`);
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}

/** What the dashboard shows, in words: "Last hour, live", "Last 6 hours to 2026-10-01 11:00 UTC", ... */
export function describeRange(state: { range: RangePreset; from?: number; time?: number }, end: number): string {
  if (state.from !== undefined && state.time !== undefined) {
    const from = formatUtc(state.from, { label: false });
    const sameDay = from.slice(0, 10) === formatUtc(state.time, { label: false }).slice(0, 10);
    return `${from} to ${formatUtc(state.time, { date: !sameDay })}`;
  }
  const label = RANGE_LABELS[state.range];
  return state.time === undefined ? `${label}, live until ${formatUtc(end)}` : `${label} to ${formatUtc(state.time)}`;
}
