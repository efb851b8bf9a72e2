// Reading adapter results back in mesh-neutral terms.
import type { Dimension, MeshQuery } from './adapter';

/** The value of `dim` in a result's labels, '' when the query does not group by it or the label is empty. */
export function readDim(labels: Readonly<Record<string, string>>, query: MeshQuery, dim: Dimension): string {
  const name = query.labels[dim];
  return name === undefined ? '' : (labels[name] ?? '');
}

/** A stable join key over several dimensions (JSON, so values containing separators cannot collide). */
export function dimKey(labels: Readonly<Record<string, string>>, query: MeshQuery, dims: readonly Dimension[]): string {
  return JSON.stringify(dims.map((d) => readDim(labels, query, d)));
}
