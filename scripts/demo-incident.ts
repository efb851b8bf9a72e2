// `npm run demo:incident -- <service> [duration] [error share]`, e.g. `payments 15m 0.5`: tells the
// running demo's simulator to fail that share of the service's successful requests (503 UF) from now
// on, for the duration. Prometheus scrapes it, the burn-rate rules Meshwatch delivered fire, and the
// alert shows in Prometheus' /api/v1/alerts, on /slos and on the on-call dashboard.
// `npm run demo:partition -- [duration]` (this script with --partition) starts a regional partition
// instead: eu-west's calls to us-east fail, and the eu-west reviews pods answer 503 to most requests.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePromDuration } from '../lib/promql/promql';

// `npm run demo` writes its ports here while it runs, so a demo started on other ports needs no env here.
const PORTS_FILE = path.resolve(__dirname, '../.data/demo/ports.json');

function runningDemoPorts(): { app?: number; simulator?: number } {
  try {
    const ports = JSON.parse(readFileSync(PORTS_FILE, 'utf8')) as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
    return { app: num(ports.app), simulator: num(ports.simulator) };
  } catch {
    return {};
  }
}

const running = runningDemoPorts();
const port = Number(process.env.DEMO_SIMULATOR_PORT ?? running.simulator ?? 9464);
const appPort = Number(process.env.PORT ?? running.app ?? 3000);

/** Names of the app's SLOs on namespace/service; null when the app does not answer. */
async function slosOf(service: string): Promise<string[] | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${appPort}/api/slos`);
    if (!res.ok) return null;
    const slos = (await res.json()) as Array<{ name: string; namespace: string; service: string }>;
    return slos.filter((s) => `${s.namespace}/${s.service}` === service).map((s) => s.name);
  } catch {
    return null;
  }
}

async function post(what: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`http://127.0.0.1:${port}/control/${what}`, { method: 'POST', body: JSON.stringify(body) }).catch((err: unknown) => {
    throw new Error(`the demo simulator is not answering on 127.0.0.1:${port} (is \`npm run demo\` running? DEMO_SIMULATOR_PORT): ${err instanceof Error ? err.message : String(err)}`);
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(typeof answer.error === 'string' ? answer.error : `HTTP ${res.status}`);
  return answer;
}

const at = (t: number) => new Date(t * 1000).toISOString().slice(11, 19);

async function partition(duration: string) {
  const { partition: span } = (await post('partitions', { minutes: parsePromDuration(duration) / 60 })) as { partition: { start: number; end: number } };
  console.log(`[demo] Regional partition from ${at(span.start)} to ${at(span.end)} UTC: prod-eu-west's calls to prod-us-east fail (reviews -> inventory 503 UF), and the eu-west reviews pods answer 503 to 80% of their requests; us-east is unaffected. Watch the region views and the eu-west SLO alerts (MESHWATCH_REGIONS).`);
}

/** `control-plane`: istiod (or Linkerd's controllers) stop reporting for the duration; the mesh-health page fires. */
async function controlPlaneOutage(minutes: number) {
  const { outage } = (await post('outages', { minutes })) as { outage: { start: number; end: number } };
  console.log(`[demo] The control plane reports nothing from ${at(outage.start)} to ${at(outage.end)} UTC: MeshControlPlaneDown pages after its threshold (5 minutes by default, /settings/alerts).`);
}

async function main() {
  if (process.argv[2] === '--partition') {
    await partition(process.argv[3] ?? '30m');
    return;
  }
  const [service, duration = '15m', share = '0.5'] = process.argv.slice(2);
  if (!service || service === '--help') {
    console.log('usage: npm run demo:incident -- <service|namespace/service|control-plane> [duration, e.g. 15m] [error share 0..1, default 0.5]');
    process.exit(service ? 0 : 2);
  }
  const minutes = parsePromDuration(duration) / 60;
  if (service === 'control-plane') return controlPlaneOutage(minutes);
  const errorShare = Number(share);
  if (!(errorShare > 0 && errorShare <= 1)) throw new Error(`the error share is a number in (0, 1], e.g. 0.5; got "${share}"`);
  const { incident } = (await post('incidents', { service, minutes, errorShare })) as { incident: { service: string; start: number; end: number; errorShare: number } };
  console.log(`[demo] ${incident.service}: ${Math.round(incident.errorShare * 100)}% of successful requests fail (503 UF) from ${at(incident.start)} to ${at(incident.end)} UTC.`);
  // Only an SLO on the service turns the errors into burn-rate alerts; say so rather than promise a page.
  const slos = await slosOf(incident.service);
  if (slos?.length === 0) {
    console.log(`[demo] No SLO covers ${incident.service}, so no burn-rate alert fires: the errors show on /oncall (top failing services). Create an SLO on /slos to alert on them.`);
  } else {
    const which = slos ? ` of ${slos.join(', ')}` : '';
    console.log(`[demo] The 1h/5m page${which} fires once the 1h burn passes 14.4x and stays 2m30s; watch /slos, /oncall, Prometheus /alerts or Alertmanager.`);
  }
}

main().catch((err: unknown) => {
  console.error(`[demo] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
