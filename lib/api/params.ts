import 'server-only';
import { z } from 'zod';
import { isUsableText, UNUSABLE_TEXT_MESSAGE } from '@/lib/label-text';
import { unixSecondsSchema } from '@/lib/format/unix-seconds-schema';
import { durationToPromql, parsePromDuration } from '@/lib/promql';

/**
 * Reads query-string parameters through `schema`; repeated keys become arrays.
 * Throws the ZodError, which errorResponse turns into a 422 with field errors.
 */
export function parseSearchParams<S extends z.ZodType>(schema: S, url: string | URL): z.output<S> {
  const params = new URL(url).searchParams;
  const input: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    input[key] = values.length === 1 ? (values[0] as string) : values;
  }
  return schema.parse(input);
}

/** `time`: whole unix seconds (lib/format's one reader), optional (routes default to now). */
export const timeParamSchema = unixSecondsSchema.optional();

const WINDOW_MIN_SECONDS = 60; // below a minute, rates over typical 15-30s scrape intervals are noise
const WINDOW_MAX_SECONDS = 90 * 86_400; // the longest SLO window we support; keeps queries bounded

/** `window`: a Prometheus duration between 1m and 90d, normalised (`90m` -> `1h30m`). */
export const windowParamSchema = z.string().transform((text, ctx) => {
  let seconds: number;
  try {
    seconds = parsePromDuration(text);
  } catch {
    ctx.issues.push({ code: 'custom', message: 'must be a duration such as 5m, 1h or 30d', input: text });
    return z.NEVER;
  }
  if (seconds < WINDOW_MIN_SECONDS || seconds > WINDOW_MAX_SECONDS) {
    ctx.issues.push({ code: 'custom', message: 'must be between 1m and 90d', input: text });
    return z.NEVER;
  }
  return durationToPromql(seconds);
});

/** `namespace` filter: a Kubernetes name length at most; blank means "all namespaces". */
export const namespaceParamSchema = z
  .string()
  .trim()
  .max(253, 'must be at most 253 characters')
  .refine(isUsableText, UNUSABLE_TEXT_MESSAGE)
  .optional()
  .transform((ns) => ns || undefined);

/** `cluster` filter: a mesh cluster's name (free text, escaped before PromQL), at most as long as a namespace; blank means "all clusters". */
export const clusterParamSchema = namespaceParamSchema;

/** A required service or namespace name, refused before Prometheus sees it when it cannot be one. */
export const nameParamSchema = (what: string) =>
  z
    .string({ error: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(253, 'must be at most 253 characters')
    .refine(isUsableText, UNUSABLE_TEXT_MESSAGE);
