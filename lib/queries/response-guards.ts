import type { z } from 'zod';
import type { apiErrorBodySchema } from '@/lib/api/error-body';
import type { panelResponseSchema } from '@/lib/dashboards/schema';
import type { graphResponseSchema } from '@/lib/graph/schema';
import type { reportSchema } from '@/lib/report/schema';
import type { rulesDeliverySchema, slosAlertingResponseSchema } from '@/lib/slo/alerting-schema';
import type {
  budgetResponseSchema,
  bucketsResponseSchema,
  historyResponseSchema,
  importResponseSchema,
  meResponseSchema,
  previewResponseSchema,
  slosStatusResponseSchema,
} from '@/lib/slo/api-schemas';
import type { backtestResultSchema } from '@/lib/slo/backtest/schema';
import type { sloSpecSchema } from '@/lib/slo/spec';
import type { sloStatusSchema } from '@/lib/slo/status-schema';
import type { maintenanceListSchema, maintenanceWindowSchema } from '@/lib/maintenance/schema';
import type { meshAlertsResponseSchema } from '@/lib/mesh-alerts/catalog';
import type { clustersResponseSchema, meshInfoResponseSchema, servicesResponseSchema } from './schemas';

// The browser's check of Meshwatch's own API answers. The server builds each body from typed code and
// parses it with the one zod schema of its route (the schemas stay the source of the types, imported
// here as types only); the browser only needs to know the body is that answer and not, say, a proxy's
// error page or an older server's. zod is about 31 KB of gzip, a fifth of a page's first-load JavaScript
// (issue 13's budget is 150 KB), so these guards check the top-level fields' kinds in plain code.

/** A type guard: true when `value` is the API's answer of type T. */
export type Guard<T> = (value: unknown) => value is T;

/** The JSON kind of a field; `?` also accepts null or absence (optional and nullable fields). */
type Kind = 'string' | 'number' | 'boolean' | 'array' | 'object';
type FieldKind = Kind | `${Kind}?`;

const kindOf = (value: unknown) => (Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value);

export const isRecord = (value: unknown): value is Record<string, unknown> => kindOf(value) === 'object';

/** Checks each named top-level field's kind; fields not named are not checked. */
export function shapeGuard<S extends z.ZodType>(fields: { [K in keyof z.output<S> & string]?: FieldKind }): Guard<z.output<S>> {
  const entries = Object.entries(fields) as Array<[string, FieldKind]>;
  return (value): value is z.output<S> =>
    isRecord(value) &&
    entries.every(([name, kind]) => {
      const actual = kindOf(value[name]);
      if (kind.endsWith('?') && (actual === 'null' || actual === 'undefined')) return true;
      return actual === kind.replace('?', '');
    });
}

/** An array whose every item passes `item`. */
export function arrayGuard<T>(item: Guard<T>): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.every(item);
}

/** Any body: for answers whose content is not read (a DELETE's). */
export const anyBody: Guard<unknown> = (_value): _value is unknown => true;

export const isApiErrorBody = (value: unknown): value is z.output<typeof apiErrorBodySchema> =>
  isRecord(value) && shapeGuard<z.ZodType<{ code: string; message: string }>>({ code: 'string', message: 'string' })(value.error);

export const isPanelResponse = shapeGuard<typeof panelResponseSchema>({ dashboard: 'string', panel: 'string', evaluatedAt: 'string', range: 'object', queries: 'array', warnings: 'array', missing: 'object?', data: 'object' });
export const isServicesResponse = shapeGuard<typeof servicesResponseSchema>({ evaluatedAt: 'string', window: 'string', services: 'array', queries: 'array', warnings: 'array' });
export const isMeshInfo = shapeGuard<typeof meshInfoResponseSchema>({ kind: 'string', editor: 'object', warnings: 'array' });
export const isMeshAlerts = shapeGuard<typeof meshAlertsResponseSchema>({ mesh: 'string', alerts: 'array' });
export const isMaintenanceList = shapeGuard<typeof maintenanceListSchema>({ windows: 'array', alertmanager: 'boolean' });
export const isMaintenanceWindow = shapeGuard<typeof maintenanceWindowSchema>({ id: 'number', scope: 'object', start: 'number', end: 'number', reason: 'string', createdBy: 'string', createdAt: 'string', silence: 'object' });
export const isClusters = shapeGuard<typeof clustersResponseSchema>({ clusters: 'array' });
export const isGraphResponse = shapeGuard<typeof graphResponseSchema>({ evaluatedAt: 'string', time: 'number', window: 'string', view: 'string', namespace: 'string?', nodes: 'array', edges: 'array', namespaces: 'array', queries: 'array', warnings: 'array' });
export const isReport = shapeGuard<typeof reportSchema>({ from: 'number', to: 'number', month: 'string?', previousPeriod: 'object', dataStart: 'number?', slos: 'array', teams: 'array', incidents: 'array', services: 'array', errors: 'array' });

export const isMe = shapeGuard<typeof meResponseSchema>({ user: 'string?', role: 'string?', demo: 'boolean' });
export const isSloSpec = shapeGuard<typeof sloSpecSchema>({ name: 'string', service: 'string', namespace: 'string', team: 'string', indicator: 'object', objective: 'number', window: 'string', policy: 'object?' });
export const isSloList = arrayGuard(isSloSpec);
export const isSloStatus = shapeGuard<typeof sloStatusSchema>({ name: 'string', evaluatedAt: 'string', sli: 'number?', errorBudget: 'object', burnRates: 'object', alerts: 'array', traffic: 'object', state: 'string' });
export const isSlosStatusResponse = shapeGuard<typeof slosStatusResponseSchema>({ evaluatedAt: 'string', statuses: 'array', errors: 'array', queryCount: 'number' });
export const isBudgetResponse = shapeGuard<typeof budgetResponseSchema>({ name: 'string', step: 'number', points: 'array' });
export const isHistoryResponse = shapeGuard<typeof historyResponseSchema>({ name: 'string', entries: 'array' });
export const isBucketsResponse = shapeGuard<typeof bucketsResponseSchema>({ service: 'string', namespace: 'string', boundariesMs: 'array' });
export const isPreviewResponse = shapeGuard<typeof previewResponseSchema>({ status: 'object', budgetCurve: 'object' });
export const isImportResponse = shapeGuard<typeof importResponseSchema>({ slos: 'array', warnings: 'array', dryRun: 'boolean' });
export const isSlosAlerting = shapeGuard<typeof slosAlertingResponseSchema>({ evaluatedAt: 'string', source: 'string', mode: 'string', slos: 'array' });
export const isRulesDelivery = shapeGuard<typeof rulesDeliverySchema>({ mode: 'string', file: 'string?', lastSync: 'object?', groups: 'number' });
export const isBacktestResult = shapeGuard<typeof backtestResultSchema>({ name: 'string', from: 'number', to: 'number', step: 'number', source: 'string', queries: 'array', policy: 'array', episodes: 'array', events: 'array', summary: 'object', timeline: 'object', recommendations: 'array' });
