// Compare mode: which edges are new, gone, or changed most in error ratio against a baseline. Pure.
import type { GraphEdge } from './schema';

export type EdgeChange = 'new' | 'gone' | 'worse' | 'better' | 'same';

/** An error-ratio move smaller than one percentage point is noise at 5m windows, not a change. */
export const CHANGE_THRESHOLD = 0.01;
/** Only the largest moves are marked, so the picture points at a few edges, not all of them. */
export const MAX_CHANGED = 5;

export interface EdgeDiff {
  key: string;
  source: string;
  target: string;
  change: EdgeChange;
  /** Current minus baseline error ratio; null when either side had no traffic. */
  errorRatioDelta: number | null;
}

export const edgeKey = (e: Pick<GraphEdge, 'source' | 'target' | 'protocol'>) => `${e.source} -> ${e.target} (${e.protocol})`;

const active = (e: GraphEdge) => e.rps > 0 || (e.bytesPerSecond ?? 0) > 0;

/** Every edge of either graph, classified; changed edges are the top MAX_CHANGED by |delta|. */
export function diffEdges(current: readonly GraphEdge[], baseline: readonly GraphEdge[]): Map<string, EdgeDiff> {
  const before = new Map(baseline.filter(active).map((e) => [edgeKey(e), e]));
  const now = new Map(current.filter(active).map((e) => [edgeKey(e), e]));
  const out = new Map<string, EdgeDiff>();
  const moved: EdgeDiff[] = [];
  for (const [key, e] of now) {
    const b = before.get(key);
    if (!b) {
      out.set(key, { key, source: e.source, target: e.target, change: 'new', errorRatioDelta: null });
      continue;
    }
    const delta = e.errorRatio === null || b.errorRatio === null ? null : e.errorRatio - b.errorRatio;
    const d: EdgeDiff = { key, source: e.source, target: e.target, change: 'same', errorRatioDelta: delta };
    out.set(key, d);
    if (delta !== null && Math.abs(delta) >= CHANGE_THRESHOLD) moved.push(d);
  }
  for (const [key, b] of before) {
    if (!now.has(key)) out.set(key, { key, source: b.source, target: b.target, change: 'gone', errorRatioDelta: null });
  }
  moved.sort((a, b) => Math.abs(b.errorRatioDelta ?? 0) - Math.abs(a.errorRatioDelta ?? 0) || (a.key < b.key ? -1 : 1));
  for (const d of moved.slice(0, MAX_CHANGED)) d.change = (d.errorRatioDelta ?? 0) > 0 ? 'worse' : 'better';
  return out;
}
