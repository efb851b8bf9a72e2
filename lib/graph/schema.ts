import { z } from 'zod';
import { healthSchema } from '@/lib/health/schema';

// The /api/graph contract (docs: /work/shared/DESIGN.md "Public HTTP API", Graph). Shared by the
// route and the client hook so both sides agree on the shape.

export const nodeKindSchema = z.enum(['service', 'gateway', 'external', 'tcp']);
export type NodeKind = z.infer<typeof nodeKindSchema>;

export const revisionSchema = z.object({ revision: z.string(), rps: z.number() });
export type Revision = z.infer<typeof revisionSchema>;

export const graphNodeSchema = z.object({
  id: z.string(), // namespace/service, or namespace/workload in the workload view
  service: z.string(), // the node's name: the service, or the workload in the workload view
  namespace: z.string(),
  cluster: z.string().optional(), // split by cluster: the cluster of this node (its id ends in `@cluster`)
  kind: nodeKindSchema,
  rps: z.number(), // requests per second received (callers: sent)
  errorRatio: z.number().nullable(), // null without traffic
  p95Ms: z.number().nullable(),
  x: z.number(),
  y: z.number(),
  layer: z.number(),
  revisions: z.array(revisionSchema).optional(), // workload view: canonical revisions with traffic
  health: healthSchema, // lib/health: the worse of the service's SLOs (service view) and its error ratio
});
export type GraphNode = z.infer<typeof graphNodeSchema>;

/** An edge as measured, before its verdict (what assemble.ts builds). */
export const measuredEdgeSchema = z.object({
  source: z.string(),
  target: z.string(),
  protocol: z.enum(['http', 'tcp']),
  rps: z.number(), // http: requests/s; tcp: connections opened/s
  errorRatio: z.number().nullable(),
  p95Ms: z.number().nullable(),
  mtlsRatio: z.number().nullable(),
  bytesPerSecond: z.number().nullable(), // tcp only
  // Split by cluster only: the caller's and the serving cluster, and whether they differ.
  sourceCluster: z.string().optional(),
  targetCluster: z.string().optional(),
  crossCluster: z.boolean().optional(),
});
export type MeasuredEdge = z.infer<typeof measuredEdgeSchema>;

export const graphEdgeSchema = measuredEdgeSchema.extend({
  health: healthSchema, // lib/health: the edge's error ratio over the window (edges have no SLOs)
});
export type GraphEdge = z.infer<typeof graphEdgeSchema>;

export const graphResponseSchema = z.object({
  evaluatedAt: z.string(),
  time: z.number(),
  window: z.string(),
  view: z.enum(['service', 'workload']),
  namespace: z.string().nullable(),
  // Present only when asked for (a cluster filter, the split by cluster): the default body is unchanged.
  cluster: z.string().optional(),
  byCluster: z.boolean().optional(),
  nodes: z.array(graphNodeSchema),
  edges: z.array(graphEdgeSchema),
  namespaces: z.array(z.string()),
  queries: z.array(z.string()),
  warnings: z.array(z.string()),
});
export type GraphResponse = z.infer<typeof graphResponseSchema>;
