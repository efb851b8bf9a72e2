import { z } from 'zod';
import { ApiError, apiHandler, parseSearchParams } from '@/lib/api';
import { requireRole } from '@/lib/auth';
import { SLI_SOURCES } from '@/lib/mesh';
import { ImportError, importSlos, type ImportResponse } from '@/lib/slo';
import { JSON_TYPES, readText, YAML_TYPES } from '@/lib/api/body';
import { assertRulesAccepted, requestRulesSync } from '@/lib/rules-sync';
import { getSloStore } from '@/lib/store';

export const dynamic = 'force-dynamic';
export const runtime = 'nodejs';

const paramsSchema = z.object({
  dryRun: z.enum(['1', 'true', '0', 'false'], { error: 'must be true or false' }).default('false').transform((v) => v === '1' || v === 'true'),
});

/**
 * POST /api/slos/import[?dryRun=true]: OpenSLO v1, Sloth prometheus/v1 or Meshwatch specs, as YAML or
 * JSON. All are created in one transaction (201), or none (422 listing every problem, 409 on a taken name).
 */
export const POST = apiHandler('/api/slos/import', async (request: Request) => {
  const { user } = requireRole(request, 'editor');
  const { dryRun } = parseSearchParams(paramsSchema, request.url);
  let imported;
  try {
    imported = importSlos(await readText(request, [...JSON_TYPES, ...YAML_TYPES]), SLI_SOURCES);
  } catch (err) {
    if (err instanceof ImportError) throw new ApiError(422, 'validation_failed', err.message, { problems: err.problems });
    throw err;
  }
  await assertRulesAccepted(imported.specs, { keyBySlo: true }); // all or none, like the import itself; a dry run says so too
  const specs = dryRun ? imported.specs : getSloStore().importMany(imported.specs, user).map((s) => s.spec);
  if (!dryRun) void requestRulesSync();
  const body: ImportResponse = { slos: specs, warnings: imported.warnings, dryRun };
  return Response.json(body, { status: dryRun ? 200 : 201 });
});
