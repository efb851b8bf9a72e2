import 'server-only';
import http from 'node:http';
import https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AuthConfig } from '@/lib/auth/config';
import { isTrustedProxy } from '@/lib/auth/identity';
import { normalizeAddress } from '@/lib/auth/proxies';
import { coalesce } from './coalesce';
import { serveDirect, type DirectHandlers } from './direct';
import { frontDoor, pathOf } from './front-door';
import type { SecurityHeaderOptions } from './security-headers';

// Who connected. Route handlers see no socket, and Next.js fills X-Forwarded-For only when the client
// did not send one, so the address is stamped into a header of our own as each request arrives
// (overwriting whatever a client sent under that name); instrumentation.ts installs the stamp.
// The same hook is the front door (front-door.ts): it answers methods and paths no route may see and
// stamps API responses' security headers, before Next.js routes the request; in production it serves
// the dashboards' hot GET routes with their handlers itself (direct.ts).

export const PEER_HEADER = 'x-meshwatch-peer';

const globalForPeer = globalThis as typeof globalThis & { __meshwatchPeerStamp?: boolean; __meshwatchDirect?: DirectHandlers };

/**
 * Patches the HTTP servers of this process to stamp each request's socket address; idempotent. `direct`:
 * the hot routes the front door hands to their handlers itself (direct.ts; the last call's set counts).
 */
export function installPeerStamp(headerOptions: () => SecurityHeaderOptions = () => ({ hsts: false, development: false }), direct: DirectHandlers = {}): void {
  globalForPeer.__meshwatchDirect = direct;
  if (globalForPeer.__meshwatchPeerStamp) return;
  globalForPeer.__meshwatchPeerStamp = true;
  for (const Server of [http.Server, https.Server]) {
    const proto = Server.prototype as { emit: (event: string | symbol, ...args: unknown[]) => boolean };
    const emit = proto.emit;
    proto.emit = function stamped(this: unknown, event: string | symbol, ...args: unknown[]) {
      if (event === 'request' || event === 'checkContinue' || event === 'checkExpectation') {
        const req = args[0] as IncomingMessage;
        req.headers[PEER_HEADER] = req.socket.remoteAddress ?? '';
        const res = args[1] as ServerResponse;
        const path = pathOf(req.url ?? '/');
        if (frontDoor(req, res, path, headerOptions)) return true;
        if (event === 'request') {
          // A hot route's GET goes to its handler here in production (direct.ts), anything else to Next.js.
          const onward = () => serveDirect(req, res, path, globalForPeer.__meshwatchDirect ?? {}) || emit.call(this, event, ...args);
          // Identical dashboard GETs in flight are answered once (coalesce.ts); a follower whose leader's
          // answer cannot be shared goes onward, as it would have.
          return coalesce(req, res, path, onward) || onward();
        }
      }
      return emit.call(this, event, ...args);
    };
  }
}

/** For tests: behave as a server with the stamp installed (or not). */
export function setPeerStampForTests(on: boolean): void {
  globalForPeer.__meshwatchPeerStamp = on;
}

/** The connecting address; undefined without the stamp (in-process calls), where the header proves nothing. */
export function peerOf(headers: Headers): string | undefined {
  if (!globalForPeer.__meshwatchPeerStamp) return undefined;
  const peer = headers.get(PEER_HEADER);
  return peer ? normalizeAddress(peer) : undefined;
}

/**
 * The client's address for throttling: the peer, or behind a trusted proxy the nearest X-Forwarded-For
 * entry that is not itself a trusted proxy (entries further left are the client's own say-so).
 */
export function clientAddress(headers: Headers, config: AuthConfig): string {
  const peer = peerOf(headers);
  if (peer === undefined) return 'unknown';
  if (!isTrustedProxy(peer, config)) return peer;
  const hops = (headers.get('x-forwarded-for') ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i] as string);
    if (!isTrustedProxy(hop, config)) return hop.slice(0, 64);
  }
  return peer;
}
