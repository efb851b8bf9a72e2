import 'server-only';
import { MESH_ADAPTERS } from '@/lib/mesh';
import { absoluteHref } from '@/lib/links';
import { MESH_ALERTS, meshAlertRules, meshHealthGroups, resolveSettings, runbookHref, type MeshAlertsResponse } from '@/lib/mesh-alerts';
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

/** GET/PUT /api/mesh-alerts' answer: each alert's setting, what it means, and whether this mesh has its signal. */
export function meshAlertsBody(source: SliSource, publicUrl: string | undefined): MeshAlertsResponse {
  const adapter = Object.values(MESH_ADAPTERS).find((a) => a.kind === source.mesh) ?? MESH_ADAPTERS.istio;
  const stored = getSloStore().meshAlertSettings();
  const settings = resolveSettings(stored);
  const rules = meshAlertRules(adapter.healthSignals(), stored, publicUrl);
  return {
    mesh: adapter.kind,
    alerts: MESH_ALERTS.map((def) => {
      const setting = settings.find((s) => s.id === def.id);
      const saved = stored.find((s) => s.id === def.id);
      const unavailable = rules.find((r) => r.id === def.id)?.unavailable;
      return {
        id: def.id,
        alert: def.alert,
        title: def.title,
        severity: def.severity,
        enabled: setting?.enabled ?? true,
        threshold: setting?.threshold ?? def.threshold.default,
        unit: def.threshold.unit,
        meaning: def.threshold.meaning,
        default: def.threshold.default,
        min: def.threshold.min,
        max: def.threshold.max,
        available: unavailable === undefined,
        ...(unavailable ? { unavailableReason: unavailable.unsupported } : {}),
        runbookUrl: absoluteHref(runbookHref(def.id), publicUrl),
        updatedAt: saved?.updatedAt ?? null,
        updatedBy: saved?.updatedBy ?? null,
      };
    }),
  };
}
