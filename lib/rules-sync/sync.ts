import type { RuleGroup } from '@/lib/slo/rules/rules';
import type { SliSource } from '@/lib/slo/sli-source';
import type { SloSpec } from '@/lib/slo/spec';
import type { RegionMap } from '@/lib/env-regions';
import { allRuleGroups, rulesFileYaml } from './bundle';
import { checkSloRules } from './check';
import { writeCheckedRules } from './write';

// One rule-file sync at a time: a burst of SLO edits (an import, a script) becomes at most one running
// sync plus one queued behind it, which reads the store when it starts and so covers every edit made
// meanwhile. A sync never throws: its outcome is the state GET /api/rules reports.

/** ok: reloaded; disabled: Prometheus refuses /-/reload (no --web.enable-lifecycle); skipped: the check failed. */
export type ReloadOutcome = 'ok' | 'disabled' | 'error' | 'skipped';

export interface SyncState {
  /** RFC 3339. */
  at: string;
  /** The check passed and the file holds the rules of every stored SLO. */
  ok: boolean;
  /** SLOs whose rules promtool rejects on their own: left out of the file so the others are still delivered. */
  excluded?: Excluded[];
  checkOutput?: string;
  reload: ReloadOutcome;
  error?: string;
  groups: number;
}

export interface Excluded {
  slo: string;
  /** promtool's output for that SLO's groups alone. */
  output: string;
}

export interface SyncDeps {
  file: string;
  promtool: string;
  listSpecs: () => SloSpec[];
  /** MESHWATCH_PUBLIC_URL's origin: the alerts' links to Meshwatch are absolute against it (relative without). */
  publicUrl?: string;
  /** MESHWATCH_REGIONS: perRegion SLOs get region-grouped rules and alerts with a `region` label. */
  regions?: RegionMap;
  /** The counters of the mesh the rules read (the detected mesh's); may throw while Prometheus is unreachable. */
  sli: () => Promise<SliSource>;
  /** POST /-/reload; resolves with the outcome, never throws. */
  reload: () => Promise<{ outcome: 'ok' | 'disabled' | 'error'; error?: string }>;
  /** Groups written after the SLOs' that belong to no SLO (the mesh-health alerts, the MeshwatchRollout alert) for the mesh of `source`. */
  extraGroups?: (source: SliSource) => RuleGroup[];
  now?: () => Date;
}

export interface RulesSyncer {
  /** Starts a sync, or queues one behind the running sync; resolves with the state of a sync that saw the store as of this call. */
  request(): Promise<SyncState>;
  last(): SyncState | null;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

const excludedMessage = (excluded: readonly Excluded[]) =>
  `promtool rejects the rules of ${excluded.map((e) => e.slo).join(', ')}: left out of the rule file, every other SLO is delivered`;

/** One promtool run per SLO, a few at a time (each is a process; there may be hundreds of SLOs). */
const CHECK_CONCURRENCY = 4;

async function rejectedAlone(specs: readonly SloSpec[], source: SliSource, promtool: string, regions?: RegionMap): Promise<Excluded[]> {
  const out: Excluded[] = [];
  for (let i = 0; i < specs.length; i += CHECK_CONCURRENCY) {
    const batch = specs.slice(i, i + CHECK_CONCURRENCY);
    const checks = await Promise.all(batch.map((s) => checkSloRules(s, source, promtool, regions)));
    batch.forEach((spec, j) => {
      const check = checks[j];
      if (check?.verdict === 'rejected') out.push({ slo: spec.name, output: check.output });
    });
  }
  return out;
}

export function createRulesSyncer(deps: SyncDeps): RulesSyncer {
  const now = deps.now ?? (() => new Date());
  let last: SyncState | null = null;
  let running: Promise<SyncState> | null = null;
  let queued: Promise<SyncState> | null = null;

  async function run(): Promise<SyncState> {
    const at = now().toISOString();
    let state: SyncState;
    let source: SliSource;
    try {
      source = await deps.sli();
    } catch (err) {
      // Without the mesh there are no rules to write: keep the previous file rather than guess a mesh.
      last = { at, ok: false, reload: 'error', error: `Could not tell which mesh Prometheus holds, so the rule file was not rewritten: ${message(err)}`, groups: 0 };
      return last;
    }
    try {
      const specs = deps.listSpecs();
      const extra = deps.extraGroups?.(source) ?? [];
      let written = await writeCheckedRules(deps.file, rulesFileYaml(specs, source, deps.publicUrl, deps.regions, extra), deps.promtool);
      let excluded: Excluded[] = [];
      let kept = specs;
      if (!written.ok) {
        // One SLO's bad rule must not hold back every other SLO: find the SLOs promtool rejects on their
        // own and write the rest. Only a real verdict excludes (a missing promtool would exclude them all).
        excluded = await rejectedAlone(specs, source, deps.promtool, deps.regions);
        if (excluded.length > 0) {
          const out = new Set(excluded.map((e) => e.slo));
          kept = specs.filter((s) => !out.has(s.name));
          written = await writeCheckedRules(deps.file, rulesFileYaml(kept, source, deps.publicUrl, deps.regions, extra), deps.promtool);
        }
      }
      const groups = allRuleGroups(kept, source, deps.publicUrl, deps.regions).length + extra.length;
      const left = excluded.length > 0 ? { excluded } : {};
      if (!written.ok) {
        state = { at, ok: false, checkOutput: written.checkOutput, ...left, reload: 'skipped', error: 'promtool check rules rejected the generated rules; the previous rule file stays in place', groups };
      } else {
        // Reloading an unchanged file is cheap and repairs a Prometheus that missed the previous reload.
        const reload = await deps.reload();
        const why = [excluded.length > 0 ? excludedMessage(excluded) : '', reload.error ?? ''].filter(Boolean).join('; ');
        state = { at, ok: excluded.length === 0, checkOutput: written.checkOutput, ...left, reload: reload.outcome, ...(why ? { error: why } : {}), groups };
      }
    } catch (err) {
      state = { at, ok: false, reload: 'skipped', error: `Could not write ${deps.file}: ${message(err)}`, groups: 0 };
    }
    last = state;
    return state;
  }

  function request(): Promise<SyncState> {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
      return running;
    }
    // The queued sync starts after the running one and reads the store then: one queued sync serves every caller meanwhile.
    queued ??= running.then(() => {
      queued = null;
      return request();
    });
    return queued;
  }

  return { request, last: () => last };
}
