import { z } from 'zod';
import { apiHandler, parseSearchParams } from '@/lib/api';
import { getEnv } from '@/lib/env';
import { specSli } from '@/lib/mesh-detected';
import { getPrometheusClient } from '@/lib/prometheus';
import { meshHealthGroupsFor, prometheusRuleBundleYaml, ruleFileExtraGroups, rulesDelivery, rulesFileYaml } from '@/lib/rules-sync';
import { yamlResponse } from '@/lib/slo-engine/http';
import { getSloStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({
  format: z.enum(['yaml', 'prometheusrule'], { error: 'must be yaml or prometheusrule' }).optional(),
});

/**
 * GET /api/rules: how rules reach Prometheus (`file`: MESHWATCH_RULES_FILE, checked and reloaded on
 * every SLO change; `gitops`: not written) and the last sync. `?format=yaml|prometheusrule` downloads
 * every SLO's rules as one rule file or as PrometheusRule resources.
 */
export const GET = apiHandler('/api/rules', async (request: Request) => {
  const { format } = parseSearchParams(paramsSchema, request.url);
  if (format === undefined) return Response.json(rulesDelivery(), { headers: { 'cache-control': 'no-store' } });
  const specs = getSloStore()
    .list()
    .map((s) => s.spec);
  const sli = await specSli(getPrometheusClient(), request.signal);
  const { http, regions } = getEnv();
  const publicUrl = http.publicOrigins[0];
  // The rule file is the one the sync writes; the PrometheusRule bundle has the mesh-health group, not the rollout alert.
  return format === 'prometheusrule'
    ? yamlResponse(prometheusRuleBundleYaml(specs, sli, publicUrl, regions, meshHealthGroupsFor(sli, publicUrl)), 'meshwatch-slos.prometheusrule.yaml')
    : yamlResponse(rulesFileYaml(specs, sli, publicUrl, regions, ruleFileExtraGroups(sli)), 'meshwatch-rules.yml');
});
