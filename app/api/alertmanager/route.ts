import { z } from 'zod';
import { apiHandler, parseSearchParams } from '@/lib/api';
import { alertmanagerFragmentYaml, alertmanagerYaml } from '@/lib/slo/rules/alertmanager';
import { yamlResponse } from '@/lib/slo-engine/http';
import { getSloStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({
  format: z.enum(['yaml', 'fragment'], { error: 'must be yaml or fragment' }).default('yaml'),
  teams: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
});

/**
 * GET /api/alertmanager?format=yaml|fragment[&teams=true]: Alertmanager routing and inhibition for the
 * burn-rate alerts, as a whole alertmanager.yml or the parts to merge; `teams` adds a receiver pair
 * per team of the stored SLOs. Readable by viewers.
 */
export const GET = apiHandler('/api/alertmanager', (request: Request) => {
  const { format, teams } = parseSearchParams(paramsSchema, request.url);
  const opts = teams === 'true' ? { teams: getSloStore().list().map((s) => s.spec.team) } : {};
  return format === 'fragment'
    ? yamlResponse(alertmanagerFragmentYaml(opts), 'meshwatch.alertmanager-fragment.yml')
    : yamlResponse(alertmanagerYaml(opts), 'alertmanager.yml');
});
