// Success users experienced over the chosen range: requests as the callers (the ingress gateway and
// meshed callers) finished them, after their proxies' retries. The server side counts every attempt,
// so a retry storm there reads worse than what anyone got (91.0 % against 96.7 %); it is named in the
// detail for on-call. The card's verdict also reads the SLOs: it never says OK while an SLO pages.
import { healthVerdict, percentText } from '@/lib/health';
import { formatUtc } from '@/lib/format';
import { levelStatus } from '../../schema';
import { finite, read } from '../values';
import { definePanel, instant, range } from '../types';
import { chartWindow, spanWindow } from '../windows';
import type { PanelParams } from '../../params';
import { loadPanelSlos } from './team-slos-load';

const overRange = (p: PanelParams) => ({ window: spanWindow(p), by: 'mesh' as const, namespace: p.namespace });

export const userSuccess = definePanel({
  queries: (p, { mesh }) => ({
    ratio: instant('Error ratio users experienced over the range (caller side, after retries)', mesh.callerErrorRatio(overRange(p)).promql),
    rate: instant('Requests per second over the range (caller side)', mesh.callerRequestRate(overRange(p)).promql),
    server: instant('Error ratio of the attempts servers answered over the range (server side)', mesh.errorRatio(overRange(p)).promql),
    trend: range('Error ratio users experienced over time (caller side)', mesh.callerErrorRatio({ window: chartWindow(p), by: 'mesh', namespace: p.namespace }).promql),
  }),
  load: (p, _ctx, io) => loadPanelSlos(p, io),
  transform: ({ ratio, rate, server, trend }, p, { mesh, config }, loaded = []) => {
    const rps = finite(rate[0]?.value);
    const r = read(ratio[0], 'no requests in the range');
    const value = r.value === null ? null : 1 - r.value;
    const statuses = loaded.flatMap((l) => (l.status ? [l.status] : []));
    const verdict = healthVerdict({ errorRatio: r.value, rps, windowSeconds: p.end - p.start, slos: statuses }, config.health);
    const serverRatio = finite(server[0]?.value);
    const serverText = serverRatio === null ? '' : ` Servers answered ${percentText(1 - serverRatio)} of attempts successfully (every retry counted).`;
    const detail =
      r.value === null
        ? r.reason
        : `${mesh.callerSide}, over the ${spanWindow(p)} to ${formatUtc(p.end)}.${serverText} ${verdict.reason}.`;
    const points = (trend[0]?.points ?? []).map(([t, v]): [number, number | null] => [t, Number.isFinite(v) ? 1 - v : null]);
    return {
      data: { kind: 'stat', value, unit: 'ratio', health: levelStatus(verdict.level), detail, trend: { name: 'success users experienced', labels: {}, points } },
      warnings: [],
    };
  },
});
