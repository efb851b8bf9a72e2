import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore, setSloStore } from '@/lib/store';
import { setPeerStampForTests } from './client';

// For the front door's tests: a real HTTP server of this process, as `next start` creates one, over a
// fresh SLO store (coalescing keys on its revision). Install the front door before it starts.

export interface TestServer {
  base: string;
  stop(): Promise<void>;
}

/** Serves `listener` on a loopback port, with a temporary SLO store for the process. */
export async function startTestServer(listener: http.RequestListener): Promise<TestServer> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-front-door-'));
  setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
  const server = http.createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      setSloStore(undefined)?.close();
      rmSync(dir, { recursive: true, force: true });
      setPeerStampForTests(false);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
