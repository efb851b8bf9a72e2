import { z } from 'zod';
import { normalizeWindow, windowSeconds } from './windows';

// Field schemas shared by the spec and the policy. Pure.

export const MINUTE = 60;
export const DAY = 86_400;

/** A string field whose absence says "is required" rather than zod's type jargon. */
export const requiredString = () => z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') });

/** A Prometheus duration between `min` and `max` seconds, normalised (`4w` -> `28d`). */
export function durationSchema(min: number, max: number, range: string) {
  return requiredString().transform((text, ctx) => {
    let seconds: number;
    try {
      seconds = windowSeconds(text);
    } catch {
      ctx.issues.push({ code: 'custom', message: 'must be a duration such as 5m, 1h or 30d', input: text });
      return z.NEVER;
    }
    if (seconds < min || seconds > max || seconds % MINUTE !== 0) {
      ctx.issues.push({ code: 'custom', message: `must be whole minutes between ${range}`, input: text });
      return z.NEVER;
    }
    return normalizeWindow(text);
  });
}
