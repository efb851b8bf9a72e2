import { z } from 'zod';
import { DAY, MINUTE, durationSchema } from './spec-fields';

// The optional per-SLO alert policy of a spec: multiwindow burn-rate pairs. Pure; policy.ts resolves
// them (and the default policy) against an SLO's window and objective.

// Alert windows: from one scrape-robust 5m rate up to the longest SLO window.
const alertWindowSchema = durationSchema(5 * MINUTE, 90 * DAY, '5m and 90d');
const positiveForSchema = durationSchema(MINUTE, DAY, '1m and 1d');
// `for: 0s` turns the pending period off (Prometheus' own default).
const forSchema = z.union([z.enum(['0', '0s', '0m']).transform(() => '0s'), positiveForSchema]);

export const alertPairSpecSchema = z
  .object({
    severity: z.enum(['page', 'ticket'], { error: 'must be page or ticket' }),
    longWindow: alertWindowSchema,
    /** Default: long / 12 (SRE Workbook ch. 5, "multiwindow, multi-burn-rate alerts"). */
    shortWindow: alertWindowSchema.optional(),
    /** Burn-rate factor, e.g. 14.4; or give `budgetPercent` and let the SLO window decide the factor. */
    threshold: z.number().positive('must be positive').max(10_000, 'must be at most 10000').optional(),
    /** Share of the whole budget spent within the long window that should alert, e.g. 2. */
    budgetPercent: z.number().gt(0, 'must be positive').max(100, 'must be at most 100').optional(),
    for: forSchema.optional(),
  })
  .refine((p) => (p.threshold === undefined) !== (p.budgetPercent === undefined), {
    message: 'give exactly one of threshold and budgetPercent',
    path: ['threshold'],
  });
export type AlertPairSpec = z.infer<typeof alertPairSpecSchema>;

export const policySchema = z.object({ alerts: z.array(alertPairSpecSchema).min(1, 'needs at least one alert').max(8, 'at most 8 alerts') });
export type Policy = z.infer<typeof policySchema>;
