// `npm run bench [-- home|dashboards|load|slow|graph|graph-scale|slo-read|slo-scale|backtest|pages|live]`: benchmarks over the deterministic fixture history, printed as
// tables of medians and ratios. Needs a production build (`npx next build`).
import { benchBacktest } from './backtest';
import { benchDashboards } from './dashboards';
import { benchGraph } from './graph';
import { benchGraphScale } from './graph-scale';
import { benchHome } from './home';
import { benchLive } from './live';
import { benchLoad } from './load';
import { benchPages } from './pages';
import { benchSloRead } from './slo-read';
import { benchSloScale } from './slo-scale';
import { benchSlow } from './slow';

const BENCHES: Record<string, () => Promise<void>> = { home: benchHome, backtest: benchBacktest, dashboards: benchDashboards, load: benchLoad, slow: benchSlow, graph: benchGraph, 'graph-scale': benchGraphScale, 'slo-read': benchSloRead, 'slo-scale': benchSloScale, pages: benchPages, live: benchLive };

async function main() {
  const wanted = process.argv.slice(2);
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
  for (const name of names) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`unknown benchmark ${name}; choose from ${Object.keys(BENCHES).join(', ')}`);
    console.log(`\n### ${name}`);
    await bench();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
