// Every API route module with its URL pattern, for the fuzz suite: called in-process as Next.js would.
import * as alertmanager from '@/app/api/alertmanager/route';
import * as clusters from '@/app/api/clusters/route';
import * as graph from '@/app/api/graph/route';
import * as healthz from '@/app/api/healthz/route';
import * as maintenance from '@/app/api/maintenance/route';
import * as maintenanceWindow from '@/app/api/maintenance/[id]/route';
import * as maintenanceSilence from '@/app/api/maintenance/[id]/silence/route';
import * as me from '@/app/api/me/route';
import * as meshAlerts from '@/app/api/mesh-alerts/route';
import * as metrics from '@/app/api/metrics/route';
import * as panels from '@/app/api/panels/[dashboard]/[panel]/route';
import * as panelBatch from '@/app/api/panels/[dashboard]/route';
import * as readyz from '@/app/api/readyz/route';
import * as rules from '@/app/api/rules/route';
import * as services from '@/app/api/services/route';
import * as slosAlerting from '@/app/api/slos-alerting/route';
import * as slosBacktest from '@/app/api/slos-backtest/route';
import * as slosStatus from '@/app/api/slos-status/route';
import * as sloBacktest from '@/app/api/slos/[name]/backtest/route';
import * as sloBudget from '@/app/api/slos/[name]/budget/route';
import * as sloExport from '@/app/api/slos/[name]/export/route';
import * as sloHistory from '@/app/api/slos/[name]/history/route';
import * as slo from '@/app/api/slos/[name]/route';
import * as sloRules from '@/app/api/slos/[name]/rules/route';
import * as sloRuleTests from '@/app/api/slos/[name]/rules/tests/route';
import * as sloStatus from '@/app/api/slos/[name]/status/route';
import * as unsavedBacktest from '@/app/api/slos/backtest/route';
import * as buckets from '@/app/api/slos/buckets/route';
import * as importSlos from '@/app/api/slos/import/route';
import * as preview from '@/app/api/slos/preview/route';
import * as slos from '@/app/api/slos/route';

export const METHODS = ['GET', 'POST', 'PUT', 'DELETE'] as const;
export type Method = (typeof METHODS)[number];
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface FuzzRoute {
  /** `/api/slos/[name]`: bracketed parts are filled from generated segments. */
  pattern: string;
  methods: Partial<Record<Method, Handler>>;
}

const route = (pattern: string, module: object): FuzzRoute => ({
  pattern,
  methods: Object.fromEntries(METHODS.flatMap((m) => (m in module ? [[m, (module as Record<string, Handler>)[m]]] : []))),
});

export const ROUTES: FuzzRoute[] = [
  route('/api/alertmanager', alertmanager),
  route('/api/clusters', clusters),
  route('/api/graph', graph),
  route('/api/healthz', healthz),
  route('/api/maintenance', maintenance),
  route('/api/maintenance/[id]', maintenanceWindow),
  route('/api/maintenance/[id]/silence', maintenanceSilence),
  route('/api/me', me),
  route('/api/mesh-alerts', meshAlerts),
  route('/api/metrics', metrics),
  route('/api/panels/[dashboard]/[panel]', panels),
  route('/api/panels/[dashboard]', panelBatch),
  route('/api/readyz', readyz),
  route('/api/rules', rules),
  route('/api/services', services),
  route('/api/slos-alerting', slosAlerting),
  route('/api/slos-backtest', slosBacktest),
  route('/api/slos-status', slosStatus),
  route('/api/slos/[name]/backtest', sloBacktest),
  route('/api/slos/[name]/budget', sloBudget),
  route('/api/slos/[name]/export', sloExport),
  route('/api/slos/[name]/history', sloHistory),
  route('/api/slos/[name]', slo),
  route('/api/slos/[name]/rules', sloRules),
  route('/api/slos/[name]/rules/tests', sloRuleTests),
  route('/api/slos/[name]/status', sloStatus),
  route('/api/slos/backtest', unsavedBacktest),
  route('/api/slos/buckets', buckets),
  route('/api/slos/import', importSlos),
  route('/api/slos/preview', preview),
  route('/api/slos', slos),
];

/** Every (route, method) pair the app serves. */
export const ENDPOINTS = ROUTES.flatMap((r) => Object.keys(r.methods).map((method) => ({ route: r, method: method as Method })));
