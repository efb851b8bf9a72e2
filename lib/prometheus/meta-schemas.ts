import { z } from 'zod';
import { labelsSchema, sampleValueSchema } from './query-schemas';

// Metadata endpoints: https://prometheus.io/docs/prometheus/latest/querying/api/

/** RFC 3339 timestamps (alerts, rule evaluations) become epoch ms; Go's zero time becomes null. */
const rfc3339MsSchema = z
  .string()
  .optional()
  .transform((text) => {
    const ms = text === undefined ? Number.NaN : Date.parse(text);
    return Number.isFinite(ms) && ms > 0 ? ms : null;
  });

export const seriesDataSchema = z.array(labelsSchema);
export const stringListSchema = z.array(z.string());

// https://prometheus.io/docs/prometheus/latest/querying/api/#build-information
export const buildInfoSchema = z.object({
  version: z.string(),
  revision: z.string().optional(),
  branch: z.string().optional(),
  goVersion: z.string().optional(),
});
export type BuildInfo = z.output<typeof buildInfoSchema>;

// https://prometheus.io/docs/prometheus/latest/querying/api/#alerts
export const alertSchema = z
  .object({
    labels: labelsSchema,
    annotations: labelsSchema.optional(),
    state: z.enum(['inactive', 'pending', 'firing']),
    activeAt: rfc3339MsSchema,
    value: sampleValueSchema,
  })
  .transform(({ annotations, activeAt, ...rest }) => ({ ...rest, annotations: annotations ?? {}, activeAtMs: activeAt }));
export type Alert = z.output<typeof alertSchema>;

export const alertsDataSchema = z.object({ alerts: z.array(alertSchema) }).transform(({ alerts }) => alerts);

const ruleCommon = {
  name: z.string(),
  query: z.string(),
  labels: labelsSchema.optional(),
  health: z.string(),
  lastError: z.string().optional(),
  lastEvaluation: rfc3339MsSchema,
};

// https://prometheus.io/docs/prometheus/latest/querying/api/#rules
export const ruleSchema = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('alerting'),
      ...ruleCommon,
      state: z.enum(['inactive', 'pending', 'firing']),
      duration: z.number(), // the rule's `for`, in seconds
      annotations: labelsSchema.optional(),
      alerts: z.array(alertSchema).optional(),
    }),
    z.object({ type: z.literal('recording'), ...ruleCommon }),
  ])
  .transform(({ lastEvaluation, labels, ...rest }) => ({
    ...rest,
    labels: labels ?? {},
    lastEvaluationMs: lastEvaluation,
  }));
export type Rule = z.output<typeof ruleSchema>;

export const ruleGroupSchema = z.object({
  name: z.string(),
  file: z.string(),
  interval: z.number(), // evaluation interval in seconds
  rules: z.array(ruleSchema),
});
export type RuleGroup = z.output<typeof ruleGroupSchema>;

export const rulesDataSchema = z.object({ groups: z.array(ruleGroupSchema) }).transform(({ groups }) => groups);
