import { z } from 'zod';
import { apiHandler, parseSearchParams, timeParamSchema } from '@/lib/api';
import { getPrometheusClient } from '@/lib/prometheus';
import { reportResponse } from '@/lib/report';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month such as 2026-09 (YYYY-MM)')
    .optional(),
  from: timeParamSchema,
  to: timeParamSchema,
  format: z.enum(['json', 'csv']).default('json'),
});

/**
 * GET /api/report?month=YYYY-MM | ?from=&to= [&format=csv]: the SLO report of a calendar month (UTC;
 * default the last complete one) or any period of up to 35 days (DESIGN.md "Report").
 */
export const GET = apiHandler('/api/report', async (request: Request) => {
  const query = parseSearchParams(paramsSchema, request.url);
  return reportResponse(query, { client: getPrometheusClient(), signal: request.signal });
});
