// Test samples for assembleGraph, written through each query's own label map so the same cases run
// for every mesh (the mesh's label names stay in lib/mesh). Used by the assemble tests only.
import type { Dimension, MeshQuery } from '@/lib/mesh';
import type { VectorSample } from './assemble';

/** A vector sample of `query` whose labels carry `dims` under the mesh's names for them. */
export function sample(query: MeshQuery | undefined, dims: Partial<Record<Dimension, string>>, value: number): VectorSample {
  const labels: Record<string, string> = {};
  for (const [dim, v] of Object.entries(dims)) {
    const name = query?.labels[dim as Dimension];
    if (name === undefined) throw new Error(`query has no ${dim} label`);
    labels[name] = v;
  }
  return { labels, value };
}
