import type { SloSpec } from '@/lib/slo/spec';

// A one-line-per-field summary of what a change did, for the history list. Pure.

type Flat = Record<string, string>;

function flatten(value: unknown, prefix: string, out: Flat): Flat {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (value !== undefined) {
    out[prefix] = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return out;
}

/** `["objective: 99.9 → 99.5"]`; created/deleted SLOs summarise as a whole. */
export function diffSummary(before: SloSpec | null, after: SloSpec | null): string[] {
  if (!before && after) return [`created ${after.service} ${after.indicator.type} ${after.objective}% / ${after.window}`];
  if (before && !after) return ['deleted'];
  if (!before || !after) return [];
  const a = flatten(before, '', {});
  const b = flatten(after, '', {});
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const lines = keys.filter((k) => a[k] !== b[k]).map((k) => `${k}: ${a[k] ?? '(none)'} → ${b[k] ?? '(none)'}`);
  return lines.length ? lines : ['no change'];
}
