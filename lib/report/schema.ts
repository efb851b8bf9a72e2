import { z } from 'zod';
import { maintenancePeriodSchema } from '@/lib/maintenance/schema';
import { maintenanceExclusionSchema } from '@/lib/slo/status-schema';

// The monthly SLO report (DESIGN.md "Report"): GET /api/report?month=YYYY-MM | ?from=&to=. Shared by
// the route and the page's hook. Fractions throughout (sli 0.9993, budgetConsumed 0.7 = 70 % of the
// budget), objectives in percent as in the SLO spec. Fields after DESIGN.md's are additions that say
// what the figures rest on: the month, the compared period, where the data starts, SLOs without figures.

const periodFiguresSchema = z.object({
  /** good / total summed over the period; null without traffic (or when the SLO could not be read). */
  sli: z.number().nullable(),
  /** Error ratio over the period / (1 - objective): a share of the period's own budget. */
  budgetConsumed: z.number().nullable(),
  /** sli >= objective; null without figures. */
  met: z.boolean().nullable(),
});
export type PeriodFigures = z.infer<typeof periodFiguresSchema>;

export const reportSloSchema = periodFiguresSchema.extend({
  name: z.string(),
  service: z.string(),
  namespace: z.string(),
  team: z.string(),
  /** Percent, as in the spec (99.9). */
  objective: z.number(),
  previous: periodFiguresSchema,
  /** SLOs with excludeMaintenance: what the period's figures leave out (the previous period's exclude their own windows too). */
  maintenance: maintenanceExclusionSchema.optional(),
});
export type ReportSlo = z.infer<typeof reportSloSchema>;

export const reportTeamSchema = z.object({
  team: z.string(),
  /** How many SLOs the team has. */
  slos: z.number(),
  /** How many of them met their objective over the period. */
  met: z.number(),
  /** 1 - the largest budgetConsumed among its SLOs (negative when overspent); null without figures. */
  worstBudgetRemaining: z.number().nullable(),
});
export type ReportTeam = z.infer<typeof reportTeamSchema>;

export const reportIncidentSchema = z.object({
  slo: z.string(),
  severity: z.enum(['page', 'ticket']),
  /** Unix seconds. */
  start: z.number(),
  /** Unix seconds; null while still firing at the end of the period. */
  end: z.number().nullable(),
  durationSeconds: z.number(),
  /**
   * Errors while it fired as a share of the SLO's whole error budget (the backtest episode's figure,
   * lib/slo/backtest/schema.ts): 0.3 = 30 % of the budget.
   */
  budgetConsumed: z.number(),
  /** Ids of the maintenance windows of the SLO's service it overlaps (the report's `maintenance`); absent when none. */
  maintenance: z.array(z.number()).optional(),
});
export type ReportIncident = z.infer<typeof reportIncidentSchema>;

export const reportServiceSchema = z.object({
  service: z.string(),
  namespace: z.string(),
  /** 1 - error ratio over the period (server-side failures: 5xx and resets). */
  availability: z.number(),
});
export type ReportService = z.infer<typeof reportServiceSchema>;

export const reportSchema = z.object({
  /** Unix seconds; `to` is exclusive (a month ends at the next month's first second), or now while running. */
  from: z.number(),
  to: z.number(),
  /** `YYYY-MM` when the period is a calendar month. */
  month: z.string().nullable(),
  /** The period `previous` figures cover. */
  previousPeriod: z.object({ from: z.number(), to: z.number() }),
  /** First data in Prometheus when it starts after `from` (a history younger than the period); else null. */
  dataStart: z.number().nullable(),
  slos: z.array(reportSloSchema),
  teams: z.array(reportTeamSchema),
  /** Longest first. */
  incidents: z.array(reportIncidentSchema),
  /** Services with traffic in the period and no SLO. */
  services: z.array(reportServiceSchema),
  /** SLOs whose figures or incidents could not be read (a custom query rejected, a threshold that is no bucket). */
  errors: z.array(z.object({ slo: z.string(), message: z.string() })),
  /** Maintenance windows overlapping the period (any service), earliest first. Additive to DESIGN.md. */
  maintenance: z.array(maintenancePeriodSchema).optional(),
});
export type Report = z.infer<typeof reportSchema>;
