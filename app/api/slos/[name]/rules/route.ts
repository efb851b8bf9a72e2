import { z } from 'zod';
import { apiHandler, parseSearchParams } from '@/lib/api';
import { prometheusRuleYaml, rulesYaml } from '@/lib/slo';
import { getEnv } from '@/lib/env';
import { specSli } from '@/lib/mesh-detected';
import { getPrometheusClient } from '@/lib/prometheus';
import { storedOr404, yamlResponse } from '@/lib/slo-engine/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({
  format: z.enum(['prometheus', 'prometheusrule'], { error: 'must be prometheus or prometheusrule' }).default('prometheus'),
});

/** GET /api/slos/{name}/rules: recording and alert rules (over the detected mesh's counters) as a rule file, or `?format=prometheusrule`. */
export const GET = apiHandler('/api/slos/[name]/rules', async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
  const { format } = parseSearchParams(paramsSchema, request.url);
  const { spec } = storedOr404((await params).name);
  const sli = await specSli(getPrometheusClient(), request.signal);
  const { http, regions } = getEnv();
  const publicUrl = http.publicOrigins[0];
  return format === 'prometheusrule'
    ? yamlResponse(prometheusRuleYaml(spec, sli, publicUrl, regions), `slo-${spec.name}.prometheusrule.yaml`)
    : yamlResponse(rulesYaml(spec, sli, publicUrl, regions), `slo-${spec.name}.rules.yaml`);
});
