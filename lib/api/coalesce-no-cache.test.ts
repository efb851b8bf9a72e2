import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { installPeerStamp, setPeerStampForTests } from './client';
import { openSqliteStore, setSloStore } from '@/lib/store';

// With the query cache off (MESHWATCH_QUERY_CACHE_MB=0, as the benches time the app's own work), an
// answer that has ended is not kept for the next identical request: each one reaches the route.
// (Requests in flight together still share one answer: that is not keeping.)

process.env.MESHWATCH_QUERY_CACHE_MB = '0';

let server: http.Server;
let base: string;
let handled = 0;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-coalesce-'));
  setSloStore(openSqliteStore(path.join(dir, 'slos.db')));
  setPeerStampForTests(false);
  installPeerStamp();
  server = http.createServer((_req, res) => {
    handled += 1;
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"n":${handled}}`), 50);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  setSloStore(undefined)?.close();
  rmSync(dir, { recursive: true, force: true });
  setPeerStampForTests(false);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const get = async (target: string) => (await fetch(`${base}${target}`)).text();

it('with the cache off, sends an identical request just after an answer to the route again', async () => {
  const together = await Promise.all([get('/api/services?time=9'), get('/api/services?time=9')]);
  expect(together).toEqual(['{"n":1}', '{"n":1}']);
  expect(await get('/api/services?time=9')).toBe('{"n":2}');
  expect(await get('/api/services?time=9')).toBe('{"n":3}');
});
