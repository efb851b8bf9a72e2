import { apiHandler, sharedJson } from '@/lib/api';
import { panelWork } from '../panel-work';

export const dynamic = 'force-dynamic';

type Context = { params: Promise<{ dashboard: string; panel: string }> };

/** GET /api/panels/{dashboard}/{panel}?start=&end=&step=&namespace=&service=: one panel's data (lib/dashboards/schema.ts). */
export const GET = apiHandler('/api/panels/[dashboard]/[panel]', async (request: Request, { params }: Context) => {
  const { dashboard, panel } = await params;
  const { run, options } = panelWork(dashboard, panel, request.url);
  return sharedJson(request, run, options);
});
