// `npm run demo:incident -- <service> [duration] [error share]`, e.g. `payments 15m 0.5`: tells the
// running demo's simulator to fail that share of the service's successful requests (503 UF) from now
// on, for the duration. Prometheus scrapes it, the burn-rate rules Meshwatch delivered fire, and the
// alert shows in Prometheus' /api/v1/alerts, on /slos and on the on-call dashboard.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePromDuration } from '../lib/prometheus/promql';

// `npm run demo` writes its ports here while it runs, so a demo started on other ports needs no env here.
const PORTS_FILE = path.resolve(__dirname, '../.data/demo/ports.json');

function runningDemoSimulatorPort(): number | undefined {
  try {
    const port = (JSON.parse(readFileSync(PORTS_FILE, 'utf8')) as { simulator?: unknown }).simulator;
    return typeof port === 'number' ? port : undefined;
  } catch {
    return undefined;
  }
}

const port = Number(process.env.DEMO_SIMULATOR_PORT ?? runningDemoSimulatorPort() ?? 9464);

async function main() {
  const [service, duration = '15m', share = '0.5'] = process.argv.slice(2);
  if (!service || service === '--help') {
    console.log('usage: npm run demo:incident -- <service|namespace/service> [duration, e.g. 15m] [error share 0..1, default 0.5]');
    process.exit(service ? 0 : 2);
  }
  const minutes = parsePromDuration(duration) / 60;
  const res = await fetch(`http://127.0.0.1:${port}/control/incidents`, {
    method: 'POST',
    body: JSON.stringify({ service, minutes, errorShare: Number(share) }),
  }).catch((err: unknown) => {
    throw new Error(`the demo simulator is not answering on 127.0.0.1:${port} (is \`npm run demo\` running? DEMO_SIMULATOR_PORT): ${err instanceof Error ? err.message : String(err)}`);
  });
  const body = (await res.json()) as { incident?: { service: string; start: number; end: number; errorShare: number }; error?: string };
  if (!res.ok || !body.incident) throw new Error(body.error ?? `HTTP ${res.status}`);
  const { incident } = body;
  const at = (t: number) => new Date(t * 1000).toISOString().slice(11, 19);
  console.log(`[demo] ${incident.service}: ${Math.round(incident.errorShare * 100)}% of successful requests fail (503 UF) from ${at(incident.start)} to ${at(incident.end)} UTC.`);
  console.log('[demo] A 1h/5m page fires once the 1h burn passes 14.4x and stays 2m30s; watch /slos, /oncall or Prometheus /alerts.');
}

main().catch((err: unknown) => {
  console.error(`[demo] ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
