// Words for graph numbers, shared by the chart, the table and the side panel. Pure.
import { formatMs, formatRps } from '@/components/format';
import type { GraphEdge, GraphNode } from '@/lib/graph';

/** Error ratio as a percentage with up to two decimals; '—' without traffic. */
export function formatErrorPct(ratio: number | null): string {
  if (ratio === null) return '—';
  if (ratio > 0 && ratio < 0.0001) return '< 0.01%';
  return `${(ratio * 100).toFixed(ratio >= 0.1 ? 0 : 2)}%`;
}

export function formatP95(ms: number | null): string {
  return ms === null ? '—' : `${formatMs(ms)} ms`;
}

export function formatBytes(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)} MB/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} kB/s`;
  return `${perSecond.toFixed(0)} B/s`;
}

export function formatMtls(ratio: number | null): string {
  if (ratio === null) return '—';
  if (ratio >= 1) return 'mTLS';
  return ratio === 0 ? 'plaintext' : `${(ratio * 100).toFixed(0)}% mTLS`;
}

/** A plaintext share on an edge with traffic: the warning the picture must carry. */
export const isPlaintext = (e: GraphEdge) => e.mtlsRatio !== null && e.mtlsRatio < 1;

export function edgeSummary(e: GraphEdge): string {
  if (e.protocol === 'tcp') return `TCP · ${formatRps(e.rps)} conn/s · ${formatBytes(e.bytesPerSecond ?? 0)} · ${formatMtls(e.mtlsRatio)}`;
  return `${formatRps(e.rps)} req/s · ${formatErrorPct(e.errorRatio)} errors · p95 ${formatP95(e.p95Ms)} · ${formatMtls(e.mtlsRatio)}`;
}

export function nodeSummary(n: GraphNode): string {
  return `${formatRps(n.rps)} req/s · ${formatErrorPct(n.errorRatio)} errors · p95 ${formatP95(n.p95Ms)}`;
}
