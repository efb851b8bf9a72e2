import { z } from 'zod';
import { healthSchema } from '@/lib/health/schema';

// Response bodies of Meshwatch's own API, shared by the route handlers (which build them) and the
// hooks (which parse them), so both sides agree on one type.

/** Reasons a summary field is null, e.g. `{ successRatio: 'no traffic in window' }`. */
const reasonsSchema = z.object({
  rps: z.string().optional(),
  successRatio: z.string().optional(),
  p95Ms: z.string().optional(),
});

export const serviceSummarySchema = z.object({
  namespace: z.string(),
  service: z.string(),
  /** Requests per second over the window. */
  rps: z.number().nullable(),
  /** Non-error fraction of responses, 0..1; null without traffic. */
  successRatio: z.number().nullable(),
  /** 95th percentile latency in milliseconds; null without traffic. */
  p95Ms: z.number().nullable(),
  reasons: reasonsSchema,
  /** The one verdict (lib/health): the worse of the service's SLOs and its error ratio over the window. */
  health: healthSchema,
});
export type ServiceSummary = z.infer<typeof serviceSummarySchema>;

/** `GET /api/services?time=<unix s>&window=5m&namespace=<ns>` */
export const servicesResponseSchema = z.object({
  /** RFC 3339 instant the queries were evaluated at. */
  evaluatedAt: z.iso.datetime({ offset: true }),
  window: z.string(),
  services: z.array(serviceSummarySchema),
  /** The PromQL that produced `services`, for the panel's "Inspect" view. */
  queries: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type ServicesResponse = z.infer<typeof servicesResponseSchema>;

/** `GET /api/mesh`: the detected mesh and what the SLO form's PromQL editor offers on it. */
export const meshInfoResponseSchema = z.object({
  kind: z.enum(['istio', 'linkerd']),
  editor: z.object({
    metrics: z.array(z.string()),
    labels: z.array(z.string()),
    labelValues: z.record(z.string(), z.array(z.string())),
    namespaceLabels: z.array(z.string()),
    serviceLabels: z.array(z.string()),
    /** With `{{namespace}}` and `{{service}}` for the picked service, and `{{window}}` for the server. */
    customTemplate: z.object({ errorQuery: z.string(), totalQuery: z.string() }),
  }),
  warnings: z.array(z.string()),
});
export type MeshInfoResponse = z.infer<typeof meshInfoResponseSchema>;

/** GET /api/clusters: the mesh's clusters, sorted (one or none on a single-cluster mesh). */
export const clustersResponseSchema = z.object({ clusters: z.array(z.string()) });
export type ClustersResponse = z.infer<typeof clustersResponseSchema>;
export type EditorHintsBody = MeshInfoResponse['editor'];

// Error bodies are defined once, next to errorResponse; that module is pure so the browser can use it.
export { apiErrorBodySchema, type ApiErrorBody } from '@/lib/api/error-body';
