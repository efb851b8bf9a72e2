import { z } from 'zod';

// Response bodies of rule delivery (GET /api/rules) and of the alerting read-back
// (GET /api/slos-alerting), shared by the routes and the browser's hooks. Pure.

export const deliveryModeSchema = z.enum(['file', 'gitops']);
export type DeliveryMode = z.infer<typeof deliveryModeSchema>;

export const syncStateSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  ok: z.boolean(),
  /** promtool's output for the last check. */
  checkOutput: z.string().optional(),
  /** SLOs whose rules promtool rejects on their own, left out of the file so every other SLO is delivered. */
  excluded: z.array(z.object({ slo: z.string(), output: z.string() })).optional(),
  /** `skipped` when the check failed (the previous file stays), `disabled` without --web.enable-lifecycle. */
  reload: z.enum(['ok', 'disabled', 'error', 'skipped']),
  error: z.string().optional(),
  groups: z.number(),
});
export type SyncStateBody = z.infer<typeof syncStateSchema>;

/** `GET /api/rules` */
export const rulesDeliverySchema = z.object({
  mode: deliveryModeSchema,
  /** The rule file Meshwatch writes (mode `file`). */
  file: z.string().optional(),
  /** null before the first sync finished. */
  lastSync: syncStateSchema.nullable(),
  /** Rule groups the stored SLOs generate now. */
  groups: z.number(),
});
export type RulesDelivery = z.infer<typeof rulesDeliverySchema>;

/**
 * loaded: Prometheus holds every rule we generate, unchanged; stale: some differ or are missing;
 * rejected: promtool rejects this SLO's rules, so the last sync left them out of the rule file.
 */
export const rulesStateSchema = z.enum(['loaded', 'not_loaded', 'stale', 'rejected']);
export type RulesState = z.infer<typeof rulesStateSchema>;

export const sloAlertSchema = z.object({
  severity: z.string(),
  state: z.enum(['pending', 'firing']),
  /** Unix seconds when the alert became pending; null when Prometheus does not say. */
  activeAt: z.number().nullable(),
  /** The long-window error ratio the rule compared, when known. */
  value: z.number().nullable(),
  longWindow: z.string().optional(),
  shortWindow: z.string().optional(),
  /** The region a perRegion SLO's alert fires for (MESHWATCH_REGIONS). */
  region: z.string().optional(),
});
export type SloAlert = z.infer<typeof sloAlertSchema>;

export const sloAlertingSchema = z.object({
  name: z.string(),
  rules: rulesStateSchema,
  /** Why rules are stale, or the rule's last evaluation error. */
  detail: z.string().optional(),
  /** Firing first, then pending; pages before tickets. */
  alerts: z.array(sloAlertSchema),
});
export type SloAlerting = z.infer<typeof sloAlertingSchema>;

/** `GET /api/slos-alerting?time=` */
export const slosAlertingResponseSchema = z.object({
  evaluatedAt: z.iso.datetime({ offset: true }),
  /** live: Prometheus' /api/v1/rules and /api/v1/alerts; history: the ALERTS series at a pinned past time. */
  source: z.enum(['live', 'history']),
  mode: deliveryModeSchema,
  slos: z.array(sloAlertingSchema),
});
export type SlosAlertingResponse = z.infer<typeof slosAlertingResponseSchema>;
