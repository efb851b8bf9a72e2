import 'server-only';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { getEnv } from '@/lib/env';
import { ApiError } from '@/lib/api';
import { SLI_SOURCES } from '@/lib/mesh';
import { detectedSli } from '@/lib/mesh-detected';
import { getPrometheusClient, isPrometheusError } from '@/lib/prometheus';
import { resolveSettings } from '@/lib/mesh-alerts';
import { ruleGroupCount, type RuleGroup } from '@/lib/slo/rules/rules';
import type { SliSource } from '@/lib/slo/sli-source';
import type { RulesDelivery } from '@/lib/slo/alerting-schema';
import type { SloSpec } from '@/lib/slo/spec';
import { getSloStore } from '@/lib/store';
import { rulesFileYaml } from './bundle';
import { rolloutGroups } from './rollout';
import { checkSloRules } from './check';
import { meshHealthGroupsFor } from './mesh-health';
import { checkRules } from './write';
import { createRulesSyncer, type RulesSyncer, type SyncDeps } from './sync';

// Rule delivery for this process: with MESHWATCH_RULES_FILE, every SLO change rewrites that file
// (checked, atomic) and reloads Prometheus; without it ("gitops"), nothing is written and the UI offers
// the PrometheusRule bundle instead.

export { allRuleGroups, prometheusRuleBundleYaml, rulesFileYaml } from './bundle';
export { rolloutGroups } from './rollout';
export { createRulesSyncer, type RulesSyncer, type SyncState, type SyncDeps } from './sync';
export { writeCheckedRules, type CheckedWrite } from './write';
export { checkSloRules, type SloCheck } from './check';
export { meshAlertsBody, meshHealthGroupsFor } from './mesh-health';
export { historyAlertsBySlo, liveAlertsBySlo, sloAlerting } from './readback';

/** 403 and 404: Prometheus without --web.enable-lifecycle, or a Prometheus-compatible server without the endpoint. */
const LIFECYCLE_OFF = new Set([403, 404]);

export const reloadPrometheus: SyncDeps['reload'] = async () => {
  try {
    await getPrometheusClient().reload();
    return { outcome: 'ok' };
  } catch (err) {
    if (isPrometheusError(err) && err.kind === 'http' && err.status !== undefined && LIFECYCLE_OFF.has(err.status)) {
      return {
        outcome: 'disabled',
        error: `Prometheus refused POST /-/reload (HTTP ${err.status}): start it with --web.enable-lifecycle, or reload it yourself (SIGHUP); the rule file is written`,
      };
    }
    return { outcome: 'error', error: `Reload failed: ${err instanceof Error ? err.message : String(err)}` };
  }
};

// One syncer per process, shared by every server bundle Next.js builds (same reason as lib/store).
const globalForSync = globalThis as typeof globalThis & { __meshwatchRulesSyncer?: RulesSyncer };

/** The process's syncer; null in gitops mode (no MESHWATCH_RULES_FILE). */
/**
 * The rule file's groups that belong to no SLO, after the SLOs' (the mesh-health alerts, the
 * MeshwatchRollout alert): the sync writes them and GET /api/rules?format=yaml serves the same file.
 */
export function ruleFileExtraGroups(source: SliSource): RuleGroup[] {
  const { http, alertmanager } = getEnv();
  return [...meshHealthGroupsFor(source, http.publicOrigins[0]), ...rolloutGroups(source, alertmanager.rolloutMute)];
}

export function getRulesSyncer(): RulesSyncer | null {
  const { rules, http, regions } = getEnv();
  if (rules.file === undefined) return null;
  globalForSync.__meshwatchRulesSyncer ??= createRulesSyncer({
    file: rules.file,
    promtool: rules.promtool,
    publicUrl: http.publicOrigins[0],
    regions,
    listSpecs: () => getSloStore().list().map((s) => s.spec),
    sli: () => detectedSli(getPrometheusClient()),
    extraGroups: ruleFileExtraGroups,
    reload: reloadPrometheus,
  });
  return globalForSync.__meshwatchRulesSyncer;
}

/**
 * Called after every saved SLO change and at start-up. Never blocks or fails the change: the sync runs
 * in the background and its outcome is GET /api/rules' `lastSync`. The promise is for tests.
 */
