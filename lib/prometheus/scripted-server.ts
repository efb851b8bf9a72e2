// Test helper: a real HTTP server on 127.0.0.1 whose answers each test scripts. Not part of the API.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query string. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * `hang` never answers (to provoke timeouts); object bodies are sent as JSON. `delayMs` answers late
 * (a slow Prometheus); `repeat` streams the body that many times without a Content-Length (a runaway answer).
 */
export type ScriptedReply = 'hang' | { status?: number; contentType?: string; body: string | object; delayMs?: number; repeat?: number };

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  reply(next: ScriptedReply | ((req: RecordedRequest) => ScriptedReply)): void;
  close(): Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  let script: ScriptedReply | ((req: RecordedRequest) => ScriptedReply) = { status: 500, body: 'unscripted' };
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      const reply = typeof script === 'function' ? script(recorded) : script;
      if (reply === 'hang') return;
      const json = typeof reply.body !== 'string';
      const text = json ? JSON.stringify(reply.body) : (reply.body as string);
      const answer = () => {
        if (res.destroyed) return;
        res.writeHead(reply.status ?? 200, { 'Content-Type': reply.contentType ?? (json ? 'application/json' : 'text/plain') });
        if (reply.repeat === undefined) return void res.end(text);
        let left = reply.repeat;
        // Waits for the socket to drain, as a real server would, so the client can stop reading midway.
        const more = () => {
          while (left > 0 && !res.destroyed) {
            left -= 1;
            if (!res.write(text)) return void res.once('drain', more);
          }
          res.end();
        };
        more();
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (next) => {
      script = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A port on 127.0.0.1 that nothing listens on (connection refused). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
