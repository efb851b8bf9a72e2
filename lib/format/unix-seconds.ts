// The one reader of a time in a URL (`?time=`, `from=`, `start=`, `compare=`): whole, positive unix
// seconds. The API answers 422 with the message; pages ignore the value with a note. Pure.

/** Unix seconds past this (year 2286) are milliseconds sent by mistake. */
export const MAX_UNIX_SECONDS = 1e10;

export type UnixSecondsResult = { ok: true; seconds: number } | { ok: false; error: string };

/**
 * `1790852400` -> 1790852400. Refused, each with the reason: empty, `NaN`, `1e9` (exponents), `-5` and `0`,
 * `1790852400.5` (a time in a URL is whole seconds: the API and every link write it so), and `>= 1e10`.
 */
export function parseUnixSeconds(text: string): UnixSecondsResult {
  const t = text.trim();
  if (/^-\d+(\.\d+)?$/.test(t)) return { ok: false, error: 'must be positive unix seconds' };
  if (/^\d+\.\d+$/.test(t)) return { ok: false, error: 'must be whole unix seconds' };
  if (!/^\d+$/.test(t)) return { ok: false, error: 'must be unix seconds' };
  const seconds = Number(t);
  if (seconds <= 0) return { ok: false, error: 'must be positive unix seconds' };
  if (seconds >= MAX_UNIX_SECONDS) return { ok: false, error: 'must be unix seconds, not milliseconds' };
  return { ok: true, seconds };
}

/** The value, or undefined when absent or refused (pages fall back to now and say so). */
export function unixSecondsOrUndefined(text: string | null | undefined): number | undefined {
  if (text === null || text === undefined) return undefined;
  const parsed = parseUnixSeconds(text);
  return parsed.ok ? parsed.seconds : undefined;
}
