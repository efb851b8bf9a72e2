import { z } from 'zod';
import { sloStateSchema } from './state';

// The status of one SLO, exactly as DESIGN.md ("Public HTTP API", Status) shows it. Pure, so the
// routes that build it and the hooks that read it share one type.

export const alertStatusSchema = z.object({
  severity: z.enum(['page', 'ticket']),
  longWindow: z.string(),
  shortWindow: z.string(),
  /** Burn-rate factor both windows must exceed. */
  threshold: z.number(),
  longBurnRate: z.number().nullable(),
  shortBurnRate: z.number().nullable(),
  /** Both burn rates above the threshold (the rule's `for:` is not waited for). */
  firing: z.boolean(),
});
export type AlertStatus = z.infer<typeof alertStatusSchema>;

export const recommendationSchema = z.object({
  action: z.enum(['none', 'ticket', 'page']),
  reason: z.string(),
});
export type Recommendation = z.infer<typeof recommendationSchema>;

/**
 * Where a window's figures came from: `recorded`, the series of the generated recording rules (a few
 * samples), or `raw`, increase() over the mesh counters (the fallback when no recorded series exists).
 */
export const readSourceSchema = z.enum(['recorded', 'raw']);
export type ReadSource = z.infer<typeof readSourceSchema>;

/** What an SLO with `excludeMaintenance` left out of its budget (lib/slo-engine/maintenance-exclusion.ts). */
export const maintenanceExclusionSchema = z.object({
  /** Maintenance windows of the SLO's service within its window. */
  windows: z.number(),
  /** Their merged length within the SLO window. */
  seconds: z.number(),
  /** Requests (events) inside them, left out of the SLI and the budget. */
  events: z.number(),
});
export type MaintenanceExclusion = z.infer<typeof maintenanceExclusionSchema>;
/**
 * One region's figures of a perRegion SLO (DESIGN.md "Regions"): the same shapes as the status's top
 * level, over the requests served by that region's clusters. traffic, recommendation and state are
 * additive to DESIGN.md, so a region is judged (lib/health) exactly as a whole SLO is.
 */
export const regionStatusSchema = z.object({
  region: z.string(),
  sli: z.number().nullable(),
  errorBudget: z.object({ consumed: z.number().nullable(), remaining: z.number().nullable() }),
  burnRates: z.record(z.string(), z.number().nullable()),
  alerts: z.array(alertStatusSchema),
  traffic: z.object({ events: z.number(), lowTraffic: z.boolean() }),
  recommendation: recommendationSchema,
  state: sloStateSchema,
});
export type RegionStatus = z.infer<typeof regionStatusSchema>;

export const sloStatusSchema = z.object({
  name: z.string(),
  /** RFC 3339 instant of the evaluation. */
  evaluatedAt: z.iso.datetime({ offset: true }),
  /** good / total over the SLO window; null without traffic. */
  sli: z.number().nullable(),
  /** Fractions of the whole budget; remaining is negative once the budget is overspent. */
  errorBudget: z.object({ consumed: z.number().nullable(), remaining: z.number().nullable() }),
  /** Burn rate per window (5m ... 3d, the policy's windows and the SLO window); null without traffic. */
  burnRates: z.record(z.string(), z.number().nullable()),
  alerts: z.array(alertStatusSchema),
  timeToExhaustionSeconds: z.number().nullable(),
  /** Events over the SLO window; lowTraffic when some alert's long window holds too few to trust it. */
  traffic: z.object({ events: z.number(), lowTraffic: z.boolean() }),
  recommendation: recommendationSchema,
  /**
   * The SLO's state in a word: page, exhausted (budget <= 0, whatever fires), ticket, low_traffic or
   * ok (lib/slo/state.ts). Additive to DESIGN.md.
   */
  state: sloStateSchema,
  /** Per window, the path its burn rate (and, for the SLO window, budget and events) came from. Additive to DESIGN.md. */
  source: z.record(z.string(), readSourceSchema).optional(),
  /**
   * Present when the SLO excludes maintenance and some window fell within its SLO window: sli,
   * errorBudget, traffic.events and the SLO window's burn rate leave those requests out; the shorter
   * burn-rate windows (and so the alerts) do not. Additive to DESIGN.md.
   */
  maintenance: maintenanceExclusionSchema.optional(),
  /**
   * perRegion SLOs with MESHWATCH_REGIONS set: per region of the serving cluster, worst first; the top
   * level stays the all-regions figure. Absent otherwise.
   */
  regions: z.array(regionStatusSchema).optional(),
  /** The first of `regions` (a page firing, then a ticket, then the least budget left); null without regional traffic. */
  worstRegion: z.string().nullable().optional(),
});
export type SloStatus = z.infer<typeof sloStatusSchema>;
