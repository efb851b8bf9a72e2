import { z } from 'zod';
import { isUsableText, UNUSABLE_TEXT_MESSAGE } from '@/lib/label-text';
import { policySchema } from './policy-schema';
import { DAY, durationSchema, requiredString } from './spec-fields';
import { windowSeconds } from './windows';

// The SLO spec of DESIGN.md ("Public HTTP API"), plus an optional per-SLO alert policy. Pure: shared
// by the routes, the store and the browser's form.

export { alertPairSpecSchema, policySchema, type AlertPairSpec, type Policy } from './policy-schema';

// A day is the shortest window the 5m..3d status windows make sense against; 90 days is the longest
// window the API's range parameters accept (lib/api/params.ts) and keeps 90d increase() bounded.
const sloWindowSchema = durationSchema(DAY, 90 * DAY, '1d and 90d');

/**
 * Names are ids in URLs, Prometheus label values and Kubernetes object names, hence DNS-label rules
 * (RFC 1123: [a-z0-9-], alphanumeric at both ends, at most 63). The static routes under /api/slos/
 * take precedence over /api/slos/{name}, so their names are reserved.
 */
export const RESERVED_NAMES = ['backtest', 'buckets', 'import', 'preview'] as const;
export const sloNameSchema = requiredString()
  .max(63, 'must be at most 63 characters')
  .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/, 'must be lowercase letters, digits and dashes, starting and ending with a letter or digit')
  .refine((name) => !(RESERVED_NAMES as readonly string[]).includes(name), 'is reserved by the API');

const WINDOW_PLACEHOLDER = '{{window}}';
const customQuerySchema = requiredString()
  .trim()
  .min(1, 'must not be empty')
  .max(4000, 'must be at most 4000 characters')
  .refine((q) => q.includes(WINDOW_PLACEHOLDER), `must contain ${WINDOW_PLACEHOLDER} where the range goes, e.g. [{{window}}]`);

export const indicatorSchema = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('availability') }),
    z.object({
      type: z.literal('latency'),
      // Must also be a bucket boundary found in the data; that check needs Prometheus (buckets.ts).
      thresholdMs: z.number({ error: 'must be a number of milliseconds' }).positive('must be a positive number of milliseconds').max(3_600_000, 'must be at most an hour'),
    }),
    z.object({ type: z.literal('custom'), errorQuery: customQuerySchema, totalQuery: customQuerySchema }),
  ],
  { error: 'must be one of availability, latency, custom' },
);
export type Indicator = z.infer<typeof indicatorSchema>;

const labelValueSchema = (what: string) =>
  requiredString().trim().min(1, `${what} is required`).max(253, 'must be at most 253 characters').refine(isUsableText, UNUSABLE_TEXT_MESSAGE);

export const sloSpecSchema = z
  .object({
    name: sloNameSchema,
    service: labelValueSchema('service'),
    namespace: labelValueSchema('namespace'),
    team: labelValueSchema('team'),
    description: z.string().max(2000, 'must be at most 2000 characters').refine((d) => isUsableText(d.replace(/[\n\t]/g, ' ')), UNUSABLE_TEXT_MESSAGE).optional(),
    indicator: indicatorSchema,
    /** Percent of good events, 0 < objective < 100 (100 leaves no error budget to burn). */
    objective: z.number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') }).gt(0, 'must be above 0').lt(100, 'must be below 100 (100% leaves no error budget)'),
    window: sloWindowSchema,
    policy: policySchema.optional(),
    /** Leave the requests inside the service's maintenance windows out of the budget (Nobl9, Grafana SLO). */
    excludeMaintenance: z.boolean({ error: 'must be true or false' }).optional(),
    /**
     * Also evaluate the SLO per region (MESHWATCH_REGIONS): a status and alerts per region of the cluster
     * that served the requests. Without regions configured it changes nothing.
     */
    perRegion: z.boolean({ error: 'must be true or false' }).optional(),
  })
  .superRefine((spec, ctx) => {
    // A custom query's labels are its author's: nothing says which one names the cluster.
    if (spec.perRegion === true && spec.indicator.type === 'custom') {
      ctx.addIssue({ code: 'custom', path: ['perRegion'], message: 'needs an availability or latency indicator (a custom query has no known cluster label)' });
    }
    const period = windowSeconds(spec.window);
    spec.policy?.alerts.forEach((pair, i) => {
      const long = windowSeconds(pair.longWindow);
      if (long > period) {
        ctx.addIssue({ code: 'custom', path: ['policy', 'alerts', i, 'longWindow'], message: `must not be longer than the SLO window ${spec.window}` });
      }
      if (pair.shortWindow !== undefined && windowSeconds(pair.shortWindow) >= long) {
        ctx.addIssue({ code: 'custom', path: ['policy', 'alerts', i, 'shortWindow'], message: 'must be shorter than longWindow' });
      }
    });
  });
export type SloSpec = z.infer<typeof sloSpecSchema>;
/** What clients send: durations before normalisation. */
export type SloSpecInput = z.input<typeof sloSpecSchema>;

/** Replaces every `{{window}}` of a custom query with a PromQL duration. */
export function substituteWindow(query: string, window: string): string {
  return query.split(WINDOW_PLACEHOLDER).join(window);
}
