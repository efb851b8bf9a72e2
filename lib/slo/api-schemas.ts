import { z } from 'zod';
import { sloSpecSchema } from './spec';
import { sloStatusSchema } from './status-schema';

// Response bodies of the SLO API beyond the spec and the status, shared by the routes (which build
// them) and the browser's hooks (which parse them). Pure.

const roleSchema = z.enum(['viewer', 'editor']);

/** `GET /api/me` */
export const meResponseSchema = z.object({ user: z.string().nullable(), role: roleSchema.nullable(), demo: z.boolean() });
export type MeResponse = z.infer<typeof meResponseSchema>;

/** `GET /api/slos` */
export const sloListResponseSchema = z.array(sloSpecSchema);

export const historyEntrySchema = z.object({
  id: z.number(),
  name: z.string(),
  version: z.number(),
  action: z.enum(['create', 'update', 'delete', 'import']),
  actor: z.string(),
  at: z.iso.datetime({ offset: true }),
  before: sloSpecSchema.nullable(),
  after: sloSpecSchema.nullable(),
});
/** `GET /api/slos/{name}/history`, newest first. */
export const historyResponseSchema = z.object({ name: z.string(), entries: z.array(historyEntrySchema) });
export type HistoryResponse = z.infer<typeof historyResponseSchema>;

export const evaluationErrorSchema = z.object({ name: z.string(), code: z.string(), message: z.string(), details: z.unknown().optional() });
/** `GET /api/slos-status` */
export const slosStatusResponseSchema = z.object({
  evaluatedAt: z.iso.datetime({ offset: true }),
  statuses: z.array(sloStatusSchema),
  /** SLOs that could not be evaluated, e.g. `threshold_not_a_bucket` with `details.nearest`. */
  errors: z.array(evaluationErrorSchema),
  /** PromQL queries the evaluation took: 1 for the recorded series, plus the raw ones still needed. */
  queryCount: z.number(),
});
export type SlosStatusResponse = z.infer<typeof slosStatusResponseSchema>;

export const budgetCurveSchema = z.object({
  step: z.number(),
  points: z.array(z.object({ time: z.number(), remaining: z.number().nullable() })),
});
/** `POST /api/slos/preview` */
export const previewResponseSchema = z.object({ status: sloStatusSchema, budgetCurve: budgetCurveSchema });
export type PreviewResponse = z.infer<typeof previewResponseSchema>;
/** `GET /api/slos/{name}/budget` */
export const budgetResponseSchema = budgetCurveSchema.extend({ name: z.string() });
export type BudgetResponse = z.infer<typeof budgetResponseSchema>;

/** `GET /api/slos/buckets` */
export const bucketsResponseSchema = z.object({ service: z.string(), namespace: z.string(), boundariesMs: z.array(z.number()) });
export type BucketsResponse = z.infer<typeof bucketsResponseSchema>;

/** `POST /api/slos/import` */
export const importResponseSchema = z.object({ slos: z.array(sloSpecSchema), warnings: z.array(z.string()), dryRun: z.boolean() });
export type ImportResponse = z.infer<typeof importResponseSchema>;
