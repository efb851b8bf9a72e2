// Writes `count` SLOs into a new store at `file` for `npm run bench -- slo-scale`. The store is
// server-only, so slo-scale.ts runs this file under Node's `react-server` condition, as backtest.ts does.
import { sloSpecSchema } from '../../lib/slo/spec';
import { openSqliteStore } from '../../lib/store/sqlite-store';

const OBJECTIVES = [99, 99.5, 99.9, 99.95];
const WINDOWS = ['7d', '28d', '30d'];
// Bucket bounds of the mesh's latency histograms: a threshold between bounds cannot be evaluated.
const THRESHOLDS = [100, 250, 500, 1000];

const [file = '', countText = '0', servicesText = ''] = process.argv.slice(2);
const services = servicesText.split(',');
const store = openSqliteStore(file);
for (let i = 0; i < Number(countText); i++) {
  const [namespace = '', service = ''] = (services[i % services.length] as string).split('/');
  const indicator = i % 2 === 0 ? { type: 'availability' } : { type: 'latency', thresholdMs: THRESHOLDS[i % THRESHOLDS.length] };
  store.create(sloSpecSchema.parse({ name: `slo-${i}`, service, namespace, team: `team-${i % 9}`, indicator, objective: OBJECTIVES[i % OBJECTIVES.length], window: WINDOWS[i % WINDOWS.length] }), 'bench');
}
store.close();
