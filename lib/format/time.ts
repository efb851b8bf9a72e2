// The one way Meshwatch shows a time: UTC, and saying so. A link pasted in an incident channel reads
// the same in every reader's zone, and matches Prometheus, the alerts and the server logs. Pure.

/** A moment: unix seconds (or milliseconds, see MS_THRESHOLD), an ISO-8601 string, or a Date. */
export type Instant = number | string | Date;

/**
 * Numbers past this are milliseconds: 1e11 seconds is the year 5138, 1e11 milliseconds is 1973, so
 * no time the app shows is ambiguous (charts hand over ECharts' milliseconds, the API unix seconds).
 */
export const MS_THRESHOLD = 1e11;

/** Shown for a time that is not one (NaN, an unparsable string): a dash, never "Invalid Date" or a crash. */
export const NO_TIME = '—';

export interface UtcFormat {
  /** Seconds too: `11:00:05` (default minutes, which is what a dashboard step resolves). */
  seconds?: boolean;
  /** The date part (default true); without it `11:00 UTC`, for a time whose day is plain from its context. */
  date?: boolean;
  /** The ` UTC` suffix (default true); leave it off only where a column header or axis name says UTC. */
  label?: boolean;
}

function toMs(time: Instant): number {
  if (time instanceof Date) return time.getTime();
  if (typeof time === 'string') return Date.parse(time);
  return Math.abs(time) >= MS_THRESHOLD ? time : time * 1000;
}

/** `2026-10-01 11:00 UTC` (or `2026-10-01 11:00:05 UTC`, `11:00 UTC`); truncated, never rounded up. */
export function formatUtc(time: Instant, { seconds = false, date = true, label = true }: UtcFormat = {}): string {
  const ms = toMs(time);
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return NO_TIME; // 8.64e15: the largest Date (ECMA-262)
  const iso = new Date(ms).toISOString(); // 2026-10-01T11:00:05.000Z, always UTC
  const clock = iso.slice(11, seconds ? 19 : 16);
  const text = date ? `${iso.slice(0, iso.indexOf('T'))} ${clock}` : clock;
  return label ? `${text} UTC` : text;
}
