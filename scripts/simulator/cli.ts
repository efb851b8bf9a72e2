// `npm run simulator -- <command>`: history | live | truth | timeline (see usage()).
import { parseArgs } from 'node:util';
import { createModel } from './model';
import { writeHistory } from './openmetrics';
import { startLiveServer } from './live';
import type { Mesh } from './topology';

const DAY = 86_400;

function usage(): string {
  return [
    'usage: tsx scripts/simulator/cli.ts <command> [options]',
    '  history  --out <file> [--seed 42] [--anchor <unix>|now] [--days 30] [--mesh istio|linkerd]',
    '  live     [--port 9464] [--host 127.0.0.1] [--seed 42] [--anchor <unix>|now] [--mesh istio|linkerd]',
    '  truth    --from <unix> --to <unix> [--seed 42] [--anchor <unix>|now] [--mesh istio|linkerd]',
    '  timeline [--seed 42] [--anchor <unix>|now] [--mesh istio|linkerd]',
    'All commands take [--replicas N]: N copies of the shop (quiet ones in <ns>-2..<ns>-N), for benchmarks.',
    'Use the same explicit --anchor for history and live: "now" is rounded down to 5 minutes.',
  ].join('\n');
}

function parseAnchor(value: string | undefined): number {
  if (value === undefined || value === 'now') {
    const now = Math.floor(Date.now() / 1000);
    return now - (now % 300);
  }
  return parseInteger('anchor', value);
}

function parseInteger(name: string, value: string | undefined): number {
  const n = Number(value);
  if (value === undefined || !Number.isInteger(n)) throw new Error(`--${name} must be an integer, got ${value}`);
  return n;
}

function parseMesh(value: string | undefined): Mesh {
  if (value === undefined || value === 'istio' || value === 'linkerd') return value ?? 'istio';
  throw new Error(`--mesh must be istio or linkerd, got ${value}`);
}

/** JSON with +Inf bucket bounds spelled as Prometheus does. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === Number.POSITIVE_INFINITY ? '+Inf' : v), 2);
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  const { values } = parseArgs({
    args: rest,
    options: {
      out: { type: 'string' },
      seed: { type: 'string', default: '42' },
      anchor: { type: 'string' },
      days: { type: 'string', default: '30' },
      mesh: { type: 'string' },
      port: { type: 'string', default: '9464' },
      host: { type: 'string', default: '127.0.0.1' },
      from: { type: 'string' },
      to: { type: 'string' },
      replicas: { type: 'string', default: '1' },
    },
  });
  const seed = parseInteger('seed', values.seed);
  const anchor = parseAnchor(values.anchor);
  const model = createModel({ seed, anchor, mesh: parseMesh(values.mesh), replicas: parseInteger('replicas', values.replicas) });

  if (command === 'history') {
    if (!values.out) throw new Error('history needs --out <file>');
    const days = parseInteger('days', values.days);
    const stats = await writeHistory({ model, from: anchor - days * DAY, to: anchor, outFile: values.out });
    const mb = (stats.bytes / 1e6).toFixed(1);
    console.log(`${values.out}: ${mb} MB, ${stats.lines} lines, ${stats.series} series, ${stats.samples} samples in ${stats.seconds.toFixed(1)} s (anchor ${anchor})`);
  } else if (command === 'live') {
    const server = await startLiveServer({ model, host: values.host, port: parseInteger('port', values.port) });
    console.log(`serving ${model.mesh} metrics (seed ${seed}, anchor ${anchor}) on ${server.url}`);
    const stop = () => {
      server.close().then(() => process.exit(0), () => process.exit(1));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } else if (command === 'truth') {
    console.log(toJson(model.truth(parseInteger('from', values.from), parseInteger('to', values.to))));
  } else if (command === 'timeline') {
    console.log(toJson({ seed, anchor, events: model.timeline, facts: model.facts, services: model.services, edges: model.edges }));
  } else {
    console.error(usage());
    process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
