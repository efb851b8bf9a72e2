import 'server-only';
import { MESH_ADAPTERS } from '@/lib/mesh';
import { meshHealthGroups } from '@/lib/mesh-alerts';
import type { RuleGroup } from '@/lib/slo/rules/rules';
import type { SliSource } from '@/lib/slo/sli-source';
import { getSloStore } from '@/lib/store';

// The mesh-health group for the rule file: the detected mesh's signals (the mesh whose SLI counters the
// SLO rules read) with the stored settings.

export function meshHealthGroupsFor(source: SliSource, publicUrl: string | undefined): RuleGroup[] {
  const adapter = Object.values(MESH_ADAPTERS).find((a) => a.kind === source.mesh);
  if (!adapter) return [];
  return meshHealthGroups(adapter.healthSignals(), getSloStore().meshAlertSettings(), publicUrl);
}
