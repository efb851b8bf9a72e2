import type { RegionMap } from '@/lib/env-regions';
import { Document } from 'yaml';
import type { SliSource } from '@/lib/slo/sli-source';
import { substituteWindow, type SloSpec } from '@/lib/slo/spec';
import { rulesFileYaml } from './bundle';
import { checkRules } from './write';

// One SLO's rules judged by promtool alone, so that a rule Prometheus would refuse is refused at save
// time (with the field to fix) instead of silently blocking the rule file of every SLO.

export type SloCheck =
  | { verdict: 'accepted' }
  /** promtool could not run (missing, hung): nothing is known about the rules. */
  | { verdict: 'unavailable'; output: string }
  | { verdict: 'rejected'; output: string; fieldErrors: Record<string, string[]> };

/** Recording rules named after the custom indicator's fields, so promtool's complaint names the field. */
const PROBES = [
  ['indicator.errorQuery', 'meshwatch_check:error_query'],
  ['indicator.totalQuery', 'meshwatch_check:total_query'],
] as const;

/** promtool's lines that say what is wrong (it prints the file name and "FAILED:" around them). */
export function problemLines(output: string): string[] {
  return output
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => /^\S+: \d+:\d+: |group "|could not|parse error|error/i.test(l) && !/^Checking /.test(l));
}

/** The custom indicator's queries as rules of their own; null for generated indicators. */
export function probeYaml(spec: SloSpec): string | null {
  if (spec.indicator.type !== 'custom') return null;
  const { errorQuery, totalQuery } = spec.indicator;
  const queries = { 'indicator.errorQuery': errorQuery, 'indicator.totalQuery': totalQuery };
  const rules = PROBES.map(([field, record]) => ({ record, expr: substituteWindow(queries[field], '5m') }));
  return new Document({ groups: [{ name: 'meshwatch-check', rules }] }).toString({ lineWidth: 0 });
}

/** Maps promtool's lines to the fields of the spec they are about; what names no query goes to `indicator`. */
export function fieldErrorsFrom(lines: readonly string[], probeLines: readonly string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, record] of PROBES) {
    const hits = probeLines.filter((l) => l.includes(`"${record}"`));
    if (hits.length > 0) out[field] = hits.map((l) => l.replace(/^.*?could not parse expression: /, ''));
  }
  if (Object.keys(out).length === 0) out.indicator = lines.length > 0 ? [...lines] : ['promtool rejected the generated rules'];
  return out;
}

export async function checkSloRules(spec: SloSpec, source: SliSource, promtool: string, regions?: RegionMap): Promise<SloCheck> {
  const run = await checkRules(rulesFileYaml([spec], source, undefined, regions), promtool, `${spec.name}.rules.yml`);
  if (run.ok) return { verdict: 'accepted' };
  if (!run.ran) return { verdict: 'unavailable', output: run.output };
  const probe = probeYaml(spec);
  const probed = probe === null ? null : await checkRules(probe, promtool, `${spec.name}.queries.yml`);
  const lines = problemLines(run.output);
  return { verdict: 'rejected', output: run.output, fieldErrors: fieldErrorsFrom(lines, probed && !probed.ok ? problemLines(probed.output) : []) };
}
