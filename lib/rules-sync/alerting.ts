import 'server-only';
import { getEnv } from '@/lib/env';
import { detectedSli } from '@/lib/mesh-detected';
import type { PrometheusClient } from '@/lib/prometheus';
import { ALERT_NAME } from '@/lib/slo/rules/rules';
import type { SloAlerting } from '@/lib/slo/alerting-schema';
import type { SloSpec } from '@/lib/slo/spec';
import { historyAlertsBySlo, liveAlertsBySlo, sloAlerting } from './readback';
import type { SyncState } from './sync';

// Reads back what Prometheus evaluates for every SLO with a fixed number of calls, whatever the number
// of SLOs: /api/v1/rules once, and /api/v1/alerts once (or, at a pinned past time, two instant
// queries of the ALERTS series, since /api/v1/alerts only knows the present).

/** A `time` within this of now reads the live endpoints (the UI's "now" is a few seconds old). */
const LIVE_TOLERANCE_S = 120;

export interface AlertingReadback {
  source: 'live' | 'history';
  slos: SloAlerting[];
}

export async function readSloAlerting(
  client: PrometheusClient,
  specs: readonly SloSpec[],
  opts: {
    time: number;
    now: number;
    signal?: AbortSignal;
    /** This process's last sync (which SLOs it left out); null in gitops mode or before the first sync. */
    lastSync: SyncState | null;
  },
): Promise<AlertingReadback> {
  const rejected = new Map((opts.lastSync?.excluded ?? []).map((e) => [e.slo, e.output]));
  const live = Math.abs(opts.now - opts.time) <= LIVE_TOLERANCE_S;
  const call = { signal: opts.signal };
  // The rules Prometheus should hold are the detected mesh's, as the sync writes them.
  const sli = await detectedSli(client, opts.signal);
  if (live) {
    const [groups, alerts] = await Promise.all([client.rules(call), client.alerts(call)]);
    return { source: 'live', slos: sloAlerting(specs, groups, liveAlertsBySlo(alerts), sli, rejected, getEnv().regions) };
  }
  const selector = `{alertname="${ALERT_NAME}"}`;
  const [groups, states, activeAts] = await Promise.all([
    client.rules(call),
    client.instantQuery(`ALERTS${selector}`, { time: opts.time, ...call }),
    client.instantQuery(`ALERTS_FOR_STATE${selector}`, { time: opts.time, ...call }),
  ]);
  const samples = (r: typeof states) => (r.resultType === 'vector' ? r.samples : []);
  return { source: 'history', slos: sloAlerting(specs, groups, historyAlertsBySlo(samples(states), samples(activeAts)), sli, rejected, getEnv().regions) };
}
