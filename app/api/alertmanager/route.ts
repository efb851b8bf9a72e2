import { z } from 'zod';
import { apiHandler, parseSearchParams } from '@/lib/api';
import { getEnv } from '@/lib/env';
import { alertmanagerFragmentYaml, alertmanagerYaml } from '@/lib/slo/rules/alertmanager';
import { alertmanagerTemplates, TEMPLATES_FILE } from '@/lib/slo/rules/alertmanager-templates';
import { textResponse, yamlResponse } from '@/lib/slo-engine/http';
import { getSloStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({
  format: z.enum(['yaml', 'fragment', 'templates'], { error: 'must be yaml, fragment or templates' }).default('yaml'),
  teams: z.enum(['true', 'false'], { error: 'must be true or false' }).default('false'),
});

/**
 * GET /api/alertmanager?format=yaml|fragment|templates[&teams=true]: Alertmanager routing and inhibition
 * for the burn-rate alerts, as a whole alertmanager.yml or the parts to merge, or the notification
 * templates they load (links absolute against MESHWATCH_PUBLIC_URL); `teams` adds a receiver pair per
 * team of the stored SLOs. Readable by viewers.
 */
export const GET = apiHandler('/api/alertmanager', (request: Request) => {
  const { format, teams } = parseSearchParams(paramsSchema, request.url);
  if (format === 'templates') return textResponse(alertmanagerTemplates(getEnv().http.publicOrigins[0]), TEMPLATES_FILE);
  const opts = teams === 'true' ? { teams: getSloStore().list().map((s) => s.spec.team) } : {};
  return format === 'fragment'
    ? yamlResponse(alertmanagerFragmentYaml(opts), 'meshwatch.alertmanager-fragment.yml')
    : yamlResponse(alertmanagerYaml(opts), 'alertmanager.yml');
});