export function requestRulesSync(): Promise<void> {
  let syncer: RulesSyncer | null;
  try {
    syncer = getRulesSyncer();
  } catch (err) {
    console.error('[rules-sync]', err instanceof Error ? err.message : err);
    return Promise.resolve();
  }
  if (!syncer) return Promise.resolve();
  return syncer.request().then(
    (state) => {
      if (!state.ok || state.reload === 'error') console.error(`[rules-sync] ${state.error ?? 'failed'}${state.checkOutput ? `\n${state.checkOutput}` : ''}`);
      if (state.reload === 'error') retryLater();
    },
    (err: unknown) => console.error('[rules-sync]', err),
  );
}

/** Prometheus down at start-up (or restarting) must not leave its rules unloaded until the next SLO edit. */
const RELOAD_RETRY_MS = 30_000;
let retryTimer: ReturnType<typeof setTimeout> | undefined;

function retryLater(): void {
  if (retryTimer) return;
  retryTimer = setTimeout(() => {
    retryTimer = undefined;
    void requestRulesSync();
  }, RELOAD_RETRY_MS);
  retryTimer.unref();
}

/** Whether `name` runs: a path that exists and is executable, or a bare name found on PATH. */
export function resolvable(name: string, pathEnv = process.env.PATH ?? ''): boolean {
  const candidates = name.includes('/') ? [name] : pathEnv.split(path.delimiter).filter(Boolean).map((d) => path.join(d, name));
  return candidates.some((c) => {
    try {
      accessSync(c, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** promtool for save-time checks: always in file mode (the sync needs it anyway), in gitops mode when it is installed. */
function savePromtool(): string | null {
  const { rules } = getEnv();
  return rules.file !== undefined || resolvable(rules.promtool) ? rules.promtool : null;
}

/**
 * Refuses (422 rules_rejected) SLOs whose generated rules promtool rejects, before anything is stored:
 * saved, they would reach Prometheus never. Without promtool, or when it cannot run, saves as before
 * (the sync reports a missing promtool).
 */
export async function assertRulesAccepted(specs: readonly SloSpec[], opts: { keyBySlo?: boolean } = {}): Promise<void> {
  const promtool = savePromtool();
  if (promtool === null) return;
  // The check is about the spec's own fields (custom queries, names): the generated counters pass
  // promtool for every mesh, so a Prometheus that cannot say its mesh right now must not block a save.
  const source = await detectedSli(getPrometheusClient()).catch(() => SLI_SOURCES[0]);
  // An import of many SLOs: one promtool run when all pass; one per SLO only to say which fail.
  const { regions } = getEnv();
  if (specs.length > 1 && (await checkRules(rulesFileYaml(specs, source, undefined, regions), promtool)).ok) return;
  const fieldErrors: Record<string, string[]> = {};
  const rejected: string[] = [];
  for (const spec of specs) {
    const check = await checkSloRules(spec, source, promtool, regions);
    if (check.verdict !== 'rejected') continue;
    rejected.push(spec.name);
    // One SLO: the spec's own field names (the form marks them); an import: prefixed with the SLO's name.
    for (const [field, lines] of Object.entries(check.fieldErrors)) (fieldErrors[opts.keyBySlo ? `${spec.name}.${field}` : field] ??= []).push(...lines);
  }
  if (rejected.length === 0) return;
  const first = Object.values(fieldErrors)[0]?.[0] ?? '';
  throw new ApiError(422, 'rules_rejected', `promtool rejects the rules generated for ${rejected.join(', ')}: ${first}`, { fieldErrors, formErrors: [] });
}

export function rulesDelivery(): RulesDelivery {
  const { rules } = getEnv();
  const store = getSloStore();
  // The mesh-health group is written whenever one of its alerts is on.
  const meshHealth = resolveSettings(store.meshAlertSettings()).some((s) => s.enabled) ? 1 : 0;
  const groups = store.list().reduce((n, s) => n + ruleGroupCount(s.spec), meshHealth);
  if (rules.file === undefined) return { mode: 'gitops', lastSync: null, groups };
  // The rule file also always holds MeshwatchRollout's group (lib/rules-sync/rollout.ts); the PrometheusRule bundle does not.
  return { mode: 'file', file: rules.file, lastSync: getRulesSyncer()?.last() ?? null, groups: groups + 1 };
}
export { readSloAlerting, type AlertingReadback } from './alerting';
