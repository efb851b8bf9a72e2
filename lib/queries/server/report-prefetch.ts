import 'server-only';
import { getPrometheusClient } from '@/lib/prometheus';
import { reportResponse } from '@/lib/report/http';
import { reportSchema } from '@/lib/report/schema';
import { queryKeys } from '../keys';
import type { ReportQuery } from '../report-hooks';
import type { Prefetch } from './prefetch';

/** `/report`'s data, as `GET /api/report` answers it (a refused period is left to the browser's 422). */
export function reportPrefetch(query: ReportQuery): Prefetch {
  return {
    queryKey: queryKeys.report(query),
    load: async (signal) => reportSchema.parse(await (await reportResponse({ ...query, format: 'json' }, { client: getPrometheusClient(), signal })).json()),
  };
}
