import { z } from 'zod';

// The one health verdict of a service, node or edge (DESIGN.md, "Public HTTP API", Health). Pure zod:
// the routes build it, every page renders it as is.

export const HEALTH_LEVELS = ['ok', 'warning', 'failing', 'idle'] as const;
export const healthLevelSchema = z.enum(HEALTH_LEVELS);
export type HealthLevel = z.infer<typeof healthLevelSchema>;

export const healthSchema = z.object({
  level: healthLevelSchema,
  /** Why, in words a reader acts on: "28.0 % of requests fail (failing at 5 % or more)". */
  reason: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

/** What each level says, for chips and legends. */
export const HEALTH_LABELS: Record<HealthLevel, string> = { ok: 'OK', warning: 'Warning', failing: 'Failing', idle: 'Idle' };

/** Severity order: the worse verdict wins. Idle (nothing to judge) is below ok. */
export const HEALTH_RANK: Record<HealthLevel, number> = { idle: 0, ok: 1, warning: 2, failing: 3 };
