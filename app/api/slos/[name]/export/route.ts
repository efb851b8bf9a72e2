import { z } from 'zod';
import { apiHandler, parseSearchParams } from '@/lib/api';
import { EXPORT_FORMATS, exportSlo } from '@/lib/slo';
import { specSli } from '@/lib/mesh-detected';
import { getPrometheusClient } from '@/lib/prometheus';
import { storedOr404, yamlResponse } from '@/lib/slo-engine/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({ format: z.enum(EXPORT_FORMATS, { error: 'must be openslo or sloth' }).default('openslo') });

/** GET /api/slos/{name}/export?format=openslo|sloth: the SLO as OpenSLO v1 or Sloth prometheus/v1 YAML. */
export const GET = apiHandler('/api/slos/[name]/export', async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
  const { format } = parseSearchParams(paramsSchema, request.url);
  const { spec } = storedOr404((await params).name);
  return yamlResponse(exportSlo(spec, format, await specSli(getPrometheusClient(), request.signal)), `${spec.name}.${format}.yaml`);
});
