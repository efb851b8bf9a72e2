import { z } from 'zod';
import { HEALTH_LEVELS } from './levels';

export { HEALTH_LABELS, HEALTH_LEVELS, HEALTH_RANK } from './levels';

// The one health verdict of a service, node or edge (DESIGN.md, "Public HTTP API", Health). Pure zod:
// the routes build it, every page renders it as is.

export const healthLevelSchema = z.enum(HEALTH_LEVELS);
export type HealthLevel = z.infer<typeof healthLevelSchema>;

export const healthSchema = z.object({
  level: healthLevelSchema,
  /** Why, in words a reader acts on: "28.0 % of requests fail (failing at 5 % or more)". */
  reason: z.string(),
});
export type Health = z.infer<typeof healthSchema>;
