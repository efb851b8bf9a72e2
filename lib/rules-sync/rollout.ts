import { istioAdapter, linkerdAdapter } from '@/lib/mesh';
import { rolloutRuleGroup } from '@/lib/slo/rules/rollout';
import type { RuleGroup } from '@/lib/slo/rules/rules';
import type { SliSource } from '@/lib/slo/sli-source';

/** The MeshwatchRollout group over the mesh whose SLI counters are `source`; none for a mesh Meshwatch has no adapter of. */
export function rolloutGroups(source: SliSource, muteFor: string): RuleGroup[] {
  const adapter = [istioAdapter, linkerdAdapter].find((a) => a.sli === source);
  return adapter ? [rolloutRuleGroup(adapter.rolloutStarted({ since: muteFor }).promql, muteFor)] : [];
}
