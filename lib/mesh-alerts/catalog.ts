import { z } from 'zod';

// The mesh-health alerts Meshwatch generates beside the SLO rules: what each watches, its severity,
// the threshold a user may change (unit, bounds, default) and where its runbook is. Pure; shared by
// the rule generator, the settings API and the settings page.

export const MESH_ALERT_IDS = [
  'control-plane-down',
  'config-rejected',
  'proxies-disconnected',
  'ca-cert-ticket',
  'ca-cert-page',
  'workload-cert-ticket',
  'workload-cert-page',
  'proxy-oom-killed',
  'proxy-restarts',
] as const;
export type MeshAlertId = (typeof MESH_ALERT_IDS)[number];

export type ThresholdUnit = 'minutes' | 'rejects' | 'percent' | 'days' | 'hours' | 'restarts';

export interface MeshAlertDefinition {
  id: MeshAlertId;
  /** Prometheus alert name. */
  alert: string;
  title: string;
  severity: 'page' | 'ticket';
  threshold: { unit: ThresholdUnit; default: number; min: number; max: number; meaning: string };
}

const DAY_RANGE = { min: 0.01, max: 365 };

/**
 * Defaults. CA certificates: a ticket under 7 days, a page under 1 day (the issue's numbers). Workload
 * certificates live 24 h and are renewed from half (Istio) or 70 % (Linkerd) of their life, so "under
 * a day" is their normal state: their defaults are hours, below the renewal point, where a failed
 * renewal shows.
 */
export const MESH_ALERTS: readonly MeshAlertDefinition[] = [
  {
    id: 'control-plane-down',
    alert: 'MeshControlPlaneDown',
    title: 'Control plane down or not ready',
    severity: 'page',
    // Proxies keep their last configuration for a while; a few minutes rides out a restart.
    threshold: { unit: 'minutes', default: 5, min: 0, max: 120, meaning: 'down for at least' },
  },
  {
    id: 'config-rejected',
    alert: 'MeshConfigRejected',
    title: 'Config pushes rejected by proxies',
    severity: 'ticket',
    threshold: { unit: 'rejects', default: 0, min: 0, max: 100_000, meaning: 'more rejected pushes in 15 minutes than' },
  },
  {
    id: 'proxies-disconnected',
    alert: 'MeshProxiesDisconnected',
    title: 'Proxies disconnected from the control plane',
    severity: 'page',
    threshold: { unit: 'percent', default: 25, min: 1, max: 100, meaning: 'connected proxies fell, against 30 minutes earlier, by at least' },
  },
  { id: 'ca-cert-ticket', alert: 'MeshCACertificateExpiring', title: 'Root (CA) certificate expiring', severity: 'ticket', threshold: { unit: 'days', default: 7, ...DAY_RANGE, meaning: 'expires within' } },
  { id: 'ca-cert-page', alert: 'MeshCACertificateExpiring', title: 'Root (CA) certificate about to expire', severity: 'page', threshold: { unit: 'days', default: 1, ...DAY_RANGE, meaning: 'expires within' } },
  {
    id: 'workload-cert-ticket',
    alert: 'MeshWorkloadCertificateExpiring',
    title: 'Workload certificates not renewed',
    severity: 'ticket',
    threshold: { unit: 'hours', default: 6, min: 0.1, max: 24 * 90, meaning: 'a proxy certificate expires within' },
  },
  {
    id: 'workload-cert-page',
    alert: 'MeshWorkloadCertificateExpiring',
    title: 'Workload certificates about to expire',
    severity: 'page',
    threshold: { unit: 'hours', default: 1, min: 0.1, max: 24 * 90, meaning: 'a proxy certificate expires within' },
  },
  { id: 'proxy-oom-killed', alert: 'MeshProxyOOMKilled', title: 'Proxies OOM-killed', severity: 'ticket', threshold: { unit: 'restarts', default: 1, min: 1, max: 1000, meaning: 'OOM kills of one proxy in an hour, at least' } },
  {
    id: 'proxy-restarts',
    alert: 'MeshProxyRestarting',
    title: 'Proxies restarting repeatedly',
    severity: 'ticket',
    threshold: { unit: 'restarts', default: 3, min: 1, max: 1000, meaning: 'restarts of one proxy in an hour, at least' },
  },
];

export const meshAlertDefinition = (id: MeshAlertId): MeshAlertDefinition => MESH_ALERTS.find((a) => a.id === id) as MeshAlertDefinition;

/** The runbook of every mesh-health alert is one page; each alert has its section. */
export const MESH_RUNBOOK_PATH = '/runbooks/mesh-health';
export const runbookHref = (id: MeshAlertId) => `${MESH_RUNBOOK_PATH}#${id}`;

export const meshAlertIdSchema = z.enum(MESH_ALERT_IDS);

/** One alert's setting as stored and as the API takes it. */
export const meshAlertSettingSchema = z.object({ id: meshAlertIdSchema, enabled: z.boolean(), threshold: z.number().finite() });
export type MeshAlertSetting = z.infer<typeof meshAlertSettingSchema>;

/** PUT /api/mesh-alerts: any subset of the alerts; each threshold within its own bounds. */
export const meshAlertSettingsUpdateSchema = z
  .object({ alerts: z.array(meshAlertSettingSchema).min(1).max(MESH_ALERT_IDS.length) })
  .superRefine((body, ctx) => {
    const seen = new Set<string>();
    body.alerts.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: ['alerts', i, 'id'], message: `${a.id} is given twice` });
      seen.add(a.id);
      const { min, max, unit } = meshAlertDefinition(a.id).threshold;
      if (a.threshold < min || a.threshold > max) ctx.addIssue({ code: 'custom', path: ['alerts', i, 'threshold'], message: `must be between ${min} and ${max} ${unit}` });
      // Prometheus durations (`for: 5m`) take whole numbers only.
      else if (unit === 'minutes' && !Number.isInteger(a.threshold)) ctx.addIssue({ code: 'custom', path: ['alerts', i, 'threshold'], message: 'must be a whole number of minutes' });
    });
  });
export type MeshAlertSettingsUpdate = z.infer<typeof meshAlertSettingsUpdateSchema>;

/** Every alert's setting: the stored ones, defaults for the rest. */
export function resolveSettings(stored: readonly MeshAlertSetting[]): MeshAlertSetting[] {
  return MESH_ALERTS.map((d) => stored.find((s) => s.id === d.id) ?? { id: d.id, enabled: true, threshold: d.threshold.default });
}

/** GET/PUT /api/mesh-alerts answer. */
export const meshAlertsResponseSchema = z.object({
  mesh: z.string(),
  alerts: z.array(
    z.object({
      id: meshAlertIdSchema,
      alert: z.string(),
      title: z.string(),
      severity: z.enum(['page', 'ticket']),
      enabled: z.boolean(),
      threshold: z.number(),
      unit: z.string(),
      meaning: z.string(),
      default: z.number(),
      min: z.number(),
      max: z.number(),
      /** False where this mesh has no such signal (the reason says why); no rule is generated. */
      available: z.boolean(),
      unavailableReason: z.string().optional(),
      runbookUrl: z.string(),
      updatedAt: z.string().nullable(),
      updatedBy: z.string().nullable(),
    }),
  ),
});
export type MeshAlertsResponse = z.infer<typeof meshAlertsResponseSchema>;
