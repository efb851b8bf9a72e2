// Security posture: share of traffic over mutual TLS, and days until the nearest certificate expiry.
import type { Health } from '../../schema';
import { formatUtc } from '@/lib/format';
import { readDim, type MeshAdapter } from '@/lib/mesh';
import type { PanelParams } from '../../params';
import { finite, read } from '../values';
import { definePanel, instant } from '../types';
import { spanWindow } from '../windows';

const DAY = 86_400;
/** Certificate rotation needs lead time: under two weeks is an emergency, under a month a ticket. */
export const CERT_BAD_DAYS = 14;
export const CERT_WARN_DAYS = 30;
/** Any plaintext is worth a look; more than 5% of traffic is a gap in the mesh policy. */
const MTLS_WARN = 0.95;
const LISTED_EDGES = 3;

export function mtlsHealth(ratio: number | null): Health {
  if (ratio === null) return 'unknown';
  if (ratio >= 1) return 'good';
  return ratio >= MTLS_WARN ? 'warn' : 'bad';
}

export function certHealth(days: number | null): Health {
  if (days === null) return 'unknown';
  if (days < CERT_BAD_DAYS) return 'bad';
  return days < CERT_WARN_DAYS ? 'warn' : 'good';
}

const plaintextEdges = (p: PanelParams, mesh: MeshAdapter) => mesh.plaintextRate({ window: spanWindow(p), by: 'edge', namespace: p.namespace });

export const mtlsCoverage = definePanel({
  queries: (p, { mesh }) => ({
    ratio: instant('Share of requests over mutual TLS in the range (server side)', mesh.mtlsRatio({ window: spanWindow(p), by: 'mesh', namespace: p.namespace }).promql),
    plaintext: instant('Edges with plaintext requests in the range', plaintextEdges(p, mesh).promql),
  }),
  transform: ({ ratio, plaintext }, p, { mesh }) => {
    const r = read(ratio[0], 'no requests in the range');
    const q = plaintextEdges(p, mesh);
    const edges = plaintext
      .filter((s) => Number.isFinite(s.value))
      .sort((a, b) => b.value - a.value)
      .map((s) => {
        const from = `${readDim(s.labels, q, 'sourceNamespace')}/${readDim(s.labels, q, 'sourceService')}`;
        return `${from} → ${readDim(s.labels, q, 'namespace')}/${readDim(s.labels, q, 'service')} (${s.value.toPrecision(3)} req/s)`;
      });
    const listed = edges.slice(0, LISTED_EDGES).join(', ') + (edges.length > LISTED_EDGES ? ` and ${edges.length - LISTED_EDGES} more` : '');
    const detail = r.value === null ? r.reason : edges.length === 0 ? 'All requests used mutual TLS' : `Plaintext: ${listed}`;
    return { data: { kind: 'stat', value: r.value, unit: 'ratio', health: mtlsHealth(r.value), detail }, warnings: [] };
  },
});

export const certExpiry = definePanel({
  queries: (_p, { mesh }) => ({ expiry: instant('Expiry time (unix s) of each mesh certificate', mesh.certExpiry().query.promql) }),
  transform: ({ expiry }, p, { mesh }) => {
    const { query, names } = mesh.certExpiry();
    const nearest = expiry.filter((s) => Number.isFinite(s.value)).sort((a, b) => a.value - b.value)[0];
    if (!nearest) {
      const metrics = Object.keys(names).join(', ');
      return { data: { kind: 'stat', value: null, unit: 'days', health: 'unknown', detail: `No certificate expiry metric (${metrics}) at the end of the range` }, warnings: [] };
    }
    const days = (nearest.value - p.end) / DAY;
    const cert = readDim(nearest.labels, query, 'cert');
    const detail = `${names[cert] ?? cert} ${days < 0 ? 'expired' : 'expires'} ${formatUtc(nearest.value)}`;
    return { data: { kind: 'stat', value: finite(days), unit: 'days', health: certHealth(days), detail }, warnings: [] };
  },
});
