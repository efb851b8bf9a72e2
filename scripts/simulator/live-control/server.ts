// The live simulator with a control endpoint, for the demo and integration tests:
//   GET  /metrics            the model's metrics at scrape time, incidents included
//   GET  /control/incidents  the injected incidents
//   POST /control/incidents  {"service":"payments","minutes":15,"errorShare":0.5} starts one now
//   GET  /control/partitions the injected regional partitions
//   POST /control/partitions {"minutes":30} starts one now: eu-west's calls to us-east fail
//   GET  /control/outages    the injected control-plane outages
//   POST /control/outages    {"minutes":15} stops the control plane reporting from now on, for that long
// It listens on loopback in the demo; the control endpoint has no authentication.
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { createLiveRegistry } from '../live';
import type { Model } from '../model';
import { createIncidentControl, type Incident, type IncidentControl } from './incident';

export interface ControlledLiveServer {
  /** The /metrics URL. */
  url: string;
  /** Base URL of the control endpoints. */
  controlUrl: string;
  control: IncidentControl;
  close(): Promise<void>;
}

const DEFAULT_ERROR_SHARE = 0.5;
const MAX_BODY = 10_000;

export const incidentRequestSchema = z.object({
  service: z.string().min(1),
  minutes: z.number().positive().max(24 * 60),
  errorShare: z.number().gt(0).max(1).default(DEFAULT_ERROR_SHARE),
  /** Unix seconds; default now. A start in the past also rewrites what the history writer would produce. */
  start: z.number().optional(),
});

/** A span from now (or `start`): a regional partition or a control-plane outage. */
export const spanRequestSchema = z.object({
  minutes: z.number().positive().max(24 * 60),
  /** Unix seconds; default now. */
  start: z.number().optional(),
});

async function readBody(req: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of req) {
    body += String(chunk);
    if (body.length > MAX_BODY) throw new Error('body too large');
  }
  return body;
}

/** The request's JSON body checked against `schema`, or the error to answer 400 with. */
async function parseBody<T extends z.ZodType>(req: IncomingMessage, schema: T): Promise<z.infer<T> | { error: string }> {
  try {
    return schema.parse(JSON.parse(await readBody(req)));
  } catch (err) {
    return { error: err instanceof z.ZodError ? z.prettifyError(err) : String(err) };
  }
}

export async function startControlledLiveServer(options: { model: Model; host?: string; port: number; now?: () => number }): Promise<ControlledLiveServer> {
  const now = options.now ?? (() => Date.now() / 1000);
  const control = createIncidentControl(options.model);
  const registry = createLiveRegistry(control.model, now);
  const json = (status: number, body: unknown) => [status, { 'content-type': 'application/json' }, `${JSON.stringify(body)}\n`] as const;

  async function outages(req: IncomingMessage): Promise<readonly [number, Record<string, string>, string]> {
    if (req.method === 'GET') return json(200, { outages: control.outages() });
    if (req.method !== 'POST') return json(405, { error: 'GET or POST' });
    const parsed = spanRequestSchema.safeParse(await readBody(req).then((b) => JSON.parse(b) as unknown).catch(() => null));
    if (!parsed.success) return json(400, { error: z.prettifyError(parsed.error) });
    const start = Math.floor(parsed.data.start ?? now());
    return json(201, { outage: control.injectOutage({ start, end: start + Math.round(parsed.data.minutes * 60) }) });
  }

  async function handle(req: IncomingMessage): Promise<readonly [number, Record<string, string>, string]> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/metrics') return [200, { 'content-type': registry.contentType }, await registry.metrics()];
    if (url.pathname === '/control/partitions') return partitions(req);
    if (url.pathname === '/control/outages') return outages(req);
    if (url.pathname !== '/control/incidents') return [404, { 'content-type': 'text/plain' }, 'not found\n'];
    if (req.method === 'GET') return json(200, { incidents: control.incidents() });
    if (req.method !== 'POST') return json(405, { error: 'GET or POST' });
    const parsed = await parseBody(req, incidentRequestSchema);
    if ('error' in parsed) return json(400, parsed);
    const start = Math.floor(parsed.start ?? now());
    try {
      const incident: Incident = control.inject({ service: parsed.service, start, end: start + Math.round(parsed.minutes * 60), errorShare: parsed.errorShare });
      return json(201, { incident });
    } catch (err) {
      return json(422, { error: err instanceof Error ? err.message : String(err) });
    }
  }

  async function partitions(req: IncomingMessage): Promise<readonly [number, Record<string, string>, string]> {
    if (req.method === 'GET') return json(200, { partitions: control.partitions() });
    if (req.method !== 'POST') return json(405, { error: 'GET or POST' });
    const parsed = await parseBody(req, spanRequestSchema);
    if ('error' in parsed) return json(400, parsed);
    const start = Math.floor(parsed.start ?? now());
    return json(201, { partition: control.partition({ start, end: start + Math.round(parsed.minutes * 60) }) });
  }

  const server = createServer((req, res) => {
    handle(req).then(
      ([status, headers, body]) => res.writeHead(status, headers).end(body),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${String(error)}\n`),
    );
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const base = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url: `${base}/metrics`,
    controlUrl: `${base}/control`,
    control,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
