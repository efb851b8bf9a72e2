import { z } from 'zod';
import { isUsableText, UNUSABLE_TEXT_MESSAGE } from '@/lib/label-text';

// Maintenance windows (issue 15, "Planned rollouts and maintenance"): a planned period of a namespace,
// or of one service in it, during which its alerts are silenced in Alertmanager, backtests and the
// monthly report mark its episodes, and SLOs with `excludeMaintenance` leave its requests out of their
// budget. Pure: shared by the route, the store and the browser's form.
//   GET  /api/maintenance              every window, newest start first
//   POST /api/maintenance              { scope: { namespace, service? }, start, end, reason }
//   DELETE /api/maintenance/{id}       expires its silence, then removes it
//   POST /api/maintenance/{id}/silence retries a pending or failed silence

/** Longest window: a quarter, like the longest SLO window; longer "maintenance" is an outage of the SLO itself. */
export const MAX_WINDOW_SECONDS = 90 * 86_400;

const labelValue = (what: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a string') })
    .trim()
    .min(1, `${what} is required`)
    .max(253, 'must be at most 253 characters')
    .refine(isUsableText, UNUSABLE_TEXT_MESSAGE);

const unixSeconds = z
  .number({ error: (i) => (i.input === undefined ? 'is required' : 'must be unix seconds') })
  .int('must be whole unix seconds')
  .min(0, 'must be unix seconds')
  .max(4_102_444_800, 'must be before 2100');

export const maintenanceScopeSchema = z.object({
  namespace: labelValue('namespace'),
  /** Absent: every service of the namespace. */
  service: labelValue('service').optional(),
});
export type MaintenanceScope = z.infer<typeof maintenanceScopeSchema>;

/** What a client sends to create a window. */
export const maintenanceInputSchema = z
  .object({
    scope: maintenanceScopeSchema,
    start: unixSeconds,
    end: unixSeconds,
    reason: z
      .string({ error: (i) => (i.input === undefined ? 'is required' : 'must be a string') })
      .trim()
      .min(1, 'reason is required')
      .max(500, 'must be at most 500 characters')
      .refine(isUsableText, UNUSABLE_TEXT_MESSAGE),
  })
  .superRefine((w, ctx) => {
    if (w.end <= w.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after start' });
    else if (w.end - w.start > MAX_WINDOW_SECONDS) ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be at most 90 days after start' });
  });
export type MaintenanceInput = z.infer<typeof maintenanceInputSchema>;

/**
 * The Alertmanager silence of a window. `active`: created, `id` is Alertmanager's; `pending`:
 * Alertmanager could not be reached (retry); `failed`: Alertmanager refused it (`error` says why);
 * `ended`: the window was over when saved, nothing to silence; `unconfigured`: no
 * MESHWATCH_ALERTMANAGER_URL, so Meshwatch cannot silence anything (do it in Alertmanager).
 */
export const SILENCE_STATES = ['active', 'pending', 'failed', 'ended', 'unconfigured'] as const;
export const silenceSchema = z.object({
  state: z.enum(SILENCE_STATES),
  id: z.string().nullable(),
  error: z.string().nullable(),
});
export type SilenceInfo = z.infer<typeof silenceSchema>;

export const maintenanceWindowSchema = z.object({
  id: z.number().int(),
  scope: maintenanceScopeSchema,
  start: z.number(),
  end: z.number(),
  reason: z.string(),
  createdBy: z.string(),
  /** RFC 3339. */
  createdAt: z.string(),
  silence: silenceSchema,
});
export type MaintenanceWindow = z.infer<typeof maintenanceWindowSchema>;

export const maintenanceListSchema = z.object({
  windows: z.array(maintenanceWindowSchema),
  /** Whether MESHWATCH_ALERTMANAGER_URL is set (the browser never learns the address itself). */
  alertmanager: z.boolean(),
});
export type MaintenanceList = z.infer<typeof maintenanceListSchema>;

/** Whether a window covers the service `namespace/service`. */
export function covers(scope: MaintenanceScope, target: { namespace: string; service: string }): boolean {
  return scope.namespace === target.namespace && (scope.service === undefined || scope.service === target.service);
}

/** A window as backtests and the report list it (no silence: that is the /maintenance page's business). */
export const maintenancePeriodSchema = maintenanceWindowSchema.pick({ id: true, scope: true, start: true, end: true, reason: true, createdBy: true });
export type MaintenancePeriod = z.infer<typeof maintenancePeriodSchema>;
