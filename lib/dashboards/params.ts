import { z } from 'zod';
import { isUsableText, UNUSABLE_TEXT_MESSAGE } from '@/lib/label-text';
import { unixSecondsSchema } from '@/lib/format/unix-seconds-schema';

// Query parameters of `GET /api/panels/{dashboard}/{panel}`: the range and optional filters.
// Pure zod, so the route and tests share it.

/** Ranges longer than the longest SLO window are refused: they cost Prometheus and say little. */
export const MAX_RANGE_SECONDS = 90 * 86_400;
/** Prometheus refuses range queries over 11,000 points; a dashboard wants far fewer. */
export const MAX_POINTS = 11_000;
/** Default points per chart when the caller gives no step. */
export const TARGET_POINTS = 300;
export const DEFAULT_RANGE_SECONDS = 3_600;
/** Kubernetes object names are at most 253 characters. */
const MAX_NAME = 253;

// Clock-friendly steps (seconds), as Grafana picks them; the smallest is a typical scrape interval.
const NICE_STEPS = [15, 30, 60, 120, 300, 600, 900, 1_800, 3_600, 7_200, 10_800, 21_600, 43_200, 86_400];

/** The smallest nice step that keeps a range within TARGET_POINTS points. */
export function defaultStep(rangeSeconds: number): number {
  const wanted = rangeSeconds / TARGET_POINTS;
  return NICE_STEPS.find((s) => s >= wanted) ?? Math.ceil(wanted / 86_400) * 86_400;
}

const name = z
  .string()
  .trim()
  .max(MAX_NAME, `must be at most ${MAX_NAME} characters`)
  .refine(isUsableText, UNUSABLE_TEXT_MESSAGE)
  .optional()
  .transform((v) => v || undefined);

export const panelQuerySchema = z
  .object({
    start: unixSecondsSchema.optional(),
    end: unixSecondsSchema.optional(),
    step: z.coerce
      .number({ error: 'must be seconds' })
      .refine(Number.isFinite, 'must be seconds')
      .refine((s) => s >= 1, 'must be at least 1 second')
      // Prometheus parses the step as a Go duration, which overflows near 292 years; no chart needs one over its range.
      .refine((s) => s <= MAX_RANGE_SECONDS, 'must be at most 90 days')
      .optional(),
    namespace: name,
    service: name,
    // A mesh cluster: every panel's queries keep to what it served (and its pods).
    cluster: name,
  })
  .transform((raw, ctx) => {
    const end = raw.end ?? Math.floor(Date.now() / 1000);
    const start = raw.start ?? end - DEFAULT_RANGE_SECONDS;
    const issue = (path: string, message: string) => ctx.issues.push({ code: 'custom', path: [path], message, input: raw });
    if (start >= end) issue('start', 'must be before end');
    else if (end - start > MAX_RANGE_SECONDS) issue('start', 'range must be at most 90 days');
    const step = raw.step ?? defaultStep(end - start);
    if (start < end && (end - start) / step > MAX_POINTS) issue('step', `too small: the range would have more than ${MAX_POINTS} points`);
    return { start, end, step, namespace: raw.namespace, service: raw.service, ...(raw.cluster !== undefined ? { cluster: raw.cluster } : {}) };
  });

export type PanelParams = z.output<typeof panelQuerySchema>;
