import 'server-only';
import { ApiError } from '@/lib/api/errors';
import type { PrometheusClient } from '@/lib/prometheus';
import { csvFilename, reportCsv } from './csv';
import { PeriodError, resolvePeriods, type PeriodQuery } from './period';
import { buildReport } from './report';

// GET /api/report's work, so the route only validates and calls this: the periods (a problem with them
// is a 422 naming the field, like zod's), the report, and its JSON or CSV response.

export async function reportResponse(
  query: PeriodQuery & { format: 'json' | 'csv' },
  { client, signal, now = Date.now() / 1000 }: { client: PrometheusClient; signal?: AbortSignal; now?: number },
): Promise<Response> {
  let periods;
  try {
    periods = resolvePeriods(query, now);
  } catch (err) {
    if (!(err instanceof PeriodError)) throw err;
    throw new ApiError(422, 'validation_failed', `Invalid request: ${err.field}: ${err.message}`, { fieldErrors: { [err.field]: [err.message] }, formErrors: [] });
  }
  const report = await buildReport(periods, { client, signal });
  if (query.format === 'json') return Response.json(report, { headers: { 'cache-control': 'no-store' } });
  return new Response(reportCsv(report), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${csvFilename(report)}"`,
      'cache-control': 'no-store',
    },
  });
}
