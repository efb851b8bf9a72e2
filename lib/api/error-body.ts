import { z } from 'zod';

// The JSON error body of every API route. Pure (no server-only) so lib/queries can parse it too.

export const upstreamErrorSchema = z.object({
  kind: z.enum(['network', 'timeout', 'http', 'api', 'schema', 'aborted', 'too_large']),
  status: z.number().optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
});
export type UpstreamError = z.infer<typeof upstreamErrorSchema>;

export const apiErrorBodySchema = z.object({
  error: z.object({
    /** Stable, machine-readable: `validation_failed`, `not_found`, `upstream_error`, ... */
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
    /** Present when Prometheus failed (502/504). */
    upstream: upstreamErrorSchema.optional(),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>;
