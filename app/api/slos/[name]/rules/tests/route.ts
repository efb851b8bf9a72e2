import { apiHandler, ApiError } from '@/lib/api';
import { ruleTestsYaml, testFileName, UnsupportedIndicatorError } from '@/lib/slo/rules/rule-tests';
import { getEnv } from '@/lib/env';
import { specSli } from '@/lib/mesh-detected';
import { getPrometheusClient } from '@/lib/prometheus';
import { storedOr404, yamlResponse } from '@/lib/slo-engine/http';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

/**
 * GET /api/slos/{name}/rules/tests: `promtool test rules` cases for the SLO's rules (download next to
 * GET /api/slos/{name}/rules). 422 for a custom indicator whose queries admit no made-up counters.
 */
export const GET = apiHandler('/api/slos/[name]/rules/tests', async (request: Request, { params }: { params: Promise<{ name: string }> }) => {
  const { spec } = storedOr404((await params).name);
  const sli = await specSli(getPrometheusClient(), request.signal);
  try {
    return yamlResponse(ruleTestsYaml(spec, sli, getEnv().regions), testFileName(spec));
  } catch (err) {
    if (err instanceof UnsupportedIndicatorError) {
      throw new ApiError(422, 'tests_not_generated', `No rule tests for ${spec.name}: ${err.message}. Write the input_series for your metrics by hand.`);
    }
    throw err;
  }
});
