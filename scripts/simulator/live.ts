// Live exposition: a dedicated prom-client Registry whose metrics read the model at scrape time,
// so a scrape at t returns exactly the value the history would hold at t.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Model } from './model';
import type { Family, Series } from './series';

export interface LiveOptions {
  model: Model;
  host?: string;
  port: number; // 0 picks a free port
  path?: string;
  /** Clock in unix seconds (tests pin it). */
  now?: () => number;
}

export interface LiveServer {
  url: string;
  registry: Registry;
  close(): Promise<void>;
}

type Snapshot = Awaited<ReturnType<Histogram<string>['get']>>;

/** Series alive at t: started, and not ended (an old revision's series disappear at the deployment). */
function alive(series: Series, t: number): boolean {
  return t >= series.start && t < series.end;
}

function snapshot(family: Family, t: number): Snapshot {
  const values = family.series
    .filter((s) => alive(s, t))
    .map((s) => ({ metricName: s.name, labels: { ...s.labels }, value: s.value(t) }));
  // prom-client's own object shape; `type` is the exposition type string at runtime.
  return { name: family.name, help: family.help, type: family.type, aggregator: 'sum', values } as unknown as Snapshot;
}

// prom-client metric classes whose values come from the model instead of observations.
class ModelCounter extends Counter<string> {
  constructor(private readonly family: Family, private readonly now: () => number) {
    super({ name: family.name, help: family.help, registers: [] });
  }
  override async get() {
    return snapshot(this.family, this.now());
  }
}

class ModelGauge extends Gauge<string> {
  constructor(private readonly family: Family, private readonly now: () => number) {
    super({ name: family.name, help: family.help, registers: [] });
  }
  override async get() {
    return snapshot(this.family, this.now());
  }
}

class ModelHistogram extends Histogram<string> {
  constructor(private readonly family: Family, private readonly now: () => number) {
    super({ name: family.name, help: family.help, registers: [] });
  }
  override async get() {
    return snapshot(this.family, this.now());
  }
  /** Registry.metrics() prefers this (undeclared in the typings) for histograms. */
  async getForPromString() {
    return snapshot(this.family, this.now());
  }
}

export function createLiveRegistry(model: Model, now: () => number = () => Date.now() / 1000): Registry {
  const registry = new Registry();
  for (const family of model.families) {
    if (family.type === 'counter') registry.registerMetric(new ModelCounter(family, now));
    else if (family.type === 'gauge') registry.registerMetric(new ModelGauge(family, now));
    else registry.registerMetric(new ModelHistogram(family, now));
  }
  return registry;
}

export async function startLiveServer(options: LiveOptions): Promise<LiveServer> {
  const host = options.host ?? '127.0.0.1';
  const path = options.path ?? '/metrics';
  const registry = createLiveRegistry(options.model, options.now);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' || url.pathname !== path) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}${path}`,
    registry,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
