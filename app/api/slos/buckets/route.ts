import { z } from 'zod';
import { apiHandler, nameParamSchema, parseSearchParams, timeParamSchema } from '@/lib/api';
import { getPrometheusClient } from '@/lib/prometheus';
import type { BucketsResponse } from '@/lib/slo';
import { findBucketBoundaries } from '@/lib/slo-engine/evaluate';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({ service: nameParamSchema('service'), namespace: nameParamSchema('namespace'), time: timeParamSchema });

/** GET /api/slos/buckets?service=&namespace=&time=: latency bucket boundaries (ms) found in the last day of data. */
export const GET = apiHandler('/api/slos/buckets', async (request: Request) => {
  const { service, namespace, time = Date.now() / 1000 } = parseSearchParams(paramsSchema, request.url);
  const boundariesMs = await findBucketBoundaries({ service, namespace }, { client: getPrometheusClient(), time, signal: request.signal });
  const body: BucketsResponse = { service, namespace, boundariesMs };
  return Response.json(body, { headers: { 'cache-control': 'no-store' } });
});
