// Small, dependency-free summary statistics for the benchmarks.
export interface Summary {
  min: number;
  median: number;
  p95: number;
  max: number;
}

export interface Row extends Summary {
  name: string;
  unit: string;
}

/** Nearest-rank quantile of an ascending-sorted array. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function summarize(values: number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { min: sorted[0] ?? Number.NaN, median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? Number.NaN };
}

export function formatTable(rows: Row[]): string {
  const fmt = (v: number, unit: string) => (unit === 'x' ? `${v.toFixed(2)}x` : `${v.toFixed(1)} ms`);
  const header = `${'measurement'.padEnd(40)} ${'min'.padStart(10)} ${'median'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)}`;
  const lines = rows.map(
    (r) =>
      `${r.name.padEnd(40)} ${fmt(r.min, r.unit).padStart(10)} ${fmt(r.median, r.unit).padStart(10)} ${fmt(r.p95, r.unit).padStart(10)} ${fmt(r.max, r.unit).padStart(10)}`,
  );
  return [header, ...lines].join('\n');
}
